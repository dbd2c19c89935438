/** Manager studies (FORMAT §8): variants of a day or a period, each planned and compared, and a sweep of one weight. */
export { checkStudy, partId, type CheckedStudy } from './check.ts';
export { readStudyFile, inlineBase } from './load.ts';
export { buildVariant, mergePatch, type OpHooks } from './ops.ts';
export { DEFAULT_COSTS, resolveCosts } from './cost.ts';
export { plannedServiceMinutes } from './metrics.ts';
export { dayAsPeriod, suggestContactsOp } from './contacts.ts';
export { StudyPlanner, studySettings, type PartOutcome, type PlannedPart } from './plan.ts';
export { runStudy, studyResult, type RunStudyOptions, type StudyProgress, type StudyRun } from './run.ts';
export type * from './types.ts';
