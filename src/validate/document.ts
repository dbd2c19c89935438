/** Any document of the data contract, recognised by its `format` field. */
import type { z } from 'zod';
import { InputError, fromZodIssues, type InputProblem } from '../model/errors.ts';
import * as S from '../model/schemas.ts';
import { validateDayProblem } from './day.ts';
import { validatePeriodProblem } from './period.ts';
import { validateChanges } from './changes.ts';
import { ProblemList, quote, type Validated } from './problems.ts';
import { valueLimitProblems } from '../limits/index.ts';
import { safeParseBounded } from './schema-walk.ts';
import { parseShapeInto } from './shape.ts';

/** Outputs are checked for shape only; their rules are the checker's (src/check). */
function shapeOnly(schema: z.ZodType): (data: unknown) => Validated<unknown> {
  return (data) => {
    const tooBig = valueLimitProblems(data);
    if (tooBig.length > 0) return { ok: false, problems: tooBig };
    const problems = new ProblemList();
    return problems.result(parseShapeInto(schema, data, problems) ?? undefined);
  };
}

const VALIDATORS: Record<string, (data: unknown) => Validated<unknown>> = {
  'kontinuitet/day@1': validateDayProblem,
  'kontinuitet/period@1': validatePeriodProblem,
  'kontinuitet/schedule@1': shapeOnly(S.Schedule),
  'kontinuitet/period-schedule@1': shapeOnly(S.PeriodSchedule),
  'kontinuitet/kpi@1': shapeOnly(S.KpiReport),
  'kontinuitet/changes@1': validateChanges,
  // A study's base and ops need its file's folder and the base: `kontinuitet validate` and `kontinuitet study` check those (src/study).
  'kontinuitet/study@1': shapeOnly(S.Study),
  'kontinuitet/study-result@1': shapeOnly(S.StudyResult),
};

export const KNOWN_FORMATS: readonly string[] = Object.keys(VALIDATORS);

function failure(path: string, message: string, code: string): Validated<unknown> & { format: null } {
  const problem: InputProblem = { path, message, severity: 'error', code };
  return { ok: false, problems: [problem], format: null };
}

/**
 * A document held to one schema for its shape only, within the input limits; every problem
 * at once as an `InputError`.
 */
export function parseShape<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const tooBig = valueLimitProblems(data);
  if (tooBig.length > 0) throw new InputError(tooBig, `invalid ${what}`);
  const parsed = safeParseBounded(schema, data);
  if (!parsed.success) throw new InputError(fromZodIssues(parsed.issues, data), `invalid ${what}`);
  return parsed.data;
}

/** Validates a document of any known format; `format` is the one recognised, or null. */
export function validateDocument(data: unknown): Validated<unknown> & { format: string | null } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return failure('(document)', `${Array.isArray(data) ? 'a list' : quote(data)} is not a kontinuitet document: expected a JSON object with a "format" field`, 'not_a_document');
  }
  const format = (data as Record<string, unknown>).format;
  const known = KNOWN_FORMATS.map((f) => quote(f)).join(', ');
  if (format === undefined) return failure('format', `is required, one of ${known}`, 'unknown_format');
  const validate = typeof format === 'string' && Object.hasOwn(VALIDATORS, format) ? VALIDATORS[format] : undefined;
  if (!validate) return failure('format', `${quote(format)} is not a known format (one of ${known})`, 'unknown_format');
  return { ...validate(data), format: format as string };
}
