/**
 * Recreate: put unassigned visits back. Regret insertion for the first construction
 * (hardest visits first: the visit that loses most by waiting goes in now), greedy
 * insertion in a chosen order with blinks (Christiaens & Vanden Berghe 2020) inside the
 * ruin-and-recreate loop.
 */
import type { Instance } from '../compile/index.ts';
import { applyInsertion, Inserter } from './insertion.ts';
import type { SearchParams } from './params.ts';
import type { Solution } from './solution.ts';
import type { Random } from '../random/index.ts';

const EPS = 1e-9;

/** How constrained a visit is: fewer eligible staff and a narrower window come first. */
export function difficulty(inst: Instance, params: SearchParams): Float64Array {
  const S = inst.staffCount;
  const out = new Float64Array(inst.visitCount);
  for (let v = 0; v < inst.visitCount; v++) {
    let eligible = 0;
    for (let s = 0; s < S; s++) eligible += inst.eligible[v * S + s];
    const width = Math.max(0, inst.winEnd[v] - inst.winStart[v]);
    out[v] =
      (inst.visitStaffCount[v] === 2 ? params.hardnessDouble : 0) +
      (inst.visitDependencies[v].length > 0 ? params.hardnessDependency : 0) +
      (inst.mandatory[v] ? params.hardnessMandatory : 0) +
      params.hardnessEligible / (1 + eligible) +
      params.hardnessWindow / (1 + width / 30) +
      inst.duration[v] / params.hardnessDurationDivisor;
  }
  return out;
}

export type Order = 'random' | 'hardest' | 'window' | 'duration';

export function orderVisits(inst: Instance, visits: number[], order: Order, rng: Random, hardness: Float64Array): number[] {
  switch (order) {
    case 'random':
      return rng.shuffle(visits);
    case 'hardest':
      return visits.sort((a, b) => hardness[b] - hardness[a] || a - b);
    case 'window':
      return visits.sort((a, b) => inst.winStart[a] - inst.winStart[b] || a - b);
    case 'duration':
      return visits.sort((a, b) => inst.duration[b] - inst.duration[a] || a - b);
  }
}

/** Greedy: each visit in turn at its cheapest position; a visit with none stays unassigned. */
export function greedyInsert(sol: Solution, visits: readonly number[], inserter: Inserter): void {
  const tracksMaxLate = sol.cost.weights.maxLateMinute > 0;
  let maxLate = tracksMaxLate ? sol.maxLate() : 0;
  for (const v of visits) {
    // A dependsOn partner may already have gone in together with an earlier visit.
    if (sol.isAssigned(v)) continue;
    const ins = inserter.best(sol, v, maxLate);
    if (ins) {
      applyInsertion(sol, ins);
      if (tracksMaxLate) maxLate = sol.maxLate();
    }
  }
}

/**
 * Regret-2 insertion: repeatedly insert the visit whose best option beats its best
 * option in another route by the most; mandatory and hard visits are favoured. Costs of
 * free single-staffed visits are cached per route and recomputed only for routes (or
 * recipients) that changed since; `cached: false` recomputes every one every round (what
 * the cache must agree with).
 */
export function regretInsert(sol: Solution, visits: readonly number[], inserter: Inserter, hardness: Float64Array, params: SearchParams, cached = true): void {
  const inst = sol.inst;
  const S = inst.staffCount;
  const pending = new Set(visits);
  // Caches sized by the visits to place, not the day: a district's lending places a few dozen.
  const slot = new Int32Array(inst.visitCount);
  let slots = 0;
  for (const v of pending) slot[v] = slots++;
  const cache = new Float64Array(slots * S);
  const cachedAt = new Int32Array(slots * S).fill(-1);
  const cachedRecipient = new Int32Array(slots).fill(-1);
  const tracksMaxLate = sol.cost.weights.maxLateMinute > 0;
  let lastMaxLate = Number.NaN;
  const simple = (v: number) => inst.visitStaffCount[v] === 1 && inst.visitDependencies[v].length === 0;
  while (pending.size > 0) {
    const maxLate = tracksMaxLate ? sol.maxLate() : 0;
    if (maxLate !== lastMaxLate) {
      cachedAt.fill(-1);
      lastMaxLate = maxLate;
    }
    let bestScore = Number.NEGATIVE_INFINITY;
    let bestVisit = -1;
    const dead: number[] = [];
    for (const v of pending) {
      let first = Number.POSITIVE_INFINITY;
      let second = Number.POSITIVE_INFINITY;
      if (simple(v)) {
        const r = inst.visitRecipient[v];
        const i = slot[v];
        const fresh = cached && cachedRecipient[i] === sol.recipientVersion[r];
        cachedRecipient[i] = sol.recipientVersion[r];
        for (let s = 0; s < S; s++) {
          if (!inst.eligible[v * S + s]) continue;
          const k = i * S + s;
          if (!fresh || cachedAt[k] !== sol.routes[s].version) {
            cache[k] = inserter.routeCost(sol, v, s, maxLate);
            cachedAt[k] = sol.routes[s].version;
          }
          const c = cache[k];
          if (c < first) {
            second = first;
            first = c;
          } else if (c < second) second = c;
        }
      } else {
        const ins = inserter.best(sol, v, maxLate);
        if (ins) {
          first = ins.cost;
          if (ins.kind !== 'double') {
            for (let s = 0; s < S; s++) {
              if (s !== ins.staff && inserter.routeBest[s] < second) second = inserter.routeBest[s];
            }
          }
        }
      }
      if (!Number.isFinite(first)) {
        dead.push(v);
        continue;
      }
      const regret = Number.isFinite(second) ? second - first : params.regretAlone;
      const score = regret + hardness[v] - first * params.regretCostTieBreak;
      if (score > bestScore) {
        bestScore = score;
        bestVisit = v;
      }
    }
    for (const v of dead) pending.delete(v);
    if (bestVisit < 0) break;
    const ins = inserter.best(sol, bestVisit, maxLate);
    if (ins) {
      applyInsertion(sol, ins);
      if (ins.kind === 'pair') pending.delete(ins.partner);
    }
    pending.delete(bestVisit);
  }
}

/**
 * Puts a break node back into its staff member's route where it delays the least;
 * false when no position keeps the route feasible.
 */
export function insertBreak(sol: Solution, staff: number, node: number): boolean {
  const inst = sol.inst;
  const route = sol.routes[staff];
  const b = inst.breaks[node - inst.visitCount];
  let bestP = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let p = 0; p <= route.nodes.length; p++) {
    const ready = route.readyAt(p);
    const st = ready < b.earliest ? b.earliest : ready;
    if (st > b.latestStart + EPS) break;
    const place = route.placeBefore(p);
    const end = st + b.minutes;
    if (end > route.maxEndAt(p, place) + EPS) continue;
    // Prefer a break that fills waiting time: the push on later nodes, then the idle before it.
    const cost = route.downstreamDelta(p, end, place) + (p < route.nodes.length ? Math.max(0, end - route.start[p]) * 1e-3 : 0);
    if (cost < bestCost - EPS) {
      bestCost = cost;
      bestP = p;
    }
  }
  if (bestP < 0) return false;
  route.insert(bestP, node);
  return true;
}
