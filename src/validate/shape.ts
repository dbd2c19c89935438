/** The first step of validating any document: its shape, with every problem kept. */
import type { z } from 'zod';
import type { ProblemList } from './problems.ts';
import { safeParseBounded } from './schema-walk.ts';
import { warnUnknownFields } from './unknown-fields.ts';

/**
 * Warns about fields the schema does not know and parses the document within the input
 * limits; the shape's problems go to `problems`, and null comes back when it is not sound.
 * Callers hold the document to the value limits first (nothing recursive may meet a value
 * nested thousands deep).
 */
export function parseShapeInto<T>(schema: z.ZodType<T>, data: unknown, problems: ProblemList): T | null {
  warnUnknownFields(schema, data, problems);
  const parsed = safeParseBounded(schema, data);
  if (parsed.success) return parsed.data;
  problems.addShape(parsed.issues, data);
  return null;
}
