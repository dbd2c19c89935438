/**
 * Numeric command-line options: each read with its flag named and held to a range, or
 * refused in one sentence (exit 2). The ranges keep absurd values out: a time limit of
 * 1e308 seconds is a hang, a seed past 2^53 is not the integer it was written as, a timer
 * past 2^31 ms fires at once.
 */
import { UsageError } from './run.ts';

export interface NumberRange {
  integer?: boolean;
  /** Inclusive bounds; `above` is an exclusive lower bound (a time limit is more than 0). */
  min?: number;
  above?: number;
  max: number;
  /** What the number counts, for the sentence: "seconds". */
  unit?: string;
}

function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

function rangeText(range: NumberRange): string {
  const low = range.above !== undefined ? `more than ${grouped(range.above)}` : `from ${grouped(range.min ?? 0)}`;
  const high = range.above !== undefined ? `and at most ${grouped(range.max)}` : `to ${grouped(range.max)}`;
  return `${range.integer ? 'a whole number' : 'a number'}${range.unit ? ` of ${range.unit}` : ''} ${low} ${high}`;
}

/** `text` as a number inside `range`, or a `UsageError` naming `flag`. */
export function numberOption(text: string, flag: string, range: NumberRange): number {
  const n = Number(text);
  const fits =
    text.trim() !== '' &&
    Number.isFinite(n) &&
    (!range.integer || Number.isSafeInteger(n)) &&
    (range.above === undefined || n > range.above) &&
    n >= (range.min ?? Number.NEGATIVE_INFINITY) &&
    n <= range.max;
  if (!fits) throw new UsageError(`${flag} must be ${rangeText(range)}, not "${text}"`);
  return n;
}

/** As `numberOption`, for an option that may be left out. */
export function optionalNumber(text: string | undefined, flag: string, range: NumberRange): number | undefined {
  return text === undefined ? undefined : numberOption(text, flag, range);
}

/** A queue name or key prefix: letters, digits, ".", "_" and "-" (Redis keys are `<prefix>:<queue>:…`). */
export function queueName(value: string, flag: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(value)) throw new UsageError(`${flag} may hold letters, digits, ".", "_" and "-" only, not "${value}"`);
  return value;
}

/** A seed: any whole number JavaScript holds exactly. */
export const SEED: NumberRange = { integer: true, min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
/** An iteration budget. */
export const ITERATIONS: NumberRange = { integer: true, min: 1, max: Number.MAX_SAFE_INTEGER };
