import { describe, expect, it } from 'vitest';
import { compileDay } from '../../src/compile/index.ts';
import { Random } from '../../src/random/index.ts';
import { construct, CostEvaluator, Solution } from '../../src/solver/index.ts';
import { applyInsertion, Inserter } from '../../src/solver/insertion.ts';
import { day, nurse, recipient, visit } from '../builders.ts';

/**
 * Two services at once for one recipient, each needing a skill only one person has; the
 * second person is busy with a locked visit early on. Placed one at a time, the first
 * service would take its earliest start (07:00), where the second no longer fits.
 */
function simultaneousPair(minGapMinutes: number, maxGapMinutes: number) {
  return day({
    staff: [nurse('s1', { skills: ['wound_care'] }), nurse('s2', { skills: ['insulin'] })],
    recipients: [recipient('r1'), recipient('r2')],
    visits: [
      visit('busy', 'r2', '07:10', '07:10', 60, { lockedStaff: ['s2'] }),
      visit('a', 'r1', '07:00', '11:00', 30, { requires: ['wound_care'] }),
      visit('b', 'r1', '07:00', '11:00', 20, { requires: ['insulin'], dependsOn: [{ visit: 'a', minGapMinutes, maxGapMinutes }] }),
    ],
  });
}

describe('joint insertion of a dependsOn pair', () => {
  it.each([
    [0, 0],
    [5, 10],
    [-10, 0],
  ])('places both halves with gap [%i, %i] at once, after the partner\'s busy time', (min, max) => {
    const inst = compileDay(simultaneousPair(min, max));
    const sol = new Solution(new CostEvaluator(inst));
    const inserter = new Inserter(inst);
    const [busy, a, b] = ['busy', 'a', 'b'].map((id) => inst.visitIds.indexOf(id));
    const first = inserter.best(sol, busy);
    expect(first?.kind).toBe('single');
    applyInsertion(sol, first!);
    const pair = inserter.best(sol, a);
    expect(pair?.kind).toBe('pair');
    expect(pair?.kind === 'pair' && pair.partner).toBe(b);
    applyInsertion(sol, pair!);
    expect(sol.feasible()).toBe(true);
    const gap = sol.startOf[b] - sol.startOf[a];
    expect(gap).toBeGreaterThanOrEqual(min);
    expect(gap).toBeLessThanOrEqual(max);
    // s2 is free only after the locked visit (07:10 + 60 min and the walk back).
    expect(sol.startOf[b]).toBeGreaterThanOrEqual(sol.startOf[busy] + 60);
    expect(inst.staffIds[sol.staffOf[2 * a]]).toBe('s1');
    expect(inst.staffIds[sol.staffOf[2 * b]]).toBe('s2');
  });

  it('still places a pair one person can do in turn (a gap longer than the first visit) in one route', () => {
    const inst = compileDay(
      day({
        staff: [nurse('s1', { skills: ['insulin'] })],
        recipients: [recipient('r1')],
        visits: [
          visit('a', 'r1', '08:00', '09:00', 15, { requires: ['insulin'] }),
          visit('b', 'r1', '08:00', '12:00', 15, { requires: ['insulin'], dependsOn: [{ visit: 'a', minGapMinutes: 120, maxGapMinutes: 180 }] }),
        ],
      }),
    );
    const sol = construct(new CostEvaluator(inst), new Random(1));
    expect(sol.unassignedVisits()).toEqual([]);
    expect(sol.startOf[1] - sol.startOf[0]).toBeGreaterThanOrEqual(120);
  });
});
