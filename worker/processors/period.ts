/** The `plan-period` job: a period planned day by day (`planPeriod`) to a period schedule with its KPI. */
import type { PeriodSchedule } from '../../src/model/types.ts';
import { planPeriod } from '../../src/period/index.ts';
import { loadPeriodProblem } from '../../src/validate/index.ts';
import type { PlanPeriodData } from '../jobs.ts';
import type { SolveContext } from './solve.ts';

export function planPeriodJob(data: PlanPeriodData, ctx: SolveContext): PeriodSchedule {
  const { problem } = loadPeriodProblem(data.problem);
  return planPeriod(problem, {
    timeLimitMsPerDay: data.timeLimitSecondsPerDay === undefined ? undefined : data.timeLimitSecondsPerDay * 1000,
    iterationsPerDay: data.iterationsPerDay,
    seed: data.seed,
    history: data.history,
    lookAhead: data.lookAhead,
    circle: data.circle,
    signal: ctx.signal,
    // The day being planned rides along with the solver's progress fields.
    onProgress: (date, p) => ctx.progress({ ...p, date }),
  });
}
