import { describe, expect, it } from 'vitest';
import { generatePeriod } from '../../src/generate/index.ts';
import { planPeriod } from '../../src/period/index.ts';
import { checkSchedule } from '../../src/check/index.ts';
import { schemas } from '../../src/model/index.ts';
import type { DayProblem, Schedule } from '../../src/model/types.ts';

describe('planPeriod', () => {
  const period = generatePeriod({ seed: 11, teams: 1, staffPerTeam: 6, recipientsPerTeam: 14, days: 16 });
  const solved: { problem: DayProblem; schedule: Schedule }[] = [];
  const firstPlan: { problem: DayProblem; schedule: Schedule }[] = [];
  const result = planPeriod(period, { iterationsPerDay: 90, seed: 3, onDay: ({ pass, problem, schedule }) => (pass === 2 ? solved : firstPlan).push({ problem, schedule }) });

  it('plans every day twice (a first plan for the circles, then the plan), each passing the checker', () => {
    expect(result.days.map((d) => d.date)).toEqual(solved.map((d) => d.problem.date));
    expect(result.days).toHaveLength(16);
    expect(firstPlan.map((d) => d.problem.date)).toEqual(solved.map((d) => d.problem.date));
    for (const { problem, schedule } of [...firstPlan, ...solved]) expect(checkSchedule(problem, schedule).violations).toEqual([]);
    // The first plan takes a third of each day's budget, the plan the rest.
    expect(firstPlan[0].schedule.solver?.iterations).toBe(30);
    expect(solved[0].schedule.solver?.iterations).toBe(60);
    expect(schemas.PeriodSchedule.safeParse(result).success).toBe(true);
  });

  it("carries each day's staff into the next day's recentStaff", () => {
    const [first, second] = solved;
    for (const route of first.schedule.routes) {
      for (const stop of route.stops) {
        const r = second.problem.recipients.find((x) => x.id === stop.recipient)!;
        const entry = r.recentStaff?.find((e) => e.staff === route.staff);
        expect(entry && entry.lastSeen >= first.problem.date).toBe(true);
      }
    }
    // Day 15 no longer remembers anyone last seen on day 1 only (D − 14).
    const day15 = solved[14].problem;
    for (const r of day15.recipients) for (const e of r.recentStaff ?? []) expect(e.lastSeen >= solved[1].problem.date).toBe(true);
  });

  it('reports the KPI for each whole 14-day window the period covers', () => {
    expect(result.kpi.windows.map((w) => [w.from, w.to, w.partial])).toEqual([[period.startDate, solved[13].problem.date, false]]);
    const w = result.kpi.windows[0];
    expect(w.overall.recipients + w.overall.excluded).toBe(period.recipients.length);
  });

  it('refuses a negative look-ahead share before planning any day', () => {
    let planned = 0;
    expect(() => planPeriod(period, { iterationsPerDay: 80, seed: 3, lookAheadShare: -1, onDay: () => planned++ })).toThrow(RangeError);
    expect(planned).toBe(0);
  });

  it('is deterministic for a seed and iteration budget', () => {
    const again = planPeriod(period, { iterationsPerDay: 90, seed: 3 });
    const strip = (days: Schedule[]) => days.map((d) => ({ ...d, solver: { ...d.solver, seconds: 0 } }));
    expect(strip(again.days)).toEqual(strip(result.days));
    expect(again.kpi).toEqual(result.kpi);
  });
});
