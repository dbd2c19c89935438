/**
 * 2026-10-25 in Stockholm: at 03:00 summer time (01:00 UTC) the clocks go back to 02:00,
 * so 02:30+02:00 and 02:30+01:00 are both real instants an hour apart, while 01:30+01:00
 * names 00:30 UTC, when the zone is still at +02:00.
 */
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/check/index.ts';
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import { nurse, recipient, visit } from '../builders.ts';
import { codes, home } from './fixtures.ts';

function problem(): DayProblem {
  return {
    format: 'kontinuitet/day@1',
    date: '2026-10-25',
    teams: [{ id: 'T1', office: { lat: 59.3, lon: 18 } }],
    staff: [nurse('n1', { shift: { start: '01:00', end: '06:00' } })],
    recipients: [recipient('r1', { ...home(59.31), contact: 'n1' })],
    // "02:00" is ambiguous on this day and means its first occurrence, 00:00 UTC.
    visits: [visit('w1', 'r1', '02:00', '04:00', 30)],
    travel: { matrix: { ids: ['T1', 'r1'], minutes: { walk: [[0, 10], [10, 0]] } } },
  };
}

/** n1 leaves 00:20 UTC, serves w1 00:30–01:00 UTC across the change, is back by 01:30 UTC. */
function schedule(): Schedule {
  return {
    format: 'kontinuitet/schedule@1',
    date: '2026-10-25',
    timezone: 'Europe/Stockholm',
    routes: [
      {
        staff: 'n1',
        start: '2026-10-25T02:20:00+02:00',
        end: '2026-10-25T02:30:00+01:00',
        stops: [
          {
            visit: 'w1',
            recipient: 'r1',
            arrival: '2026-10-25T02:30:00+02:00',
            start: '2026-10-25T02:30:00+02:00',
            end: '2026-10-25T02:00:00+01:00',
            travelMinutes: 10,
            waitMinutes: 0,
          },
        ],
        breaks: [],
        travelMinutes: 20,
        serviceMinutes: 30,
        waitMinutes: 0,
      },
    ],
    unassigned: [],
    warnings: [],
    metrics: {
      visits: 1,
      assigned: 1,
      unassignedMandatory: 0,
      unassignedOptional: 0,
      contactShare: 1,
      contactOrDeputyShare: 1,
      contactReachableShare: 1,
      distinctStaffPerRecipient: { mean: 1, median: 1, max: 1 },
      newStaffPerRecipient: 1,
      travelMinutes: 20,
      serviceMinutes: 30,
      waitMinutes: 0,
      lateMinutes: 0,
      maxLateMinutes: 0,
      byRecipient: {
        r1: {
          visits: 1, assigned: 1, unassignedMandatory: 0, unassignedOptional: 0,
          contactShare: 1, contactOrDeputyShare: 1, contactReachableShare: 1, distinctStaff: 1, newStaff: 1,
          travelMinutes: 10, serviceMinutes: 30, waitMinutes: 0, lateMinutes: 0, maxLateMinutes: 0,
        },
      },
      byStaff: { n1: { visits: 1, recipients: 1, contactVisits: 1, travelMinutes: 20, serviceMinutes: 30, waitMinutes: 0, lateMinutes: 0 } },
    },
  };
}

describe('offsets on the autumn change, 2026-10-25', () => {
  it('02:30+02:00 and 02:30+01:00 are both valid, and a visit across the change lasts its 30 elapsed minutes', () => {
    const result = checkSchedule(problem(), schedule());
    expect(result.violations).toEqual([]);
    expect(result.metricDiffs).toEqual([]);
  });

  it('01:30+01:00 is wrong: at that instant (00:30 UTC) the zone is at +02:00', () => {
    const s = schedule();
    s.routes[0].stops[0].arrival = '2026-10-25T01:30:00+01:00';
    const result = checkSchedule(problem(), s);
    expect(codes(result)).toEqual(['wrong_offset']);
    expect(result.violations[0].path).toBe('routes[0].stops[0].arrival');
  });

  it('03:30+02:00 is wrong: at that instant (01:30 UTC) the zone is back at +01:00', () => {
    const s = schedule();
    s.routes[0].end = '2026-10-25T03:30:00+02:00';
    expect(codes(checkSchedule(problem(), s))).toEqual(['wrong_offset']);
  });

  it('UTC written as Z is wrong in Stockholm', () => {
    const s = schedule();
    s.routes[0].start = '2026-10-25T00:20:00Z';
    expect(codes(checkSchedule(problem(), s))).toEqual(['wrong_offset']);
  });

  it('the later 02:30 is an hour after the earlier one', () => {
    const s = schedule();
    s.routes[0].stops[0].start = '2026-10-25T02:30:00+01:00';
    expect(codes(checkSchedule(problem(), s))).toContain('wrong_duration');
  });
});
