/**
 * Input limits: how large, deep and long an input may be. Past a limit the input is refused
 * with a sentence that names the limit, instead of overflowing the stack, exhausting memory
 * or running for hours. Each default is stated here once; an environment variable changes
 * it for the CLI and the worker alike (a worker's jobs run under the worker's environment).
 */
import { InputError, formatPath, type InputProblem } from '../model/errors.ts';

export interface Limit {
  /** The environment variable that sets it. */
  env: string;
  defaultValue: number;
  /** What it counts, for sentences: `"levels of nesting"`. */
  unit: string;
}

export const LIMITS = {
  /** Bytes of one input: a file, or a text or document in a job's data (in megabytes). */
  inputMegabytes: { env: 'KONTINUITET_MAX_INPUT_MB', defaultValue: 64, unit: 'MB' },
  /** Nesting of a JSON value; the deepest document of FORMAT.md (a MultiPolygon area) needs 8. */
  depth: { env: 'KONTINUITET_MAX_DEPTH', defaultValue: 32, unit: 'levels of nesting' },
  /** Items of one JSON list (visits, roster entries, the points of an area's ring) or fields of one object. */
  listItems: { env: 'KONTINUITET_MAX_LIST_ITEMS', defaultValue: 100_000, unit: 'items' },
  /**
   * Teams, staff and recipients of one day or period problem: the travel tables grow with
   * the square of their places (5,000 recipients and 1,000 staff take 1 GB and 35 s to compile).
   */
  places: { env: 'KONTINUITET_MAX_PLACES', defaultValue: 4_000, unit: 'teams, staff and recipients' },
  /** Visits of one day (a day problem, or a day of a period). */
  visitsPerDay: { env: 'KONTINUITET_MAX_VISITS_PER_DAY', defaultValue: 20_000, unit: 'visits' },
  /** 14-day windows of one KPI report (260 is ten years). */
  kpiWindows: { env: 'KONTINUITET_MAX_KPI_WINDOWS', defaultValue: 260, unit: 'windows' },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

export { MAX_TIME_LIMIT_SECONDS, MAX_TIME_LIMIT_SECONDS_PER_DAY } from '../model/schemas.ts';

/** The limit in force: the environment's value when set, else the default. Read on every call, so a test or a job can change it. */
export function limitOf(name: LimitName): number {
  const { env, defaultValue } = LIMITS[name];
  const text = process.env[env];
  if (text === undefined || text.trim() === '') return defaultValue;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new InputError([{ path: env, message: `${JSON.stringify(text)} is not a whole number of 1 or more`, severity: 'error' }], 'invalid limit');
  }
  return value;
}

/** Bytes allowed for one input. */
export function maxInputBytes(): number {
  return limitOf('inputMegabytes') * 1024 * 1024;
}

/** `20,000`: numbers in limit sentences, grouped as people read them. */
export function grouped(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** The end of a sentence about an exceeded limit: `more than the limit of 32 levels of nesting (KONTINUITET_MAX_DEPTH raises it)`. */
export function beyond(name: LimitName): string {
  const { env, unit } = LIMITS[name];
  return `more than the limit of ${grouped(limitOf(name))} ${unit} (${env} raises it)`;
}

/**
 * The structural limits of a JSON value: its nesting depth and the items of each list.
 * Iterative, so a value nested a million levels deep is measured, not recursed into; it is
 * the first thing a parsed document meets, before zod or any walk that recurses.
 */
export function valueLimitProblems(root: unknown): InputProblem[] {
  const maxDepth = limitOf('depth');
  const maxItems = limitOf('listItems');
  const problems: InputProblem[] = [];
  // One level per open container: its children and the next one to visit. The keys on the stack are the path.
  const stack: { children: unknown[]; keys: readonly string[] | null; next: number }[] = [];
  const path = (): PropertyKey[] => stack.map((level) => (level.keys ? level.keys[level.next - 1] : level.next - 1));
  const enter = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (stack.length >= maxDepth) {
      problems.push({ path: formatPath(path()), message: `is nested more than ${grouped(maxDepth)} levels deep (${LIMITS.depth.env} raises the limit)`, severity: 'error', code: 'too_deep' });
      return;
    }
    if (Array.isArray(value)) {
      if (value.length > maxItems) {
        problems.push({ path: formatPath(path()), message: `has ${grouped(value.length)} items, ${beyond('listItems')}`, severity: 'error', code: 'too_many_items' });
        return;
      }
      stack.push({ children: value, keys: null, next: 0 });
      return;
    }
    const keys = Object.keys(value);
    if (keys.length > maxItems) {
      problems.push({ path: formatPath(path()), message: `has ${grouped(keys.length)} fields, ${beyond('listItems')}`, severity: 'error', code: 'too_many_items' });
      return;
    }
    stack.push({ children: keys.map((key) => (value as Record<string, unknown>)[key]), keys, next: 0 });
  };
  enter(root);
  while (stack.length > 0 && problems.length < MAX_LIMIT_PROBLEMS) {
    const level = stack[stack.length - 1];
    if (level.next >= level.children.length) {
      stack.pop();
      continue;
    }
    enter(level.children[level.next++]);
  }
  return problems;
}

/** Enough to show where a document breaks a limit; past this it is the same story again. */
const MAX_LIMIT_PROBLEMS = 20;

/** Throws an `InputError` when `value` breaks a structural limit. */
export function assertValueLimits(value: unknown, what: string): void {
  const problems = valueLimitProblems(value);
  if (problems.length > 0) throw new InputError(problems, `invalid ${what}`);
}
