/** Any document of the data contract, recognised by its `format` field. */
import type { z } from 'zod';
import type { InputProblem } from '../model/errors.ts';
import * as S from '../model/schemas.ts';
import { validateDayProblem } from './day.ts';
import { validatePeriodProblem } from './period.ts';
import { ProblemList, quote, type Validated } from './problems.ts';
import { warnUnknownFields } from './unknown-fields.ts';

/** Outputs are checked for shape only; their rules are the checker's (src/check). */
function shapeOnly(schema: z.ZodType): (data: unknown) => Validated<unknown> {
  return (data) => {
    const problems = new ProblemList();
    warnUnknownFields(schema, data, problems);
    const parsed = schema.safeParse(data);
    if (!parsed.success) problems.addShape(parsed.error.issues, data);
    return problems.result(parsed.data);
  };
}

const VALIDATORS: Record<string, (data: unknown) => Validated<unknown>> = {
  'kontinuitet/day@1': validateDayProblem,
  'kontinuitet/period@1': validatePeriodProblem,
  'kontinuitet/schedule@1': shapeOnly(S.Schedule),
  'kontinuitet/period-schedule@1': shapeOnly(S.PeriodSchedule),
  'kontinuitet/kpi@1': shapeOnly(S.KpiReport),
};

export const KNOWN_FORMATS: readonly string[] = Object.keys(VALIDATORS);

function failure(path: string, message: string, code: string): Validated<unknown> & { format: null } {
  const problem: InputProblem = { path, message, severity: 'error', code };
  return { ok: false, problems: [problem], format: null };
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
