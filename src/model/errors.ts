/**
 * Input problems: every problem found in a document, each with the JSON path it sits
 * at and a plain sentence (FORMAT §5). Warnings travel the same way but do not stop work.
 */
import type { z } from 'zod';

export interface InputProblem {
  /** JSON path in the `visits[12].window.end` form, or `file:line: column` for CSV. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
  code?: string;
}

/** Thrown at the edges when input cannot be used; the CLI turns it into exit 2. */
export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[], summary = 'invalid input') {
    super(`${summary}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** How much of a value (or a key) a sentence quotes. */
const PREVIEW_CHARACTERS = 40;

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      // A key is only ever a field name or an id; one of a megabyte would drown the sentence.
      const name = String(key).length > PREVIEW_CHARACTERS ? `${String(key).slice(0, PREVIEW_CHARACTERS - 3)}...` : String(key);
      out += out === '' ? name : `.${name}`;
    }
  }
  return out === '' ? '(document)' : out;
}

/**
 * A value as JSON, cut to `max` characters: `[[[[[[[[...` for a value nested thousands of
 * levels deep or `[[18.07,59.31],[18.07,...` for a 50,000-point ring. Only what is shown
 * is serialised, and each level shown costs a character, so the recursion is at most
 * `max` deep whatever the value's depth.
 */
export function preview(value: unknown, max = PREVIEW_CHARACTERS): string {
  let out = '';
  const emit = (v: unknown): void => {
    if (out.length > max) return;
    if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && out.length <= max; i++) {
        if (i > 0) out += ',';
        emit(v[i]);
      }
      out += ']';
    } else if (v !== null && typeof v === 'object') {
      out += '{';
      let first = true;
      for (const key of Object.keys(v)) {
        const child = (v as Record<string, unknown>)[key];
        if (out.length > max) break;
        if (child === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(key.length > max ? key.slice(0, max) : key)}:`;
        first = false;
        emit(child);
      }
      out += '}';
    } else if (typeof v === 'string') {
      out += JSON.stringify(v.length > max ? v.slice(0, max) : v);
    } else {
      out += JSON.stringify(v) ?? 'null';
    }
  };
  emit(value);
  return out.length > max ? `${out.slice(0, max - 3)}...` : out;
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : preview(value);
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Turns zod issues into plain sentences that quote the offending value. */
export function fromZodIssues(issues: z.core.$ZodIssue[], root: unknown): InputProblem[] {
  return issues.flatMap(expandUnion).map((issue) => {
    const value = valueAt(root, issue.path);
    let message: string;
    switch (issue.code) {
      case 'invalid_type':
        if (issue.expected === 'never') message = issue.message;
        else message = value === undefined ? `is required (${issue.expected})` : `${describe(value)} should be ${article(issue.expected)}`;
        break;
      case 'invalid_value':
        message = `${value === undefined ? 'is required, one of' : `${describe(value)} is not one of`} ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      case 'unrecognized_keys':
        message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
        break;
      case 'invalid_format':
      case 'custom':
        message = `${describe(value)} ${issue.message}`;
        break;
      case 'too_small':
        if (issue.message.startsWith('Too small')) message = `${describe(value)} should be ${boundText(issue, 'at least')}`;
        else message = issue.origin === 'number' ? `${describe(value)} ${issue.message}` : issue.message;
        break;
      case 'too_big':
        message = `${describe(value)} should be ${boundText(issue, 'at most')}`;
        break;
      case 'invalid_union':
        message = `${describe(value)} ${unionForms(issue) ?? 'does not match any allowed form'}`;
        break;
      default:
        message = issue.message;
    }
    return { path: formatPath(issue.path), message, severity: 'error' as const };
  });
}

/**
 * A union the value failed: when exactly one alternative got past the top level (the value
 * had its type and failed deeper), that alternative's own issues say what is wrong.
 */
function expandUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const deep = issue.errors.filter((option) => option.length > 0 && option.every((i) => i.path.length > 0));
  if (deep.length !== 1) return [issue];
  return deep[0].map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })).flatMap(expandUnion);
}

/** `should be "daily", an array or an object`, when every alternative failed at the top level. */
function unionForms(issue: z.core.$ZodIssueInvalidUnion): string | null {
  if ('options' in issue && issue.options && issue.options.length > 0) {
    return `is not one of ${issue.options.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  const forms: string[] = [];
  for (const option of issue.errors) {
    const only = option.length === 1 && option[0].path.length === 0 ? option[0] : null;
    if (only?.code === 'invalid_value') forms.push(only.values.map((v) => JSON.stringify(v)).join(' or '));
    else if (only?.code === 'invalid_type') forms.push(article(only.expected));
    else return null;
  }
  if (forms.length === 0) return null;
  return `should be ${forms.length === 1 ? forms[0] : `${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}`}`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function boundText(issue: { origin?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean }, word: string): string {
  const bound = word === 'at least' ? issue.minimum : issue.maximum;
  if (issue.inclusive === false) word = word === 'at least' ? 'more than' : 'less than';
  const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : '';
  return `${word} ${String(bound)}${unit}`;
}
