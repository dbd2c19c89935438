/**
 * `solveDay`: the one entry the CLI, the worker and the benchmarks call with a validated
 * problem. Splits a multi-team day into one search per team, lets teams lend staff for the
 * visits a team could not place (FORMAT rule 22), and returns a `kontinuitet/schedule@1`
 * with metrics, warnings and explanations. The worker's district flow runs the same two
 * steps, `solveTeam` in each child and `joinTeams` in the parent.
 */
import type { DayProblem, Explanation, Objective, Route, Schedule, Unassigned } from '../model/types.ts';
import { compileDay } from '../compile/index.ts';
import { assembleSchedule, type ScheduleParts } from './assemble.ts';
import { CostEvaluator, type MeetCost } from './cost.ts';
import { searchParams, type SearchParams } from './params.ts';
import { search, type SearchProgress } from './search.ts';
import { resolveSolveSettings } from './settings.ts';
import { teamPieces } from './split.ts';
import { routesOf } from './output.ts';
import { explain, unassignedList } from './explain.ts';
import { continuityCeiling } from './ceiling.ts';
import { lendAcrossTeams } from './lend.ts';
import { closePassed, withPassedReasons, type PassedVisits } from './passed.ts';
import { planOf, type PlannedRoute } from './plan.ts';
import type { Solution } from './solution.ts';

export { search, construct } from './search.ts';
export { Solution } from './solution.ts';
export { CostEvaluator, DEFAULT_WEIGHTS, resolveWeights, type Weights, type MeetCost } from './cost.ts';
export { DEFAULT_SEARCH_PARAMS, type SearchParams } from './params.ts';
export { DEFAULT_SEED, DEFAULT_TIME_LIMIT_SECONDS, resolveSolveSettings, type SolveSettings } from './settings.ts';
export { assembleSchedule, type ScheduleParts } from './assemble.ts';
export { splitBudget, splitByTeam, teamPieces, teamsOfRecipients, type Budget, type TeamPiece } from './split.ts';
export { planOf, restorePlan, type PlannedNode, type PlannedRoute } from './plan.ts';
export type { PassedVisits } from './passed.ts';

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
  /**
   * Lend other teams' staff for the visits a team leaves out (default true, FORMAT rule 22);
   * false keeps teams as walls, which only a comparison wants.
   */
  lend?: boolean;
  /** Extra cost of a recipient meeting a staff member for the first time today (period look-ahead). */
  meetCost?: MeetCost;
  /** Extra cost of each visit of a recipient a staff member makes (the period planner's circle). */
  visitCost?: MeetCost;
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

/** One team's (or a whole day's) search, as plain data: what a district's children hand their parent. */
export interface TeamOutcome {
  /** The team's id; the ids joined by "+" for a day planned as one piece. */
  team: string;
  routes: Route[];
  unassigned: Unassigned[];
  explanations: Explanation[];
  /** The routes with exact start minutes, for lending. */
  plan: PlannedRoute[];
  objective: number;
  iterations: number;
  firstFeasibleMs: number;
  elapsedMs: number;
  /** Visits whose recipient has a contact, and the LP bound on those the contacts can make. */
  ceiling: { visits: number; bound: number };
}

export interface TeamRun {
  timeLimitMs: number;
  iterations: number | undefined;
  seed: number;
  signal?: AbortSignal;
  meetCost?: MeetCost;
  visitCost?: MeetCost;
  params?: Partial<SearchParams>;
  progressEveryMs?: number;
  /** The piece's own progress: its time, iterations, cost and unassigned visits so far. */
  onProgress?: (p: SolveProgress) => void;
  /** Start from these routes (a re-plan's published day) instead of building from nothing. */
  warmStart?: readonly PlannedRoute[];
  /** Visits whose time has passed (a re-plan): never placed, left out as `window_passed` with this sentence. */
  passed?: PassedVisits;
  /** Weights instead of the problem's `objective`. */
  objective?: Objective;
}

/** Searches one piece of a day (a team, or the whole day) with its budget. */
export function solveTeam(piece: DayProblem, run: TeamRun): TeamOutcome {
  const inst = compileDay(piece);
  closePassed(inst, run.passed);
  const cost = new CostEvaluator(inst, { meetCost: run.meetCost, visitCost: run.visitCost, objective: run.objective });
  const ceiling = continuityCeiling(inst);
  const result = search(cost, {
    timeLimitMs: run.timeLimitMs,
    iterations: run.iterations,
    seed: run.seed,
    signal: run.signal,
    progressEveryMs: run.progressEveryMs,
    params: run.params,
    warmStart: run.warmStart,
    onProgress: run.onProgress
      ? (p: SearchProgress) =>
          run.onProgress!({ elapsedMs: p.elapsedMs, iterations: p.iterations, bestCost: p.bestCost, contactShare: contactShareOf(p.best), unassigned: p.best.unassignedCount })
      : undefined,
  });
  const best = result.best;
  return {
    team: piece.teams.map((t) => t.id).join('+'),
    routes: routesOf(best),
    unassigned: withPassedReasons(unassignedList(best), run.passed),
    explanations: explain(best),
    plan: planOf(best),
    objective: best.objective(),
    iterations: result.iterations,
    firstFeasibleMs: result.firstFeasibleMs,
    elapsedMs: result.elapsedMs,
    ceiling: { visits: ceiling.visits, bound: ceiling.bound },
  };
}

export interface JoinOptions {
  seed: number;
  /** The day's iteration budget, when it has one (lending keeps to its share). */
  iterations?: number;
  /** False joins the teams' outcomes as they are (see `SolveDayOptions.lend`). */
  lend?: boolean;
  deadline?: number;
  meetCost?: MeetCost;
  visitCost?: MeetCost;
  params?: Partial<SearchParams>;
}

/** What the teams' searches add up to, and how many visits lending placed. */
export interface Joined {
  parts: Required<Pick<ScheduleParts, 'routes' | 'unassigned' | 'explanations'>>;
  objective: number;
  /** Visits a team left out that other teams' staff now make (or, rarely, its own after all). */
  placedByLending: number;
}

/**
 * The day from its teams' outcomes (in team order): their routes as they are when every team
 * placed everything; else the teams' left-out visits offered to the whole day's staff
 * (`lendAcrossTeams`), with reasons and explanations over the whole problem.
 */
export function joinTeams(problem: DayProblem, outcomes: readonly TeamOutcome[], options: JoinOptions): Joined {
  const leftOut = outcomes.flatMap((o) => o.unassigned);
  if (outcomes.length === 1 || leftOut.length === 0 || options.lend === false) {
    return {
      parts: { routes: outcomes.flatMap((o) => o.routes), unassigned: leftOut, explanations: outcomes.flatMap((o) => o.explanations) },
      objective: outcomes.reduce((sum, o) => sum + o.objective, 0),
      placedByLending: 0,
    };
  }
  const day = lendAcrossTeams(problem, outcomes.flatMap((o) => o.plan), options);
  const teamReasons = new Map(leftOut.map((u) => [u.visit, u]));
  return {
    parts: { routes: routesOf(day), unassigned: unassignedList(day), explanations: explain(day, teamReasons) },
    objective: day.objective(),
    placedByLending: leftOut.length - day.unassignedCount,
  };
}

export interface FinishOptions extends JoinOptions {
  /** Seconds the pieces took; `solver.seconds` adds the lending's. */
  searchSeconds: number;
}

/** The schedule of a day from its pieces' outcomes (in piece order), lending included. */
export function finishDay(problem: DayProblem, outcomes: readonly TeamOutcome[], options: FinishOptions): { schedule: Schedule; objective: number } {
  const t0 = performance.now();
  const joined = joinTeams(problem, outcomes, options);
  const seconds = options.searchSeconds + (performance.now() - t0) / 1000;
  const ceilingVisits = outcomes.reduce((sum, o) => sum + o.ceiling.visits, 0);
  const ceilingBound = outcomes.reduce((sum, o) => sum + o.ceiling.bound, 0);
  const schedule = assembleSchedule(problem, {
    ...joined.parts,
    solver: {
      seconds: Math.round(seconds * 1000) / 1000,
      iterations: outcomes.reduce((sum, o) => sum + o.iterations, 0),
      seed: options.seed,
      objective: Math.round(joined.objective * 1000) / 1000,
      contactCeiling: ceilingVisits === 0 ? null : ceilingBound / ceilingVisits,
    },
  });
  return { schedule, objective: joined.objective };
}

export function solveDayWithStats(problem: DayProblem, options: SolveDayOptions = {}): { schedule: Schedule; stats: SolveStats } {
  const { timeLimitMs, seed, iterations } = resolveSolveSettings(options, problem.options);
  const params = searchParams(options.params);
  const pieces = teamPieces(problem, { timeLimitMs, iterations }, options.byTeam !== false, params.lendingShare);
  const t0 = performance.now();
  const outcomes: TeamOutcome[] = [];
  let iterationsBefore = 0;
  let objectiveBefore = 0;
  let unassignedBefore = 0;
  for (const piece of pieces) {
    const outcome = solveTeam(piece.problem, {
      ...piece.budget,
      seed,
      signal: options.signal,
      meetCost: options.meetCost,
      visitCost: options.visitCost,
      params: options.params,
      progressEveryMs: options.progressEveryMs,
      onProgress: options.onProgress
        ? (p: SolveProgress) =>
            options.onProgress!({
              elapsedMs: performance.now() - t0,
              iterations: iterationsBefore + p.iterations,
              bestCost: objectiveBefore + p.bestCost,
              contactShare: p.contactShare,
              unassigned: unassignedBefore + p.unassigned,
              team: pieces.length > 1 ? piece.team : undefined,
            })
        : undefined,
    });
    outcomes.push(outcome);
    iterationsBefore += outcome.iterations;
    objectiveBefore += outcome.objective;
    unassignedBefore += outcome.unassigned.length;
  }
  const { schedule, objective } = finishDay(problem, outcomes, {
    seed,
    deadline: t0 + timeLimitMs,
    iterations,
    lend: options.lend,
    meetCost: options.meetCost,
    visitCost: options.visitCost,
    params: options.params,
    searchSeconds: (performance.now() - t0) / 1000,
  });
  const elapsedMs = performance.now() - t0;
  return { schedule, stats: { firstFeasibleMs: outcomes[0].firstFeasibleMs, elapsedMs, iterations: iterationsBefore, objective } };
}
