/**
 * A period (FORMAT §3) as the day problems it is planned by (FORMAT §6.18): one
 * `kontinuitet/day@1` per date, holding the staff rostered that date, the visits the plans
 * put on it and the one-off visits dated to it. Times stay wall-clock strings: the day's
 * PlanClock resolves them, so the day solver sees exactly what a hand-written day would give.
 */
import type { DayProblem, Dependency, PeriodProblem, PlanDays, Staff, Visit, VisitPlan, Weekday } from '../model/types.ts';
import { InputError, type InputProblem } from '../model/errors.ts';
import { DEFAULT_TIMEZONE, MemoClock, TimeError, addDays, daysBetween, weekdayOf, zoneOf } from '../time/index.ts';

/** The period's dates in order: `startDate` and the `days − 1` dates after it. */
export function planDates(period: Pick<PeriodProblem, 'startDate' | 'days'>): string[] {
  return Array.from({ length: period.days }, (_, i) => addDays(period.startDate, i));
}

/** The Monday of the Monday-to-Sunday week holding `date`. */
export function mondayOf(date: string): string {
  const sinceMonday = (daysBetween('2024-01-01', date) % 7 + 7) % 7; // 2024-01-01 was a Monday
  return addDays(date, -sinceMonday);
}

/**
 * Whether a plan's `days` put a visit on `date`. For `{weekdays, everyWeeks: n}` the weeks
 * run Monday to Sunday, counted from the week holding `startDate` (weeks 0, n, 2n …).
 */
export function planDaysInclude(days: PlanDays, date: string, startDate: string): boolean {
  if (days === 'daily') return true;
  const weekday = weekdayOf(date) as Weekday;
  if (Array.isArray(days)) return days.includes(weekday);
  if (!days.weekdays.includes(weekday)) return false;
  const week = Math.floor(daysBetween(mondayOf(startDate), date) / 7);
  return week >= 0 && week % days.everyWeeks === 0;
}

/** Whether `plan` has a visit on `date` in a period that starts on `startDate`. */
export function visitsOnDate(plan: Pick<VisitPlan, 'days'>, date: string, startDate: string): boolean {
  return planDaysInclude(plan.days, date, startDate);
}

/** The id of the visit that plan `planId` puts on `date`: `p1@2026-11-24`. */
export function plannedVisitId(planId: string, date: string): string {
  return `${planId}@${date}`;
}

/** A wall-clock time the day's clock cannot place (the spring gap), as an input problem. */
function checkTime(clock: MemoClock, time: string | undefined, path: string, what: string, problems: InputProblem[]): void {
  if (time === undefined) return;
  try {
    clock.minutes(time);
  } catch (err) {
    if (!(err instanceof TimeError)) throw err;
    problems.push({ path, message: `"${time}" ${what} on ${clock.date}: ${err.message}`, severity: 'error' });
  }
}

const VISIT_TIME_FIELDS = ['preferredStart', 'dueStart', 'lockedStart'] as const;

function checkVisitTimes(
  clock: MemoClock,
  visit: Pick<Visit, 'window' | (typeof VISIT_TIME_FIELDS)[number]>,
  path: string,
  what: string,
  problems: InputProblem[],
): void {
  checkTime(clock, visit.window.start, `${path}.window.start`, what, problems);
  checkTime(clock, visit.window.end, `${path}.window.end`, what, problems);
  for (const field of VISIT_TIME_FIELDS) checkTime(clock, visit[field], `${path}.${field}`, what, problems);
}

/** The day's visit from a plan: every visit field of the plan, `days` left out. */
function visitFromPlan(plan: VisitPlan, date: string): Visit {
  const { days: _days, id, ...fields } = plan;
  return { id: plannedVisitId(id, date), ...fields };
}

/**
 * One day problem per date of the period, in date order.
 *
 * - Staff rostered on a date are on that day's list with the roster entry's `shift` and
 *   `breaks`; staff without an entry are off. A night shift belongs to its start date.
 * - A plan's visit on `date` has the id `<plan>@<date>`; a one-off visit goes to its `date`
 *   with its own id (one dated outside the period is not part of any day).
 * - A `dependsOn` naming a plan means that plan's visit the same day; it is dropped on a
 *   day the plan has no visit. One naming a one-off visit is kept on that visit's day
 *   only; one naming neither is an InputError.
 * - A plan, roster or one-off time that does not exist on a date (the spring DST gap) is
 *   an InputError naming the JSON path, the plan or staff member and the date.
 */
export function expandPeriod(period: PeriodProblem): DayProblem[] {
  const timezone = period.timezone ?? DEFAULT_TIMEZONE;
  try {
    zoneOf(timezone);
  } catch (err) {
    if (err instanceof TimeError) throw new InputError([{ path: 'timezone', message: err.message, severity: 'error' }], 'invalid period');
    throw err;
  }
  const plans = period.visitPlans ?? [];
  const planIds = new Set(plans.map((p) => p.id));
  const problems: InputProblem[] = [];
  const oneOffIds = new Set((period.visits ?? []).map((v) => v.id));
  const checkDependencies = (deps: Dependency[] | undefined, path: string): void =>
    deps?.forEach((dep, k) => {
      if (!planIds.has(dep.visit) && !oneOffIds.has(dep.visit)) {
        problems.push({ path: `${path}.dependsOn[${k}].visit`, message: `"${dep.visit}" names no plan and no visit of the period`, severity: 'error' });
      }
    });
  plans.forEach((plan, i) => checkDependencies(plan.dependsOn, `visitPlans[${i}]`));
  period.visits?.forEach((visit, i) => checkDependencies(visit.dependsOn, `visits[${i}]`));
  const days: DayProblem[] = [];

  for (const date of planDates(period)) {
    const clock = new MemoClock(date, timezone);

    const staff: Staff[] = [];
    period.staff.forEach((member, i) => {
      const entries = member.roster.flatMap((entry, j) => (entry.date === date ? [{ entry, j }] : []));
      if (entries.length > 1) {
        problems.push({
          path: `staff[${i}].roster[${entries[1].j}].date`,
          message: `"${date}" is rostered twice for ${member.id} (also roster[${entries[0].j}])`,
          severity: 'error',
        });
      }
      if (entries.length === 0) return;
      const { entry, j } = entries[0];
      const path = `staff[${i}].roster[${j}]`;
      const what = `in the roster of ${member.id}`;
      checkTime(clock, entry.shift.start, `${path}.shift.start`, what, problems);
      checkTime(clock, entry.shift.end, `${path}.shift.end`, what, problems);
      entry.breaks?.forEach((b, k) => {
        checkTime(clock, b.earliest, `${path}.breaks[${k}].earliest`, what, problems);
        checkTime(clock, b.latest, `${path}.breaks[${k}].latest`, what, problems);
      });
      const { roster: _roster, ...fields } = member;
      staff.push(structuredClone({ ...fields, shift: entry.shift, ...(entry.breaks ? { breaks: entry.breaks } : {}) }));
    });

    const visits: Visit[] = [];
    const plannedToday = new Set<string>();
    plans.forEach((plan, i) => {
      if (!visitsOnDate(plan, date, period.startDate)) return;
      checkVisitTimes(clock, plan, `visitPlans[${i}]`, `in plan ${plan.id}`, problems);
      plannedToday.add(plan.id);
      visits.push(structuredClone(visitFromPlan(plan, date)));
    });
    (period.visits ?? []).forEach((visit, i) => {
      if (visit.date !== date) return;
      checkVisitTimes(clock, visit, `visits[${i}]`, `of visit ${visit.id}`, problems);
      const { date: _date, ...fields } = visit;
      visits.push(structuredClone(fields));
    });

    const visitIdsToday = new Set(visits.map((v) => v.id));
    const resolve = (dep: Dependency): Dependency[] => {
      if (planIds.has(dep.visit)) return plannedToday.has(dep.visit) ? [{ ...dep, visit: plannedVisitId(dep.visit, date) }] : [];
      return visitIdsToday.has(dep.visit) ? [{ ...dep }] : [];
    };
    const dayVisits = visits.map((visit): Visit => {
      if (!visit.dependsOn) return visit;
      const { dependsOn, ...fields } = visit;
      const resolved = dependsOn.flatMap(resolve);
      return resolved.length > 0 ? { ...fields, dependsOn: resolved } : fields;
    });

    days.push({
      format: 'kontinuitet/day@1',
      date,
      ...(period.timezone !== undefined ? { timezone: period.timezone } : {}),
      teams: structuredClone(period.teams),
      staff,
      recipients: structuredClone(period.recipients),
      visits: dayVisits,
      ...(period.travel !== undefined ? { travel: structuredClone(period.travel) } : {}),
      ...(period.objective !== undefined ? { objective: { ...period.objective } } : {}),
      ...(period.options !== undefined ? { options: { ...period.options } } : {}),
    });
  }

  if (problems.length > 0) throw new InputError(problems, 'invalid period');
  return days;
}
