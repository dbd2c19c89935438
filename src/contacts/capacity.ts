/**
 * A staff member's time on one rostered day, as the contact assignment sees it: the visits
 * they could make are jobs with a start range and a length (the visit plus a travel
 * allowance before it), breaks are jobs that must be made, and two measures of room:
 *
 * - energetic capacity (as in `src/solver/ceiling.ts`): in any interval [a, b] of the day,
 *   the parts of the chosen jobs that must fall inside it, whatever start their ranges
 *   allow, fit in b − a less the breaks' own such parts. The assignment LP keeps this on a
 *   half-hour grid;
 * - a sequence: the jobs in order of latest start, each at the earliest moment after the
 *   one before. That is a real timetable of the staff member's own visits (travel by the
 *   allowance), so what it makes never asks more minutes of any hour than the hour has.
 *
 * Pure: minutes of the day as numbers.
 */

/** Work that starts in [lo, hi] and lasts `duration` minutes. */
export interface Job {
  lo: number;
  hi: number;
  duration: number;
}

/** One staff member's shift on one day, in minutes of that day, with breaks as jobs. */
export interface StaffDay {
  staff: number;
  date: string;
  start: number;
  end: number;
  breaks: readonly Job[];
}

/** The part of a job that must fall inside [a, b]: overlap is unimodal in the start, so an end point gives the least. */
export function mustMinutes(job: Job, a: number, b: number): number {
  const at = (t: number) => Math.max(0, Math.min(t + job.duration, b) - Math.max(t, a));
  return Math.min(at(job.lo), at(job.hi));
}

/** Minutes of [a, b] inside the shift, less what the breaks must take of it. */
export function capacityIn(day: StaffDay, a: number, b: number): number {
  let room = Math.max(0, Math.min(b, day.end) - Math.max(a, day.start));
  for (const br of day.breaks) room -= mustMinutes(br, a, b);
  return Math.max(0, room);
}

/** Grid step of the capacity intervals: half hours, the resolution windows are written in. */
export const GRID_MINUTES = 30;

/** The interval end points of a day: shift start and end and every half hour between. */
export function gridPoints(day: StaffDay): number[] {
  const points = [day.start];
  for (let t = Math.ceil((day.start + 1) / GRID_MINUTES) * GRID_MINUTES; t < day.end; t += GRID_MINUTES) points.push(t);
  points.push(day.end);
  return points;
}

/**
 * Which of `jobs` the staff member makes when each is started at the earliest moment after
 * the previous one, in order of latest start (then earliest start, then index); a job
 * that cannot start by its `hi`, or would leave a break no room, is left out. Breaks are
 * always made, each as late as the jobs need it (taken before a job only when the job
 * would otherwise push it past its latest start).
 */
export function sequence(day: StaffDay, jobs: readonly Job[]): boolean[] {
  const made = new Array<boolean>(jobs.length).fill(false);
  const order = jobs.map((_, i) => i).sort((i, j) => jobs[i].hi - jobs[j].hi || jobs[i].lo - jobs[j].lo || i - j);
  const breaks = [...day.breaks].sort((x, y) => x.hi - y.hi || x.lo - y.lo);
  let t = day.start;
  let taken = 0;
  /** When the breaks from `k` on end if taken one after another from `u`, or null when one misses its latest start. */
  const breaksFrom = (k: number, u: number): number | null => {
    for (; k < breaks.length; k++) {
      u = Math.max(u, breaks[k].lo);
      if (u > breaks[k].hi) return null;
      u += breaks[k].duration;
    }
    return u;
  };
  for (const i of order) {
    const job = jobs[i];
    // Take 0, 1, … of the remaining breaks first, until the job and the breaks after it fit.
    let u = t;
    for (let k = taken; k <= breaks.length; k++) {
      if (k > taken) {
        u = Math.max(u, breaks[k - 1].lo);
        if (u > breaks[k - 1].hi) break;
        u += breaks[k - 1].duration;
      }
      const start = Math.max(u, job.lo);
      if (start > job.hi || start + job.duration > day.end) continue;
      const end = breaksFrom(k, start + job.duration);
      if (end === null || end > day.end) continue;
      made[i] = true;
      t = start + job.duration;
      taken = k;
      break;
    }
  }
  return made;
}
