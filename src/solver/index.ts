/**
 * `solveDay`: the one entry the CLI, the worker and the benchmarks call with a validated
 * problem. Splits a multi-team day into one search per team (teams do not lend staff),
 * searches, and returns a `kontinuitet/schedule@1` with metrics, warnings and
 * explanations.
 */
import type { DayProblem, Explanation, Route, Schedule, Unassigned } from '../model/types.ts';
import { compileDay } from '../compile/index.ts';
import { assembleSchedule } from './assemble.ts';
import { CostEvaluator, type MeetCost } from './cost.ts';
import type { SearchParams } from './params.ts';
import { search, type SearchProgress } from './search.ts';
import { resolveSolveSettings } from './settings.ts';
import { splitBudget, splitByTeam } from './split.ts';
import { routesOf } from './output.ts';
import { explain, unassignedList } from './explain.ts';
import { continuityCeiling } from './ceiling.ts';
import type { Solution } from './solution.ts';

export { search, construct } from './search.ts';
export { Solution } from './solution.ts';
export { CostEvaluator, DEFAULT_WEIGHTS, resolveWeights, type Weights, type MeetCost } from './cost.ts';
export { DEFAULT_SEARCH_PARAMS, type SearchParams } from './params.ts';
export { DEFAULT_SEED, DEFAULT_TIME_LIMIT_SECONDS, resolveSolveSettings, type SolveSettings } from './settings.ts';
export { assembleSchedule, type ScheduleParts } from './assemble.ts';
export { splitBudget, splitByTeam, teamsOfRecipients, type Budget } from './split.ts';

export interface SolveProgress {
  elapsedMs: number;
  iterations: number;
  bestCost: number;
  contactShare: number | null;
  unassigned: number;
  /** The team being solved when a district day is solved team by team. */
  team?: string;
}

export interface SolveDayOptions {
  /** Wall-clock limit; default the problem's `options.timeLimitSeconds`, else 10 s. */
  timeLimitMs?: number;
  /** Iteration budget; with it the same seed gives the same schedule. */
  iterations?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (p: SolveProgress) => void;
  progressEveryMs?: number;
  /** Solve a multi-team day team by team (default) or as one instance. */
  byTeam?: boolean;
  /** Extra cost of a recipient meeting a staff member for the first time today (period look-ahead). */
  meetCost?: MeetCost;
  /** Search parameters other than the defaults (`params.ts`). */
  params?: Partial<SearchParams>;
}

export interface SolveStats {
  firstFeasibleMs: number;
  elapsedMs: number;
  iterations: number;
  objective: number;
}

function contactShareOf(sol: Solution): number | null {
  const inst = sol.inst;
  let denominator = 0;
  let byContact = 0;
  for (let v = 0; v < inst.visitCount; v++) {
    if (!sol.isAssigned(v)) continue;
    const r = inst.visitRecipient[v];
    if (inst.contactId[r] === null) continue;
    denominator++;
    const c = inst.contact[r];
    if (c >= 0 && (sol.staffOf[2 * v] === c || sol.staffOf[2 * v + 1] === c)) byContact++;
  }
  return denominator === 0 ? null : byContact / denominator;
}

/** Solves one validated day (`loadDayProblem` validates at the edge). */
export function solveDay(problem: DayProblem, options: SolveDayOptions = {}): Schedule {
  return solveDayWithStats(problem, options).schedule;
}

export function solveDayWithStats(problem: DayProblem, options: SolveDayOptions = {}): { schedule: Schedule; stats: SolveStats } {
  const { timeLimitMs, seed, iterations } = resolveSolveSettings(options, problem.options);
  const parts = options.byTeam === false ? null : splitByTeam(problem);
  const pieces = parts ?? [problem];
  const totalVisits = problem.visits.length;

  const routes: Route[] = [];
  const unassigned: Unassigned[] = [];
  const explanations: Explanation[] = [];
  const stats: SolveStats = { firstFeasibleMs: 0, elapsedMs: 0, iterations: 0, objective: 0 };
  let ceilingVisits = 0;
  let ceilingBound = 0;
  const t0 = performance.now();
  for (const piece of pieces) {
    const budget = splitBudget({ timeLimitMs, iterations }, piece.visits.length, totalVisits, pieces.length);
    const inst = compileDay(piece);
    const cost = new CostEvaluator(inst, { meetCost: options.meetCost });
    const ceiling = continuityCeiling(inst);
    ceilingVisits += ceiling.visits;
    ceilingBound += ceiling.bound;
    const iterationsBefore = stats.iterations;
    const objectiveBefore = stats.objective;
    const unassignedBefore = unassigned.length;
    const result = search(cost, {
      timeLimitMs: budget.timeLimitMs,
      iterations: budget.iterations,
      seed,
      signal: options.signal,
      progressEveryMs: options.progressEveryMs,
      params: options.params,
      onProgress: options.onProgress
        ? (p: SearchProgress) =>
            options.onProgress!({
              elapsedMs: performance.now() - t0,
              iterations: iterationsBefore + p.iterations,
              bestCost: objectiveBefore + p.bestCost,
              contactShare: contactShareOf(p.best),
              unassigned: unassignedBefore + p.best.unassignedCount,
              team: pieces.length > 1 ? piece.teams[0].id : undefined,
            })
        : undefined,
    });
    const best = result.best;
    routes.push(...routesOf(best));
    unassigned.push(...unassignedList(best));
    explanations.push(...explain(best));
    stats.objective += best.objective();
    stats.iterations += result.iterations;
    if (stats.firstFeasibleMs === 0) stats.firstFeasibleMs = result.firstFeasibleMs;
  }
  stats.elapsedMs = performance.now() - t0;

  const schedule = assembleSchedule(problem, {
    routes,
    unassigned,
    explanations,
    solver: {
      seconds: Math.round(stats.elapsedMs) / 1000,
      iterations: stats.iterations,
      seed,
      objective: Math.round(stats.objective * 1000) / 1000,
      contactCeiling: ceilingVisits === 0 ? null : ceilingBound / ceilingVisits,
    },
  });
  return { schedule, stats };
}
