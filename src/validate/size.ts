/**
 * How big a problem may be to plan (src/limits): its places (teams, staff, recipients),
 * whose travel tables grow with their square, and the visits of one day.
 */
import { beyond, grouped, limitOf } from '../limits/index.ts';
import type { ProblemList } from './problems.ts';

interface Sized {
  teams: readonly unknown[];
  staff: readonly unknown[];
  recipients: readonly unknown[];
}

export function checkPlaces(problem: Sized, problems: ProblemList): void {
  const places = problem.teams.length + problem.staff.length + problem.recipients.length;
  if (places > limitOf('places')) {
    problems.error([], `holds ${grouped(places)} teams, staff and recipients together, ${beyond('places')}`, 'too_large');
  }
}

/** `busiest` is the most visits any one day holds, and `date` that day when it is a period's. */
export function checkVisitsPerDay(busiest: number, path: PropertyKey[], date: string | null, problems: ProblemList): void {
  if (busiest <= limitOf('visitsPerDay')) return;
  const on = date === null ? '' : ` on ${date}`;
  problems.error(path, `has ${grouped(busiest)} visits${on}, ${beyond('visitsPerDay')}`, 'too_large');
}
