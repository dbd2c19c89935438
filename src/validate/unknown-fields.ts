/**
 * Fields a schema does not know. zod drops them silently, so a typo in an optional field
 * (`"lockedstart"`) would quietly lose a lock; a warning names each one instead. Unknown
 * fields stay allowed (FORMAT adds fields over time), hence a warning, never an error.
 */
import type { z } from 'zod';
import type { Path, ProblemList } from './problems.ts';
import { quote } from './problems.ts';

type Def = z.core.$ZodTypeDef & Record<string, unknown>;

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as Def;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Strips wrappers that do not change which keys are known. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
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
function shapeOf(schema: z.core.$ZodType): { shape: Record<string, z.core.$ZodType>; open: boolean } | null {
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

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function suggestion(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase();
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best === null ? '' : ` (did you mean ${quote(best)}?)`;
}

/** Adds a warning for every field of `value` that `schema` does not know. */
export function warnUnknownFields(schema: z.core.$ZodType, value: unknown, problems: ProblemList, path: Path = []): void {
  const inner = unwrap(schema);
  const def = defOf(inner);
  const object = shapeOf(inner);
  if (object) {
    if (!isPlainObject(value)) return;
    const known = Object.keys(object.shape);
    for (const [key, child] of Object.entries(value)) {
      // Own keys only: a field named "valueOf" must not find Object.prototype's.
      const childSchema = Object.hasOwn(object.shape, key) ? object.shape[key] : undefined;
      if (childSchema) warnUnknownFields(childSchema, child, problems, [...path, key]);
      else if (!object.open) problems.warning([...path, key], `unknown field ${quote(key)} is ignored${suggestion(key, known)}`, 'unknown_field');
    }
    return;
  }
  switch (def.type) {
    case 'array':
      if (Array.isArray(value)) value.forEach((item, i) => warnUnknownFields(def.element as z.core.$ZodType, item, problems, [...path, i]));
      return;
    case 'tuple':
      if (Array.isArray(value)) {
        const items = def.items as z.core.$ZodType[];
        value.forEach((item, i) => {
          const itemSchema = items[i] ?? (def.rest as z.core.$ZodType | null);
          if (itemSchema) warnUnknownFields(itemSchema, item, problems, [...path, i]);
        });
      }
      return;
    case 'record':
      if (isPlainObject(value)) {
        for (const [key, child] of Object.entries(value)) warnUnknownFields(def.valueType as z.core.$ZodType, child, problems, [...path, key]);
      }
      return;
    case 'union': {
      // Only the option the value actually matches says which fields are known.
      const match = (def.options as z.core.$ZodType[]).find((option) => (option as z.ZodType).safeParse(value).success);
      if (match) warnUnknownFields(match, value, problems, path);
      return;
    }
    default:
      return;
  }
}
