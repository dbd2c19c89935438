/** The problems found in one document, collected so that all of them are reported at once. */
import type { z } from 'zod';
import { formatPath, fromZodIssues, type InputProblem } from '../model/errors.ts';

export type Path = ReadonlyArray<PropertyKey>;

/** A validated document, or every problem found in it (errors first, then warnings). */
export type Validated<T> = { ok: true; value: T; warnings: InputProblem[] } | { ok: false; problems: InputProblem[] };

export class ProblemList {
  private readonly found: InputProblem[] = [];

  error(path: Path, message: string, code: string): void {
    this.found.push({ path: formatPath(path), message, severity: 'error', code });
  }

  warning(path: Path, message: string, code: string): void {
    this.found.push({ path: formatPath(path), message, severity: 'warning', code });
  }

  /** zod's issues as sentences, each coded `shape`. */
  addShape(issues: z.core.$ZodIssue[], data: unknown): void {
    for (const problem of fromZodIssues(issues, data)) this.found.push({ ...problem, code: problem.code ?? 'shape' });
  }

  get hasErrors(): boolean {
    return this.found.some((p) => p.severity === 'error');
  }

  /** Errors first, then warnings, each in the order found (which follows the document). */
  all(): InputProblem[] {
    return [...this.found.filter((p) => p.severity === 'error'), ...this.found.filter((p) => p.severity === 'warning')];
  }

  warnings(): InputProblem[] {
    return this.found.filter((p) => p.severity === 'warning');
  }

  result<T>(value: T): Validated<T> {
    return this.hasErrors ? { ok: false, problems: this.all() } : { ok: true, value, warnings: this.warnings() };
  }
}

/** A value quoted as JSON, so that strings read as `"07:00"` in sentences. */
export function quote(value: unknown): string {
  return JSON.stringify(value);
}

/** `"a", "b" and 3 more`: a short list of ids for a sentence. */
export function listIds(ids: readonly string[], max = 5): string {
  const shown = ids.slice(0, max).map((id) => quote(id)).join(', ');
  return ids.length > max ? `${shown} and ${ids.length - max} more` : shown;
}
