/**
 * Fields a schema does not know. zod drops them silently, so a typo in an optional field
 * (`"lockedstart"`) would quietly lose a lock; a warning names each one instead. Unknown
 * fields stay allowed (FORMAT adds fields over time), hence a warning, never an error.
 */
import type { z } from 'zod';
import type { Path, ProblemList } from './problems.ts';
import { quote } from './problems.ts';
import { preview } from '../model/errors.ts';
import { defOf, isPlainObject, matchingOption, shapeOf, unwrap } from './schema-walk.ts';

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
  // A key far longer than any field name is no typo of one, and comparing it would cost its length squared.
  if (key.length > 64) return '';
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

const holdsFields = new WeakMap<z.core.$ZodType, boolean>();

/**
 * Whether a value of `schema` can hold an object with fields; the points of an area (tuples
 * of numbers) cannot, so a 50,000-point ring is not walked at all. The schemas hold no
 * cycles, so the recursion is as deep as the schema.
 */
function mayHoldFields(schema: z.core.$ZodType): boolean {
  const known = holdsFields.get(schema);
  if (known !== undefined) return known;
  const inner = unwrap(schema);
  const def = defOf(inner);
  let holds: boolean;
  if (shapeOf(inner) || def.type === 'record') holds = true;
  else if (def.type === 'array') holds = mayHoldFields(def.element as z.core.$ZodType);
  else if (def.type === 'tuple') holds = [...(def.items as z.core.$ZodType[]), ...(def.rest ? [def.rest as z.core.$ZodType] : [])].some(mayHoldFields);
  else if (def.type === 'union') holds = (def.options as z.core.$ZodType[]).some(mayHoldFields);
  else holds = false;
  holdsFields.set(schema, holds);
  return holds;
}

type Step = { schema: z.core.$ZodType; value: unknown; path: Path } | { unknown: string; known: readonly string[]; path: Path };

/**
 * Adds a warning for every field of `value` that `schema` does not know, in document order.
 * Iterative: a list of 100,000 items is a loop, not 100,000 nested calls.
 */
export function warnUnknownFields(schema: z.core.$ZodType, value: unknown, problems: ProblemList, path: Path = []): void {
  const pending: Step[] = [{ schema, value, path }];
  // Steps are pushed last-first, so that they come off the stack in document order.
  const then = (steps: Step[]) => {
    for (let i = steps.length - 1; i >= 0; i--) pending.push(steps[i]);
  };
  for (let step = pending.pop(); step !== undefined; step = pending.pop()) {
    const at = step.path;
    if ('unknown' in step) {
      problems.warning(at, `unknown field ${preview(step.unknown)} is ignored${suggestion(step.unknown, step.known)}`, 'unknown_field');
      continue;
    }
    const here = step.value;
    if (here === null || typeof here !== 'object' || !mayHoldFields(step.schema)) continue;
    const inner = unwrap(step.schema);
    const def = defOf(inner);
    const object = shapeOf(inner);
    if (object) {
      if (Array.isArray(here)) continue;
      const known = Object.keys(object.shape);
      const steps: Step[] = [];
      for (const [key, child] of Object.entries(here)) {
        // Own keys only: a field named "valueOf" must not find Object.prototype's.
        const childSchema = Object.hasOwn(object.shape, key) ? object.shape[key] : undefined;
        if (childSchema) steps.push({ schema: childSchema, value: child, path: [...at, key] });
        else if (!object.open) steps.push({ unknown: key, known, path: [...at, key] });
      }
      then(steps);
      continue;
    }
    switch (def.type) {
      case 'array':
        if (Array.isArray(here)) then(here.map((item, i) => ({ schema: def.element as z.core.$ZodType, value: item, path: [...at, i] })));
        break;
      case 'tuple':
        if (Array.isArray(here)) {
          const items = def.items as z.core.$ZodType[];
          const rest = def.rest as z.core.$ZodType | null;
          then(here.flatMap((item, i) => {
            const itemSchema = items[i] ?? rest;
            return itemSchema ? [{ schema: itemSchema, value: item, path: [...at, i] }] : [];
          }));
        }
        break;
      case 'record':
        if (isPlainObject(here)) then(Object.entries(here).map(([key, child]) => ({ schema: def.valueType as z.core.$ZodType, value: child, path: [...at, key] })));
        break;
      case 'union': {
        // Only the option the value actually takes says which fields are known.
        const option = matchingOption(inner, here);
        if (option) pending.push({ schema: option, value: here, path: at });
        break;
      }
      default:
        break;
    }
  }
}
