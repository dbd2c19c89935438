/**
 * The independent schedule checker: holds a schedule to every hard rule of FORMAT.md
 * (§1, §2, §6) against its problem, and recomputes its metrics. It shares no code with
 * the solver; it reads the problem through `src/metrics` and the common rules modules
 * (time, travel, eligibility) that define the contract.
 *
 * A time that cannot be read at all (problem or schedule) is an input error and throws
 * `InputError`; everything else is reported as a violation. The codes:
 * - document (§6.11): wrong_format, date_mismatch, timezone_mismatch, missing_offset, wrong_offset;
 * - ids and placement: unknown_staff, duplicate_route, unknown_visit, wrong_recipient,
 *   visit_repeated_in_route, too_many_staff, too_few_staff, start_mismatch,
 *   assigned_and_unassigned, visit_missing, unassigned_twice, bad_unassigned_reason;
 * - eligibility (§6.1, §6.2): ineligible_role, ineligible_skill, ineligible_gender,
 *   ineligible_excluded, ineligible_avoid_tag, ineligible_not_locked, locked_staff_missing;
 * - a visit's times: outside_window, locked_start, wrong_duration, dependency_gap (§6.9);
 * - routes (§6.6, §6.10): route_ends_before_start, route_before_shift, route_after_shift,
 *   stop_order, service_overlap, arrival_after_start, wrong_stop_travel, travel_too_short,
 *   wrong_wait, leg_home_too_short, wrong_route_travel, wrong_route_service, wrong_route_wait;
 * - breaks (§6.8): break_outside_shift, break_overlaps_service, break_overlap,
 *   break_outside_interval, break_wrong_length, extra_break, missing_break;
 * - warnings (§6.13): missing_warning, unexpected_warning;
 * - metrics: metric_mismatch (counts and minute totals only; every difference is in metricDiffs).
 */
import type { CheckedSchedule, DayProblem, Metrics } from '../model/types.ts';
import { DayIndex, metricsOf, viewRoutes } from '../metrics/index.ts';
import { checkAssignment } from './assignment.ts';
import { checkDocument } from './document.ts';
import { diffMetrics, type MetricDiff } from './metric-diffs.ts';
import { checkRoutes } from './routes.ts';
import { type Violation, Violations } from './violations.ts';
import { checkWarnings } from './warnings.ts';

export type { Violation } from './violations.ts';
export type { MetricDiff } from './metric-diffs.ts';

export interface CheckResult {
  violations: Violation[];
  metrics: Metrics;
  metricDiffs: MetricDiff[];
}

/**
 * Any schedule may be checked, also one without `metrics`, `warnings` or `unassigned`
 * (`CheckedSchedule`): the metrics are always recomputed, and what the schedule claims is
 * compared where it makes a claim.
 */
export function checkSchedule(problem: DayProblem, schedule: CheckedSchedule): CheckResult {
  const day = new DayIndex(problem);
  const view = viewRoutes(day, schedule.routes);
  const out = new Violations(day.clock);
  checkDocument(day, schedule, out);
  checkAssignment(day, schedule, view.times, out);
  checkRoutes(view, out);
  checkWarnings(day, schedule, out);
  const metrics = metricsOf(view);
  const stops = schedule.routes.reduce((n, route) => n + route.stops.length, 0);
  const metricDiffs = diffMetrics(schedule.metrics, metrics, stops, out);
  return { violations: out.list, metrics, metricDiffs };
}
