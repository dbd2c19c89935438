/**
 * Input validation beyond shape: zod first, then, when the shape is sound, every rule that
 * needs the whole document, all problems at once, each with its JSON path and a sentence.
 */
export { type Validated } from './problems.ts';
export { validateDayProblem, loadDayProblem } from './day.ts';
export { validatePeriodProblem, loadPeriodProblem, planDates } from './period.ts';
export { complianceWarnings, complianceFindings, type ComplianceFinding } from './compliance.ts';
export { validateDocument, parseShape, KNOWN_FORMATS } from './document.ts';
export { validateChanges, loadChanges } from './changes.ts';
export { problemAt, inFile, parseIn, scheduleMismatches, refuseMismatches, type Place, type BelongingSchedule } from './documents.ts';
