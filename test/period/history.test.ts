import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { carryRecentStaff, StaffHistory } from '../../src/period/index.ts';
import type { Route, Schedule } from '../../src/model/types.ts';
import { addDays } from '../../src/time/index.ts';
import { recipient } from '../builders.ts';

const T = '2026-11-23T08:00:00+01:00';

/** A route of `staff` visiting the given (visit, recipient) pairs; times do not matter here. */
function route(staff: string, stops: [string, string][]): Route {
  return {
    staff,
    start: T,
    end: T,
    stops: stops.map(([visit, r]) => ({ visit, recipient: r, arrival: T, start: T, end: T, travelMinutes: 0, waitMinutes: 0 })),
    breaks: [],
    travelMinutes: 0,
    serviceMinutes: 0,
    waitMinutes: 0,
  };
}

function day(date: string, routes: Route[]): Pick<Schedule, 'date' | 'routes'> {
  return { date, routes };
}

describe('carryRecentStaff', () => {
  const D = '2026-12-10';

  it('keeps an entry last seen on D − 13 and drops one last seen on D − 14', () => {
    const r = recipient('r1', {
      recentStaff: [
        { staff: 'kept', lastSeen: addDays(D, -13), visits: 2 },
        { staff: 'dropped', lastSeen: addDays(D, -14), visits: 5 },
      ],
    });
    const [carried] = carryRecentStaff([r], day(addDays(D, -1), []), D);
    expect(carried.recentStaff).toEqual([{ staff: 'kept', lastSeen: addDays(D, -13), visits: 2 }]);
  });

  it('adds the day\'s visits up and moves lastSeen to that day', () => {
    const r = recipient('r1', { recentStaff: [{ staff: 's1', lastSeen: addDays(D, -3), visits: 4 }] });
    const schedule = day(addDays(D, -1), [route('s1', [['a', 'r1'], ['b', 'r2'], ['c', 'r1']]), route('s2', [['d', 'r1']])]);
    const [carried] = carryRecentStaff([r], schedule, D);
    expect(carried.recentStaff).toEqual([
      { staff: 's1', lastSeen: addDays(D, -1), visits: 6 },
      { staff: 's2', lastSeen: addDays(D, -1), visits: 1 },
    ]);
  });

  it('counts a double-staffed visit for both staff members', () => {
    const schedule = day(addDays(D, -1), [route('s1', [['lift', 'r1']]), route('s2', [['lift', 'r1']])]);
    const [carried] = carryRecentStaff([recipient('r1')], schedule, D);
    expect(carried.recentStaff).toEqual([
      { staff: 's1', lastSeen: addDays(D, -1), visits: 1 },
      { staff: 's2', lastSeen: addDays(D, -1), visits: 1 },
    ]);
  });

  it('leaves other recipients and the input untouched', () => {
    const before = [recipient('r1', { recentStaff: [{ staff: 's1', lastSeen: addDays(D, -2), visits: 1 }] }), recipient('r9')];
    const copy = structuredClone(before);
    const after = carryRecentStaff(before, day(addDays(D, -1), [route('s1', [['a', 'r1']])]), D);
    expect(before).toEqual(copy);
    expect(after[1]).toEqual(copy[1]);
  });

  it('refuses to carry a later schedule into an earlier day', () => {
    expect(() => carryRecentStaff([], day(D, []), addDays(D, -1))).toThrow(RangeError);
  });

  it('ages a staff member out 14 days after the last visit when carried day by day', () => {
    let recipients = [recipient('r1')];
    const first = '2026-11-02';
    for (let i = 0; i < 20; i++) {
      const date = addDays(first, i);
      const routes = i === 0 ? [route('s1', [['a', 'r1']])] : [];
      recipients = carryRecentStaff(recipients, day(date, routes), addDays(date, 1));
      const expectKept = i + 1 <= 13;
      expect(recipients[0].recentStaff!.some((e) => e.staff === 's1')).toBe(expectKept);
    }
  });
});

describe('StaffHistory', () => {
  it('starts a staff member afresh who comes back after aging out', () => {
    const history = new StaffHistory([recipient('r1', { recentStaff: [{ staff: 's1', lastSeen: '2026-11-01', visits: 9 }] })]);
    history.record(day('2026-11-14', [route('s1', [['a', 'r1']])]));
    expect(history.recentStaffFor('r1', '2026-11-15')).toEqual([{ staff: 's1', lastSeen: '2026-11-14', visits: 10 }]);
    history.record(day('2026-11-29', [route('s1', [['a', 'r1']])]));
    expect(history.recentStaffFor('r1', '2026-11-30')).toEqual([{ staff: 's1', lastSeen: '2026-11-29', visits: 1 }]);
    expect(history.recentStaffFor('r1', '2026-12-12')).toEqual([{ staff: 's1', lastSeen: '2026-11-29', visits: 1 }]);
    expect(history.recentStaffFor('r1', '2026-12-13')).toEqual([]);
    expect(history.recipientsOn([recipient('r1'), recipient('r2')], '2026-11-30').map((r) => r.recentStaff)).toEqual([[{ staff: 's1', lastSeen: '2026-11-29', visits: 1 }], []]);
  });

  it('agrees with carrying day by day', () => {
    const staffIds = ['s1', 's2', 's3'];
    const recipientIds = ['r1', 'r2'];
    const dayRoutes = fc.array(
      fc.record({ staff: fc.constantFrom(...staffIds), stops: fc.array(fc.constantFrom(...recipientIds), { maxLength: 4 }) }),
      { maxLength: 4 },
    );
    fc.assert(
      // Mostly quiet days, so that staff age out and come back.
      fc.property(fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: dayRoutes }), { minLength: 1, maxLength: 30 }), (days) => {
        const start = '2026-11-02';
        const initial = [recipient('r1', { recentStaff: [{ staff: 's3', lastSeen: addDays(start, -5), visits: 7 }] }), recipient('r2')];
        const history = new StaffHistory(initial);
        let carried = initial;
        days.forEach((routes, i) => {
          const schedule = day(addDays(start, i), routes.map((r, k) => route(r.staff, r.stops.map((rid, j) => [`v${k}.${j}`, rid]))));
          history.record(schedule);
          carried = carryRecentStaff(carried, schedule, addDays(start, i + 1));
        });
        const next = addDays(start, days.length);
        for (const r of carried) {
          const sort = (xs: { staff: string }[]) => [...xs].sort((a, b) => a.staff.localeCompare(b.staff));
          expect(sort(history.recentStaffFor(r.id, next))).toEqual(sort(r.recentStaff ?? []));
        }
      }),
    );
  });
});
