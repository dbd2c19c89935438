/** Manager studies (FORMAT §8): variants of a day or a period, each planned and compared, and a sweep of one weight. */
export { checkStudy, partId, type CheckedStudy, type CheckOptions } from './check.ts';
export { readStudyFile, inlineBase, type StudyDocument } from './load.ts';
export { buildVariant, mergePatch, baseDates, CHECK_ONLY, UNCHANGED, type BuiltVariant, type OpHooks } from './ops.ts';
export { DEFAULT_COSTS, resolveCosts, carKm, paidMinutesByRole, costSek, type ResolvedCosts } from './cost.ts';
export { studyEntry, plannedServiceMinutes } from './metrics.ts';
export { dayAsPeriod, suggestContactsOp } from './contacts.ts';
export { StudyPlanner, studySettings, settingsAsOptions, needsBasePlan, solvesOf, type StudyCaller, type PartOutcome, type PlannedPart, type PlanProgress } from './plan.ts';
export { runStudy, studyResult, type RunStudyOptions, type StudyProgress, type StudyRun } from './run.ts';
export type * from './types.ts';
