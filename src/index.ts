/**
 * The library (`import { solveDay } from 'kontinuitet'`): the engine without the command
 * line. A thin front: it re-exports, and it is an edge, so the functions that take a document
 * validate it first, as the command line does (the engine inside takes validated documents).
 * Each function is documented where it lives, and README "Library" lists them. Bad input
 * throws `InputError`, whose `problems` carry a JSON path and a sentence each (FORMAT §5).
 */
import { checkSchedule as checkValidSchedule, type CheckResult } from './check/index.ts';
import { schemas } from './model/index.ts';
import type { PeriodSchedule, Schedule } from './model/types.ts';
import { planPeriod as planValidPeriod, type PlanPeriodOptions } from './period/index.ts';
import { solveDay as solveValidDay, type SolveDayOptions } from './solver/index.ts';
import { replanDay as replanValidDay, type Replan, type ReplanOptions } from './replan/index.ts';
import { loadChanges, loadDayProblem, loadPeriodProblem, parseShape } from './validate/index.ts';
import { checkStudy, inlineBase, runStudy as runCheckedStudy, type RunStudyOptions, type StudyRun } from './study/index.ts';

/** Validates a day problem and solves it (`src/solver`). */
export function solveDay(problem: unknown, options?: SolveDayOptions): Schedule {
  return solveValidDay(loadDayProblem(problem).problem, options);
}

/**
 * Validates a day problem, the schedule published for it and what happened since
 * (`kontinuitet/changes@1`), then re-plans the day from the published schedule (`src/replan`).
 * Returns the new schedule (with its `replan` block) and the day as it now stands.
 */
export function replanDay(problem: unknown, published: unknown, changes: unknown, options?: ReplanOptions): Replan {
  return replanValidDay(loadDayProblem(problem).problem, parseShape(schemas.CheckedSchedule, published, 'published schedule'), loadChanges(changes).changes, options);
}

/** Validates a period problem and plans it day by day (`src/period`). */
export function planPeriod(period: unknown, options?: PlanPeriodOptions): PeriodSchedule {
  return planValidPeriod(loadPeriodProblem(period).problem, options);
}

/** Validates a day problem and a schedule's shape, then holds the schedule to every rule (`src/check`). */
export function checkSchedule(problem: unknown, schedule: unknown): CheckResult {
  return checkValidSchedule(loadDayProblem(problem).problem, parseShape(schemas.CheckedSchedule, schedule, 'schedule'));
}

/**
 * Checks a study (FORMAT §8) and plans every variant and sweep value (`src/study`). A base
 * given as a path is read relative to `baseDir` (default: the working folder).
 */
export async function runStudy(study: unknown, options: RunStudyOptions & { baseDir?: string } = {}): Promise<StudyRun> {
  const document = await inlineBase(study, options.baseDir ?? process.cwd());
  return runCheckedStudy(checkStudy(document.data, document), options);
}

export { DEFAULT_TIME_LIMIT_SECONDS, DEFAULT_SEED, type SolveDayOptions, type SolveProgress } from './solver/index.ts';
export { DEFAULT_REPLAN_SECONDS, dayAsItNowStands, type Replan, type ReplanOptions, type Reassignment, type Taker } from './replan/index.ts';
export { plannedKpi, DEFAULT_DAY_SECONDS, type PlanPeriodOptions } from './period/index.ts';
export { type CheckResult, type Violation, type MetricDiff } from './check/index.ts';
export { computeMetrics } from './metrics/index.ts';
export {
  computeKpi,
  parseVisitLog,
  parseRecipients,
  readVisitLog,
  readRecipientsFile,
  formatKpi,
  KPI_FORMATS,
  type KpiFormat,
  type KpiOptions,
  type KpiRow,
  type KpiRecipientInfo,
  type PerformedRow,
  type PerformedVisit,
} from './kpi/index.ts';
export {
  validateDocument,
  validateDayProblem,
  validatePeriodProblem,
  validateChanges,
  loadDayProblem,
  loadChanges,
  loadPeriodProblem,
  KNOWN_FORMATS,
  type Validated,
} from './validate/index.ts';
export { suggestContacts, applySuggestion, type SuggestOptions, type ContactSuggestion, type ContactSuggestionRow } from './contacts/index.ts';
export { generateDay, generatePeriod, PRESETS, type GenerateOptions, type PeriodOptions, type PresetName } from './generate/index.ts';
export { schemas, InputError, type InputProblem } from './model/index.ts';
export { DEFAULT_COSTS, type RunStudyOptions, type StudyRun, type StudyProgress, type PlannedPart } from './study/index.ts';
export { studyCsv, type CsvFormat } from './study/csv.ts';
export type { Study, StudyOp, StudyResult, StudyMetrics, StudyVariantResult, StudySweepResult } from './study/types.ts';
export type * from './model/types.ts';
