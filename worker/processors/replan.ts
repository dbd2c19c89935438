/** A re-plan on a worker (`replan-day`): the three documents checked in full, then `replanDay` as the CLI runs it. */
import type { Schedule } from '../../src/model/types.ts';
import { schemas } from '../../src/model/index.ts';
import { inFile, loadChanges, loadDayProblem, parseShape } from '../../src/validate/index.ts';
import { replanDay } from '../../src/replan/index.ts';
import type { ReplanDayData } from '../jobs.ts';
import { PROGRESS_EVERY_MS, type SolveContext } from './solve.ts';

export function replanDayJob(data: ReplanDayData, ctx: SolveContext): Schedule {
  // Messages name the field of the job's data each problem sits in: `changes changes[2].visit`.
  const { problem } = inFile('problem', 'day problem', () => loadDayProblem(data.problem));
  const published = inFile('schedule', 'schedule', () => parseShape(schemas.CheckedSchedule, data.schedule, 'schedule'));
  const { changes } = inFile('changes', 'changes', () => loadChanges(data.changes));
  return replanDay(problem, published, changes, {
    timeLimitMs: data.timeLimitSeconds === undefined ? undefined : data.timeLimitSeconds * 1000,
    iterations: data.iterations,
    seed: data.seed,
    now: data.now,
    signal: ctx.signal,
    onProgress: ctx.progress,
    progressEveryMs: PROGRESS_EVERY_MS,
    names: { problem: 'problem', published: 'schedule', changes: 'changes' },
  }).schedule;
}
