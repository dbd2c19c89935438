/**
 * The metrics of a schedule, recomputed from the problem and the routes alone (FORMAT §2
 * "Metrics", §6.3–6.6, §6.14): nothing the schedule reports about itself is trusted, so
 * the same numbers serve the solver's output and the independent checker.
 *
 * Routes of staff the problem does not know and stops of unknown visits are left out;
 * the checker reports them.
 */
import type { DayProblem, Metrics, RecipientMetrics, Route, Schedule, StaffMetrics, TeamMetrics, Visit } from '../model/types.ts';
import { DayIndex } from './day.ts';
import { contactCanReach } from './reach.ts';
import { readRouteTimes, type RouteTimes } from './timeline.ts';
import { timeRoute } from './timing.ts';
import { RouteLegs } from './travel.ts';

export { DayIndex, type BreakRule, type StaffTimes, type VisitTimes } from './day.ts';
export { contactCanReach, mayServe } from './reach.ts';
export { coveredMinutes, offsetsOf, readRouteTimes, routeTimeFields, type RouteTimes, type Span, type StopTimes } from './timeline.ts';
export { timeRoute, type RouteTiming, type StopTiming } from './timing.ts';
export { RouteLegs, travelModeOf } from './travel.ts';

/** A schedule's routes read against its problem: times in minutes and the legs between stops. */
export interface RoutesView {
  day: DayIndex;
  routes: readonly Route[];
  times: RouteTimes[];
  legs: RouteLegs;
}

/** Throws `InputError` when a problem time or a route time cannot be read. */
export function viewRoutes(day: DayIndex, routes: readonly Route[]): RoutesView {
  return { day, routes, times: readRouteTimes(day.clock, routes), legs: new RouteLegs(day, routes) };
}

export function computeMetrics(problem: DayProblem, schedule: Pick<Schedule, 'routes' | 'unassigned'>): Metrics {
  return metricsOf(viewRoutes(new DayIndex(problem), schedule.routes));
}

interface Minutes {
  travel: number;
  service: number;
  wait: number;
}

/** Who was sent to a visit and when it starts (the first route that holds it). */
interface Done {
  staff: string[];
  start: number;
}

export function metricsOf(view: RoutesView): Metrics {
  const { day } = view;
  const done = new Map<string, Done>();
  const byStaff: Record<string, StaffMetrics> = {};
  for (const s of day.problem.staff) {
    byStaff[s.id] ??= { visits: 0, recipients: 0, contactVisits: 0, travelMinutes: 0, serviceMinutes: 0, waitMinutes: 0, lateMinutes: 0 };
  }
  const atRecipient = new Map<string, Minutes>();
  const totals: Minutes = { travel: 0, service: 0, wait: 0 };

  view.routes.forEach((route, r) => {
    const row = byStaff[route.staff];
    if (!row || !day.staff.has(route.staff)) return;
    const times = view.times[r];
    const kept = route.stops.flatMap((stop, i) => {
      const visit = day.visits.get(stop.visit);
      return visit ? [{ visit, times: times.stops[i] }] : [];
    });
    const timing = timeRoute(
      { start: times.start, end: times.end, breaks: times.breaks, stops: kept.map((k) => k.times) },
      view.legs.legs(route.staff, kept.map((k) => k.visit.recipient)),
    );
    const seen = new Set<string>();
    row.travelMinutes += timing.travel;
    totals.travel += timing.travel;
    kept.forEach(({ visit, times: stop }, k) => {
      const service = stop.end - stop.start;
      const wait = Math.max(0, timing.stops[k].wait);
      row.visits += 1;
      seen.add(visit.recipient);
      if (day.contactOf(day.recipients.get(visit.recipient)) === route.staff) row.contactVisits = (row.contactVisits ?? 0) + 1;
      row.serviceMinutes += service;
      row.waitMinutes += wait;
      row.lateMinutes = (row.lateMinutes ?? 0) + lateness(day, visit, stop.start);
      totals.service += service;
      totals.wait += wait;
      const here = atRecipient.get(visit.recipient) ?? { travel: 0, service: 0, wait: 0 };
      here.travel += timing.stops[k].leg;
      here.service += service;
      here.wait += wait;
      atRecipient.set(visit.recipient, here);
      const entry = done.get(visit.id) ?? { staff: [], start: stop.start };
      if (!entry.staff.includes(route.staff)) entry.staff.push(route.staff);
      done.set(visit.id, entry);
    });
    row.recipients = (row.recipients ?? 0) + seen.size;
  });

  const visitsOf = new Map<string, Visit[]>();
  for (const visit of day.problem.visits) {
    const list = visitsOf.get(visit.recipient) ?? [];
    list.push(visit);
    visitsOf.set(visit.recipient, list);
  }

  const byTeam: Record<string, TeamMetrics> = Object.fromEntries(day.problem.teams.map((t) => [t.id, { visits: 0, assigned: 0, borrowed: 0, lent: 0 }]));
  let borrowedVisits = 0;
  const byRecipient: Record<string, RecipientMetrics> = {};
  const shares = { contact: 0, deputy: 0, reachable: 0, of: 0 };
  const distinct: number[] = [];
  const fresh: number[] = [];
  let assigned = 0;
  let unassignedMandatory = 0;
  let unassignedOptional = 0;
  let lateMinutes = 0;
  let maxLateMinutes = 0;
  for (const [recipientId, visits] of visitsOf) {
    const recipient = day.recipients.get(recipientId);
    const contact = day.contactOf(recipient);
    const deputies = recipient?.deputies ?? [];
    const recent = new Set((recipient?.recentStaff ?? []).map((e) => e.staff));
    const met = new Set<string>();
    const row = { assigned: 0, unassignedMandatory: 0, unassignedOptional: 0, contact: 0, deputy: 0, reachable: 0, late: 0, maxLate: 0 };
    const team = day.recipientTeams.get(recipientId);
    const teamRow = team === undefined ? undefined : byTeam[team];
    for (const visit of visits) {
      const sent = done.get(visit.id);
      if (teamRow) teamRow.visits += 1;
      if (!sent) {
        if (day.mandatory(visit)) row.unassignedMandatory += 1;
        else row.unassignedOptional += 1;
        continue;
      }
      row.assigned += 1;
      for (const s of sent.staff) met.add(s);
      const lenders = new Set(sent.staff.map((s) => day.staff.get(s)?.team).filter((t): t is string => t !== undefined && t !== team));
      for (const lender of lenders) if (byTeam[lender]) byTeam[lender].lent += 1;
      if (lenders.size > 0) borrowedVisits += 1;
      if (teamRow) {
        teamRow.assigned += 1;
        if (lenders.size > 0) teamRow.borrowed += 1;
      }
      // Lateness is per visit, not per staff member: a double-staffed visit counts once.
      const late = lateness(day, visit, sent.start);
      row.late += late;
      row.maxLate = Math.max(row.maxLate, late);
      if (contact === null) continue;
      if (sent.staff.includes(contact)) row.contact += 1;
      if (sent.staff.some((s) => s === contact || deputies.includes(s))) row.deputy += 1;
      if (contactCanReach(day, visit)) row.reachable += 1;
    }
    const denominator = contact === null ? 0 : row.assigned;
    const newStaff = [...met].filter((s) => !recent.has(s)).length;
    const minutes = atRecipient.get(recipientId) ?? { travel: 0, service: 0, wait: 0 };
    byRecipient[recipientId] = {
      visits: visits.length,
      assigned: row.assigned,
      unassignedMandatory: row.unassignedMandatory,
      unassignedOptional: row.unassignedOptional,
      contactShare: share(row.contact, denominator),
      contactOrDeputyShare: share(row.deputy, denominator),
      contactReachableShare: share(row.reachable, denominator),
      distinctStaff: met.size,
      newStaff,
      travelMinutes: minutes.travel,
      serviceMinutes: minutes.service,
      waitMinutes: minutes.wait,
      lateMinutes: row.late,
      maxLateMinutes: row.maxLate,
    };
    assigned += row.assigned;
    unassignedMandatory += row.unassignedMandatory;
    unassignedOptional += row.unassignedOptional;
    shares.contact += row.contact;
    shares.deputy += row.deputy;
    shares.reachable += row.reachable;
    shares.of += denominator;
    distinct.push(met.size);
    fresh.push(newStaff);
    lateMinutes += row.late;
    maxLateMinutes = Math.max(maxLateMinutes, row.maxLate);
  }

  return {
    visits: day.problem.visits.length,
    assigned,
    unassignedMandatory,
    unassignedOptional,
    contactShare: share(shares.contact, shares.of),
    contactOrDeputyShare: share(shares.deputy, shares.of),
    contactReachableShare: share(shares.reachable, shares.of),
    distinctStaffPerRecipient: { mean: mean(distinct), median: median(distinct), max: distinct.length === 0 ? 0 : Math.max(...distinct) },
    newStaffPerRecipient: mean(fresh),
    travelMinutes: totals.travel,
    serviceMinutes: totals.service,
    waitMinutes: totals.wait,
    lateMinutes,
    maxLateMinutes,
    byRecipient,
    byStaff,
    borrowedVisits,
    byTeam,
  };
}

/** Minutes a visit started past its `dueStart` (0 without one). */
function lateness(day: DayIndex, visit: Visit, start: number): number {
  const due = day.visitTimes.get(visit.id)?.dueStart ?? null;
  return due === null ? 0 : Math.max(0, start - due);
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The middle value; of an even count, the mean of the middle two (§6.5). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
