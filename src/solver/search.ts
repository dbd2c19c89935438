/**
 * Ruin and recreate (adaptive large neighbourhood search) with simulated-annealing
 * acceptance: regret construction first, then many small ruins, each recreated greedily
 * in a random order with blinks. Seeded: the same seed and iteration budget replay the
 * same search; a time limit and an abort signal stop it.
 */
import type { Instance } from '../compile/index.ts';
import { Inserter } from './insertion.ts';
import { Random } from '../random/index.ts';
import { difficulty, greedyInsert, insertBreak, orderVisits, regretInsert, type Order } from './recreate.ts';
import { RUIN_OPERATORS, recipientNeighbours, type RuinContext } from './ruin.ts';
import { Solution } from './solution.ts';

export interface SearchOptions {
  timeLimitMs: number;
  /** Iteration budget; when given, the run is deterministic for a seed (time limit still applies). */
  iterations?: number;
  seed: number;
  signal?: AbortSignal;
  /** Called about every `progressEveryMs` and once at the end. */
  onProgress?: (p: SearchProgress) => void;
  progressEveryMs?: number;
  /** Annealing temperatures as fractions of the first schedule's cost (without unassigned penalties). */
  temperature?: { start: number; end: number };
}

export const DEFAULT_TEMPERATURE = { start: 0.01, end: 0.0002 };

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
  operatorStats: { name: string; uses: number; improvements: number }[];
}

const ORDERS: readonly Order[] = ['random', 'random', 'hardest', 'window', 'duration'];

export function construct(inst: Instance, rng: Random): Solution {
  const sol = new Solution(inst);
  const inserter = new Inserter(inst);
  const hardness = difficulty(inst);
  const all = Array.from({ length: inst.visitCount }, (_, v) => v);
  regretInsert(sol, orderVisits(inst, all, 'hardest', rng, hardness), inserter, hardness);
  return sol;
}

export function search(inst: Instance, opts: SearchOptions): SearchResult {
  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  const rng = new Random(opts.seed);
  const hardness = difficulty(inst);
  let current = construct(inst, rng);
  const firstFeasibleMs = elapsed();
  let currentCost = current.cost();
  let best = current.clone();
  let bestCost = currentCost;

  const ctx: RuinContext = { inst, rng, neighbours: recipientNeighbours(inst) };
  const inserter = new Inserter(inst);
  inserter.rng = rng;
  const weights = RUIN_OPERATORS.map(() => 1);
  const scores = RUIN_OPERATORS.map(() => 0);
  const uses = RUIN_OPERATORS.map(() => 0);
  const stats = RUIN_OPERATORS.map((o) => ({ name: o.name, uses: 0, improvements: 0 }));

  const scale = Math.max(1, currentCost - current.unassignedCost);
  const tStart = (opts.temperature ?? DEFAULT_TEMPERATURE).start * scale;
  const tEnd = (opts.temperature ?? DEFAULT_TEMPERATURE).end * scale;
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
    stats[k].uses++;
    const candidate = current.clone();
    const size = rng.int(Math.min(3, V), Math.max(3, Math.min(40, Math.ceil(V * 0.15))));
    const removed = withPartners(inst, RUIN_OPERATORS[k].op(candidate, ctx, size));
    candidate.remove(removed);
    if (!candidate.feasible()) continue;
    if (!moveBreaks(candidate, removed, rng)) continue;
    const pending = candidate.unassignedVisits();
    inserter.blinkRate = 0.01;
    // Room made for a left-out visit goes to the visit that loses most by waiting (regret),
    // or singles refill it.
    if (RUIN_OPERATORS[k].name === 'unassigned') regretInsert(candidate, pending, inserter, hardness);
    else greedyInsert(candidate, orderVisits(inst, pending, rng.pick(ORDERS), rng, hardness), inserter);
    inserter.blinkRate = 0;
    const cost = candidate.cost();

    let score = 0;
    if (cost < bestCost - 1e-9) {
      best = candidate.clone();
      bestCost = cost;
      score = 3;
      stats[k].improvements++;
    } else if (cost < currentCost - 1e-9) score = 2;
    if (cost < currentCost - temperature * Math.log(rng.next() + 1e-12)) {
      current = candidate;
      currentCost = cost;
      if (score === 0) score = 1;
    }
    scores[k] += score;
    if (iterations % 50 === 0) {
      for (let i = 0; i < weights.length; i++) {
        if (uses[i] > 0) weights[i] = 0.8 * weights[i] + 0.2 * Math.max(0.1, scores[i] / uses[i]);
        scores[i] = 0;
        uses[i] = 0;
      }
    }
  }
  const elapsedMs = elapsed();
  opts.onProgress?.({ elapsedMs, iterations, bestCost, best });
  return { best, iterations, elapsedMs, firstFeasibleMs, operatorStats: stats };
}

/** Linked visits leave together, so that recreate can re-time the pair instead of matching a pinned partner. */
function withPartners(inst: Instance, removed: number[]): number[] {
  const out = new Set(removed);
  for (const v of removed) {
    for (const d of inst.visitDependencies[v]) {
      out.add(inst.dependencies[d].visit);
      out.add(inst.dependencies[d].other);
    }
  }
  return out.size === removed.length ? removed : [...out];
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
function moveBreaks(sol: Solution, removed: readonly number[], rng: Random): boolean {
  if (removed.length === 0 || rng.next() > 0.25) return true;
  const inst = sol.inst;
  const v = rng.pick(removed);
  const withBreaks = sol.routes.filter((r) => inst.eligible[v * inst.staffCount + r.staff] && inst.staffBreaks[r.staff].length > 0);
  if (withBreaks.length === 0) return true;
  const s = rng.pick(withBreaks).staff;
  const nodes = inst.staffBreaks[s].map((b) => inst.visitCount + b);
  for (const node of nodes) sol.removeNode(s, node);
  sol.refresh(sol.routes[s]);
  for (const node of nodes) if (!insertBreak(sol, s, node)) return false;
  return true;
}
