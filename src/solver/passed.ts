/**
 * Visits whose time has passed (a re-plan's `window_passed`, FORMAT §7 rule 2): they stay in
 * the day, but nobody may make them now, and that is the reason they are left out. With no
 * eligible staff in the instance, no insertion or ruin ever tries them.
 */
import type { Instance } from '../compile/index.ts';
import type { Unassigned } from '../model/types.ts';

/** Visit id → the sentence why its time has passed. */
export type PassedVisits = ReadonlyMap<string, string>;

/** Takes every staff member's eligibility for the passed visits away in a freshly compiled instance. */
export function closePassed(inst: Instance, passed: PassedVisits | undefined): void {
  for (const id of passed?.keys() ?? []) {
    const v = inst.visitIndex.get(id);
    if (v !== undefined) inst.eligible.fill(0, v * inst.staffCount, (v + 1) * inst.staffCount);
  }
}

/** The unassigned list with the passed visits' true reason. */
export function withPassedReasons(list: Unassigned[], passed: PassedVisits | undefined): Unassigned[] {
  if (!passed || passed.size === 0) return list;
  return list.map((u) => (passed.has(u.visit) ? { visit: u.visit, reason: 'window_passed', message: passed.get(u.visit)! } : u));
}
