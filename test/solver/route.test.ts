import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileDay, type Instance } from '../../src/compile/index.ts';
import { generateDay } from '../../src/generate/index.ts';
import { Random } from '../../src/random/index.ts';
import { CostEvaluator } from '../../src/solver/cost.ts';
import { construct } from '../../src/solver/search.ts';
import type { Solution } from '../../src/solver/solution.ts';

const EPS = 1e-9;

/** Times a node sequence from scratch, node by node: the earliest starts, and whether every window, break and the shift end hold. */
function retime(inst: Instance, sol: Solution, staff: number, nodes: readonly number[], window?: { visit: number; lo: number; hi: number }) {
  const V = inst.visitCount;
  const P = inst.placeCount;
  const T = inst.staffTravel[staff];
  let time = inst.shiftStart[staff];
  let place = inst.startPlace[staff];
  let feasible = true;
  const starts: number[] = [];
  for (const node of nodes) {
    if (node < V) {
      const lo = window?.visit === node ? window.lo : sol.effStart[node];
      const hi = window?.visit === node ? window.hi : sol.effEnd[node];
      const st = Math.max(time + T[place * P + inst.visitPlace[node]], lo);
      if (st > hi + EPS) feasible = false;
      starts.push(st);
      time = st + inst.duration[node];
      place = inst.visitPlace[node];
    } else {
      const b = inst.breaks[node - V];
      const st = Math.max(time, b.earliest);
      if (st > b.latestStart + EPS) feasible = false;
      starts.push(st);
      time = st + b.minutes;
    }
  }
  if (nodes.some((n) => n < V) && time + T[place * P + inst.endPlace[staff]] > inst.shiftEnd[staff] + EPS) feasible = false;
  return { feasible, starts };
}

describe('a route owns its timing', () => {
  it('agrees with re-timing from scratch: starts, feasibility and the O(1) insertion test (breaks, pinned and double-staffed visits)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 1000 }), (seed, probeSeed) => {
        const { problem } = generateDay({ seed, teams: 1, staffPerTeam: 6, recipientsPerTeam: 18 });
        const inst = compileDay(problem);
        const sol = construct(new CostEvaluator(inst), new Random(seed));
        const rng = new Random(probeSeed);
        // Free some visits to probe their insertion into every route.
        const assigned = Array.from({ length: inst.visitCount }, (_, v) => v).filter((v) => sol.isAssigned(v));
        sol.remove(rng.shuffle(assigned).slice(0, Math.ceil(assigned.length / 4)));
        for (const route of sol.routes) {
          const scratch = retime(inst, sol, route.staff, route.nodes);
          expect(route.feasible).toBe(true);
          expect(scratch.feasible).toBe(true);
          route.nodes.forEach((_, i) => expect(route.start[i]).toBeCloseTo(scratch.starts[i], 9));
        }
        const free = Array.from({ length: inst.visitCount }, (_, v) => v).filter((v) => !sol.isAssigned(v));
        for (let probe = 0; probe < 200 && free.length > 0; probe++) {
          const v = rng.pick(free);
          const route = rng.pick(sol.routes);
          const p = rng.int(0, route.nodes.length);
          // A narrowed window now and then, as a dependency or a pin would give.
          const lo = inst.winStart[v] + (rng.next() < 0.3 ? rng.int(0, 30) : 0);
          const hi = Math.max(lo, inst.winEnd[v] - (rng.next() < 0.3 ? rng.int(0, 30) : 0));
          const nodes = [...route.nodes.slice(0, p), v, ...route.nodes.slice(p)];
          const scratch = retime(inst, sol, route.staff, nodes, { visit: v, lo, hi });
          const st = route.feasibleStart(v, p, lo, hi);
          expect(Number.isNaN(st)).toBe(!scratch.feasible);
          if (scratch.feasible) expect(st).toBeCloseTo(scratch.starts[p], 9);
        }
      }),
      { numRuns: 25, seed: 4242 },
    );
  });

  it('re-times itself on insert and remove, and reports the push on later soft-timed visits', () => {
    const { problem } = generateDay({ seed: 11, teams: 1, staffPerTeam: 5, recipientsPerTeam: 15 });
    const inst = compileDay(problem);
    const cost = new CostEvaluator(inst);
    const sol = construct(cost, new Random(3));
    const route = sol.routes.find((r) => r.visitCount >= 3)!;
    const before = route.version;
    const visit = route.nodes.find((n) => n < inst.visitCount && !sol.linked(n))!;
    sol.remove([visit]);
    expect(route.version).toBe(before + 1);
    expect(route.nodes).not.toContain(visit);
    const scratch = retime(inst, sol, route.staff, route.nodes);
    route.nodes.forEach((_, i) => expect(route.start[i]).toBeCloseTo(scratch.starts[i], 9));
    // The push of ending later at position 0: re-time with a delayed start and sum the soft-cost changes.
    const delayed = route.start[0] + 45;
    const delta = route.downstreamDelta(1, delayed + route.nodeDuration(route.nodes[0]), route.loc[0]);
    let expected = 0;
    let time = delayed + route.nodeDuration(route.nodes[0]);
    let place = route.loc[0];
    for (let i = 1; i < route.nodes.length; i++) {
      const node = route.nodes[i];
      if (node >= inst.visitCount) {
        const b = inst.breaks[node - inst.visitCount];
        time = Math.max(time, b.earliest) + b.minutes;
        continue;
      }
      const st = Math.max(time + inst.staffTravel[route.staff][place * inst.placeCount + inst.visitPlace[node]], sol.effStart[node]);
      if (sol.staffOf[2 * node] === route.staff) expected += cost.visitTimeCost(node, Math.max(st, route.start[i])) - cost.visitTimeCost(node, route.start[i]);
      time = Math.max(st, route.start[i]) + inst.duration[node];
      place = inst.visitPlace[node];
    }
    expect(delta).toBeCloseTo(expected, 9);
  });
});
