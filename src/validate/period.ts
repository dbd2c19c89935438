/** The period problem `kontinuitet/period@1` (FORMAT §3, §6.18): a day problem's rules over rosters and plans. */
import { InputError, type InputProblem } from '../model/errors.ts';
import * as S from '../model/schemas.ts';
import { WEEKDAYS } from '../model/schemas.ts';
import type { PeriodProblem, PlanDays, Recipient, Weekday } from '../model/types.ts';
import { DEFAULT_TIMEZONE, addDays, daysBetween, isValidZone, weekdayOf, type PlanClock } from '../time/index.ts';
import { complianceFindings } from './compliance.ts';
import { checkDependencies } from './dependencies.ts';
import { checkGeography, type PlacedPoint } from './geography.ts';
import { ProblemList, quote, type Path, type Validated } from './problems.ts';
import { checkMatrix, checkRecipientStaff, checkReference, indexIds, warnUnknownStaff } from './references.ts';
import { checkStaffing } from './staffing.ts';
import { TimeCache, checkShift, checkVisitTimes, dayTimeReader, openClock, planTimeReader } from './times.ts';
import { valueLimitProblems } from '../limits/index.ts';
import { normalisePeriod } from './normalise.ts';
import { parseShapeInto } from './shape.ts';
import { checkPlaces, checkVisitsPerDay } from './size.ts';

export function validatePeriodProblem(data: unknown): Validated<PeriodProblem> {
  const tooBig = valueLimitProblems(data);
  if (tooBig.length > 0) return { ok: false, problems: tooBig };
  const problems = new ProblemList();
  const parsed = parseShapeInto(S.PeriodProblem, data, problems);
  if (parsed === null) return { ok: false, problems: problems.all() };
  const problem = normalisePeriod(parsed);
  checkPeriodProblem(problem, problems);
  return problems.result(problem);
}

/** The problem and its warnings; every problem at once as an `InputError` when invalid. */
export function loadPeriodProblem(data: unknown): { problem: PeriodProblem; warnings: InputProblem[] } {
  const result = validatePeriodProblem(data);
  if (!result.ok) throw new InputError(result.problems, 'invalid period problem');
  return { problem: result.value, warnings: result.warnings };
}

/** The dates of the period a plan falls on; weeks run Monday to Sunday from the week holding `startDate`. */
export function planDates(days: PlanDays, startDate: string, count: number): string[] {
  const weekStart = addDays(startDate, -WEEKDAYS.indexOf(weekdayOf(startDate)));
  const dates: string[] = [];
  for (let k = 0; k < count; k++) {
    const date = addDays(startDate, k);
    const weekday = weekdayOf(date);
    if (days === 'daily') dates.push(date);
    else if (Array.isArray(days)) {
      if (days.includes(weekday)) dates.push(date);
    } else if (Math.floor(daysBetween(weekStart, date) / 7) % days.everyWeeks === 0 && days.weekdays.includes(weekday)) {
      dates.push(date);
    }
  }
  return dates;
}

function checkPlanDays(days: PlanDays, path: Path, problems: ProblemList): void {
  if (days === 'daily') return;
  const [list, listPath] = Array.isArray(days) ? [days, path] : [days.weekdays, [...path, 'weekdays']];
  const seen = new Set<Weekday>();
  list.forEach((weekday, k) => {
    if (seen.has(weekday)) problems.warning([...listPath, k], `${quote(weekday)} is listed twice`, 'duplicate_weekday');
    seen.add(weekday);
  });
}

function checkPeriodProblem(problem: PeriodProblem, problems: ProblemList): void {
  const { startDate } = problem;
  const lastDate = addDays(startDate, problem.days - 1);
  const span = `${startDate} to ${lastDate}`;
  const plans = problem.visitPlans ?? [];
  const oneOffs = problem.visits ?? [];

  const teams = indexIds(problem.teams, 'teams', problems);
  const staff = indexIds(problem.staff, 'staff', problems);
  const recipients = indexIds(problem.recipients, 'recipients', problems);
  // Plans and one-off visits share one namespace: `dependsOn` may name either.
  const visitIds = new Map<string, string>();
  const planIndex = indexIds(plans, 'visitPlans', problems, visitIds);
  const oneOffIndex = indexIds(oneOffs, 'visits', problems, visitIds);

  problem.staff.forEach((person, i) => checkReference(person.team, teams, 'team', ['staff', i, 'team'], problems));
  problem.recipients.forEach((recipient, i) => {
    if (recipient.team !== undefined) checkReference(recipient.team, teams, 'team', ['recipients', i, 'team'], problems);
    if (recipient.contact != null) warnUnknownStaff(recipient.contact, staff, ['recipients', i, 'contact'], 'contact', problems);
    recipient.deputies?.forEach((id, k) => warnUnknownStaff(id, staff, ['recipients', i, 'deputies', k], 'deputy', problems));
  });
  const placedVisits = [
    ...plans.map((visit, i) => ({ path: ['visitPlans', i] as Path, visit })),
    ...oneOffs.map((visit, i) => ({ path: ['visits', i] as Path, visit })),
  ];
  for (const { path, visit } of placedVisits) {
    checkReference(visit.recipient, recipients, 'recipient', [...path, 'recipient'], problems);
    visit.lockedStaff?.forEach((id, k) => warnUnknownStaff(id, staff, [...path, 'lockedStaff', k], 'locked staff member', problems));
  }
  const dependencyIndex = new Map<string, number>([...planIndex, ...[...oneOffIndex].map(([id, j]) => [id, plans.length + j] as const)]);
  checkDependencies(
    placedVisits.map(({ path, visit }) => ({ id: visit.id, path, dependsOn: visit.dependsOn })),
    dependencyIndex,
    'visit plan or one-off visit',
    'visit plans and one-off visits',
    problems,
  );

  const occurrences = plans.map((plan) => planDates(plan.days, startDate, problem.days));
  checkPlaces(problem, problems);
  checkBusiestDay(occurrences, oneOffs, problems);
  plans.forEach((plan, i) => {
    checkPlanDays(plan.days, ['visitPlans', i, 'days'], problems);
    if (occurrences[i].length === 0) problems.warning(['visitPlans', i, 'days'], `never falls inside the period ${span}`, 'plan_never_occurs');
  });
  const ownDates = [...occurrences, ...oneOffs.map((visit) => [visit.date])];
  placedVisits.forEach(({ path, visit }, k) => checkPlanDependencyDates(visit, path, ownDates[k], planIndex, occurrences, problems));
  oneOffs.forEach((visit, i) => {
    if (visit.date < startDate || visit.date > lastDate) {
      problems.error(['visits', i, 'date'], `${quote(visit.date)} is outside the period ${span}`, 'outside_period');
    }
  });
  problem.staff.forEach((person, i) => {
    const firstEntry = new Map<string, number>();
    person.roster.forEach((entry, j) => {
      const path = ['staff', i, 'roster', j, 'date'];
      if (entry.date < startDate || entry.date > lastDate) {
        problems.warning(path, `${quote(entry.date)} is outside the period ${span}, so this entry is ignored`, 'outside_period');
      }
      const first = firstEntry.get(entry.date);
      if (first !== undefined) {
        problems.error(path, `${quote(entry.date)} is already rostered at staff[${i}].roster[${first}]; a staff member has one shift per date`, 'duplicate_roster_date');
      } else {
        firstEntry.set(entry.date, j);
      }
    });
  });

  const timezone = problem.timezone ?? DEFAULT_TIMEZONE;
  if (!isValidZone(timezone)) {
    problems.error(['timezone'], `${quote(timezone)} is not an IANA time zone (such as "Europe/Stockholm")`, 'invalid_timezone');
  } else {
    checkPeriodTimes(problem, timezone, occurrences, problems);
  }

  checkRecipientStaff(problem.recipients, startDate, problems);
  const recipientById = new Map<string, Recipient>([...recipients].map(([id, i]) => [id, problem.recipients[i]]));
  checkStaffing(placedVisits, recipientById, problem.staff, "in the period's staff", problems);

  const staffPoints: PlacedPoint[] = problem.staff.flatMap((person, i) => [
    ...(person.start ? [{ path: ['staff', i, 'start'], point: person.start }] : []),
    ...(person.end ? [{ path: ['staff', i, 'end'], point: person.end }] : []),
  ]);
  checkGeography(problem.teams, problem.recipients, staffPoints, problems);
  checkMatrix(problem.travel, new Set([...teams.keys(), ...recipients.keys(), ...staff.keys()]), problems);

  // Judged on the last day, so that a transitional proof running out mid-period is caught.
  for (const finding of complianceFindings(problem.recipients, problem.staff, lastDate)) {
    problems.warning(finding.path, finding.warning.message, finding.warning.code);
  }
}

/** The day with the most visits, plans and one-off visits together, against the limit. */
function checkBusiestDay(occurrences: readonly string[][], oneOffs: ReadonlyArray<{ date: string }>, problems: ProblemList): void {
  const perDate = new Map<string, number>();
  for (const date of [...occurrences.flat(), ...oneOffs.map((visit) => visit.date)]) perDate.set(date, (perDate.get(date) ?? 0) + 1);
  let busiest: [string, number] = ['', 0];
  for (const entry of perDate) if (entry[1] > busiest[1]) busiest = entry;
  checkVisitsPerDay(busiest[1], [], busiest[0], problems);
}

/**
 * A dependency on a plan means that plan's visit on the same day (FORMAT §6.18); on a date
 * the plan has no visit, the dependency names nothing and is not checked.
 */
function checkPlanDependencyDates(
  visit: { id: string; dependsOn?: ReadonlyArray<{ visit: string }> },
  path: Path,
  dates: readonly string[],
  planIndex: ReadonlyMap<string, number>,
  occurrences: readonly string[][],
  problems: ProblemList,
): void {
  visit.dependsOn?.forEach((dependency, j) => {
    const plan = planIndex.get(dependency.visit);
    if (plan === undefined || dependency.visit === visit.id) return;
    const planned = new Set(occurrences[plan]);
    const missing = dates.filter((date) => !planned.has(date));
    if (missing.length === 0) return;
    const more = missing.length > 1 ? ` and ${missing.length - 1} more date${missing.length > 2 ? 's' : ''}` : '';
    problems.warning(
      [...path, 'dependsOn', j, 'visit'],
      `plan ${quote(dependency.visit)} has no visit on ${missing[0]}${more}, so the dependency is not checked there`,
      'dependency_not_planned',
    );
  });
}

function checkPeriodTimes(problem: PeriodProblem, timezone: string, occurrences: readonly string[][], problems: ProblemList): void {
  const clocks = new Map<string, PlanClock | null>();
  const cache = new TimeCache();
  const clockOn = (date: string, datePath: Path): PlanClock | null => {
    if (!clocks.has(date)) clocks.set(date, openClock(date, timezone, datePath, problems));
    return clocks.get(date) ?? null;
  };

  problem.staff.forEach((person, i) => {
    person.roster.forEach((entry, j) => {
      const path = ['staff', i, 'roster', j];
      const clock = clockOn(entry.date, [...path, 'date']);
      if (clock) checkShift(dayTimeReader(clock, problems, cache), entry, path, problems);
    });
  });
  (problem.visitPlans ?? []).forEach((plan, i) => {
    const dates = occurrences[i].length > 0 ? occurrences[i] : [problem.startDate];
    const planClocks = dates.map((date) => clockOn(date, ['startDate'])).filter((clock): clock is PlanClock => clock !== null);
    if (planClocks.length === dates.length) checkVisitTimes(planTimeReader(planClocks, problems, cache), plan, ['visitPlans', i], problems);
  });
  (problem.visits ?? []).forEach((visit, i) => {
    const path = ['visits', i];
    const clock = clockOn(visit.date, [...path, 'date']);
    if (clock) checkVisitTimes(dayTimeReader(clock, problems, cache), visit, path, problems);
  });
}
