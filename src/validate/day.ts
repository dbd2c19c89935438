/** The day problem `kontinuitet/day@1`: shape first, then every rule that needs the whole document. */
import { InputError, type InputProblem } from '../model/errors.ts';
import * as S from '../model/schemas.ts';
import type { DayProblem, Recipient } from '../model/types.ts';
import { DEFAULT_TIMEZONE, isValidZone } from '../time/index.ts';
import { complianceFindings } from './compliance.ts';
import { checkDependencies } from './dependencies.ts';
import { checkGeography, type PlacedPoint } from './geography.ts';
import { ProblemList, quote, type Validated } from './problems.ts';
import { checkMatrix, checkRecipientStaff, checkReference, indexIds } from './references.ts';
import { checkStaffing } from './staffing.ts';
import { checkShift, checkVisitTimes, dayTimeReader, openClock } from './times.ts';
import { valueLimitProblems } from '../limits/index.ts';
import { normaliseDay } from './normalise.ts';
import { parseShapeInto } from './shape.ts';
import { checkPlaces, checkVisitsPerDay } from './size.ts';

export function validateDayProblem(data: unknown): Validated<DayProblem> {
  const tooBig = valueLimitProblems(data);
  if (tooBig.length > 0) return { ok: false, problems: tooBig };
  const problems = new ProblemList();
  const parsed = parseShapeInto(S.DayProblem, data, problems);
  if (parsed === null) return { ok: false, problems: problems.all() };
  const problem = normaliseDay(parsed);
  checkDayProblem(problem, problems);
  return problems.result(problem);
}

/** The problem and its warnings; every problem at once as an `InputError` when invalid. */
export function loadDayProblem(data: unknown): { problem: DayProblem; warnings: InputProblem[] } {
  const result = validateDayProblem(data);
  if (!result.ok) throw new InputError(result.problems, 'invalid day problem');
  return { problem: result.value, warnings: result.warnings };
}

function checkDayProblem(problem: DayProblem, problems: ProblemList): void {
  checkPlaces(problem, problems);
  checkVisitsPerDay(problem.visits.length, ['visits'], null, problems);
  const teams = indexIds(problem.teams, 'teams', problems);
  const staff = indexIds(problem.staff, 'staff', problems);
  const recipients = indexIds(problem.recipients, 'recipients', problems);
  const visits = indexIds(problem.visits, 'visits', problems);

  problem.staff.forEach((person, i) => checkReference(person.team, teams, 'team', ['staff', i, 'team'], problems));
  problem.recipients.forEach((recipient, i) => {
    if (recipient.team !== undefined) checkReference(recipient.team, teams, 'team', ['recipients', i, 'team'], problems);
  });
  problem.visits.forEach((visit, i) => checkReference(visit.recipient, recipients, 'recipient', ['visits', i, 'recipient'], problems));
  checkDependencies(
    problem.visits.map((visit, i) => ({ id: visit.id, path: ['visits', i], dependsOn: visit.dependsOn })),
    visits,
    'visit',
    'visits',
    problems,
  );

  const timezone = problem.timezone ?? DEFAULT_TIMEZONE;
  if (!isValidZone(timezone)) {
    problems.error(['timezone'], `${quote(timezone)} is not an IANA time zone (such as "Europe/Stockholm")`, 'invalid_timezone');
  } else {
    const clock = openClock(problem.date, timezone, ['date'], problems);
    if (clock) {
      const read = dayTimeReader(clock, problems);
      problem.staff.forEach((person, i) => checkShift(read, person, ['staff', i], problems));
      problem.visits.forEach((visit, i) => checkVisitTimes(read, visit, ['visits', i], problems));
    }
  }

  checkRecipientStaff(problem.recipients, problem.date, problems);
  const recipientById = new Map<string, Recipient>([...recipients].map(([id, i]) => [id, problem.recipients[i]]));
  checkStaffing(
    problem.visits.map((visit, i) => ({ path: ['visits', i], visit })),
    recipientById,
    problem.staff,
    "on today's staff list",
    problems,
  );

  const staffPoints: PlacedPoint[] = problem.staff.flatMap((person, i) => [
    ...(person.start ? [{ path: ['staff', i, 'start'], point: person.start }] : []),
    ...(person.end ? [{ path: ['staff', i, 'end'], point: person.end }] : []),
  ]);
  checkGeography(problem.teams, problem.recipients, staffPoints, problems);
  checkMatrix(problem.travel, new Set([...teams.keys(), ...recipients.keys(), ...staff.keys()]), problems);

  for (const finding of complianceFindings(problem.recipients, problem.staff, problem.date)) {
    problems.warning(finding.path, finding.warning.message, finding.warning.code);
  }
}
