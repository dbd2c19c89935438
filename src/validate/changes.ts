/**
 * What happened since a schedule was published (`kontinuitet/changes@1`, FORMAT §7), held
 * to its shape. Whether its ids name the day's staff and visits, and whether a change
 * touches a visit that has begun, needs the day and the published schedule: that is the
 * re-plan's to judge (src/replan).
 */
import * as S from '../model/schemas.ts';
import type { Changes } from '../model/types.ts';
import { InputError, type InputProblem } from '../model/errors.ts';
import { valueLimitProblems } from '../limits/index.ts';
import { ProblemList, type Validated } from './problems.ts';
import { parseShapeInto } from './shape.ts';
import { dropUndefinedFields } from './normalise.ts';

export function validateChanges(data: unknown): Validated<Changes> {
  const tooBig = valueLimitProblems(data);
  if (tooBig.length > 0) return { ok: false, problems: tooBig };
  const problems = new ProblemList();
  const parsed = parseShapeInto(S.Changes, data, problems);
  if (parsed === null) return { ok: false, problems: problems.all() };
  // Added staff and visits read `null` as their defaults; a `visit_changed` field keeps its `null` ("back to the default").
  for (const change of parsed.changes) {
    if (change.type === 'staff_added') dropUndefinedFields(change.staff);
    if (change.type === 'visit_added') dropUndefinedFields(change.visit);
    if (change.type === 'visit_changed') {
      for (const key of Object.keys(change) as (keyof typeof change)[]) if (change[key] === undefined) delete change[key];
    }
  }
  return problems.result(parsed);
}

/** The changes and their warnings; every problem at once as an `InputError` when invalid. */
export function loadChanges(data: unknown): { changes: Changes; warnings: InputProblem[] } {
  const result = validateChanges(data);
  if (!result.ok) throw new InputError(result.problems, 'invalid changes');
  return { changes: result.value, warnings: result.warnings };
}
