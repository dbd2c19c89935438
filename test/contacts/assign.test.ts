import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignmentViolations, isIntegral, roundAndRepair, solveAssignment, solveRelaxation, type Arc, type AssignmentProblem } from '../../src/contacts/index.ts';

/** The best assignment by enumeration: most recipients assigned, then largest score. */
function bruteForce(problem: AssignmentProblem): { assigned: number; score: number } {
  const arcsOf = Array.from({ length: problem.recipients }, (_, r) => problem.arcs.filter((a) => a.recipient === r));
  const load = new Array(problem.staff).fill(0);
  let best = { assigned: -1, score: -Infinity };
  const visit = (r: number, assigned: number, score: number): void => {
    if (r === problem.recipients) {
      if (assigned > best.assigned || (assigned === best.assigned && score > best.score + 1e-9)) best = { assigned, score };
      return;
    }
    visit(r + 1, assigned, score);
    for (const a of arcsOf[r]) {
      if (load[a.staff] >= problem.cap) continue;
      load[a.staff] += 1;
      visit(r + 1, assigned + 1, score + a.score);
      load[a.staff] -= 1;
    }
  };
  visit(0, 0, 0);
  return best;
}

function scoreOf(problem: AssignmentProblem, contactOf: readonly (number | null)[]): { assigned: number; score: number } {
  let assigned = 0;
  let score = 0;
  contactOf.forEach((s, r) => {
    if (s === null) return;
    assigned += 1;
    score += problem.arcs.find((a) => a.recipient === r && a.staff === s)!.score;
  });
  return { assigned, score };
}

/**
 * A problem from its score table: a row per recipient, a column per staff member, `null`
 * where the pair is no candidate. Arcs come recipient by recipient, as fractions index them.
 */
function fromScores(cap: number, scores: (number | null)[][]): AssignmentProblem {
  const arcs = scores.flatMap((row, recipient) => row.flatMap((score, staff) => (score === null ? [] : [{ recipient, staff, score }])));
  return { recipients: scores.length, staff: scores[0].length, arcs, cap };
}

const problems = fc
  .record({ recipients: fc.integer({ min: 1, max: 6 }), staff: fc.integer({ min: 1, max: 3 }), cap: fc.integer({ min: 1, max: 3 }) })
  .chain(({ recipients, staff, cap }) =>
    fc
      .array(fc.tuple(fc.boolean(), fc.integer({ min: -50, max: 2000 })), { minLength: recipients * staff, maxLength: recipients * staff })
      .map((cells): AssignmentProblem => {
        const arcs: Arc[] = [];
        cells.forEach(([present, score], k) => {
          if (present) arcs.push({ recipient: Math.floor(k / staff), staff: k % staff, score });
        });
        return { recipients, staff, arcs, cap };
      }),
  );

describe('solveAssignment', () => {
  it('finds the optimum: most recipients given a contact, then the largest score', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const result = solveAssignment(problem);
        expect(assignmentViolations(problem, result.contactOf)).toEqual([]);
        const got = scoreOf(problem, result.contactOf);
        const best = bruteForce(problem);
        expect(got.assigned).toBe(best.assigned);
        expect(got.score).toBeCloseTo(best.score, 6);
      }),
      { numRuns: 150 },
    );
  });

  it('reports integrality as the LP answer has it', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const result = solveAssignment(problem);
        const x = solveRelaxation(problem)!;
        expect(result.integral).toBe(isIntegral(x));
        expect(result.fallback).toBe(!result.integral);
        expect(result.variables).toBe(problem.arcs.length);
      }),
      { numRuns: 50 },
    );
  });

  it('goes through rounding and repair when forced, keeping every constraint', () => {
    fc.assert(
      fc.property(problems, (problem) => {
        const result = solveAssignment(problem, { forceFallback: true });
        expect(result.fallback).toBe(true);
        expect(assignmentViolations(problem, result.contactOf)).toEqual([]);
        // Rounding an integral LP answer changes nothing.
        if (result.integral) expect(scoreOf(problem, result.contactOf)).toEqual(scoreOf(problem, solveAssignment(problem).contactOf));
      }),
      { numRuns: 50 },
    );
  });
});

describe('isIntegral', () => {
  it('accepts values within 1e-6 of a whole number only', () => {
    expect(isIntegral([0, 1, 0.9999999, 1e-7])).toBe(true);
    expect(isIntegral([0, 0.5])).toBe(false);
    expect(isIntegral([0.99])).toBe(false);
  });
});

describe('roundAndRepair', () => {
  it('splits a half-and-half answer into distinct contacts', () => {
    const problem = fromScores(1, [
      [10, 10],
      [10, 10],
    ]);
    const contactOf = roundAndRepair(problem, [0.5, 0.5, 0.5, 0.5]);
    expect(new Set(contactOf)).toEqual(new Set([0, 1]));
  });

  it('follows the larger fractions first', () => {
    const problem = fromScores(1, [
      [1, 1],
      [1, 1],
    ]);
    expect(roundAndRepair(problem, [0.3, 0.7, 0.7, 0.3])).toEqual([1, 0]);
  });

  it('repairs a greedy dead end by moving one recipient to a free candidate', () => {
    // Recipient 0 may go to staff 0 or 1; recipient 1 only to staff 0; the answer puts 0 on staff 0.
    const problem = fromScores(1, [
      [30, 20],
      [5, null],
    ]);
    expect(roundAndRepair(problem, [1, 0, 0])).toEqual([1, 0]);
  });

  it('respects the cap whatever the fractions say', () => {
    fc.assert(
      fc.property(problems, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 18, maxLength: 18 }), (problem, values) => {
        const contactOf = roundAndRepair(problem, values.slice(0, problem.arcs.length));
        expect(assignmentViolations(problem, contactOf)).toEqual([]);
      }),
    );
  });
});

describe('assignmentViolations', () => {
  it('names a pair that is not a candidate and a staff member over the cap', () => {
    const problem = fromScores(1, [
      [1, null],
      [1, null],
      [null, null],
    ]);
    expect(assignmentViolations(problem, [0, 0, 1])).toEqual([
      'recipient 2 was given staff 1, not one of its candidates',
      'staff 0 is contact for 2 recipients, more than 1',
    ]);
  });
});
