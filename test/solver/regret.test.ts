import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileDay } from '../../src/compile/index.ts';
import { generateDay } from '../../src/generate/index.ts';
import { Random } from '../../src/random/index.ts';
import { CostEvaluator } from '../../src/solver/cost.ts';
import { Inserter } from '../../src/solver/insertion.ts';
import { searchParams } from '../../src/solver/params.ts';
import { difficulty, orderVisits, regretInsert } from '../../src/solver/recreate.ts';
import { Solution } from '../../src/solver/solution.ts';

describe('regret insertion', () => {
  it('makes the same choices with its cost cache as with every cost recomputed each round', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 2 }), fc.boolean(), (seed, teams, partial) => {
        const { problem } = generateDay({ seed, teams, staffPerTeam: 5, recipientsPerTeam: 14 });
        const inst = compileDay(problem);
        const cost = new CostEvaluator(inst);
        const params = searchParams();
        const hardness = difficulty(inst, params);
        const runs = [true, false].map((cached) => {
          const sol = new Solution(cost);
          const rng = new Random(seed);
          const all = orderVisits(inst, Array.from({ length: inst.visitCount }, (_, v) => v), 'hardest', rng, hardness);
          // Half the day first, then the rest into a solution that already has routes (stale caches to avoid).
          const first = partial ? all.filter((_, i) => i % 2 === 0) : all;
          regretInsert(sol, first, new Inserter(inst), hardness, params, cached);
          if (partial) regretInsert(sol, sol.unassignedVisits(), new Inserter(inst), hardness, params, cached);
          return sol;
        });
        expect(runs[0].routes.map((r) => r.nodes)).toEqual(runs[1].routes.map((r) => r.nodes));
        expect(runs[0].objective()).toBe(runs[1].objective());
      }),
      { numRuns: 20, seed: 99 },
    );
  });
});
