/**
 * Objective weights in minute-equivalents (FORMAT §1 "Objective"). The defaults put
 * continuity first: a visit not made by the contact (60) costs more than the longest
 * detour a walking team's area causes (a Södermalm team area is ~1.5 km across: ~26 min
 * each way on foot with the 1.3 detour factor), so the solver walks further rather than
 * send a stranger, but not across the district. The README explains each number.
 */
import type { Objective, ObjectiveWeight } from '../model/types.ts';

export type Weights = Record<ObjectiveWeight, number>;

export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  unassignedMandatory: 10_000,
  unassignedOptional: 120,
  notContact: 60,
  byDeputy: 30,
  newStaff: 25,
  extraStaffToday: 15,
  travelMinute: 1,
  preferredStartMinute: 0.5,
  lateMinute: 2,
  maxLateMinute: 0,
  languageMismatch: 10,
};

export function resolveWeights(objective: Objective | undefined): Weights {
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  for (const key of Object.keys(weights) as ObjectiveWeight[]) {
    const value = objective?.[key];
    if (value !== undefined) weights[key] = value;
  }
  return weights;
}
