/**
 * The library (`import { solveDay } from 'kontinuitet'`): the engine without the command
 * line. A thin front that only re-exports; each function is documented where it lives, and
 * README "Library" lists them. Bad input throws `InputError`, whose `problems` carry a JSON
 * path and a sentence each (FORMAT §5).
 */
export { solveDay, DEFAULT_TIME_LIMIT_SECONDS, DEFAULT_SEED, type SolveDayOptions, type SolveProgress } from './solver/index.ts';
export { planPeriod, plannedKpi, DEFAULT_DAY_SECONDS, type PlanPeriodOptions } from './period/index.ts';
export { checkSchedule, type CheckResult, type Violation, type MetricDiff } from './check/index.ts';
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
  loadDayProblem,
  loadPeriodProblem,
  KNOWN_FORMATS,
  type Validated,
} from './validate/index.ts';
export { suggestContacts, applySuggestion, type SuggestOptions, type ContactSuggestion, type ContactSuggestionRow } from './contacts/index.ts';
export { generateDay, generatePeriod, PRESETS, type GenerateOptions, type PeriodOptions, type PresetName } from './generate/index.ts';
export { schemas, InputError, type InputProblem } from './model/index.ts';
export type * from './model/types.ts';
