/**
 * The one place a schedule document is put together from routes: staff order kept from
 * the problem, compliance warnings and metrics recomputed over the whole problem. Used by
 * the solver, the district merge of the worker, and the baseline planner.
 */
import type { DayProblem, Explanation, Route, Schedule, Unassigned } from '../model/types.ts';
import { complianceWarnings } from '../validate/index.ts';
import { computeMetrics } from '../metrics/index.ts';
import { DEFAULT_TIMEZONE } from '../time/index.ts';

export interface ScheduleParts {
  routes: Route[];
  unassigned: Unassigned[];
  explanations?: Explanation[];
  solver?: Schedule['solver'];
}

export function assembleSchedule(problem: DayProblem, parts: ScheduleParts): Schedule {
  const order = new Map(problem.staff.map((s, i) => [s.id, i]));
  const routes = [...parts.routes].sort((a, b) => (order.get(a.staff) ?? Infinity) - (order.get(b.staff) ?? Infinity));
  const schedule: Schedule = {
    format: 'kontinuitet/schedule@1',
    date: problem.date,
    timezone: problem.timezone ?? DEFAULT_TIMEZONE,
    routes,
    unassigned: parts.unassigned,
    warnings: complianceWarnings(problem),
    metrics: computeMetrics(problem, { routes, unassigned: parts.unassigned }),
  };
  if (parts.solver) schedule.solver = parts.solver;
  if (parts.explanations) schedule.explanations = parts.explanations;
  return schedule;
}
