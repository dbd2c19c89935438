/**
 * A day schedule prepared for drawing: per staff member the marks of the Gantt row (travel,
 * service, wait, breaks) in minutes of the plan day, per stop who made it (the recipient's
 * contact, a deputy, someone else) and why, and the map's points. Pure: the problem and
 * the schedule in, plain data out; the metrics are recomputed from the problem, as the
 * checker does, rather than read from the schedule.
 */
import { computeMetrics } from '../../metrics/index.ts';
import type { DayProblem, Explanation, Metrics, Point, Role, Schedule, Unassigned, VisitType } from '../../model/types.ts';
import { EXPLANATION_REASONS, UNASSIGNED_REASONS } from '../../model/schemas.ts';
import { DEFAULT_TIMEZONE, PlanClock } from '../../time/index.ts';
import type { ExplanationReason, WhoCame } from '../i18n.ts';
import { staffColours } from './palette.ts';

export interface Span {
  start: number;
  end: number;
}

export interface StopMark extends Span {
  /** Index into `DayModel.stops`. */
  stop: number;
}

export interface StaffRow {
  staff: string;
  name: string;
  team: string;
  role: Role;
  colour: string;
  /** Leaving the start point and reaching the end point, minutes of the plan day. */
  start: number;
  end: number;
  shift: Span;
  travel: Span[];
  waits: Span[];
  breaks: Span[];
  stops: StopMark[];
  travelMinutes: number;
  serviceMinutes: number;
  waitMinutes: number;
}

export interface StopRow extends Span {
  staff: string;
  visit: string;
  recipient: string;
  recipientName: string;
  type: VisitType;
  /** ISO times as the schedule gives them (with the zone's offset). */
  startIso: string;
  endIso: string;
  who: WhoCame;
  /** The others sent to a double-staffed visit. */
  with: string[];
  double: boolean;
  locked: boolean;
  explanation: Explanation | null;
}

export interface MapRoute {
  staff: string;
  colour: string;
  points: Point[];
}

export interface MapHome {
  recipient: string;
  point: Point;
  staff: string[];
}

export interface DayMap {
  areas: { team: string; name: string; area: NonNullable<DayProblem['teams'][number]['area']> }[];
  offices: { team: string; name: string; point: Point }[];
  homes: MapHome[];
  routes: MapRoute[];
}

export interface ReasonCount<R extends string> {
  reason: R;
  count: number;
}

export interface DayModel {
  date: string;
  timezone: string;
  teams: { id: string; name: string }[];
  rows: StaffRow[];
  stops: StopRow[];
  /** The Gantt's time axis: whole hours around every route and shift shown, and the local hour at each tick. */
  axis: { start: number; end: number; ticks: { minute: number; label: string }[] };
  metrics: Metrics;
  contactCeiling: number | null;
  unassigned: (Unassigned & { recipient: string; recipientName: string; mandatory: boolean })[];
  unassignedByReason: ReasonCount<Unassigned['reason']>[];
  notContactByReason: ReasonCount<ExplanationReason>[];
  map: DayMap;
}

/** Who made a visit: the recipient's contact among those sent, else a deputy, else someone else. */
export function whoCame(sent: readonly string[], contact: string | null | undefined, deputies: readonly string[] = []): WhoCame {
  if (contact === null || contact === undefined) return 'none';
  if (sent.includes(contact)) return 'contact';
  if (sent.some((s) => deputies.includes(s))) return 'deputy';
  return 'other';
}

/** The parts of [from, to] that none of `busy` covers, shorter slivers than a minute left out. */
export function gaps(from: number, to: number, busy: readonly Span[]): Span[] {
  const sorted = [...busy].filter((b) => b.end > from && b.start < to).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = from;
  for (const b of sorted) {
    if (b.start - at >= 1) out.push({ start: at, end: b.start });
    at = Math.max(at, b.end);
  }
  if (to - at >= 1) out.push({ start: at, end: to });
  return out;
}

export function countBy<R extends string>(items: readonly R[], order: readonly R[]): ReasonCount<R>[] {
  const counts = new Map<R, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return order.filter((r) => counts.has(r)).map((reason) => ({ reason, count: counts.get(reason)! })).sort((a, b) => b.count - a.count);
}

/**
 * The schedule's routes read against the problem; the schedule is assumed to belong to it
 * (`scheduleMismatches`). Only what is drawn is read, so a published schedule as `check` and
 * `replan` take it does as well.
 */
export function prepareDay(problem: DayProblem, schedule: Pick<Schedule, 'routes' | 'unassigned' | 'explanations' | 'solver'>): DayModel {
  const clock = new PlanClock(problem.date, problem.timezone ?? DEFAULT_TIMEZONE);
  const minute = (iso: string) => clock.minutes(iso);
  const staffById = new Map(problem.staff.map((s) => [s.id, s]));
  const teamById = new Map(problem.teams.map((t) => [t.id, t]));
  const recipientById = new Map(problem.recipients.map((r) => [r.id, r]));
  const visitById = new Map(problem.visits.map((v) => [v.id, v]));
  const explanationOf = new Map((schedule.explanations ?? []).map((e) => [e.visit, e]));
  const sentTo = new Map<string, string[]>();
  for (const route of schedule.routes) for (const stop of route.stops) sentTo.set(stop.visit, [...(sentTo.get(stop.visit) ?? []), route.staff]);

  const order = new Map(problem.staff.map((s, i) => [s.id, i]));
  const routes = [...schedule.routes].sort((a, b) => {
    const sa = staffById.get(a.staff)!;
    const sb = staffById.get(b.staff)!;
    return sa.team === sb.team ? order.get(a.staff)! - order.get(b.staff)! : sa.team < sb.team ? -1 : 1;
  });
  const colours = staffColours(routes.map((r) => ({ staff: r.staff, team: staffById.get(r.staff)!.team })));

  const stops: StopRow[] = [];
  const rows: StaffRow[] = routes.map((route) => {
    const person = staffById.get(route.staff)!;
    const breaks = route.breaks.map((b) => ({ start: minute(b.start), end: minute(b.end) }));
    const marks: StopMark[] = [];
    const travel: Span[] = [];
    for (const stop of route.stops) {
      const visit = visitById.get(stop.visit)!;
      const recipient = recipientById.get(stop.recipient);
      const sent = sentTo.get(stop.visit) ?? [route.staff];
      const who = whoCame(sent, recipient?.contact, recipient?.deputies);
      const arrival = minute(stop.arrival);
      if (stop.travelMinutes > 0) travel.push({ start: arrival - stop.travelMinutes, end: arrival });
      const row: StopRow = {
        staff: route.staff,
        visit: stop.visit,
        recipient: stop.recipient,
        recipientName: recipient?.name ?? stop.recipient,
        type: visit.type ?? 'personal_care',
        start: minute(stop.start),
        end: minute(stop.end),
        startIso: stop.start,
        endIso: stop.end,
        who,
        with: sent.filter((s) => s !== route.staff),
        double: (visit.staffCount ?? 1) > 1,
        locked: visit.lockedStaff !== undefined || visit.lockedStart !== undefined,
        explanation: who === 'contact' ? null : (explanationOf.get(stop.visit) ?? null),
      };
      marks.push({ stop: stops.length, start: row.start, end: row.end });
      stops.push(row);
    }
    const start = minute(route.start);
    const end = minute(route.end);
    const legHome = route.travelMinutes - route.stops.reduce((n, s) => n + s.travelMinutes, 0);
    if (route.stops.length > 0 && legHome > 0) travel.push({ start: end - legHome, end });
    const shift = { start: minute(person.shift.start), end: minute(person.shift.end) };
    return {
      staff: route.staff,
      name: person.name ?? route.staff,
      team: person.team,
      role: person.role,
      colour: colours.get(route.staff)!,
      start,
      end,
      shift,
      travel,
      waits: route.stops.length === 0 ? [] : gaps(start, end, [...marks, ...travel, ...breaks]),
      breaks,
      stops: marks,
      travelMinutes: route.travelMinutes,
      serviceMinutes: route.serviceMinutes,
      waitMinutes: route.waitMinutes,
    };
  });

  const unassigned = schedule.unassigned.map((u) => {
    const visit = visitById.get(u.visit)!;
    return {
      ...u,
      recipient: visit.recipient,
      recipientName: recipientById.get(visit.recipient)?.name ?? visit.recipient,
      mandatory: visit.mandatory ?? true,
    };
  });

  const homes = new Map<string, MapHome>();
  const mapRoutes: MapRoute[] = [];
  for (const route of routes) {
    if (route.stops.length === 0) continue;
    const person = staffById.get(route.staff)!;
    const office = teamById.get(person.team)!.office;
    const from = person.start ?? office;
    const points = [from, ...route.stops.map((s) => recipientById.get(s.recipient)!.location), person.end ?? from];
    mapRoutes.push({ staff: route.staff, colour: colours.get(route.staff)!, points });
    for (const stop of route.stops) {
      const home = homes.get(stop.recipient) ?? { recipient: stop.recipient, point: recipientById.get(stop.recipient)!.location, staff: [] };
      if (!home.staff.includes(route.staff)) home.staff.push(route.staff);
      homes.set(stop.recipient, home);
    }
  }
  for (const u of unassigned) {
    if (!homes.has(u.recipient)) homes.set(u.recipient, { recipient: u.recipient, point: recipientById.get(u.recipient)!.location, staff: [] });
  }

  return {
    date: problem.date,
    timezone: clock.timezone,
    teams: problem.teams.map((t) => ({ id: t.id, name: t.name ?? t.id })),
    rows,
    stops,
    axis: axisOf(clock, rows),
    metrics: computeMetrics(problem, schedule),
    contactCeiling: schedule.solver?.contactCeiling ?? null,
    unassigned,
    unassignedByReason: countBy(
      unassigned.map((u) => u.reason),
      UNASSIGNED_REASONS,
    ),
    notContactByReason: countBy(
      [...new Map(stops.filter((s) => s.explanation).map((s) => [s.visit, s.explanation!.reason])).values()],
      EXPLANATION_REASONS,
    ),
    map: {
      areas: problem.teams.flatMap((t) => (t.area ? [{ team: t.id, name: t.name ?? t.id, area: t.area }] : [])),
      offices: problem.teams.map((t) => ({ team: t.id, name: t.name ?? t.id, point: t.office })),
      homes: [...homes.values()],
      routes: mapRoutes,
    },
  };
}

/** Whole local hours from the earliest route or shift start to the latest end; labels are wall-clock hours. */
function axisOf(clock: PlanClock, rows: readonly StaffRow[]): DayModel['axis'] {
  const worked = rows.filter((r) => r.stops.length > 0);
  const first = Math.min(...rows.map((r) => r.start), ...worked.map((r) => r.shift.start));
  const last = Math.max(...rows.map((r) => r.end), ...worked.map((r) => r.shift.end));
  const ticks: { minute: number; label: string }[] = [];
  // Walk the wall clock, so that a DST day still labels its hours as people read them.
  for (let h = 0; h < 48; h++) {
    const hour = String(h % 24).padStart(2, '0');
    let at: number;
    try {
      at = clock.minutes(`${hour}:00${h < 24 ? '' : '+1'}`);
    } catch {
      continue; // an hour the spring DST gap skips
    }
    ticks.push({ minute: at, label: hour });
  }
  if (rows.length === 0) return { start: 7 * 60, end: 22 * 60, ticks: ticks.filter((t) => t.minute >= 7 * 60 && t.minute <= 22 * 60) };
  const start = ticks.filter((t) => t.minute <= first).pop()?.minute ?? Math.floor(first / 60) * 60;
  const end = ticks.find((t) => t.minute >= last)?.minute ?? Math.ceil(last / 60) * 60;
  return { start, end, ticks: ticks.filter((t) => t.minute >= start && t.minute <= end) };
}
