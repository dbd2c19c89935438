/**
 * The views the report knows, keyed by document kind. A new kind (a study result, a
 * re-plan) is one module and one line here; a view with an `accepts` test is chosen over
 * the plain view of its format for the documents it accepts.
 */
import { dayView } from './day.ts';
import { kpiView } from './kpi.ts';
import { periodView } from './period.ts';
import { replanView } from './replan.ts';
import { studyView } from './study.ts';
import type { ReportView } from './types.ts';

export const VIEWS: readonly ReportView<unknown>[] = [dayView, periodView, kpiView, replanView, studyView];

/** The view for a document of `format`, or undefined when no view shows that format. */
export function viewFor(format: unknown, document: Record<string, unknown>): ReportView<unknown> | undefined {
  const candidates = VIEWS.filter((v) => v.format === format);
  return candidates.find((v) => v.accepts?.(document)) ?? candidates.find((v) => v.accepts === undefined);
}

export type { ReportFiles, ReportInput, ReportView, RenderedView } from './types.ts';
