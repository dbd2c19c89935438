/**
 * The contact assignment model: recipients × candidate staff, each recipient given at most
 * one contact, each staff member contact for at most `cap` recipients, maximising first
 * the number of recipients given a contact and then the summed score of the pairs chosen.
 *
 * Solved as an LP with javascript-lp-solver: x[r][s] continuous in [0, 1]. The constraint
 * matrix is that of a bipartite b-matching, totally unimodular, so a vertex answer is
 * integral; the answer is still checked, and a fractional one is rounded and repaired
 * greedily. Whatever path is taken, every constraint is re-checked in code.
 */
import { solveLp, type LpModel } from '../lp/index.ts';

/** One pair that may be chosen: recipient and staff are indexes, `score` is what it is worth. */
export interface Arc {
  recipient: number;
  staff: number;
  score: number;
}

export interface AssignmentProblem {
  recipients: number;
  staff: number;
  arcs: readonly Arc[];
  /** Most recipients one staff member may be contact for. */
  cap: number;
}

export interface AssignmentResult {
  /** Per recipient index: the staff index chosen, or null. */
  contactOf: (number | null)[];
  /** LP variables (one per arc). */
  variables: number;
  seconds: number;
  /** Whether the LP answer was integral (within 1e-6). */
  integral: boolean;
  /** Whether the answer came from rounding and repair rather than the LP as it stood. */
  fallback: boolean;
}

export interface AssignmentOptions {
  /** Round and repair even when the LP answer is integral (tests the fallback path). */
  forceFallback?: boolean;
}

const INTEGRALITY_TOLERANCE = 1e-6;

/**
 * Worth of one more assignment: more than twice the largest score total, so that a
 * solution with more recipients assigned always wins over one with fewer.
 */
function cardinalityBonus(problem: AssignmentProblem): number {
  const largest = new Float64Array(problem.recipients);
  for (const a of problem.arcs) largest[a.recipient] = Math.max(largest[a.recipient], Math.abs(a.score));
  return 1 + 2 * largest.reduce((sum, v) => sum + v, 0);
}

function lpModel(problem: AssignmentProblem): LpModel {
  const bonus = cardinalityBonus(problem);
  const constraints: LpModel['constraints'] = {};
  for (let r = 0; r < problem.recipients; r++) constraints[`r${r}`] = { max: 1 };
  for (let s = 0; s < problem.staff; s++) constraints[`s${s}`] = { max: problem.cap };
  const variables: LpModel['variables'] = {};
  problem.arcs.forEach((a, k) => {
    variables[`x${k}`] = { value: bonus + a.score, [`r${a.recipient}`]: 1, [`s${a.staff}`]: 1 };
  });
  return { optimize: 'value', opType: 'max', constraints, variables };
}

/** The LP relaxation's value of every arc, in arc order; null when the solver found no answer. */
export function solveRelaxation(problem: AssignmentProblem): Float64Array | null {
  const result = solveLp(lpModel(problem));
  if (!result.feasible) return null;
  const x = new Float64Array(problem.arcs.length);
  problem.arcs.forEach((_, k) => {
    const v = result[`x${k}`];
    x[k] = typeof v === 'number' ? v : 0;
  });
  return x;
}

export function isIntegral(x: ArrayLike<number>): boolean {
  return Array.prototype.every.call(x, (v: number) => Math.abs(v - Math.round(v)) <= INTEGRALITY_TOLERANCE);
}

/**
 * An assignment from fractional arc values: arcs at 1 are kept, then recipients in order
 * of their largest value take their best arc (largest value, then score) with room left;
 * then each recipient still without a contact tries to free a place by moving one assigned
 * recipient to another candidate with room (one augmenting step). Respects the cap.
 */
export function roundAndRepair(problem: AssignmentProblem, x: ArrayLike<number>): (number | null)[] {
  const contactOf: (number | null)[] = new Array(problem.recipients).fill(null);
  const load = new Int32Array(problem.staff);
  const arcsOf: number[][] = Array.from({ length: problem.recipients }, () => []);
  problem.arcs.forEach((a, k) => arcsOf[a.recipient].push(k));
  const byPreference = (k1: number, k2: number): number =>
    x[k2] - x[k1] || problem.arcs[k2].score - problem.arcs[k1].score || problem.arcs[k1].staff - problem.arcs[k2].staff;
  for (const list of arcsOf) list.sort(byPreference);

  const assign = (k: number): void => {
    const a = problem.arcs[k];
    contactOf[a.recipient] = a.staff;
    load[a.staff] += 1;
  };

  for (let k = 0; k < problem.arcs.length; k++) {
    const a = problem.arcs[k];
    if (x[k] >= 1 - INTEGRALITY_TOLERANCE && contactOf[a.recipient] === null && load[a.staff] < problem.cap) assign(k);
  }

  const best = (r: number): number => (arcsOf[r].length > 0 ? x[arcsOf[r][0]] : -1);
  const order = Array.from({ length: problem.recipients }, (_, r) => r).sort((r1, r2) => best(r2) - best(r1) || r1 - r2);
  for (const r of order) {
    if (contactOf[r] !== null) continue;
    const k = arcsOf[r].find((k) => load[problem.arcs[k].staff] < problem.cap);
    if (k !== undefined) assign(k);
  }

  const scoreOf = new Map<string, number>();
  for (const a of problem.arcs) scoreOf.set(`${a.recipient}:${a.staff}`, a.score);
  for (const r of order) {
    if (contactOf[r] !== null || arcsOf[r].length === 0) continue;
    let move: { staff: number; other: number; to: number; gain: number } | null = null;
    for (const k of arcsOf[r]) {
      const s = problem.arcs[k].staff;
      for (let other = 0; other < problem.recipients; other++) {
        if (contactOf[other] !== s) continue;
        for (const k2 of arcsOf[other]) {
          const to = problem.arcs[k2].staff;
          if (to === s || load[to] >= problem.cap) continue;
          const gain = problem.arcs[k].score + problem.arcs[k2].score - (scoreOf.get(`${other}:${s}`) ?? 0);
          if (!move || gain > move.gain) move = { staff: s, other, to, gain };
        }
      }
    }
    if (move) {
      contactOf[move.other] = move.to;
      load[move.to] += 1;
      contactOf[r] = move.staff;
    }
  }
  return contactOf;
}

/** Every way `contactOf` breaks the model's constraints, as sentences; empty when it keeps them. */
export function assignmentViolations(problem: AssignmentProblem, contactOf: readonly (number | null)[]): string[] {
  const violations: string[] = [];
  if (contactOf.length !== problem.recipients) violations.push(`${contactOf.length} answers for ${problem.recipients} recipients`);
  const arcs = new Set(problem.arcs.map((a) => `${a.recipient}:${a.staff}`));
  const load = new Int32Array(problem.staff);
  contactOf.forEach((s, r) => {
    if (s === null) return;
    if (!arcs.has(`${r}:${s}`)) violations.push(`recipient ${r} was given staff ${s}, not one of its candidates`);
    else load[s] += 1;
  });
  load.forEach((n, s) => {
    if (n > problem.cap) violations.push(`staff ${s} is contact for ${n} recipients, more than ${problem.cap}`);
  });
  return violations;
}

/** Solves the assignment model; throws if the answer breaks a constraint (a bug, never input). */
export function solveAssignment(problem: AssignmentProblem, options: AssignmentOptions = {}): AssignmentResult {
  const started = performance.now();
  const x = problem.arcs.length > 0 ? solveRelaxation(problem) : new Float64Array(0);
  const seconds = (performance.now() - started) / 1000;
  const integral = x !== null && isIntegral(x);
  const fallback = !integral || options.forceFallback === true;
  let contactOf: (number | null)[];
  if (fallback) {
    contactOf = roundAndRepair(problem, x ?? new Float64Array(problem.arcs.length));
  } else {
    contactOf = new Array(problem.recipients).fill(null);
    problem.arcs.forEach((a, k) => {
      if (x![k] > 0.5) contactOf[a.recipient] = a.staff;
    });
  }
  const violations = assignmentViolations(problem, contactOf);
  if (violations.length > 0) throw new Error(`contact assignment breaks its constraints: ${violations.join('; ')}`);
  return { contactOf, variables: problem.arcs.length, seconds, integral, fallback };
}
