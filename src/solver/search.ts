/**
 * Ruin and recreate (adaptive large neighbourhood search) with simulated-annealing
 * acceptance: regret construction first, then many small ruins, each recreated as its
 * operator says. Seeded: the same seed and iteration budget replay the same search; a time
 * limit and an abort signal stop it. Every number it tunes by is in `params.ts`.
 */
import { Inserter } from './insertion.ts';
import { Random } from '../random/index.ts';
import type { CostEvaluator } from './cost.ts';
import { searchParams, type SearchParams } from './params.ts';
import { difficulty, greedyInsert, insertBreak, orderVisits, regretInsert, type Order } from './recreate.ts';
import { RUIN_OPERATORS, recipientNeighbours, type RuinContext } from './ruin.ts';
import { Solution } from './solution.ts';
import { restorePlan, type PlannedRoute } from './plan.ts';

export interface SearchOptions {
  timeLimitMs: number;
  /** Iteration budget; when given, the run is deterministic for a seed (time limit still applies). */
  iterations?: number;
  seed: number;
  signal?: AbortSignal;
  /** Called about every `progressEveryMs` and once at the end. */
  onProgress?: (p: SearchProgress) => void;
  /** @defaultValue 250 */
  progressEveryMs?: number;
  params?: Partial<SearchParams>;
  /** Start from these routes instead of building the day from nothing (`construct`). */
  warmStart?: readonly PlannedRoute[];
}

export interface SearchProgress {
  elapsedMs: number;
  iterations: number;
  bestCost: number;
  best: Solution;
}

export interface SearchResult {
  best: Solution;
  iterations: number;
  elapsedMs: number;
  firstFeasibleMs: number;
}

const ORDERS: readonly Order[] = ['random', 'random', 'hardest', 'window', 'duration'];

/**
 * The first schedule: every visit by regret insertion, hardest first; or, given a plan (a
 * re-plan's warm start), the plan's routes as far as they still hold (`restorePlan`) and the
 * rest inserted the same way.
 */
export function construct(cost: CostEvaluator, rng: Random, params: SearchParams = searchParams(), plan?: readonly PlannedRoute[]): Solution {
  const inst = cost.inst;
  const sol = plan ? restorePlan(cost, plan).solution : new Solution(cost);
  const hardness = difficulty(inst, params);
  const pending = sol.unassignedVisits();
  regretInsert(sol, orderVisits(inst, pending, 'hardest', rng, hardness), new Inserter(inst), hardness, params);
  return sol;
}

export function search(cost: CostEvaluator, opts: SearchOptions): SearchResult {
  const inst = cost.inst;
  const params = searchParams(opts.params);
  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  const rng = new Random(opts.seed);
  const hardness = difficulty(inst, params);
  let current = construct(cost, rng, params, opts.warmStart);
  const firstFeasibleMs = elapsed();
  let currentCost = current.objective();
  let best = current.clone();
  let bestCost = currentCost;

  const ctx: RuinContext = { inst, rng, params, neighbours: recipientNeighbours(inst, params.neighbours) };
  const inserter = new Inserter(inst);
  inserter.rng = rng;
  const weights = RUIN_OPERATORS.map(() => 1);
  const scores = RUIN_OPERATORS.map(() => 0);
  const uses = RUIN_OPERATORS.map(() => 0);

  const scale = Math.max(1, currentCost - current.unassignedCost);
  const tStart = params.temperatureStart * scale;
  const tEnd = params.temperatureEnd * scale;
  const maxIterations = opts.iterations ?? Number.POSITIVE_INFINITY;
  const progressEvery = opts.progressEveryMs ?? 250;
  let nextProgress = progressEvery;
  let iterations = 0;
  const V = inst.visitCount;

  while (iterations < maxIterations && V > 0) {
    const now = elapsed();
    if (now >= opts.timeLimitMs || opts.signal?.aborted) break;
    if (opts.onProgress && now >= nextProgress) {
      opts.onProgress({ elapsedMs: now, iterations, bestCost, best });
      nextProgress = now + progressEvery;
    }
    iterations++;
    const progress = Number.isFinite(maxIterations) ? iterations / maxIterations : now / opts.timeLimitMs;
    const temperature = tStart * Math.pow(tEnd / tStart, Math.min(1, progress));

    const k = pickOperator(weights, rng);
    uses[k]++;
    const ruin = RUIN_OPERATORS[k];
    const candidate = current.clone();
    const size = rng.int(Math.min(params.ruinMin, V), Math.max(params.ruinMin, Math.min(params.ruinMax, Math.ceil(V * params.ruinShare))));
    const removed = withPartners(candidate, ruin.op(candidate, ctx, size));
    candidate.remove(removed);
    if (!candidate.feasible()) continue;
    if (!moveBreaks(candidate, removed, rng, params)) continue;
    const pending = candidate.unassignedVisits();
    inserter.blinkRate = params.blinkRate;
    if (ruin.recreate === 'regret') regretInsert(candidate, pending, inserter, hardness, params);
    else greedyInsert(candidate, orderVisits(inst, pending, rng.pick(ORDERS), rng, hardness), inserter);
    inserter.blinkRate = 0;
    const cost = candidate.objective();

    let score = 0;
    if (cost < bestCost - 1e-9) {
      best = candidate.clone();
      bestCost = cost;
      score = params.scoreBest;
    } else if (cost < currentCost - 1e-9) score = params.scoreBetter;
    if (cost < currentCost - temperature * Math.log(rng.next() + 1e-12)) {
      current = candidate;
      currentCost = cost;
      if (score === 0) score = params.scoreAccepted;
    }
    scores[k] += score;
    if (iterations % params.weightPeriod === 0) {
      for (let i = 0; i < weights.length; i++) {
        if (uses[i] > 0) weights[i] = (1 - params.weightReaction) * weights[i] + params.weightReaction * Math.max(params.weightFloor, scores[i] / uses[i]);
        scores[i] = 0;
        uses[i] = 0;
      }
    }
  }
  const elapsedMs = elapsed();
  opts.onProgress?.({ elapsedMs, iterations, bestCost, best });
  return { best, iterations, elapsedMs, firstFeasibleMs };
}

/**
 * The visits a ruin takes out, with the `dependsOn` partners of those assigned: linked visits
 * leave together, so that recreate can re-time the pair instead of matching a pinned partner.
 * Fixed visits (`Instance.fixed`: one place in the day) stay where they are.
 */
export function withPartners(sol: Solution, removed: number[]): number[] {
  const inst = sol.inst;
  const out = new Set(removed);
  for (const v of removed) {
    for (const d of inst.visitDependencies[v]) {
      out.add(inst.dependencies[d].visit);
      out.add(inst.dependencies[d].other);
    }
  }
  const all = out.size === removed.length ? removed : [...out];
  for (const v of all) if (inst.fixed[v]) return all.filter((u) => !inst.fixed[u]);
  return all;
}

function pickOperator(weights: number[], rng: Random): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x <= 0) return i;
  }
  return weights.length - 1;
}

/** Sometimes lets a ruined route's breaks move too; false when one no longer fits. */
function moveBreaks(sol: Solution, removed: readonly number[], rng: Random, params: SearchParams): boolean {
  if (removed.length === 0 || rng.next() > params.breakMoveProbability) return true;
  const inst = sol.inst;
  const v = rng.pick(removed);
  const withBreaks = sol.routes.filter((r) => inst.eligible[v * inst.staffCount + r.staff] && inst.staffBreaks[r.staff].length > 0);
  if (withBreaks.length === 0) return true;
  const route = rng.pick(withBreaks);
  const nodes = inst.staffBreaks[route.staff].map((b) => inst.visitCount + b);
  route.remove(nodes);
  for (const node of nodes) if (!insertBreak(sol, route.staff, node)) return false;
  return true;
}
