/**
 * Teams help each other (FORMAT rule 22): after each team is planned on its own, the visits a
 * team could not place are offered to every staff member of the day, other teams' included,
 * by regret insertion over the whole district; then room-making ruins around the visits still
 * left out try to fit them in, keeping a day only when it is better. A lent staff member pays
 * `otherTeam` per visit (cost.ts) and the travel from wherever their route has them, so a
 * team's own staff win whenever they can. Seeded; the same step runs in process and in the
 * worker's district flow.
 */
import { compileDay } from '../compile/index.ts';
import type { DayProblem } from '../model/types.ts';
import { CostEvaluator, type MeetCost } from './cost.ts';
import { Inserter } from './insertion.ts';
import { searchParams, type SearchParams } from './params.ts';
import { restorePlan, type PlannedRoute } from './plan.ts';
import { Random } from '../random/index.ts';
import { difficulty, regretInsert } from './recreate.ts';
import { roomFor } from './ruin.ts';
import { withPartners } from './search.ts';
import type { Solution } from './solution.ts';

export interface LendOptions {
  seed: number;
  /** `performance.now()` by which lending stops (it always places what fits outright). */
  deadline?: number;
  /** The day's iteration budget, of which lending tries at most `lendingShare`. */
  iterations?: number;
  meetCost?: MeetCost;
  visitCost?: MeetCost;
  params?: Partial<SearchParams>;
}

/** The whole day's solution: the teams' routes as planned, then their left-out visits placed wherever the day has room. */
export function lendAcrossTeams(problem: DayProblem, teamRoutes: readonly PlannedRoute[], options: LendOptions): Solution {
  const inst = compileDay(problem);
  const cost = new CostEvaluator(inst, { meetCost: options.meetCost, visitCost: options.visitCost });
  const params = searchParams(options.params);
  const hardness = difficulty(inst, params);
  const inserter = new Inserter(inst);
  let day = restorePlan(cost, teamRoutes).solution;
  regretInsert(day, day.unassignedVisits(), inserter, hardness, params);
  let objective = day.objective();
  // A few routes at a time: clearing every eligible route of a district would re-plan it whole.
  const ctx = { inst, rng: new Random(options.seed), params: { ...params, unassignedAllStaffProbability: 0 }, neighbours: [] };
  const perVisit = params.lendingIterationsPerVisit * day.unassignedCount;
  const tries = options.iterations === undefined ? perVisit : Math.min(perVisit, Math.ceil(params.lendingShare * options.iterations));
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries && day.unassignedCount > 0 && performance.now() < deadline; i++) {
    const candidate = day.clone();
    const target = ctx.rng.pick(candidate.unassignedVisits());
    const removed = withPartners(candidate, roomFor(candidate, ctx, target));
    candidate.remove(removed);
    regretInsert(candidate, [target, ...removed], inserter, hardness, params);
    const price = candidate.objective();
    if (candidate.feasible() && price < objective - 1e-9) {
      day = candidate;
      objective = price;
    }
  }
  return day;
}
