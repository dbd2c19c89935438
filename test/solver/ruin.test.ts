import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileDay } from '../../src/compile/index.ts';
import { generateDay } from '../../src/generate/index.ts';
import { Random } from '../../src/random/index.ts';
import { CostEvaluator } from '../../src/solver/cost.ts';
import { searchParams } from '../../src/solver/params.ts';
import { RUIN_OPERATORS, recipientNeighbours } from '../../src/solver/ruin.ts';
import { construct, withPartners } from '../../src/solver/search.ts';

describe('ruin operators', () => {
  it.each(RUIN_OPERATORS.map((r) => [r.name, r] as const))('%s removes only assigned visits, and linked partners leave with them', (_name, ruin) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 30 }), (seed, ruinSeed, size) => {
        // Generated days carry insulin pairs (dependsOn) and double-staffed lifts.
        const { problem } = generateDay({ seed, teams: 1, staffPerTeam: 6, recipientsPerTeam: 20 });
        const inst = compileDay(problem);
        const params = searchParams();
        const sol = construct(new CostEvaluator(inst), new Random(seed));
        const ctx = { inst, rng: new Random(ruinSeed), params, neighbours: recipientNeighbours(inst, params.neighbours) };
        const chosen = ruin.op(sol, ctx, size);
        for (const v of chosen) expect(sol.isAssigned(v)).toBe(true);
        expect(new Set(chosen).size).toBe(chosen.length);
        const removed = withPartners(sol, chosen);
        for (const v of removed) {
          for (const d of inst.visitDependencies[v]) {
            expect(removed).toContain(inst.dependencies[d].visit);
            expect(removed).toContain(inst.dependencies[d].other);
          }
        }
        const unassignedBefore = sol.unassignedCount;
        const leaving = new Set(removed.filter((v) => sol.isAssigned(v))).size;
        sol.remove(removed);
        expect(sol.unassignedCount).toBe(unassignedBefore + leaving);
        for (const v of removed) expect(sol.isAssigned(v)).toBe(false);
        expect(sol.feasible()).toBe(true);
      }),
      { numRuns: 15, seed: 77 },
    );
  });

  it('are recreated as they say: room made for a left-out visit by regret, the others greedily', () => {
    expect(RUIN_OPERATORS.filter((r) => r.recreate === 'regret').map((r) => r.name)).toEqual(['unassigned']);
  });
});
