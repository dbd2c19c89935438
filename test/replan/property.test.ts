import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Change, Schedule } from '../../src/model/types.ts';
import { generateDay } from '../../src/generate/index.ts';
import { solveDay } from '../../src/solver/index.ts';
import { replanDay } from '../../src/replan/index.ts';
import { checkSchedule } from '../../src/check/index.ts';
import { PlanClock } from '../../src/time/index.ts';
import { Random } from '../../src/random/index.ts';

/** Stops by `staff visit`, as JSON: a frozen stop must come back byte for byte. */
function stops(schedule: Schedule): Map<string, string> {
  return new Map(schedule.routes.flatMap((r) => r.stops.map((s) => [`${r.staff} ${s.visit}`, JSON.stringify(s)])));
}

describe('re-planning generated days with random changes', () => {
  it('passes the checker against the day as it now stands, and frozen stops never move', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 2 }),
        // An ordinary Monday, the autumn night with two 02:30s, the spring night without one.
        fc.constantFrom('2026-11-23', '2026-10-25', '2026-03-29'),
        fc.integer({ min: 5 * 60, max: 19 * 60 }),
        fc.integer({ min: 1, max: 1000 }),
        (seed, teams, date, nowMinute, changeSeed) => {
          const { problem } = generateDay({ seed, teams, staffPerTeam: 4, recipientsPerTeam: 10, date });
          const published = solveDay(problem, { iterations: 80, seed: 1, timeLimitMs: 60_000 });
          const clock = new PlanClock(date, problem.timezone);
          // `now` as an ISO time with its offset: on the DST days every hour form is exercised.
          const now = clock.iso(nowMinute);
          const rng = new Random(changeSeed);
          const begun = new Set(published.routes.flatMap((r) => r.stops.filter((s) => Date.parse(s.start) < Date.parse(now)).map((s) => s.visit)));
          const open = problem.visits.filter((v) => !begun.has(v.id));
          const list: Change[] = [];
          const absent: Record<string, string> = {};
          for (const s of rng.shuffle(problem.staff.map((p) => p.id)).slice(0, rng.int(0, 2))) {
            const from = rng.next() < 0.5 ? undefined : clock.iso(nowMinute - rng.int(0, 90));
            absent[s] = from ?? now;
            list.push({ type: 'staff_absent', staff: s, ...(from ? { from } : {}) });
          }
          const [cancel, change] = rng.shuffle(open.filter((v) => !(v.dependsOn ?? []).length));
          if (cancel && rng.next() < 0.5) list.push({ type: 'visit_cancelled', visit: cancel.id });
          if (change && rng.next() < 0.7) list.push({ type: 'visit_changed', visit: change.id, durationMinutes: change.durationMinutes + rng.int(-5, 15), mandatory: null });
          if (rng.next() < 0.6) {
            const like = rng.pick(problem.visits);
            list.push({ type: 'visit_added', visit: { id: 'added', recipient: like.recipient, window: { start: clock.iso(nowMinute + 30), end: clock.iso(nowMinute + 150) }, durationMinutes: 30 } });
          }
          if (rng.next() < 0.5) {
            const team = rng.pick(problem.teams).id;
            list.push({ type: 'staff_added', staff: { id: 'extra', team, role: 'care_aide', shift: { start: clock.iso(nowMinute - 60), end: clock.iso(nowMinute + 300) } } });
          }
          // A fifth of the frozen-prone changes must be refused: touching a begun visit.
          const frozenVisit = [...begun].find((v) => !absentBy(v));
          function absentBy(v: string): boolean {
            return published.routes.some((r) => absent[r.staff] !== undefined && r.stops.some((s) => s.visit === v && Date.parse(absent[r.staff]) <= Date.parse(s.start)));
          }
          if (frozenVisit && rng.next() < 0.2) {
            expect(() => replanDay(problem, published, { format: 'kontinuitet/changes@1', now, changes: [...list, { type: 'visit_cancelled', visit: frozenVisit }] })).toThrow(/is frozen/);
          }

          const result = replanDay(problem, published, { format: 'kontinuitet/changes@1', now, changes: list }, { iterations: 80, seed: 2, timeLimitMs: 60_000 });
          const { violations } = checkSchedule(result.day, result.schedule);
          expect(violations).toEqual([]);
          const after = stops(result.schedule);
          let frozen = 0;
          for (const route of published.routes) {
            for (const stop of route.stops) {
              const away = absent[route.staff];
              if (Date.parse(stop.start) >= Date.parse(now) || (away !== undefined && Date.parse(away) <= Date.parse(stop.start))) continue;
              frozen++;
              expect(after.get(`${route.staff} ${stop.visit}`)).toBe(JSON.stringify(stop));
            }
          }
          expect(result.schedule.replan.frozenStops).toBe(frozen);
          // A frozen visit is not the contact's for the published schedule's reason, not for the freeze's lock.
          const why = new Map((published.explanations ?? []).map((e) => [e.visit, e]));
          for (const e of result.schedule.explanations ?? []) {
            if (result.day.visits.find((v) => v.id === e.visit)?.lockedStart !== undefined && begun.has(e.visit)) expect(e).toEqual(why.get(e.visit));
          }
          for (const [key, text] of after) {
            const stop = JSON.parse(text) as { start: string };
            if (Date.parse(stop.start) < Date.parse(now)) expect(stops(published).get(key)).toBe(text);
          }
          // Every visit of the day is in a route or listed unassigned, once.
          const placed = new Set(result.schedule.routes.flatMap((r) => r.stops.map((s) => s.visit)));
          for (const v of result.day.visits) expect(placed.has(v.id) !== result.schedule.unassigned.some((u) => u.visit === v.id)).toBe(true);
        },
      ),
      { numRuns: 40, seed: 20261207 },
    );
  });
});
