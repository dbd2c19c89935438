/**
 * Re-planning after a sick call (issue 12), on the bundled full team day: the published
 * schedule is a seeded solve of the day; at 07:10, 10:00 and 13:00 the assistant nurse with
 * the most visits still ahead calls in sick. For each, the warm-started re-plan's first
 * answer and its answer after 1 s, 3 s and the long budget, against a cold re-solve of the
 * same day as it now stands (same frozen part, no warm start, no stability weights) with
 * the 3-s budget, each over three seeds (a single run's counts swing with the seed). Every
 * schedule is held to the checker and its frozen stops compared.
 */
import type { Changes, DayProblem, Schedule } from '../src/model/types.ts';
import { solveDay } from '../src/solver/index.ts';
import { newFaces, replanDay } from '../src/replan/index.ts';
import { checkSchedule } from '../src/check/index.ts';
import { PlanClock } from '../src/time/index.ts';

export interface ReplanRun {
  seconds: number;
  wallMs: number;
  objective: number;
  unassignedMandatory: number;
  changedStaffVisits: number;
  movedVisits: number;
  movedMinutes: number;
  /**
   * Visits of the published plan, not frozen, now made by other staff, moved by more than
   * `MOVE_TOLERANCE_MINUTES`, or not made at all: what a recipient notices.
   */
  changedVisits: number;
  /** Recipient–staff pairs of the new schedule the recipient does not know (`newFaces`). */
  newFaces: number;
  contactShare: number | null;
  frozenStops: number;
  violations: number;
  frozenKept: boolean;
}

export interface ReplanScenario {
  now: string;
  sick: string;
  freedVisits: number;
  frozenStops: number;
  first: ReplanRun;
  /** The warm re-plan after 1 s, 3 s and the long budget (seed 1). */
  warm: ReplanRun[];
  /** Warm and cold with 3 s each, for every seed of `SEEDS`. */
  warmSeeds: ReplanRun[];
  coldSeeds: ReplanRun[];
  /** Cold changed visits ÷ warm changed visits (staff, start or left out), 3 s each, over the seeds. */
  changedRatio: number;
  /** (warm at 3 s − warm at the long budget) ÷ warm at the long budget. */
  gap3sToLong: number;
}


/** A quarter of an hour either way is what a recipient is told to expect of a visit's time. */
export const MOVE_TOLERANCE_MINUTES = 15;

function changedVisits(published: Schedule, schedule: Schedule, now: string): number {
  const made = (s: Schedule) => {
    const out = new Map<string, { staff: string[]; start: number }>();
    for (const r of s.routes) for (const stop of r.stops) {
      const entry = out.get(stop.visit);
      if (entry) entry.staff.push(r.staff);
      else out.set(stop.visit, { staff: [r.staff], start: Date.parse(stop.start) });
    }
    return out;
  };
  const before = made(published);
  const after = made(schedule);
  let changed = 0;
  for (const [visit, was] of before) {
    const is = after.get(visit);
    if (is && was.start < Date.parse(now) && is.start === was.start && is.staff.join() === was.staff.join()) continue;
    const moved = is ? Math.abs(is.start - was.start) / 60_000 : 0;
    if (!is || moved > MOVE_TOLERANCE_MINUTES || [...is.staff].sort().join() !== [...was.staff].sort().join()) changed++;
  }
  return changed;
}

function frozenStops(published: Schedule, schedule: Schedule, now: string, sick: string): boolean {
  const after = new Map(schedule.routes.flatMap((r) => r.stops.map((s) => [`${r.staff} ${s.visit}`, JSON.stringify(s)])));
  return published.routes.every((r) => r.staff === sick || r.stops.every((s) => Date.parse(s.start) >= Date.parse(now) || after.get(`${r.staff} ${s.visit}`) === JSON.stringify(s)));
}

/** A single run's counts swing with the seed; the comparison of warm and cold is over these. */
export const SEEDS = [1, 2, 3];

function run(problem: DayProblem, published: Schedule, changes: Changes, seconds: number, warm: boolean, sick: string, seed = 1): ReplanRun {
  const t0 = performance.now();
  const { schedule, day } = replanDay(problem, published, changes, { timeLimitMs: seconds * 1000, seed, warmStart: warm });
  const wallMs = performance.now() - t0;
  const check = checkSchedule(day, schedule);
  return {
    seconds,
    wallMs,
    // Cold runs price without the stability weights; both are reported on the warm objective's terms by the counts.
    objective: schedule.solver?.objective ?? Number.NaN,
    unassignedMandatory: schedule.metrics.unassignedMandatory,
    changedStaffVisits: schedule.replan.changedStaffVisits,
    movedVisits: schedule.replan.movedVisits,
    movedMinutes: schedule.replan.movedMinutes,
    changedVisits: changedVisits(published, schedule, schedule.replan.now),
    newFaces: newFaces(day, schedule).reduce((n, face) => n + face.staff.length, 0),
    contactShare: schedule.metrics.contactShare,
    frozenStops: schedule.replan.frozenStops,
    violations: check.violations.length,
    frozenKept: frozenStops(published, schedule, schedule.replan.now, sick),
  };
}

export function replanBenchmark(problem: DayProblem, quick: boolean): { publishedIterations: number; scenarios: ReplanScenario[] } {
  const publishedIterations = quick ? 5_000 : 20_000;
  const published = solveDay(problem, { iterations: publishedIterations, seed: 1, timeLimitMs: 1e9 });
  const clock = new PlanClock(problem.date, problem.timezone);
  const nurses = new Set(problem.staff.filter((s) => s.role === 'assistant_nurse').map((s) => s.id));
  const long = quick ? 10 : 30;
  return {
    publishedIterations,
    scenarios: ['07:10', '10:00', '13:00'].map((now) => {
      const at = clock.minutes(now);
      // Who calls in sick at `now` is someone working then: most visits in the next four hours.
      const ahead = (staff: string, until = Number.POSITIVE_INFINITY) =>
        published.routes.find((r) => r.staff === staff)!.stops.filter((s) => clock.minutes(s.start) >= at && clock.minutes(s.start) < until).length;
      const sick = published.routes
        .map((r) => r.staff)
        .filter((s) => nurses.has(s))
        .sort((a, b) => ahead(b, at + 240) - ahead(a, at + 240) || (a < b ? -1 : 1))[0];
      const changes: Changes = { format: 'kontinuitet/changes@1', now, changes: [{ type: 'staff_absent', staff: sick }] };
      const first = run(problem, published, changes, 0, true, sick);
      const warm = [1, 3, long].map((seconds) => run(problem, published, changes, seconds, true, sick));
      const warmSeeds = SEEDS.map((seed) => (seed === 1 ? warm[1] : run(problem, published, changes, 3, true, sick, seed)));
      const coldSeeds = SEEDS.map((seed) => run(problem, published, changes, 3, false, sick, seed));
      const total = (runs: ReplanRun[]) => runs.reduce((n, r) => n + r.changedVisits, 0);
      return {
        now,
        sick,
        freedVisits: ahead(sick),
        frozenStops: first.frozenStops,
        first,
        warm,
        warmSeeds,
        coldSeeds,
        changedRatio: total(coldSeeds) / Math.max(1, total(warmSeeds)),
        gap3sToLong: (warm[1].objective - warm[2].objective) / warm[2].objective,
      };
    }),
  };
}
