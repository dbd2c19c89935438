/** Solving helpers for the solver tests; the problems come from `test/builders.ts`. */
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import { solveDay, type SolveDayOptions } from '../../src/solver/index.ts';
import { checkSchedule } from '../../src/check/index.ts';

/** Solves with a fixed iteration budget and asserts the independent checker finds nothing. */
export function solveChecked(problem: DayProblem, options: SolveDayOptions = {}): Schedule {
  const schedule = solveDay(problem, { iterations: 300, timeLimitMs: 20_000, seed: 7, ...options });
  const { violations } = checkSchedule(problem, schedule);
  if (violations.length > 0) throw new Error(`checker found violations:\n${violations.map((v) => `${v.code} ${v.path ?? ''}: ${v.message}`).join('\n')}`);
  return schedule;
}

export function staffOf(schedule: Schedule, visitId: string): string[] {
  return schedule.routes.filter((r) => r.stops.some((s) => s.visit === visitId)).map((r) => r.staff);
}

export function startOf(schedule: Schedule, visitId: string): string | undefined {
  for (const r of schedule.routes) for (const s of r.stops) if (s.visit === visitId) return s.start;
  return undefined;
}
