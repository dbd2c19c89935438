/**
 * Who does what and when: ids, every visit placed exactly once somewhere, staffing,
 * eligibility and locks, windows and durations, dependencies, unassigned reasons
 * (FORMAT §1, §2, §6.1, §6.2, §6.9).
 */
import { UNASSIGNED_REASONS } from '../model/schemas.ts';
import type { CheckedSchedule, Visit } from '../model/types.ts';
import type { DayIndex, RouteTimes } from '../metrics/index.ts';
import { ineligibility } from '../rules/eligibility.ts';
import { minutesText, TIME_TOLERANCE, type Violations } from './violations.ts';

/** One stop that holds a known visit. */
interface Placement {
  staff: string;
  path: string;
  start: number;
  end: number;
}

export function checkAssignment(day: DayIndex, schedule: CheckedSchedule, times: readonly RouteTimes[], out: Violations): void {
  const placements = placeVisits(day, schedule, times, out);
  const unassigned = checkUnassignedList(day, schedule, out);
  for (const visit of day.problem.visits) {
    if (day.visits.get(visit.id) !== visit) continue;
    const placed = placements.get(visit.id) ?? [];
    const listed = unassigned.has(visit.id);
    if (placed.length > 0 && listed) {
      out.add('assigned_and_unassigned', `unassigned[${unassigned.get(visit.id)}]`, `visit ${visit.id} is both in a route and listed as unassigned`, [visit.id]);
    }
    if (placed.length === 0 && !listed) {
      out.add('visit_missing', undefined, `visit ${visit.id} is neither in a route nor listed as unassigned`, [visit.id]);
    }
    if (placed.length > 0) checkStaffing(day, visit, placed, out);
  }
  checkDependencies(day, placements, out);
}

/** Checks every stop against its route and visit; returns the stops of each known visit. */
function placeVisits(day: DayIndex, schedule: CheckedSchedule, times: readonly RouteTimes[], out: Violations): Map<string, Placement[]> {
  const placements = new Map<string, Placement[]>();
  const routeOf = new Map<string, number>();
  schedule.routes.forEach((route, r) => {
    const staff = day.staff.get(route.staff);
    if (!staff) {
      out.add('unknown_staff', `routes[${r}].staff`, `route ${r} belongs to ${route.staff}, who is not on today's staff list`, [route.staff]);
    } else if (routeOf.has(route.staff)) {
      out.add('duplicate_route', `routes[${r}].staff`, `${route.staff} has a second route (the first is routes[${routeOf.get(route.staff)}])`, [route.staff]);
    } else {
      routeOf.set(route.staff, r);
    }
    const inRoute = new Set<string>();
    route.stops.forEach((stop, i) => {
      const path = `routes[${r}].stops[${i}]`;
      const visit = day.visits.get(stop.visit);
      if (!visit) {
        out.add('unknown_visit', `${path}.visit`, `stop ${i} of ${route.staff}'s route names visit ${stop.visit}, which the problem does not have`, [stop.visit]);
        return;
      }
      if (inRoute.has(visit.id)) {
        out.add('visit_repeated_in_route', `${path}.visit`, `visit ${visit.id} stands twice in ${route.staff}'s route`, [visit.id, route.staff]);
        return;
      }
      inRoute.add(visit.id);
      if (stop.recipient !== visit.recipient) {
        out.add('wrong_recipient', `${path}.recipient`, `visit ${visit.id} is for ${visit.recipient}, but the stop names ${stop.recipient}`, [visit.id, visit.recipient, stop.recipient]);
      }
      const { start, end } = times[r].stops[i];
      const placement = { staff: route.staff, path, start, end };
      placements.set(visit.id, [...(placements.get(visit.id) ?? []), placement]);
      checkStop(day, visit, placement, out);
      if (staff) checkEligibility(day, visit, staff.id, path, out);
    });
  });
  return placements;
}

/** The visit's window, lockedStart and duration as held by one stop. */
function checkStop(day: DayIndex, visit: Visit, at: Placement, out: Violations): void {
  const times = day.visitTimes.get(visit.id);
  if (!times) return;
  if (at.start < times.windowStart - TIME_TOLERANCE || at.start > times.windowEnd + TIME_TOLERANCE) {
    out.add(
      'outside_window',
      `${at.path}.start`,
      `${at.staff} starts visit ${visit.id} at ${out.at(at.start)}, outside its window ${out.at(times.windowStart)}–${out.at(times.windowEnd)}`,
      [visit.id, at.staff],
    );
  }
  if (times.lockedStart !== null && Math.abs(at.start - times.lockedStart) > TIME_TOLERANCE) {
    out.add('locked_start', `${at.path}.start`, `visit ${visit.id} is locked to start at ${out.at(times.lockedStart)} but starts at ${out.at(at.start)}`, [visit.id, at.staff]);
  }
  if (Math.abs(at.end - at.start - visit.durationMinutes) > TIME_TOLERANCE) {
    out.add('wrong_duration', `${at.path}.end`, `visit ${visit.id} lasts ${minutesText(at.end - at.start)} in ${at.staff}'s route, not ${visit.durationMinutes} min`, [visit.id, at.staff]);
  }
}

/** §6.1, with the lock judged per §6.2 (a lock naming fewer than staffCount people leaves the other seats open). */
function checkEligibility(day: DayIndex, visit: Visit, staffId: string, path: string, out: Violations): void {
  const staff = day.staff.get(staffId);
  const recipient = day.recipients.get(visit.recipient);
  if (!staff || !recipient) return;
  const lock = visit.lockedStaff;
  if (lock && lock.length >= day.staffCount(visit) && !lock.includes(staffId)) {
    out.add('ineligible_not_locked', `${path}.visit`, `${staffId} is sent to visit ${visit.id}, which is locked to ${lock.join(', ')}`, [visit.id, staffId]);
  }
  const why = ineligibility(staff, { ...visit, lockedStaff: undefined }, recipient);
  if (why) out.add(`ineligible_${why.rule}`, `${path}.visit`, `${staffId} is not eligible for visit ${visit.id}: ${why.message}`, [visit.id, staffId, recipient.id]);
}

/** Staff count, a common start, and a lock naming fewer people than the visit needs. */
function checkStaffing(day: DayIndex, visit: Visit, placed: Placement[], out: Violations): void {
  const needed = day.staffCount(visit);
  const staff = [...new Set(placed.map((p) => p.staff))];
  if (placed.length > needed) {
    out.add('too_many_staff', placed[needed].path, `visit ${visit.id} needs ${needed} staff but stands in ${placed.length} routes`, [visit.id, ...staff]);
  } else if (staff.length < needed) {
    out.add('too_few_staff', placed[0].path, `visit ${visit.id} needs ${needed} staff but only ${staff.join(', ')} ${staff.length === 1 ? 'is' : 'are'} sent`, [visit.id, ...staff]);
  }
  const first = placed[0];
  for (const other of placed.slice(1)) {
    if (Math.abs(other.start - first.start) > TIME_TOLERANCE) {
      out.add(
        'start_mismatch',
        `${other.path}.start`,
        `the staff of visit ${visit.id} must start together, but ${first.staff} starts at ${out.at(first.start)} and ${other.staff} at ${out.at(other.start)}`,
        [visit.id, first.staff, other.staff],
      );
    }
  }
  const lock = visit.lockedStaff;
  if (lock && lock.length < needed) {
    for (const missing of lock.filter((s) => !staff.includes(s))) {
      out.add('locked_staff_missing', first.path, `visit ${visit.id} is locked to ${missing}, who is not among the staff sent`, [visit.id, missing]);
    }
  }
}

/** §6.9: start(this) − start(other) lies in [min, max]; not checked when the other visit is unassigned. */
function checkDependencies(day: DayIndex, placements: Map<string, Placement[]>, out: Violations): void {
  for (const visit of day.visits.values()) {
    const here = placements.get(visit.id)?.[0];
    if (!here) continue;
    for (const dep of visit.dependsOn ?? []) {
      const there = placements.get(dep.visit)?.[0];
      if (!there) continue;
      const gap = here.start - there.start;
      const min = dep.minGapMinutes ?? 0;
      const max = dep.maxGapMinutes ?? Number.POSITIVE_INFINITY;
      if (gap < min - TIME_TOLERANCE || gap > max + TIME_TOLERANCE) {
        const range = Number.isFinite(max) ? `${min}–${max} min` : `at least ${min} min`;
        out.add(
          'dependency_gap',
          `${here.path}.start`,
          `visit ${visit.id} starts ${minutesText(gap)} after visit ${dep.visit} (${out.at(here.start)} vs ${out.at(there.start)}); it must be ${range}`,
          [visit.id, dep.visit],
        );
      }
    }
  }
}

/** Returns the index in `unassigned` of each known visit listed there. */
function checkUnassignedList(day: DayIndex, schedule: CheckedSchedule, out: Violations): Map<string, number> {
  const listed = new Map<string, number>();
  (schedule.unassigned ?? []).forEach((entry, u) => {
    const path = `unassigned[${u}]`;
    if (!(UNASSIGNED_REASONS as readonly string[]).includes(entry.reason)) {
      out.add('bad_unassigned_reason', `${path}.reason`, `${JSON.stringify(entry.reason)} is not one of ${UNASSIGNED_REASONS.join(', ')}`, [entry.visit]);
    }
    if (!day.visits.has(entry.visit)) {
      out.add('unknown_visit', `${path}.visit`, `unassigned visit ${entry.visit} is not in the problem`, [entry.visit]);
    } else if (listed.has(entry.visit)) {
      out.add('unassigned_twice', `${path}.visit`, `visit ${entry.visit} is listed as unassigned twice (also unassigned[${listed.get(entry.visit)}])`, [entry.visit]);
    } else {
      listed.set(entry.visit, u);
    }
  });
  return listed;
}
