/**
 * A re-planned day for the report tests: a two-team day solved and published, then at 10:00
 * its busiest staff member goes home sick, a later visit is cancelled, a visit is added that
 * anyone may make and one that no one may (a skill nobody holds). Re-planned on a small seeded
 * budget and held to the checker; the fixture refuses a day where nothing changed hands or
 * moved, so no test of it can pass on an empty re-plan.
 */
import { expect } from 'vitest';
import type { Changes, DayProblem, Schedule, Visit } from '../../src/model/types.ts';
import { replanDay, type Replan } from '../../src/replan/index.ts';
import { PlanClock } from '../../src/time/index.ts';
import { expectValid, solvedDay } from './fixtures.ts';

export interface ReplannedDay {
  problem: DayProblem;
  published: Schedule;
  changes: Changes;
  result: Replan;
  absent: string;
  cancelled: string;
  /** The added visit that can be made, and the one that cannot. */
  added: string;
  impossible: string;
}

export const NOW = '10:00';

export function replannedDay(seed: number): ReplannedDay {
  const { problem, schedule: published } = solvedDay(seed);
  const clock = new PlanClock(problem.date, problem.timezone);
  const now = clock.minutes(NOW);
  const later = (route: Schedule['routes'][number]) => route.stops.filter((s) => clock.minutes(s.start) >= now);
  const busiest = [...published.routes].sort((a, b) => later(b).length - later(a).length)[0];
  const cancelled = published.routes.filter((r) => r.staff !== busiest.staff).flatMap(later).find((s) => clock.minutes(s.start) >= clock.minutes('12:00'))!;
  const recipient = problem.recipients[0].id;
  const added: Visit = { id: 'v-added', recipient, window: { start: '13:00', end: '15:00' }, durationMinutes: 20, type: 'service' };
  const impossible: Visit = { id: 'v-impossible', recipient, window: { start: '14:00', end: '16:00' }, durationMinutes: 20, requires: ['no-one-has-this'] };
  const changes: Changes = {
    format: 'kontinuitet/changes@1',
    now: NOW,
    changes: [
      { type: 'staff_absent', staff: busiest.staff },
      { type: 'visit_cancelled', visit: cancelled.visit },
      { type: 'visit_added', visit: added },
      { type: 'visit_added', visit: impossible },
    ],
  };
  const result = replanDay(problem, published, changes, { iterations: 200, seed, timeLimitMs: 60_000 });
  expectValid(result.day, result.schedule);
  expect(result.schedule.replan.changedStaffVisits).toBeGreaterThan(0);
  expect(result.schedule.replan.movedVisits).toBeGreaterThan(0);
  expect(result.schedule.replan.newlyUnassigned).toContain(impossible.id);
  return { problem, published, changes, result, absent: busiest.staff, cancelled: cancelled.visit, added: added.id, impossible: impossible.id };
}
