/**
 * A view of the report: one kind of document, how it is read and checked against the
 * problem it needs, and the page sections it shows. Each view is one module registered in
 * `views/index.ts`; adding one (a study result, a re-plan) touches no other view.
 */
import type { Texts } from '../i18n.ts';

/** The files a report is made from, as named on the command line. */
export interface ReportFiles {
  document: string;
  problem?: string;
  /** A re-plan's published schedule and changes (`--published`, `--changes`): given together or not at all. */
  published?: string;
  changes?: string;
}

/** The parsed JSON of those files (a file that was not given is undefined). */
export interface ReportInput {
  files: ReportFiles;
  document: unknown;
  problem?: unknown;
  published?: unknown;
  changes?: unknown;
}

/** A page of the report: the heading and the sections below it, HTML written by the view. */
export interface RenderedView {
  title: string;
  subtitle: string;
  body: string;
}

export interface ReportView<Model> {
  /** The document kind, e.g. `day`, `period`, `kpi`. */
  kind: string;
  /** The `format` of the documents this view shows. */
  format: string;
  /**
   * A test for a more specific kind of the same format (a schedule with a `replan` block):
   * a view with one wins over the format's plain view when it accepts the document.
   */
  accepts?: (document: Record<string, unknown>) => boolean;
  /** Whether it takes a re-plan's published schedule and changes besides the problem. */
  takesChanges?: boolean;
  /** The format of the problem it needs, described for the error when `--problem` is missing. */
  problem: { format: string; what: string } | null;
  /** Reads and checks the document and its problem; throws `InputError` naming the file and JSON path. */
  load(input: ReportInput): Model;
  render(model: Model, texts: Texts): RenderedView;
}
