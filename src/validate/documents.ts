/**
 * Documents read together (a report's schedule and its problem, a re-plan's day, published
 * schedule and changes): every problem is named by its file and JSON path, and a schedule is
 * held to the problem it claims to belong to (same date, known staff, known visits of the
 * right recipients) before anything is drawn or re-planned.
 */
import type { z } from 'zod';
import { InputError, fromZodIssues, type InputProblem } from '../model/errors.ts';
import type { CheckedSchedule, DayProblem } from '../model/types.ts';
import { DEFAULT_TIMEZONE } from '../time/index.ts';

/** An input problem at a JSON path of a file: `schedule.json routes[3].staff`. */
export function problemAt(file: string, path: string, message: string): InputProblem {
  return { path: `${file} ${path}`, message, severity: 'error' };
}

/**
 * Runs a loader whose `InputError` paths are JSON paths of `file`, and names the file in
 * each of them (a path that already names the file, such as a JSON syntax error's, stays).
 */
export function inFile<T>(file: string, what: string, load: () => T): T {
  try {
    return load();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const problems = err.problems.map((p) => (p.path.startsWith(file) ? p : { ...p, path: `${file} ${p.path}` }));
    throw new InputError(problems, `invalid ${what} in ${file}`);
  }
}

/** Parses `data` with a schema; every shape problem named by file and path. */
export function parseIn<T extends z.ZodType>(schema: T, data: unknown, file: string, what: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = fromZodIssues(result.error.issues, data).map((p) => ({ ...p, path: `${file} ${p.path}` }));
    throw new InputError(problems, `invalid ${what} in ${file}`);
  }
  return result.data;
}

/** Where a schedule sits: its file and the JSON path of the schedule inside it (`days[2].` in a period). */
export interface Place {
  file: string;
  prefix: string;
  /** The problem's file, for sentences such as `is not a staff member of day.json`. */
  problemFile: string;
}

/** What belonging is judged on; `date`, `timezone` and `unassigned` as `check` reads them, left out by some tools. */
export type BelongingSchedule = Pick<CheckedSchedule, 'date' | 'timezone' | 'routes' | 'unassigned'>;

/**
 * Every way a schedule fails to belong to a day problem: another date or zone, routes of
 * staff the problem does not know, stops or unassigned entries of unknown visits, a stop
 * naming the wrong recipient. A schedule that breaks the planning rules still belongs to
 * its problem and is shown (`kontinuitet check` judges the rules).
 */
export function scheduleMismatches(schedule: BelongingSchedule, problem: DayProblem, at: Place): InputProblem[] {
  const out: InputProblem[] = [];
  const where = (path: string) => `${at.prefix}${path}`;
  if (schedule.date !== undefined && schedule.date !== problem.date) {
    out.push(problemAt(at.file, where('date'), `"${schedule.date}" is not the date of ${at.problemFile} ("${problem.date}")`));
  }
  const zone = problem.timezone ?? DEFAULT_TIMEZONE;
  if (schedule.timezone !== undefined && schedule.timezone !== zone) {
    out.push(problemAt(at.file, where('timezone'), `"${schedule.timezone}" is not the time zone of ${at.problemFile} ("${zone}")`));
  }
  const staff = new Set(problem.staff.map((s) => s.id));
  const visits = new Map(problem.visits.map((v) => [v.id, v.recipient]));
  schedule.routes.forEach((route, r) => {
    if (!staff.has(route.staff)) out.push(problemAt(at.file, where(`routes[${r}].staff`), `"${route.staff}" is not a staff member of ${at.problemFile}`));
    route.stops.forEach((stop, s) => {
      const recipient = visits.get(stop.visit);
      const path = where(`routes[${r}].stops[${s}]`);
      if (recipient === undefined) out.push(problemAt(at.file, `${path}.visit`, `"${stop.visit}" is not a visit of ${at.problemFile}`));
      else if (recipient !== stop.recipient) {
        out.push(problemAt(at.file, `${path}.recipient`, `"${stop.recipient}" is not the recipient of visit "${stop.visit}" in ${at.problemFile} ("${recipient}")`));
      }
    });
  });
  (schedule.unassigned ?? []).forEach((u, i) => {
    if (!visits.has(u.visit)) out.push(problemAt(at.file, where(`unassigned[${i}].visit`), `"${u.visit}" is not a visit of ${at.problemFile}`));
  });
  return out;
}

/** Throws the mismatches, if any, as one `InputError`. */
export function refuseMismatches(problems: InputProblem[], file: string, problemFile: string): void {
  if (problems.length > 0) throw new InputError(problems, `${file} does not belong to ${problemFile}`);
}
