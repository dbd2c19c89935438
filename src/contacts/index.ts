/** Who should be whose fast omsorgskontakt: the assignment model and what it changes. */
export {
  suggestContacts,
  applySuggestion,
  DEFAULT_MAX_PER_CONTACT,
  DEFAULT_DISTANCE_PENALTY_PER_KM,
  CARE_WEIGHTS,
  DEFAULT_CARE_WEIGHT,
  DEFAULT_KEEP_CURRENT_BONUS,
  type CareWeight,
  type SuggestOptions,
  type ContactSuggestion,
  type ContactSuggestionRow,
  type TeamShares,
  type LpStats,
} from './suggest.ts';
export { PeriodCoverage, reachableShare, type Occurrence, type Covered, type ReachableShare } from './coverage.ts';
export { solveAssignment, solveRelaxation, isIntegral, roundAndRepair, assignmentViolations, type Arc, type AssignmentProblem, type AssignmentResult } from './assign.ts';
export { periodFloor, type PeriodFloor, type FloorWindow, type FloorGroup, type RecipientFloor } from './floor.ts';
