/**
 * A continuity ceiling tighter than `contactReachableShare`: that one only asks whether
 * the contact's shift covers a visit; this one also asks whether the contact has the time
 * to make all of them. Per contact, an LP (javascript-lp-solver, which is reliable on LP
 * relaxations) maximises the number of the contact's visits made, subject to
 * energetic-reasoning capacity cuts: in any interval [a, b] of the contact's day, the
 * parts of the chosen visits that must fall inside it (whatever start the window allows)
 * fit in b − a, and all of them fit in the shift less its breaks. Travel is ignored, so
 * the result is a true upper bound on `contactShare`; the LP optimum is rounded down per
 * contact because visit counts are whole.
 */
import { solveLp, type LpModel } from '../lp/index.ts';
import type { Instance } from '../compile/index.ts';
import { shiftCovers } from '../rules/coverage.ts';

export interface ContinuityCeiling {
  /** Upper bound on contactShare (same denominator: visits whose recipient has a contact). */
  share: number | null;
  visits: number;
  /** Visits the contacts could make at most. */
  bound: number;
  /** Visits whose contact's shift covers them (the contactReachableShare numerator). */
  reachable: number;
  lps: number;
  seconds: number;
}

interface Job {
  lo: number;
  hi: number;
  duration: number;
}

/** The least overlap of [t, t + d] with [a, b] over starts t ∈ [lo, hi] (unimodal in t: an end point). */
function minOverlap(job: Job, a: number, b: number): number {
  const at = (t: number) => Math.max(0, Math.min(t + job.duration, b) - Math.max(t, a));
  return Math.min(at(job.lo), at(job.hi));
}

function contactBound(jobs: Job[], shiftStart: number, capacity: number): number {
  if (jobs.length === 0) return 0;
  const total = jobs.reduce((sum, j) => sum + j.duration, 0);
  const starts = [...new Set(jobs.map((j) => j.lo))].sort((x, y) => x - y);
  const ends = [...new Set(jobs.map((j) => j.hi + j.duration))].sort((x, y) => x - y);
  const constraints: LpModel['constraints'] = {};
  const variables: LpModel['variables'] = {};
  jobs.forEach((_, i) => {
    variables[`x${i}`] = { made: 1, [`one${i}`]: 1 };
    constraints[`one${i}`] = { max: 1 };
  });
  if (total > capacity) {
    constraints.capacity = { max: capacity };
    jobs.forEach((j, i) => (variables[`x${i}`].capacity = j.duration));
  }
  let cuts = 0;
  for (const a of starts) {
    if (a < shiftStart) continue;
    for (const b of ends) {
      if (b <= a) continue;
      const parts = jobs.map((j) => minOverlap(j, a, b));
      // Only intervals that the full set would overload can cut anything off.
      if (parts.reduce((s, p) => s + p, 0) <= b - a + 1e-9) continue;
      const name = `w${cuts++}`;
      constraints[name] = { max: b - a };
      parts.forEach((p, i) => {
        if (p > 0) variables[`x${i}`][name] = p;
      });
    }
  }
  if (cuts === 0 && total <= capacity) return jobs.length;
  const result = solveLp({ optimize: 'made', opType: 'max', constraints, variables } as LpModel) as { feasible: boolean; result: number };
  if (!result.feasible) return jobs.length;
  return Math.min(jobs.length, Math.floor(result.result + 1e-6));
}

export function continuityCeiling(inst: Instance): ContinuityCeiling {
  const t0 = performance.now();
  const S = inst.staffCount;
  const jobsOf: Job[][] = Array.from({ length: S }, () => []);
  let visits = 0;
  let reachable = 0;
  for (let v = 0; v < inst.visitCount; v++) {
    const r = inst.visitRecipient[v];
    if (inst.contactId[r] === null) continue;
    visits++;
    const c = inst.contact[r];
    if (c < 0 || !inst.eligible[v * S + c]) continue;
    if (!shiftCovers(inst.shiftStart[c], inst.shiftEnd[c], inst.winStart[v], inst.winEnd[v], inst.duration[v])) continue;
    reachable++;
    // The starts that keep the visit inside the contact's shift.
    const lo = Math.max(inst.winStart[v], inst.shiftStart[c]);
    const hi = Math.min(inst.winEnd[v], inst.shiftEnd[c] - inst.duration[v]);
    jobsOf[c].push({ lo, hi, duration: inst.duration[v] });
  }
  let bound = 0;
  let lps = 0;
  for (let s = 0; s < S; s++) {
    if (jobsOf[s].length === 0) continue;
    const breaks = inst.staffBreaks[s].reduce((sum, b) => sum + inst.breaks[b].minutes, 0);
    bound += contactBound(jobsOf[s], inst.shiftStart[s], inst.shiftEnd[s] - inst.shiftStart[s] - breaks);
    lps++;
  }
  return { share: visits === 0 ? null : bound / visits, visits, bound, reachable, lps, seconds: (performance.now() - t0) / 1000 };
}
