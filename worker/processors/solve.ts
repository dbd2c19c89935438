/**
 * Day solving on a worker: one day (`solve-day`), one team of a district (`solve-team`),
 * and the district's merge (`solve-district`), which joins its teams' schedules into one
 * with metrics and warnings over the whole day.
 */
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import { InputError } from '../../src/model/errors.ts';
import { loadDayProblem } from '../../src/validate/index.ts';
import { DEFAULT_SEARCH_PARAMS, finishDay, solveDayWithStats, solveTeam, type SolveProgress, type TeamOutcome } from '../../src/solver/index.ts';
import { districtParts, districtSettings } from '../district.ts';
import { TeamResultShape, type SolveDayData, type SolveDistrictData, type SolveTeamData } from '../jobs.ts';

/** Progress is sent at least this often while the search runs (BullMQ's progress events). */
export const PROGRESS_EVERY_MS = 500;

/** What `job.updateProgress` carries: the CLI progress line's fields, and a period's day. */
export type JobProgress = SolveProgress & { date?: string };

export interface SolveContext {
  signal?: AbortSignal;
  progress: (p: JobProgress) => void;
}

export function solveDayJob(data: SolveDayData, ctx: SolveContext): Schedule {
  const { problem } = loadDayProblem(data.problem);
  return solveDayWithStats(problem, {
    timeLimitMs: data.timeLimitSeconds === undefined ? undefined : data.timeLimitSeconds * 1000,
    iterations: data.iterations,
    seed: data.seed,
    byTeam: data.byTeam,
    signal: ctx.signal,
    onProgress: ctx.progress,
    progressEveryMs: PROGRESS_EVERY_MS,
  }).schedule;
}

/** A team's outcome for its district parent: what `finishDay` needs, exact numbers included. */
export type TeamResult = { part: number; outcome: TeamOutcome };

export function solveTeamJob(data: SolveTeamData, ctx: SolveContext): TeamResult {
  const { problem } = loadDayProblem(data.problem);
  const outcome = solveTeam(problem, {
    timeLimitMs: data.timeLimitSeconds * 1000,
    iterations: data.iterations,
    seed: data.seed,
    signal: ctx.signal,
    progressEveryMs: PROGRESS_EVERY_MS,
    onProgress: (p) => ctx.progress({ ...p, team: data.team }),
  });
  return { part: data.part, outcome };
}

/**
 * Reads the children's results of a district job, in team order. A team missing or doubled
 * means the job was not added as the flow `QueueClient.add` builds: an input error, not worth
 * a retry.
 */
export function districtResults(values: Record<string, unknown>, expected: number): TeamOutcome[] {
  const parts = Object.values(values).map((v) => TeamResultShape.parse(v) as unknown as TeamResult);
  const seen = new Set(parts.map((p) => p.part));
  if (parts.length !== expected || seen.size !== expected) {
    const message = `expected ${expected} team results, got ${parts.length} (${seen.size} distinct): add a district as a flow (kontinuitet enqueue --job solve-district)`;
    throw new InputError([{ path: '(children)', message, severity: 'error' }], 'invalid solve-district job');
  }
  return parts.sort((a, b) => a.part - b.part).map((p) => p.outcome);
}

/**
 * The district's schedule from its teams: lending and the merge as `solveDay` does them in
 * process; `solver.seconds` is the CPU the teams took, wherever they ran, and the lending's.
 */
export function solveDistrictJob(data: SolveDistrictData, childValues: Record<string, unknown>): Schedule {
  const { problem } = loadDayProblem(data.problem);
  const { timeLimitMs, iterations, seed } = districtSettings(problem, data);
  const outcomes = districtResults(childValues, districtParts(problem, data).length);
  const lending = timeLimitMs * DEFAULT_SEARCH_PARAMS.lendingShare;
  return finishDay(problem, outcomes, {
    seed,
    iterations,
    deadline: performance.now() + lending,
    searchSeconds: outcomes.reduce((sum, o) => sum + o.elapsedMs, 0) / 1000,
  }).schedule;
}
