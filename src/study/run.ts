/**
 * A study in process: every part planned in order with the same budget and seed, progress
 * with an estimate of the time left, and the result (`kontinuitet/study-result@1`) assembled
 * from the parts' outcomes, as the queue's parent job assembles it from its children's.
 */
import type { SolveSettings } from '../solver/index.ts';
import type { CheckedStudy } from './check.ts';
import type { ResolvedCosts } from './cost.ts';
import { StudyPlanner, settingsAsOptions, solvesOf, type PartOutcome, type PlanProgress, type PlannedPart, type StudyCaller } from './plan.ts';
import type { StudyResult } from './types.ts';

export interface StudyProgress extends PlanProgress {
  /** Plans solved before this one, and how many the study solves in all. */
  solved: number;
  solves: number;
  /** Share of the whole study done, 0 to 1. */
  studyFraction: number;
  elapsedMs: number;
  /** Elapsed time × what is left / what is done; null until a little is done. */
  remainingMs: number | null;
}

export interface RunStudyOptions extends StudyCaller {
  signal?: AbortSignal;
  progressEveryMs?: number;
  onProgress?: (p: StudyProgress) => void;
  /** Each part when its plan is done, with the seconds it took. */
  onPlanned?: (p: PlannedPart & { seconds: number; index: number; parts: number }) => void;
}

export interface StudyRun {
  result: StudyResult;
  /** Each part's problem and plan, for `--out-dir`. */
  planned: PlannedPart[];
}

/** Below this share done, an estimate of the time left is a guess. */
const ESTIMATE_FROM = 0.02;

export function runStudy(checked: CheckedStudy, options: RunStudyOptions = {}): StudyRun {
  const t0 = performance.now();
  const solves = solvesOf(checked);
  const { onProgress } = options;
  const planner: StudyPlanner = new StudyPlanner(checked, options, {
    signal: options.signal,
    progressEveryMs: options.progressEveryMs,
    onProgress:
      onProgress &&
      ((p) => {
        const studyFraction = Math.min(1, (planner.solves + p.fraction) / solves);
        const elapsedMs = performance.now() - t0;
        const remainingMs = studyFraction < ESTIMATE_FROM ? null : (elapsedMs * (1 - studyFraction)) / studyFraction;
        onProgress({ ...p, solved: planner.solves, solves, studyFraction, elapsedMs, remainingMs });
      }),
  });
  const planned: PlannedPart[] = [];
  checked.parts.forEach((_, index) => {
    const started = performance.now();
    const part = planner.plan(index);
    planned.push(part);
    options.onPlanned?.({ ...part, seconds: (performance.now() - started) / 1000, index, parts: checked.parts.length });
  });
  return { result: studyResult(checked, planner.settings, planner.costs, planned.map((p) => p.outcome)), planned };
}

/** The result from every part's outcome (any order). */
export function studyResult(checked: CheckedStudy, settings: SolveSettings, costs: ResolvedCosts, outcomes: readonly PartOutcome[]): StudyResult {
  const { study, base, parts } = checked;
  const byPart = new Map(outcomes.map((o) => [o.part, o]));
  const outcomeOf = (index: number): PartOutcome => {
    const found = byPart.get(index);
    if (!found) throw new Error(`study part ${index} has no outcome`);
    return found;
  };
  const entries = parts.map((part, index) => ({ ...outcomeOf(index), part }));
  return {
    format: 'kontinuitet/study-result@1',
    base: base.kind === 'day' ? { kind: 'day', date: base.problem.date, days: 1 } : { kind: 'period', date: base.problem.startDate, days: base.problem.days },
    costs,
    options: settingsAsOptions(settings) as StudyResult['options'],
    variants: entries.flatMap(({ part, applied, metrics, costSek }) => {
      if (part.kind !== 'variant') return [];
      const variant = study.variants[part.index];
      return [{ id: variant.id, label: variant.label ?? variant.id, applied: applied ?? '', metrics, costSek }];
    }),
    ...(study.sweep ? { sweepWeight: study.sweep.weight } : {}),
    sweep: entries.flatMap(({ part, metrics, costSek }) => (part.kind === 'sweep' ? [{ value: study.sweep!.values[part.index], metrics, costSek }] : [])),
  };
}
