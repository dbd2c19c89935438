/**
 * Hand-built day problems and schedules for the checker and metrics tests. Every number
 * in the base schedule and its metrics is worked out by hand in the comments below, from
 * the walk matrix:
 *
 *          T1  r1  r2  r3  r4
 *     T1    0  10  12   8  20
 *     r1   10   0   6   7  15
 *     r2   12   6   0   5  15
 *     r3    8   7   5   0  15
 *     r4   20  15  15  15   0
 */
import type { CheckResult } from '../../src/check/index.ts';
import type { DayProblem, Metrics, Recipient, Route, Schedule, Staff, Stop, Visit } from '../../src/model/types.ts';
import { DATE, nurse, recipient, visit } from '../builders.ts';

/** A local time on the base plan date (Stockholm is at +01:00 in November). */
export function t(hhmm: string): string {
  return `${DATE}T${hhmm.length === 5 ? `${hhmm}:00` : hhmm}+01:00`;
}

/** The base staff's shift: the hand-worked routes below end well inside it. */
const EARLY: Pick<Staff, 'shift'> = { shift: { start: '07:00', end: '15:00' } };

/** A home on the diagonal the walk matrix above was written for. */
export function home(lat: number) {
  return { location: { lat, lon: 18 + (lat - 59.3) } };
}

export function stop(visitId: string, recipientId: string, [arrival, start, end]: [string, string, string], travelMinutes: number, waitMinutes: number): Stop {
  return { visit: visitId, recipient: recipientId, arrival: t(arrival), start: t(start), end: t(end), travelMinutes, waitMinutes };
}

export function route(
  staff: string,
  [start, end]: [string, string],
  stops: Stop[],
  breaks: [string, string][],
  totals: { travel: number; service: number; wait: number },
): Route {
  return {
    staff,
    start: t(start),
    end: t(end),
    stops,
    breaks: breaks.map(([s, e]) => ({ start: t(s), end: t(e) })),
    travelMinutes: totals.travel,
    serviceMinutes: totals.service,
    waitMinutes: totals.wait,
  };
}

export function baseProblem(): DayProblem {
  return {
    format: 'kontinuitet/day@1',
    date: DATE,
    timezone: 'Europe/Stockholm',
    teams: [{ id: 'T1', office: { lat: 59.3, lon: 18 }, travelMode: 'walk' }],
    staff: [
      nurse('s1', { ...EARLY, gender: 'female', skills: ['insulin'], breaks: [{ earliest: '09:30', latest: '11:00', minutes: 30 }] }),
      nurse('s2', { ...EARLY, role: 'care_aide', titleProof: null, gender: 'male', avoidTags: ['dog'], breaks: [{ earliest: '10:30', latest: '12:00', minutes: 15 }] }),
      nurse('s3', { titleProof: 'transitional', shift: { start: '16:00', end: '22:00' } }),
    ],
    recipients: [
      recipient('r1', { ...home(59.31), contact: 's1', deputies: ['s2'], recentStaff: [{ staff: 's2', lastSeen: '2026-11-20', visits: 3 }] }),
      recipient('r2', { ...home(59.32), contact: 's2', tags: ['cat'], recentStaff: [{ staff: 's2', lastSeen: '2026-11-01', visits: 1 }] }),
      recipient('r3', { ...home(59.33), contact: null }),
      recipient('r4', { ...home(59.34), contactWaived: true }),
    ],
    visits: [
      visit('v1', 'r1', '07:30', '08:30', 30, { dueStart: '07:50' }),
      visit('v2', 'r2', '08:00', '08:30', 20, { lockedStart: '08:00' }),
      visit('v3', 'r3', '09:00', '09:30', 45, { staffCount: 2, lockedStaff: ['s1'], dueStart: '08:45' }),
      visit('v4', 'r1', '10:00', '11:00', 30, { dueStart: '10:00', dependsOn: [{ visit: 'v1', minGapMinutes: 60 }] }),
      visit('v5', 'r4', '12:00', '13:00', 30, { mandatory: false }),
      visit('v6', 'r2', '18:00', '19:00', 30),
    ],
    travel: {
      matrix: {
        ids: ['T1', 'r1', 'r2', 'r3', 'r4'],
        minutes: {
          walk: [
            [0, 10, 12, 8, 20],
            [10, 0, 6, 7, 15],
            [12, 6, 0, 5, 15],
            [8, 7, 5, 0, 15],
            [20, 15, 15, 15, 0],
          ],
        },
      },
    },
  };
}

/**
 * Metrics of the base schedule, by hand:
 * - visits v1–v6; assigned v1–v4; unassigned v6 (mandatory) and v5 (optional).
 * - share denominator: assigned visits of recipients with a contact: v1, v4 (r1, contact s1),
 *   v2 (r2, contact s2) = 3; v3's recipient r3 has none. Contact sent: v1 (s1), v2 (s2) = 2/3;
 *   contact or deputy: v4 went to s2, r1's deputy = 3/3; reachable: all three = 3/3.
 * - distinct staff: r1 {s1, s2} 2, r2 {s2} 1, r3 {s1, s2} 2, r4 none 0 → mean 5/4, median of
 *   [0, 1, 2, 2] = 1.5, max 2.
 * - new staff: r1 met s1 (new) and s2 (recent) → 1; r2 met s2 (recent, however old) → 0;
 *   r3 → 2; r4 → 0; mean 3/4.
 * - travel: s1 10 + 7 + 8 home = 25; s2 12 + 5 + 7 + 10 home = 34 → 59.
 * - service: s1 30 + 45 = 75; s2 20 + 45 + 30 = 95 → 170 (v3 twice).
 * - wait: s1 0 + 23; s2 0 + 35 + 8 → 66.
 * - late: v1 08:00 vs 07:50 → 10; v3 09:00 vs 08:45 → 15 (once); v4 on time → 25, largest 15.
 */
export const BASE_METRICS: Metrics = {
  visits: 6,
  assigned: 4,
  unassignedMandatory: 1,
  unassignedOptional: 1,
  contactShare: 2 / 3,
  contactOrDeputyShare: 1,
  contactReachableShare: 1,
  distinctStaffPerRecipient: { mean: 1.25, median: 1.5, max: 2 },
  newStaffPerRecipient: 0.75,
  travelMinutes: 59,
  serviceMinutes: 170,
  waitMinutes: 66,
  lateMinutes: 25,
  maxLateMinutes: 15,
  byRecipient: {
    r1: {
      visits: 2, assigned: 2, unassignedMandatory: 0, unassignedOptional: 0,
      contactShare: 0.5, contactOrDeputyShare: 1, contactReachableShare: 1, distinctStaff: 2, newStaff: 1,
      travelMinutes: 17, serviceMinutes: 60, waitMinutes: 8, lateMinutes: 10, maxLateMinutes: 10,
    },
    r2: {
      visits: 2, assigned: 1, unassignedMandatory: 1, unassignedOptional: 0,
      contactShare: 1, contactOrDeputyShare: 1, contactReachableShare: 1, distinctStaff: 1, newStaff: 0,
      travelMinutes: 12, serviceMinutes: 20, waitMinutes: 0, lateMinutes: 0, maxLateMinutes: 0,
    },
    r3: {
      visits: 1, assigned: 1, unassignedMandatory: 0, unassignedOptional: 0,
      contactShare: null, contactOrDeputyShare: null, contactReachableShare: null, distinctStaff: 2, newStaff: 2,
      travelMinutes: 12, serviceMinutes: 90, waitMinutes: 58, lateMinutes: 15, maxLateMinutes: 15,
    },
    r4: {
      visits: 1, assigned: 0, unassignedMandatory: 0, unassignedOptional: 1,
      contactShare: null, contactOrDeputyShare: null, contactReachableShare: null, distinctStaff: 0, newStaff: 0,
      travelMinutes: 0, serviceMinutes: 0, waitMinutes: 0, lateMinutes: 0, maxLateMinutes: 0,
    },
  },
  byStaff: {
    s1: { visits: 2, recipients: 2, contactVisits: 1, travelMinutes: 25, serviceMinutes: 75, waitMinutes: 23, lateMinutes: 25 },
    s2: { visits: 3, recipients: 3, contactVisits: 1, travelMinutes: 34, serviceMinutes: 95, waitMinutes: 43, lateMinutes: 15 },
    s3: { visits: 0, recipients: 0, contactVisits: 0, travelMinutes: 0, serviceMinutes: 0, waitMinutes: 0, lateMinutes: 0 },
  },
  borrowedVisits: 0,
  byTeam: { T1: { visits: 6, assigned: 4, borrowed: 0, lent: 0 } },
};

/**
 * s1: leaves 07:50, v1 at r1 08:00–08:30 (leg 10), v3 at r3 09:00–09:45 (leg 7, arrives 08:37,
 *     waits 23), break 09:45–10:15, home at 10:23 (leg 8).
 * s2: leaves 07:48, v2 at r2 08:00–08:20 (leg 12), v3 at r3 09:00–09:45 (leg 5, arrives 08:25,
 *     waits 35), v4 at r1 10:00–10:30 (leg 7, arrives 09:52, waits 8), break 10:30–10:45,
 *     home at 10:55 (leg 10).
 */
export function baseSchedule(): Schedule {
  return {
    format: 'kontinuitet/schedule@1',
    date: DATE,
    timezone: 'Europe/Stockholm',
    routes: [
      route(
        's1',
        ['07:50', '10:23'],
        [stop('v1', 'r1', ['08:00', '08:00', '08:30'], 10, 0), stop('v3', 'r3', ['08:37', '09:00', '09:45'], 7, 23)],
        [['09:45', '10:15']],
        { travel: 25, service: 75, wait: 23 },
      ),
      route(
        's2',
        ['07:48', '10:55'],
        [
          stop('v2', 'r2', ['08:00', '08:00', '08:20'], 12, 0),
          stop('v3', 'r3', ['08:25', '09:00', '09:45'], 5, 35),
          stop('v4', 'r1', ['09:52', '10:00', '10:30'], 7, 8),
        ],
        [['10:30', '10:45']],
        { travel: 34, service: 95, wait: 43 },
      ),
    ],
    unassigned: [
      { visit: 'v5', reason: 'no_capacity', message: 'no room' },
      { visit: 'v6', reason: 'no_capacity', message: 'no room' },
    ],
    warnings: [
      { code: 'contact_not_qualified', message: 'r2: s2 is a care aide', ids: ['r2', 's2'] },
      { code: 'no_contact', message: 'r3 has no contact', ids: ['r3'] },
    ],
    metrics: structuredClone(BASE_METRICS),
  };
}

export function codes(result: CheckResult): string[] {
  return result.violations.map((v) => v.code);
}

/** The staff member's route in a schedule. */
export function routeOf(schedule: Schedule, staff: string): Route {
  const found = schedule.routes.find((r) => r.staff === staff);
  if (!found) throw new Error(`no route for ${staff}`);
  return found;
}

export function visitOf(problem: DayProblem, id: string): Visit {
  const found = problem.visits.find((v) => v.id === id);
  if (!found) throw new Error(`no visit ${id}`);
  return found;
}

export function staffOf(problem: DayProblem, id: string): Staff {
  const found = problem.staff.find((s) => s.id === id);
  if (!found) throw new Error(`no staff ${id}`);
  return found;
}

export function recipientOf(problem: DayProblem, id: string): Recipient {
  const found = problem.recipients.find((r) => r.id === id);
  if (!found) throw new Error(`no recipient ${id}`);
  return found;
}
