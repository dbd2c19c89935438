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

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(document)' : out;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
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
  return issues.map((issue) => {
    const value = valueAt(root, issue.path);
    let message: string;
    switch (issue.code) {
      case 'invalid_type':
        message = value === undefined ? `is required (${issue.expected})` : `${describe(value)} should be ${article(issue.expected)}`;
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
        message = issue.message.startsWith('Too small') ? `${describe(value)} should be ${boundText(issue, 'at least')}` : issue.message;
        break;
      case 'too_big':
        message = `${describe(value)} should be ${boundText(issue, 'at most')}`;
        break;
      case 'invalid_union':
        message = `${describe(value)} does not match any allowed form`;
        break;
      default:
        message = issue.message;
    }
    return { path: formatPath(issue.path), message, severity: 'error' as const };
  });
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
