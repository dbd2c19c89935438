/** Metrics recomputed from hand-built schedules (FORMAT §2, §6.3–6.6); numbers worked by hand in ../check/fixtures.ts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics, median } from '../../src/metrics/index.ts';
import type { DayProblem, RecipientMetrics, Schedule } from '../../src/model/types.ts';
import { recipient } from '../builders.ts';
import { BASE_METRICS, baseProblem, baseSchedule, home, recipientOf, staffOf, visitOf } from '../check/fixtures.ts';

function metricsWith(change: (problem: DayProblem, schedule: Schedule) => void) {
  const problem = baseProblem();
  const schedule = baseSchedule();
  change(problem, schedule);
  return computeMetrics(problem, schedule);
}

function row(metrics: ReturnType<typeof computeMetrics>, id: string): RecipientMetrics {
  return (metrics.byRecipient as Record<string, RecipientMetrics>)[id];
}

describe('computeMetrics', () => {
  it('gives the hand-computed metrics of the base schedule', () => {
    expect(computeMetrics(baseProblem(), baseSchedule())).toEqual(BASE_METRICS);
  });

  it('median of an even count is the mean of the middle two; recipients with no visit assigned count 0', () => {
    const m = computeMetrics(baseProblem(), baseSchedule());
    // r1 2, r2 1, r3 2, r4 0 (v5 unassigned) → [0, 1, 2, 2]
    expect(m.distinctStaffPerRecipient).toEqual({ mean: 1.25, median: 1.5, max: 2 });
  });

  it('median of an odd count is the middle value; recipients without visits in the problem are left out', () => {
    const m = metricsWith((p, s) => {
      p.visits = p.visits.filter((v) => v.id !== 'v5');
      p.recipients.push(recipient('r5', home(59.35)));
      s.unassigned = s.unassigned.filter((u) => u.visit !== 'v5');
    });
    expect(m.distinctStaffPerRecipient).toEqual({ mean: 5 / 3, median: 2, max: 2 });
    expect(Object.keys(m.byRecipient)).toEqual(['r1', 'r2', 'r3']);
  });

  it('a double-staffed visit counts once in the shares and twice in the minutes', () => {
    // With r3's contact s1: v1 ✓, v4 ✗ (s2), v2 ✓, v3 ✓ (s1 among the two sent) → 3 of 4.
    const m = metricsWith((p) => (recipientOf(p, 'r3').contact = 's1'));
    expect(m.contactShare).toBe(3 / 4);
    expect(m.contactOrDeputyShare).toBe(1);
    expect(row(m, 'r3').contactShare).toBe(1);
    expect(m.serviceMinutes).toBe(30 + 45 + 20 + 45 + 30);
    expect(row(m, 'r3').serviceMinutes).toBe(90);
    expect(row(m, 'r3').waitMinutes).toBe(23 + 35);
  });

  it('lateness counts a double-staffed visit once overall, and once per staff member in byStaff', () => {
    const m = computeMetrics(baseProblem(), baseSchedule());
    expect(m.lateMinutes).toBe(10 + 15);
    expect(m.maxLateMinutes).toBe(15);
    expect(m.byStaff).toMatchObject({ s1: { lateMinutes: 25 }, s2: { lateMinutes: 15 } });
  });

  it('shares are null when no recipient with an assigned visit has a contact', () => {
    const m = metricsWith((p) => {
      for (const r of p.recipients) r.contact = null;
    });
    expect([m.contactShare, m.contactOrDeputyShare, m.contactReachableShare]).toEqual([null, null, null]);
  });

  it('a contact not working today is in the denominator but reaches nothing', () => {
    // r1's contact s9 is not on the list: v1 and v4 count, neither reachable; v4 still went to deputy s2.
    const m = metricsWith((p) => (recipientOf(p, 'r1').contact = 's9'));
    expect(m.contactShare).toBe(1 / 3);
    expect(m.contactOrDeputyShare).toBe(2 / 3);
    expect(m.contactReachableShare).toBe(1 / 3);
  });

  describe('contactReachableShare (§6.3)', () => {
    it('a contact not eligible for the visit', () => {
      expect(metricsWith((p) => (visitOf(p, 'v1').roles = ['nurse'])).contactReachableShare).toBe(2 / 3);
    });

    it('a contact excluded by the recipient', () => {
      expect(metricsWith((p) => (recipientOf(p, 'r1').excludedStaff = ['s1'])).contactReachableShare).toBe(1 / 3);
    });

    it('a shift that cannot hold the visit anywhere in its window', () => {
      // v4: window 10:00–11:00, 30 min; s1 until 10:15 cannot fit it, until 10:30 just can.
      expect(metricsWith((p) => (staffOf(p, 's1').shift = { start: '07:00', end: '10:15' })).contactReachableShare).toBe(2 / 3);
      expect(metricsWith((p) => (staffOf(p, 's1').shift = { start: '07:00', end: '10:30' })).contactReachableShare).toBe(1);
    });

    it('a shift that starts after the window ends', () => {
      // v1: window 07:30–08:30; s1 from 08:30 can still start at 08:30, from 08:31 not.
      expect(metricsWith((p) => (staffOf(p, 's1').shift = { start: '08:30', end: '15:00' })).contactReachableShare).toBe(1);
      expect(metricsWith((p) => (staffOf(p, 's1').shift = { start: '08:31', end: '15:00' })).contactReachableShare).toBe(2 / 3);
    });

    it('a lockedStart outside the contact\'s shift, though the window would fit', () => {
      const m = metricsWith((p) => {
        visitOf(p, 'v1').lockedStart = '07:45';
        staffOf(p, 's1').shift = { start: '07:50', end: '15:00' };
      });
      expect(m.contactReachableShare).toBe(2 / 3);
    });

    it('travel and breaks are ignored', () => {
      const m = metricsWith((p) => (staffOf(p, 's1').breaks = [{ earliest: '10:00', latest: '10:30', minutes: 30 }]));
      expect(m.contactReachableShare).toBe(1);
    });

    it('a lock naming fewer people than staffCount leaves the contact a seat', () => {
      expect(row(metricsWith((p) => (recipientOf(p, 'r3').contact = 's2')), 'r3').contactReachableShare).toBe(1);
      const locked = metricsWith((p) => {
        recipientOf(p, 'r3').contact = 's2';
        visitOf(p, 'v3').lockedStaff = ['s1', 's3'];
      });
      expect(row(locked, 'r3').contactReachableShare).toBe(0);
    });
  });

  describe('newStaffPerRecipient', () => {
    it('every recentStaff entry counts as met, however old', () => {
      expect(row(computeMetrics(baseProblem(), baseSchedule()), 'r2').newStaff).toBe(0);
    });

    it('staff met today who are not in recentStaff', () => {
      const m = metricsWith((p) => {
        recipientOf(p, 'r2').recentStaff = [];
        recipientOf(p, 'r1').recentStaff = [
          { staff: 's1', lastSeen: '2026-11-22', visits: 5 },
          { staff: 's2', lastSeen: '2026-11-10', visits: 1 },
        ];
      });
      // r1 0, r2 1, r3 2, r4 0
      expect(m.newStaffPerRecipient).toBe(3 / 4);
      expect([row(m, 'r1').newStaff, row(m, 'r2').newStaff]).toEqual([0, 1]);
    });
  });

  it('byStaff rows count visits, recipients and visits as the contact', () => {
    const m = computeMetrics(baseProblem(), baseSchedule());
    expect(m.byStaff).toMatchObject({ s2: { visits: 3, recipients: 3, contactVisits: 1 }, s3: { visits: 0 } });
  });

  it('leaves out routes of unknown staff and stops of unknown visits', () => {
    const m = metricsWith((_, s) => {
      s.routes[0].staff = 's9';
    });
    expect(m.assigned).toBe(3);
    expect(m.travelMinutes).toBe(34);
    expect(m.byStaff).not.toHaveProperty('s9');
  });

  it('every visit is assigned or unassigned, and the shares are ordered, whatever routes are dropped', () => {
    fc.assert(
      fc.property(fc.subarray([0, 1]), fc.subarray(['v1', 'v2', 'v3', 'v4']), (keep, dropped) => {
        const m = metricsWith((_, s) => {
          s.routes = s.routes.filter((_, i) => keep.includes(i));
          for (const r of s.routes) r.stops = r.stops.filter((stop) => !dropped.includes(stop.visit));
        });
        expect(m.assigned + m.unassignedMandatory + m.unassignedOptional).toBe(m.visits);
        if (m.contactShare !== null && m.contactOrDeputyShare !== null) expect(m.contactShare).toBeLessThanOrEqual(m.contactOrDeputyShare);
        expect(m.distinctStaffPerRecipient.median).toBeLessThanOrEqual(m.distinctStaffPerRecipient.max);
      }),
    );
  });
});

describe('median', () => {
  it('of an even count is the mean of the middle two, whatever the order', () => {
    expect(median([7, 1, 3, 5])).toBe(4);
    expect(median([2])).toBe(2);
    expect(median([])).toBe(0);
  });
});
