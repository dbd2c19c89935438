/**
 * Inputs for the report tests, generated and solved here (small, seeded budgets), each
 * schedule held to the checker before a test may use it.
 */
import { expect } from 'vitest';
import { checkSchedule } from '../../src/check/index.ts';
import { generateDay, generatePeriod } from '../../src/generate/index.ts';
import type { DayProblem, PeriodProblem, PeriodSchedule, Schedule } from '../../src/model/types.ts';
import { planPeriod } from '../../src/period/index.ts';
import { solveDay } from '../../src/solver/index.ts';

export function expectValid(problem: DayProblem, schedule: Schedule): void {
  expect(checkSchedule(problem, schedule).violations).toEqual([]);
}

/** A two-team day, solved and checked. */
export function solvedDay(seed: number, size: { teams?: number; staffPerTeam?: number; recipientsPerTeam?: number } = {}): { problem: DayProblem; schedule: Schedule } {
  const { problem } = generateDay({ seed, teams: size.teams ?? 2, staffPerTeam: size.staffPerTeam ?? 5, recipientsPerTeam: size.recipientsPerTeam ?? 16 });
  const schedule = solveDay(problem, { iterations: 150, seed, timeLimitMs: 30_000 });
  expectValid(problem, schedule);
  return { problem, schedule };
}

/** A 14-day period of one small team, planned and every day checked against the day it planned. */
export function plannedPeriod(seed: number): { period: PeriodProblem; schedule: PeriodSchedule } {
  const period = generatePeriod({ seed, teams: 1, staffPerTeam: 4, recipientsPerTeam: 10, days: 14 });
  const schedule = planPeriod(period, { iterationsPerDay: 40, seed, timeLimitMsPerDay: 30_000, onDay: ({ problem, schedule: day }) => expectValid(problem, day) });
  return { period, schedule };
}
