/**
 * The day as it now stands (FORMAT §7 rules 1–3): the day problem with the changes applied,
 * the published schedule's past frozen into locks, and every other published visit carrying
 * the staff and start it was given (`plannedStaff`, `plannedStart`) so that the objective
 * keeps the day steady. Also the warm start: the published routes, as far as they still
 * belong to the day.
 *
 * Where FORMAT leaves room, decided here (README "Re-planning the day"):
 * - A double-staffed visit of which only one stop is frozen (its partner was absent by then)
 *   stands as made by the one who went: `staffCount` 1 in the day as it now stands.
 * - A visit whose window ended before `now`, or whose locked start has passed, keeps its
 *   window and is left out with `window_passed`; nothing may be placed in the past.
 * - A staff member's break that has not started may start no earlier than `now`; one whose
 *   interval has passed untaken is no longer owed. A staff member with a break that started
 *   before `now` but no frozen stop keeps their shift start, as one with a frozen stop does;
 *   an absent one's shift holds a break begun before they left, as it holds a frozen stop.
 */
import type { Break, Changes, CheckedSchedule, DayProblem, Staff, Visit } from '../model/types.ts';
import { InputError, type InputProblem } from '../model/errors.ts';
import { compileDay } from '../compile/index.ts';
import { DEFAULT_TIMEZONE, PlanClock, TimeError } from '../time/index.ts';
import type { PlannedNode, PlannedRoute } from '../solver/index.ts';

/** What the new schedule is measured against: the published stops of one visit. */
export interface PublishedVisit {
  staff: string[];
  /** Start minute, and the start as the published schedule wrote it. */
  start: number;
  startText: string;
}

export interface DayNow {
  /** The day as it now stands, a valid `kontinuitet/day@1` (validated by the caller). */
  day: DayProblem;
  now: number;
  /** Frozen visits: the staff whose stops stand (one or two). */
  frozen: Map<string, string[]>;
  frozenStops: number;
  /** Visits left out because their time has passed, with the sentence why. */
  passed: Map<string, string>;
  /** Visits of the published schedule that were made (frozen or not). */
  published: Map<string, PublishedVisit>;
  /** Absent staff: from which minute. */
  absent: Map<string, { from: number }>;
  /** Visits a `visit_changed` changed. */
  changed: Set<string>;
  /** The published routes as a warm start, past and cancelled visits left out. */
  plan: PlannedRoute[];
  /**
   * Where each staff member and visit of `day` came from, for messages about the day: a JSON
   * path of the inputs (`fields`: `visit.field` set by a `visit_changed`, by that change's path).
   */
  origin: { staff: string[]; visits: string[]; visitIds: string[]; fields: Map<string, string> };
}

/** Names of the three inputs in messages (file names on the command line); empty: paths alone. */
export interface InputNames {
  problem: string;
  published: string;
  changes: string;
}

const CHANGEABLE = ['window', 'durationMinutes', 'staffCount', 'requires', 'roles', 'mandatory', 'lockedStaff', 'lockedStart', 'preferredStart', 'dueStart'] as const;

function at(file: string, path: string): string {
  return file ? `${file} ${path}` : path;
}

/** Clock text of a minute, for sentences: "10:15". */
function hhmm(clock: PlanClock, minute: number): string {
  return clock.iso(minute).slice(11, 16);
}

export function dayAsItNowStands(problem: DayProblem, published: CheckedSchedule, changes: Changes, names: InputNames = { problem: '', published: '', changes: '' }, nowText = changes.now): DayNow {
  const clock = new PlanClock(problem.date, problem.timezone ?? DEFAULT_TIMEZONE);
  const errors: InputProblem[] = [];
  const error = (file: string, path: string, message: string) => errors.push({ path: at(file, path), message, severity: 'error' });
  const read = (file: string, path: string, text: string): number | null => {
    try {
      return clock.minutes(text);
    } catch (err) {
      if (!(err instanceof TimeError)) throw err;
      error(file, path, `"${text}" cannot be used: ${err.message}`);
      return null;
    }
  };
  const now = read(names.changes, nowText === changes.now ? 'now' : '(--now)', nowText) ?? 0;

  // ── The published schedule, read once ──
  const stopsOf = new Map<string, { staff: string; start: number; startText: string; end: number }[]>();
  const publishedRoutes: { staff: string; nodes: { visit?: string; breakAt?: [number, number]; start: number }[] }[] = [];
  published.routes.forEach((route, r) => {
    const nodes: { visit?: string; breakAt?: [number, number]; start: number }[] = [];
    route.stops.forEach((stop, k) => {
      const start = read(names.published, `routes[${r}].stops[${k}].start`, stop.start);
      const end = read(names.published, `routes[${r}].stops[${k}].end`, stop.end);
      if (start === null || end === null) return;
      const list = stopsOf.get(stop.visit) ?? [];
      list.push({ staff: route.staff, start, startText: stop.start, end });
      stopsOf.set(stop.visit, list);
      nodes.push({ visit: stop.visit, start });
    });
    route.breaks.forEach((pause, k) => {
      const start = read(names.published, `routes[${r}].breaks[${k}].start`, pause.start);
      const end = read(names.published, `routes[${r}].breaks[${k}].end`, pause.end);
      if (start !== null && end !== null) nodes.push({ breakAt: [start, end], start });
    });
    nodes.sort((a, b) => a.start - b.start);
    publishedRoutes.push({ staff: route.staff, nodes });
  });

  // ── Absences first: they decide which past stops stand ──
  const absent = new Map<string, { from: number }>();
  const staffIds = new Set(problem.staff.map((s) => s.id));
  changes.changes.forEach((change, k) => {
    if (change.type === 'staff_added') staffIds.add(change.staff.id);
    if (change.type !== 'staff_absent') return;
    if (!staffIds.has(change.staff)) {
      error(names.changes, `changes[${k}].staff`, `"${change.staff}" is not a staff member of the day`);
      return;
    }
    const from = change.from === undefined ? now : read(names.changes, `changes[${k}].from`, change.from);
    if (from === null) return;
    const before = absent.get(change.staff);
    if (!before || from < before.from) absent.set(change.staff, { from });
  });
  const absentBy = (staff: string, minute: number) => {
    const a = absent.get(staff);
    return a !== undefined && a.from <= minute;
  };

  // ── Frozen stops (rule 1) ──
  const frozen = new Map<string, string[]>();
  let frozenStops = 0;
  const publishedVisits = new Map<string, PublishedVisit>();
  for (const [visit, stops] of stopsOf) {
    publishedVisits.set(visit, { staff: stops.map((s) => s.staff), start: stops[0].start, startText: stops[0].startText });
    const standing = stops.filter((s) => s.start < now && !absentBy(s.staff, s.start));
    if (standing.length === 0) continue;
    frozen.set(visit, standing.map((s) => s.staff));
    frozenStops += standing.length;
  }
  const lastFrozenEnd = new Map<string, { end: number; visit: string }>();
  for (const [visit, staff] of frozen) {
    for (const stop of stopsOf.get(visit)!) {
      if (!staff.includes(stop.staff)) continue;
      const last = lastFrozenEnd.get(stop.staff);
      if (!last || stop.end > last.end) lastFrozenEnd.set(stop.staff, { end: stop.end, visit });
    }
  }

  // ── The changes, in order (rule 2) ──
  const staff: Staff[] = problem.staff.map((s) => ({ ...s }));
  const staffOrigin = problem.staff.map((_, i) => at(names.problem, `staff[${i}]`));
  let visits: Visit[] = problem.visits.map((v) => ({ ...v }));
  let origins = problem.visits.map((_, i) => at(names.problem, `visits[${i}]`));
  const visitIndex = () => new Map(visits.map((v, i) => [v.id, i]));
  let index = visitIndex();
  const cancelled = new Set<string>();
  const changed = new Set<string>();
  /** `visit.field` → the change that set it. */
  const fieldOrigins = new Map<string, string>();
  /** The index of a visit a change names, or undefined after saying it is none of the day's. */
  const visitAt = (k: number, id: string): number | undefined => {
    const i = index.get(id);
    if (i === undefined) error(names.changes, `changes[${k}].visit`, `"${id}" is not a visit of the day${cancelled.has(id) ? ' (an earlier change cancelled it)' : ''}`);
    return i;
  };
  const untouchable = (k: number, id: string, what: string): boolean => {
    const f = frozen.get(id);
    if (!f) return false;
    const start = publishedVisits.get(id)!.start;
    error(names.changes, `changes[${k}].visit`, `"${id}" began at ${hhmm(clock, start)}, before now (${hhmm(clock, now)}): its stop is frozen, so it cannot be ${what}`);
    return true;
  };
  changes.changes.forEach((change, k) => {
    switch (change.type) {
      case 'staff_absent':
        return;
      case 'staff_added':
        if (problem.staff.some((s) => s.id === change.staff.id) || staff.slice(problem.staff.length).some((s) => s.id === change.staff.id)) {
          error(names.changes, `changes[${k}].staff.id`, `"${change.staff.id}" is already a staff member of the day`);
          return;
        }
        staff.push({ ...change.staff });
        staffOrigin.push(`${at(names.changes, `changes[${k}].staff`)}`);
        return;
      case 'visit_added':
        if (index.has(change.visit.id) || cancelled.has(change.visit.id)) {
          error(names.changes, `changes[${k}].visit.id`, `"${change.visit.id}" is already a visit of the day`);
          return;
        }
        visits.push({ ...change.visit });
        origins.push(at(names.changes, `changes[${k}].visit`));
        index = visitIndex();
        return;
      case 'visit_cancelled': {
        const i = visitAt(k, change.visit);
        if (i === undefined || untouchable(k, change.visit, 'cancelled')) return;
        cancelled.add(change.visit);
        visits = visits.filter((_, j) => j !== i);
        origins = origins.filter((_, j) => j !== i);
        index = visitIndex();
        return;
      }
      case 'visit_changed': {
        const i = visitAt(k, change.visit);
        if (i === undefined || untouchable(k, change.visit, 'changed')) return;
        const next: Record<string, unknown> = { ...visits[i] };
        for (const key of CHANGEABLE) {
          if (!(key in change)) continue;
          if (change[key] === null) delete next[key];
          else next[key] = change[key];
        }
        visits[i] = next as Visit;
        for (const key of CHANGEABLE) if (key in change) fieldOrigins.set(`${change.visit}.${key}`, at(names.changes, `changes[${k}].${key}`));
        changed.add(change.visit);
        return;
      }
    }
  });
  if (errors.length > 0) throw new InputError(errors, 'invalid changes');

  // ── Staff as they now stand ──
  // The walk home from an absent staff member's last frozen stop, as the solver's travel model
  // prices it: compiled for that staff member and that visit alone, not the whole district.
  const legHome = (staffId: string, visitId: string): number => {
    const visit = problem.visits.find((v) => v.id === visitId)!;
    const inst = compileDay({
      ...problem,
      staff: problem.staff.filter((s) => s.id === staffId),
      recipients: problem.recipients.filter((r) => r.id === visit.recipient),
      visits: [{ ...visit, dependsOn: undefined }],
    });
    return inst.staffTravel[0][inst.visitPlace[0] * inst.placeCount + inst.endPlace[0]];
  };
  const publishedBreaks = new Map(publishedRoutes.map((r) => [r.staff, r.nodes.filter((n) => n.breakAt).map((n) => n.breakAt!)]));
  /** Per staff member: the day-now index of each published break still owed, by its start minute. */
  const breakAt = new Map<string, Map<number, number>>();
  const dayStaff = staff.map((person) => {
    const shiftStart = clock.minutes(person.shift.start);
    const shiftEnd = clock.minutes(person.shift.end);
    const away = absent.get(person.id);
    const taken = publishedBreaks.get(person.id) ?? [];
    const used = new Set<number>();
    // Each published break belongs to the first break of the staff member whose interval holds it.
    const takenAt = (person.breaks ?? []).map((b) => {
      const lo = clock.minutes(b.earliest);
      const hi = clock.minutes(b.latest);
      const k = taken.findIndex(([s, e], j) => !used.has(j) && s >= lo - 1e-9 && e <= hi + 1e-9 && e - s >= b.minutes - 1e-9);
      if (k < 0) return null;
      used.add(k);
      return taken[k];
    });
    const started = (t: [number, number] | null) => t !== null && t[0] < now && !(away && away.from <= t[0]);
    const hasFrozen = lastFrozenEnd.has(person.id);
    const atWork = hasFrozen || takenAt.some(started);
    const start = atWork ? shiftStart : Math.max(shiftStart, now);
    let end = shiftEnd;
    if (away) {
      // The work that stands (frozen stops, a break begun) ends the day, then the way home.
      const last = lastFrozenEnd.get(person.id);
      const breakEnd = Math.max(Number.NEGATIVE_INFINITY, ...takenAt.filter(started).map((t) => t![1]));
      const done = Math.max(last?.end ?? Number.NEGATIVE_INFINITY, breakEnd);
      end = Math.min(shiftEnd, Math.max(away.from, done + (last ? legHome(person.id, last.visit) : 0)));
    }
    end = Math.max(end, start);
    const kept: Break[] = [];
    const planned = new Map<number, number>();
    (person.breaks ?? []).forEach((b, i) => {
      const t = takenAt[i];
      if (started(t)) {
        planned.set(t![0], kept.length);
        kept.push({ earliest: clock.iso(t![0]), latest: clock.iso(t![1]), minutes: b.minutes });
        return;
      }
      const earliest = Math.max(clock.minutes(b.earliest), now, start);
      const latest = Math.min(clock.minutes(b.latest), end);
      if (away || earliest + b.minutes > latest + 1e-9) return;
      if (t !== null) planned.set(t[0], kept.length);
      kept.push({ ...b, earliest: earliest === clock.minutes(b.earliest) ? b.earliest : clock.iso(earliest) });
    });
    breakAt.set(person.id, planned);
    const next: Staff = { ...person, shift: { start: start === shiftStart ? person.shift.start : clock.iso(start), end: end === shiftEnd ? person.shift.end : clock.iso(end) } };
    if (kept.length > 0) next.breaks = kept;
    else delete next.breaks;
    return next;
  });

  // ── Visits as they now stand ──
  const passed = new Map<string, string>();
  const dayVisits = visits.map((visit) => {
    const next: Visit = { ...visit };
    if (visit.dependsOn) {
      const kept = visit.dependsOn.filter((d) => !cancelled.has(d.visit));
      if (kept.length > 0) next.dependsOn = kept;
      else delete next.dependsOn;
    }
    const standing = frozen.get(visit.id);
    const was = publishedVisits.get(visit.id);
    if (standing) {
      next.lockedStaff = standing;
      next.lockedStart = was!.startText;
      if ((visit.staffCount ?? 1) > standing.length) next.staffCount = standing.length as 1 | 2;
      delete next.plannedStaff;
      delete next.plannedStart;
      return next;
    }
    if (was) {
      next.plannedStaff = was.staff;
      next.plannedStart = was.startText;
    }
    const windowEnd = clock.minutes(visit.window.end);
    const locked = visit.lockedStart === undefined ? null : clock.minutes(visit.lockedStart);
    if (windowEnd < now || (locked !== null && locked < now)) {
      passed.set(
        visit.id,
        locked !== null && locked < now
          ? `its locked start ${hhmm(clock, locked)} was before now (${hhmm(clock, now)})`
          : `its window ended at ${hhmm(clock, windowEnd)}, before now (${hhmm(clock, now)})`,
      );
      return next;
    }
    if (clock.minutes(visit.window.start) < now) next.window = { start: clock.iso(now), end: visit.window.end };
    return next;
  });

  // ── The warm start: published routes, as far as they still belong to the day ──
  const inDay = new Set(dayVisits.map((v) => v.id));
  const plan: PlannedRoute[] = [];
  for (const route of publishedRoutes) {
    const breaks = breakAt.get(route.staff);
    if (!breaks) continue;
    const nodes: PlannedNode[] = [];
    for (const node of route.nodes) {
      if (node.visit !== undefined) {
        const standing = frozen.get(node.visit);
        const keep = standing ? standing.includes(route.staff) : inDay.has(node.visit) && !passed.has(node.visit) && !absentBy(route.staff, node.start);
        if (keep) nodes.push({ visit: node.visit, start: node.start });
        continue;
      }
      const k = breaks.get(node.start);
      if (k !== undefined) nodes.push({ break: k, start: node.start });
    }
    plan.push({ staff: route.staff, nodes });
  }

  const day: DayProblem = { ...problem, staff: dayStaff, visits: dayVisits };
  return { day, now, frozen, frozenStops, passed, published: publishedVisits, absent, changed, plan, origin: { staff: staffOrigin, visits: origins, visitIds: dayVisits.map((v) => v.id), fields: fieldOrigins } };
}
