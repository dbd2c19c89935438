import { describe, expect, it } from 'vitest';
import type { Change, Changes, DayProblem, Schedule } from '../../src/model/types.ts';
import { InputError } from '../../src/model/errors.ts';
import { solveDay } from '../../src/solver/index.ts';
import { replanDay, type Replan } from '../../src/replan/index.ts';
import { checkSchedule } from '../../src/check/index.ts';
import { PlanClock } from '../../src/time/index.ts';
import { day, near, nurse, recipient, visit } from '../builders.ts';

/** Four recipients around the office, each with a contact among three nurses; visits through the day. */
function homeCareDay(): DayProblem {
  return day({
    staff: [nurse('s1', { skills: ['insulin'], shift: { start: '07:00', end: '18:00' } }), nurse('s2'), nurse('s3', { shift: { start: '07:00', end: '20:00' } })],
    recipients: [
      recipient('r1', { contact: 's1', deputies: ['s2'], location: near(1, 1) }),
      recipient('r2', { contact: 's1', location: near(2, 1) }),
      recipient('r3', { contact: 's2', location: near(1, 3) }),
      recipient('r4', { contact: 's3', location: near(3, 2), recentStaff: [{ staff: 's2', lastSeen: '2026-11-20', visits: 2 }] }),
    ],
    visits: [
      visit('v1', 'r1', '07:30', '08:00', 30, { requires: ['insulin'] }),
      visit('v2', 'r2', '08:00', '09:00', 30),
      visit('v3', 'r3', '08:00', '09:00', 45),
      visit('v4', 'r4', '08:30', '10:00', 30),
      visit('v5', 'r1', '11:00', '12:00', 30),
      visit('v6', 'r2', '11:00', '12:30', 45),
      visit('v7', 'r3', '12:00', '13:30', 30),
      visit('v8', 'r4', '13:00', '14:00', 30),
      visit('v9', 'r1', '16:30', '17:30', 30, { requires: ['insulin'] }),
      visit('v10', 'r3', '15:00', '15:30', 20, { dependsOn: [{ visit: 'v7', minGapMinutes: 60 }] }),
    ],
  });
}

function changes(now: string, list: Change[]): Changes {
  return { format: 'kontinuitet/changes@1', now, changes: list };
}

const publishedOf = (problem: DayProblem) => solveDay(problem, { iterations: 400, seed: 3, timeLimitMs: 60_000 });

function stopsOf(schedule: Schedule): Map<string, string> {
  return new Map(schedule.routes.flatMap((r) => r.stops.map((s) => [`${r.staff} ${s.visit}`, JSON.stringify(s)])));
}

/** The re-plan is valid for the day as it now stands, and every stop begun before `now` stands byte for byte. */
function expectSound(result: Replan, published: Schedule, now: string, absentFrom: Record<string, string> = {}): void {
  expect(checkSchedule(result.day, result.schedule).violations).toEqual([]);
  const after = stopsOf(result.schedule);
  const at = Date.parse(now);
  for (const route of published.routes) {
    for (const stop of route.stops) {
      const away = absentFrom[route.staff];
      const frozen = Date.parse(stop.start) < at && (away === undefined || Date.parse(away) > Date.parse(stop.start));
      if (frozen) expect(after.get(`${route.staff} ${stop.visit}`)).toBe(JSON.stringify(stop));
    }
  }
  for (const route of result.schedule.routes) {
    for (const stop of route.stops) {
      if (!published.routes.some((r) => r.staff === route.staff && r.stops.some((s) => s.visit === stop.visit && s.start === stop.start && Date.parse(s.start) < at))) {
        expect(Date.parse(stop.start)).toBeGreaterThanOrEqual(at);
      }
    }
  }
}

const iso = (time: string) => new PlanClock('2026-11-23').iso(new PlanClock('2026-11-23').minutes(time));

describe('re-planning the day (FORMAT §7)', () => {
  it('keeps the published day as it was when nothing happened, every stop in place', () => {
    const problem = homeCareDay();
    const published = publishedOf(problem);
    const result = replanDay(problem, published, changes('10:00', []), { iterations: 200, seed: 1 });
    expectSound(result, published, iso('10:00'));
    expect(stopsOf(result.schedule)).toEqual(stopsOf(published));
    expect(result.schedule.replan).toMatchObject({ now: iso('10:00'), changedStaffVisits: 0, movedVisits: 0, movedMinutes: 0, newlyUnassigned: [], reassigned: [] });
    expect(result.schedule.replan.frozenStops).toBe(published.routes.flatMap((r) => r.stops).filter((s) => Date.parse(s.start) < Date.parse(iso('10:00'))).length);
  });

  it('a sick call: the absent nurse keeps the stops begun before it, the rest go to others, and the shift ends', () => {
    const problem = homeCareDay();
    const published = publishedOf(problem);
    const sick = published.routes.find((r) => r.stops.some((s) => s.start < iso('10:00')) && r.stops.some((s) => s.start >= iso('10:00')))!.staff;
    const result = replanDay(problem, published, changes('10:00', [{ type: 'staff_absent', staff: sick }]), { iterations: 300, seed: 1 });
    expectSound(result, published, iso('10:00'), { [sick]: iso('10:00') });
    const route = result.schedule.routes.find((r) => r.staff === sick)!;
    expect(route.stops.every((s) => s.start < iso('10:00'))).toBe(true);
    const lost = published.routes.find((r) => r.staff === sick)!.stops.filter((s) => s.start >= iso('10:00')).map((s) => s.visit);
    expect(lost.length).toBeGreaterThan(0);
    const reassigned = result.schedule.replan.reassigned!;
    for (const v of lost) {
      const entry = reassigned.find((e) => e.visit === v)!;
      expect(entry.from).toEqual([sick]);
      expect(entry.message).toMatch(new RegExp(`^${sick} absent from 10:00; `));
      if (entry.to.length > 0) expect(entry.message).toMatch(/ took it$/);
    }
    expect(result.schedule.replan.absent).toEqual([{ staff: sick, from: iso('10:00') }]);
    // A begun visit keeps the published reason it is not the contact's: not the freeze's lock.
    const begun = new Set(published.routes.flatMap((r) => r.stops.filter((s) => s.start < iso('10:00')).map((s) => s.visit)));
    const before = new Map((published.explanations ?? []).map((e) => [e.visit, e]));
    for (const e of result.schedule.explanations ?? []) {
      expect(e.message).not.toMatch(/locked to/);
      if (begun.has(e.visit)) expect(e).toEqual(before.get(e.visit));
    }
    // The shift ends at 10:00 or once the last begun visit and the walk back are done.
    const shift = result.day.staff.find((s) => s.id === sick)!.shift;
    expect(Date.parse(shift.end)).toBeGreaterThanOrEqual(Date.parse(iso('10:00')));
    expect(Date.parse(route.end)).toBeLessThanOrEqual(Date.parse(shift.end));
  });

  it('gives a freed visit to the contact first, and says so', () => {
    // r1's contact s1 is free all afternoon; s2 was planned for v5 and calls in sick.
    const problem = homeCareDay();
    const published = publishedOf(problem);
    const planned = published.routes.find((r) => r.stops.some((s) => s.visit === 'v5'))!.staff;
    const sickDay = { ...problem, visits: problem.visits.map((v) => (v.id === 'v5' ? { ...v, lockedStaff: [planned === 's1' ? 's2' : planned] } : v)) };
    const lockedPublished = publishedOf(sickDay);
    const taker = lockedPublished.routes.find((r) => r.stops.some((s) => s.visit === 'v5'))!.staff;
    expect(taker).not.toBe('s1');
    const unlocked = changes('09:30', [
      { type: 'visit_changed', visit: 'v5', lockedStaff: null },
      { type: 'staff_absent', staff: taker, from: '10:30' },
    ]);
    const result = replanDay(sickDay, lockedPublished, unlocked, { iterations: 300, seed: 1 });
    expectSound(result, lockedPublished, iso('09:30'), { [taker]: iso('10:30') });
    const entry = result.schedule.replan.reassigned!.find((e) => e.visit === 'v5')!;
    expect(entry).toMatchObject({ from: [taker], to: ['s1'], taker: 'contact' });
    expect(entry.message).toBe(`${taker} absent from 10:30; contact s1 took it`);
    // `null` took the lock away: the day as it now stands has none.
    expect(result.day.visits.find((v) => v.id === 'v5')!.lockedStaff).toBeUndefined();
  });

  it('leaves a visit no one else may make unassigned with the true reason', () => {
    // Only s1 holds the insulin delegation; s1 goes home at 12:00, and v9 is at 16:30.
    const problem = homeCareDay();
    const published = publishedOf(problem);
    const result = replanDay(problem, published, changes('11:00', [{ type: 'staff_absent', staff: 's1', from: '12:00' }]), { iterations: 300, seed: 1 });
    expectSound(result, published, iso('11:00'), { s1: iso('12:00') });
    expect(result.schedule.unassigned.find((u) => u.visit === 'v9')).toEqual({
      visit: 'v9',
      reason: 'outside_shifts',
      message: "no eligible staff member's shift covers the window",
    });
    expect(result.schedule.replan.newlyUnassigned).toContain('v9');
  });

  it('a window that has passed unmade is left out as window_passed; nothing is placed in the past', () => {
    const problem = homeCareDay();
    const published = publishedOf(problem);
    // Whoever made v2 (08:00–09:00) was absent from 07:00 after all: at 10:00 nobody can go back in time.
    const maker = published.routes.find((r) => r.stops.some((s) => s.visit === 'v2'))!.staff;
    const result = replanDay(problem, published, changes('10:00', [{ type: 'staff_absent', staff: maker, from: '07:00' }]), { iterations: 300, seed: 1 });
    expectSound(result, published, iso('10:00'), { [maker]: iso('07:00') });
    expect(result.schedule.unassigned.find((u) => u.visit === 'v2')).toEqual({
      visit: 'v2',
      reason: 'window_passed',
      message: 'its window ended at 09:00, before now (10:00)',
    });
    expect(result.schedule.routes.find((r) => r.staff === maker)).toBeUndefined();
  });

  it('adds staff and visits: windows start no earlier than now, new staff leave no earlier than now', () => {
    const problem = homeCareDay();
    const published = publishedOf(problem);
    const result = replanDay(
      problem,
      published,
      changes('10:15', [
        { type: 'staff_added', staff: nurse('s9', { skills: ['wound_care'], shift: { start: '08:00', end: '18:00' } }) },
        { type: 'visit_added', visit: visit('v20', 'r4', '09:00', '11:00', 30, { requires: ['wound_care'] }) },
      ]),
      { iterations: 300, seed: 1 },
    );
    expectSound(result, published, iso('10:15'));
    const added = result.day.visits.find((v) => v.id === 'v20')!;
    expect(added.window).toEqual({ start: iso('10:15'), end: '11:00' });
    expect(result.day.staff.find((s) => s.id === 's9')!.shift).toEqual({ start: iso('10:15'), end: '18:00' });
    const stop = result.schedule.routes.find((r) => r.staff === 's9')!.stops.find((s) => s.visit === 'v20')!;
    expect(Date.parse(stop.start)).toBeGreaterThanOrEqual(Date.parse(iso('10:15')));
    expect(result.schedule.replan.reassigned).toEqual([]);
  });

  it('cancels a visit (and the dependency on it) and changes another', () => {
    const problem = homeCareDay();
    const published = publishedOf(problem);
    const result = replanDay(
      problem,
      published,
      changes('10:00', [
        { type: 'visit_cancelled', visit: 'v7' },
        { type: 'visit_changed', visit: 'v8', durationMinutes: 50, window: { start: '13:30', end: '14:30' } },
      ]),
      { iterations: 300, seed: 1 },
    );
    expectSound(result, published, iso('10:00'));
    expect(result.day.visits.map((v) => v.id)).not.toContain('v7');
    expect(result.day.visits.find((v) => v.id === 'v10')!.dependsOn).toBeUndefined();
    expect(result.schedule.routes.flatMap((r) => r.stops).some((s) => s.visit === 'v7')).toBe(false);
    const v8 = result.schedule.routes.flatMap((r) => r.stops).find((s) => s.visit === 'v8')!;
    expect((Date.parse(v8.end) - Date.parse(v8.start)) / 60_000).toBe(50);
    expect(Date.parse(v8.start)).toBeGreaterThanOrEqual(Date.parse(iso('13:30')));
    // v8 keeps its published staff when they still can: the stability weights.
    const before = published.routes.find((r) => r.stops.some((s) => s.visit === 'v8'))!.staff;
    expect(result.schedule.routes.find((r) => r.stops.some((s) => s.visit === 'v8'))!.staff).toBe(before);
  });

  it('refuses every bad change at once, with its path, and a change to a visit that has begun', () => {
    const problem = homeCareDay();
    const published = publishedOf(problem);
    const begun = published.routes.flatMap((r) => r.stops).find((s) => s.start < iso('10:00'))!;
    const bad = changes('10:00', [
      { type: 'staff_absent', staff: 's77' },
      { type: 'visit_cancelled', visit: begun.visit },
      { type: 'visit_changed', visit: 'v99', durationMinutes: 10 },
      { type: 'visit_added', visit: visit('v3', 'r1', '12:00', '13:00', 30) },
      { type: 'staff_added', staff: nurse('s2') },
    ]);
    let error: InputError | undefined;
    try {
      replanDay(problem, published, bad, { iterations: 10 });
    } catch (err) {
      error = err as InputError;
    }
    expect(error).toBeInstanceOf(InputError);
    const paths = error!.problems.map((p) => `${p.path}: ${p.message}`);
    expect(paths).toEqual([
      'changes[0].staff: "s77" is not a staff member of the day',
      expect.stringMatching(new RegExp(`^changes\\[1\\]\\.visit: "${begun.visit}" began at \\d\\d:\\d\\d, before now \\(10:00\\): its stop is frozen, so it cannot be cancelled$`)),
      'changes[2].visit: "v99" is not a visit of the day',
      'changes[3].visit.id: "v3" is already a visit of the day',
      'changes[4].staff.id: "s2" is already a staff member of the day',
    ]);
  });

  it('names the change a problem of the new day comes from', () => {
    const problem = homeCareDay();
    const published = publishedOf(problem);
    const run = () =>
      replanDay(problem, published, changes('10:00', [{ type: 'visit_changed', visit: 'v8', window: { start: '14:00', end: '13:00' } }, { type: 'visit_added', visit: visit('v30', 'r99', '12:00', '13:00', 30) }]), {
        iterations: 10,
      });
    expect(run).toThrow(InputError);
    try {
      run();
    } catch (err) {
      const found = (err as InputError).problems.filter((p) => p.severity === 'error').map((p) => p.path);
      expect(found).toEqual(expect.arrayContaining(['changes[0].window.end', 'changes[1].visit.recipient']));
    }
  });

  it('refuses a published schedule of another day', () => {
    const problem = homeCareDay();
    const published = { ...publishedOf(problem), date: '2026-11-24' };
    expect(() => replanDay(problem, published, changes('10:00', []), { names: { problem: 'day.json', published: 'pub.json', changes: 'c.json' } })).toThrow(
      /pub\.json date: "2026-11-24" is not the date of day\.json/,
    );
  });

  it('re-plans the autumn DST day with now in the repeated hour, given with its offset', () => {
    // 2026-10-25: 02:00–03:00 happens twice, first at +02:00, then at +01:00.
    const night = day({
      date: '2026-10-25',
      staff: [nurse('n1', { shift: { start: '00:00', end: '07:00' } }), nurse('n2', { shift: { start: '00:00', end: '07:00' } })],
      recipients: [recipient('r1', { contact: 'n1' }), recipient('r2', { contact: 'n2', location: near(2, 2) })],
      visits: [
        visit('a1', 'r1', '2026-10-25T02:00:00+02:00', '2026-10-25T02:10:00+02:00', 20),
        visit('a2', 'r2', '2026-10-25T02:15:00+02:00', '2026-10-25T02:20:00+02:00', 20),
        visit('a3', 'r1', '2026-10-25T02:10:00+01:00', '2026-10-25T02:20:00+01:00', 20),
        visit('a4', 'r2', '2026-10-25T02:40:00+01:00', '2026-10-25T03:30:00+01:00', 20),
        visit('a5', 'r1', '04:00', '05:00', 30),
      ],
    });
    const published = solveDay(night, { iterations: 300, seed: 1, timeLimitMs: 60_000 });
    expect(published.unassigned).toEqual([]);
    const now = '2026-10-25T02:30:00+01:00';
    const holder = published.routes.find((r) => r.stops.some((s) => s.visit === 'a4'))!.staff;
    const result = replanDay(night, published, { format: 'kontinuitet/changes@1', now, changes: [{ type: 'staff_absent', staff: holder }] }, { iterations: 300, seed: 1 });
    expectSound(result, published, now, { [holder]: now });
    // a1–a3 began before now (both 02:00s of the night), a4 had not.
    expect(result.schedule.replan.frozenStops).toBe(3);
    expect(result.schedule.replan.now).toBe('2026-10-25T02:30:00+01:00');
    const a4 = result.schedule.routes.flatMap((r) => r.stops).find((s) => s.visit === 'a4')!;
    expect(a4.start.endsWith('+01:00')).toBe(true);
    expect(Date.parse(a4.start)).toBeGreaterThanOrEqual(Date.parse(now));
  });
});
