/**
 * Day solving on a worker: one day (`solve-day`), one team of a district (`solve-team`),
 * and the district's merge (`solve-district`), which joins its teams' schedules into one
 * with metrics and warnings over the whole day.
 */
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import { InputError } from '../../src/model/errors.ts';
import { loadDayProblem } from '../../src/validate/index.ts';
import { assembleSchedule, resolveSolveSettings, solveDayWithStats, splitBudget, splitByTeam, type SolveProgress } from '../../src/solver/index.ts';
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

/**
 * A team's schedule for its district parent, with what the merge cannot read back from the
 * schedule: the exact objective, and the continuity ceiling's parts (visits whose recipient
 * has a contact, and their bound) so the district's ceiling is their ratio, as in process.
 */
export type TeamResult = { team: string; part: number; objective: number; ceiling: { visits: number; bound: number }; schedule: Schedule };

export function solveTeamJob(data: SolveTeamData, ctx: SolveContext): TeamResult {
  const { problem } = loadDayProblem(data.problem);
  const { schedule, stats } = solveDayWithStats(problem, {
    timeLimitMs: data.timeLimitSeconds * 1000,
    iterations: data.iterations,
    seed: data.seed,
    signal: ctx.signal,
    onProgress: (p) => ctx.progress({ ...p, team: data.team }),
    progressEveryMs: PROGRESS_EVERY_MS,
  });
  const hasContact = new Set(problem.recipients.filter((r) => (r.contact ?? null) !== null).map((r) => r.id));
  const visits = problem.visits.filter((v) => hasContact.has(v.recipient)).length;
  const bound = visits === 0 ? 0 : (schedule.solver?.contactCeiling ?? 0) * visits;
  return { team: data.team, part: data.part, objective: stats.objective, ceiling: { visits, bound }, schedule };
}

export interface DistrictPart {
  name: 'solve-team';
  data: SolveTeamData;
}

/**
 * Splits a validated district day into one `solve-team` job per team, each with its share
 * (by visits) of the time limit and iteration budget, as `solveDay` shares them in process.
 * A day that cannot be split (one team, or dependencies across teams) is one part.
 */
export function districtParts(problem: DayProblem, settings: Pick<SolveDistrictData, 'timeLimitSeconds' | 'iterations' | 'seed'>): DistrictPart[] {
  const { timeLimitMs, iterations, seed } = resolveSolveSettings(
    { timeLimitMs: settings.timeLimitSeconds === undefined ? undefined : settings.timeLimitSeconds * 1000, iterations: settings.iterations, seed: settings.seed },
    problem.options,
  );
  const pieces = splitByTeam(problem) ?? [problem];
  return pieces.map((piece, part) => {
    const budget = splitBudget({ timeLimitMs, iterations }, piece.visits.length, problem.visits.length, pieces.length);
    return {
      name: 'solve-team',
      data: {
        problem: piece,
        team: pieces.length === 1 ? problem.teams.map((t) => t.id).join('+') : piece.teams[0].id,
        part,
        parts: pieces.length,
        timeLimitSeconds: budget.timeLimitMs / 1000,
        iterations: budget.iterations,
        seed,
      },
    };
  });
}

/** Joins the teams' schedules of a district day, in team order, as `solveDay` does in process. */
export function mergeDistrict(problem: DayProblem, parts: readonly TeamResult[], seed: number): Schedule {
  const ordered = [...parts].sort((a, b) => a.part - b.part);
  const sum = (of: (p: TeamResult) => number) => ordered.reduce((total, p) => total + of(p), 0);
  const ceilingVisits = sum((p) => p.ceiling.visits);
  return assembleSchedule(problem, {
    routes: ordered.flatMap((p) => p.schedule.routes),
    unassigned: ordered.flatMap((p) => p.schedule.unassigned),
    explanations: ordered.flatMap((p) => p.schedule.explanations ?? []),
    solver: {
      // Search seconds summed over the teams: the CPU the district took, wherever it ran.
      seconds: Math.round(sum((p) => p.schedule.solver?.seconds ?? 0) * 1000) / 1000,
      iterations: sum((p) => p.schedule.solver?.iterations ?? 0),
      seed,
      objective: Math.round(sum((p) => p.objective) * 1000) / 1000,
      contactCeiling: ceilingVisits === 0 ? null : sum((p) => p.ceiling.bound) / ceilingVisits,
    },
  });
}

/**
 * Reads the children's results of a district job. A team missing or doubled means the job
 * was not added as the flow `QueueClient.add` builds: an input error, not worth a retry.
 */
export function districtResults(values: Record<string, unknown>, expected: number): TeamResult[] {
  const parts = Object.values(values).map((v) => TeamResultShape.parse(v) as TeamResult);
  const seen = new Set(parts.map((p) => p.part));
  if (parts.length !== expected || seen.size !== expected) {
    const message = `expected ${expected} team results, got ${parts.length} (${seen.size} distinct): add a district as a flow (kontinuitet enqueue --job solve-district)`;
    throw new InputError([{ path: '(children)', message, severity: 'error' }], 'invalid solve-district job');
  }
  return parts;
}

export function solveDistrictJob(data: SolveDistrictData, childValues: Record<string, unknown>): Schedule {
  const { problem } = loadDayProblem(data.problem);
  const expected = districtParts(problem, data);
  const parts = districtResults(childValues, expected.length);
  return mergeDistrict(problem, parts, expected[0].data.seed);
}
