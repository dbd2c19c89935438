/**
 * Walking a value along its zod schema: the unknown-field warnings and the parse that
 * survives inputs with more problems than zod can hold. Both follow the schema's nesting,
 * not the value's, so a value deeper than its schema is never descended into.
 */
import type { z } from 'zod';

export type Def = z.core.$ZodTypeDef & Record<string, unknown>;

export function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as Def;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Strips wrappers that do not change which keys are known. */
export function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let cur = schema;
  for (;;) {
    const def = defOf(cur);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'readonly') {
      cur = def.innerType as z.core.$ZodType;
    } else if (def.type === 'pipe') {
      cur = def.in as z.core.$ZodType;
    } else {
      return cur;
    }
  }
}

/** The object shape a schema accepts, merging both sides of an intersection; null when not an object. */
export function shapeOf(schema: z.core.$ZodType): { shape: Record<string, z.core.$ZodType>; open: boolean } | null {
  const def = defOf(unwrap(schema));
  if (def.type === 'object') {
    return { shape: def.shape as Record<string, z.core.$ZodType>, open: def.catchall !== undefined };
  }
  if (def.type === 'intersection') {
    const left = shapeOf(def.left as z.core.$ZodType);
    const right = shapeOf(def.right as z.core.$ZodType);
    if (!left || !right) return null;
    return { shape: { ...left.shape, ...right.shape }, open: left.open || right.open };
  }
  return null;
}

type Kind = 'object' | 'array' | 'other';

function kindOfValue(value: unknown): Kind {
  return Array.isArray(value) ? 'array' : isPlainObject(value) ? 'object' : 'other';
}

function kindOfSchema(schema: z.core.$ZodType): Kind {
  const type = defOf(unwrap(schema)).type;
  if (type === 'object' || type === 'record' || type === 'intersection') return 'object';
  if (type === 'array' || type === 'tuple') return 'array';
  return 'other';
}

/** `safeParse` that reports an overflow inside zod (a list with ~100,000 problems) as a failure. */
function parses(schema: z.core.$ZodType, value: unknown): boolean {
  try {
    return (schema as z.ZodType).safeParse(value).success;
  } catch (err) {
    if (err instanceof RangeError) return false;
    throw err;
  }
}

/**
 * The option of a union that `value` takes: the one its discriminator names, else the only
 * option of its kind (object, list or other), else the first that parses it; null when none.
 */
export function matchingOption(union: z.core.$ZodType, value: unknown): z.core.$ZodType | null {
  const def = defOf(union);
  const options = (def.options as z.core.$ZodType[]).filter((option) => kindOfSchema(option) === kindOfValue(value));
  const discriminator = def.discriminator as string | undefined;
  if (discriminator !== undefined && isPlainObject(value)) {
    const named = options.filter((option) => {
      const field = shapeOf(option)?.shape[discriminator];
      return field !== undefined && parses(field, value[discriminator]);
    });
    return named.length === 1 ? named[0] : null;
  }
  if (options.length === 1) return options[0];
  return options.find((option) => parses(option, value)) ?? null;
}

export type ParseOutcome<T> = { success: true; data: T } | { success: false; issues: z.core.$ZodIssue[] };

/**
 * `schema.safeParse(value)`, also when zod itself cannot finish: it gathers the issues of a
 * list with one spread call, which overflows the stack past about 100,000 issues (50,000
 * points of an area written as strings). Then the value is parsed piece by piece along the
 * schema (each field, each item on its own) so that every problem is still reported.
 */
export function safeParseBounded<T>(schema: z.ZodType<T>, value: unknown): ParseOutcome<T> {
  try {
    const parsed = schema.safeParse(value);
    return parsed.success ? { success: true, data: parsed.data } : { success: false, issues: parsed.error.issues };
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  const issues: z.core.$ZodIssue[] = [];
  piecewiseIssues(schema, value, [], issues);
  return { success: false, issues };
}

function piecewiseIssues(schema: z.core.$ZodType, value: unknown, path: PropertyKey[], out: z.core.$ZodIssue[]): void {
  try {
    const parsed = (schema as z.ZodType).safeParse(value);
    if (!parsed.success) for (const issue of parsed.error.issues) out.push({ ...issue, path: [...path, ...issue.path] });
    return;
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  const inner = unwrap(schema);
  const def = defOf(inner);
  const object = shapeOf(inner);
  if (object && isPlainObject(value)) {
    for (const [key, field] of Object.entries(object.shape)) piecewiseIssues(field, value[key], [...path, key], out);
  } else if (def.type === 'array' && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) piecewiseIssues(def.element as z.core.$ZodType, value[i], [...path, i], out);
  } else if (def.type === 'tuple' && Array.isArray(value)) {
    const items = def.items as z.core.$ZodType[];
    for (let i = 0; i < value.length; i++) {
      const item = items[i] ?? (def.rest as z.core.$ZodType | null);
      if (item) piecewiseIssues(item, value[i], [...path, i], out);
    }
  } else if (def.type === 'record' && isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) piecewiseIssues(def.valueType as z.core.$ZodType, child, [...path, key], out);
  } else if (def.type === 'union') {
    const option = matchingOption(inner, value);
    if (option) piecewiseIssues(option, value, path, out);
    else out.push({ code: 'custom', path, message: 'does not match any allowed form', input: value } as z.core.$ZodIssue);
  } else {
    out.push({ code: 'custom', path, message: 'has more problems than can be listed', input: value } as z.core.$ZodIssue);
  }
}
