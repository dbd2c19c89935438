/**
 * A published solution, once its stops are named by our visit ids and timed in benchmark
 * minutes, assembled into a `kontinuitet/schedule@1` for the converted problem: arrival,
 * travel and wait per stop from the problem's own travel model, route totals, unassigned
 * visits and the metrics of FORMAT §2. This lets one evaluator read both a shipped
 * solution and our solver's output through the same schedule path.
 */
import { compileTravel, samePoint, type Place } from '../../src/geo/index.ts';
import { isEligible, qualifiedAsContact } from '../../src/rules/eligibility.ts';
import { DEFAULT_TIMEZONE, PlanClock } from '../../src/time/index.ts';
import type { DayProblem, Metrics, Recipient, RecipientMetrics, Route, Schedule, Staff, StaffMetrics, Visit } from '../../src/model/types.ts';

export interface TimedRoute {
  staff: string;
  /** Stops in time order; `start` in minutes after the plan day's midnight. */
  stops: { visit: string; start: number }[];
  breaks?: { start: number; end: number }[];
}

type Leg = (from: number, to: number) => number;

/** Builds the schedule; stops naming unknown visits or staff are an error of the caller. */
export function buildSchedule(problem: DayProblem, routes: TimedRoute[], solver?: Schedule['solver']): Schedule {
  const clock = new PlanClock(problem.date, problem.timezone ?? DEFAULT_TIMEZONE);
  const visits = new Map(problem.visits.map((v) => [v.id, v]));
  const recipients = new Map(problem.recipients.map((r) => [r.id, r]));
  const staffById = new Map(problem.staff.map((s) => [s.id, s]));
  const teams = new Map(problem.teams.map((t) => [t.id, t]));

  // Places: each staff member's start, then each recipient's home.
  const places: Place[] = [];
  const startPlace = new Map<string, number>();
  for (const s of problem.staff) {
    startPlace.set(s.id, places.length);
    const team = teams.get(s.team);
    if (!team) throw new Error(`staff ${s.id} names team ${s.team}, which is not in the problem`);
    places.push({ point: s.start ?? team.office, matrixIds: s.start ? [s.id] : [s.id, team.id] });
  }
  const homePlace = new Map<string, number>();
  for (const r of problem.recipients) {
    homePlace.set(r.id, places.length);
    places.push({ point: r.location, matrixIds: [r.id] });
  }
  const modeOf = (s: Staff) => s.travelMode ?? teams.get(s.team)?.travelMode ?? 'walk';
  const tables = compileTravel(problem.travel, places, problem.staff.map(modeOf));

  const built: Route[] = [];
  const sent = new Map<string, Set<string>>();
  const lateByStop: { staff: string; recipient: string; late: number }[] = [];
  for (const timed of routes) {
    const staff = staffById.get(timed.staff);
    if (!staff) throw new Error(`route of ${timed.staff}: no such staff member`);
    if (staff.end && !samePoint(staff.end, staff.start ?? teams.get(staff.team)!.office)) {
      throw new Error(`staff ${staff.id} ends elsewhere than at the start point, which the matrix cannot name`);
    }
    if (timed.stops.length === 0) continue;
    const mode = modeOf(staff);
    const leg: Leg = (from, to) => (from === to ? 0 : tables.minutes(mode, from, to));
    const breaks = timed.breaks ?? [];
    const breakMinutesIn = (from: number, to: number) =>
      breaks.reduce((sum, b) => sum + Math.max(0, Math.min(b.end, to) - Math.max(b.start, from)), 0);

    let at = startPlace.get(staff.id)!;
    let prevEnd = Number.NaN;
    let routeStart = Number.NaN;
    let travel = 0;
    let service = 0;
    let wait = 0;
    const stops: Route['stops'] = [];
    for (const stop of timed.stops) {
      const visit = visits.get(stop.visit);
      if (!visit) throw new Error(`route of ${staff.id}: no visit ${stop.visit}`);
      const home = homePlace.get(visit.recipient)!;
      const travelMinutes = leg(at, home);
      let waitMinutes = 0;
      if (Number.isNaN(prevEnd)) routeStart = stop.start - travelMinutes;
      else waitMinutes = Math.max(0, stop.start - prevEnd - travelMinutes - breakMinutesIn(prevEnd, stop.start));
      const end = stop.start + visit.durationMinutes;
      stops.push({
        visit: visit.id,
        recipient: visit.recipient,
        arrival: clock.iso(stop.start - waitMinutes),
        start: clock.iso(stop.start),
        end: clock.iso(end),
        travelMinutes,
        waitMinutes,
      });
      travel += travelMinutes;
      service += visit.durationMinutes;
      wait += waitMinutes;
      if (visit.dueStart !== undefined) {
        lateByStop.push({ staff: staff.id, recipient: visit.recipient, late: Math.max(0, stop.start - clock.minutes(visit.dueStart)) });
      }
      if (!sent.has(visit.id)) sent.set(visit.id, new Set());
      sent.get(visit.id)!.add(staff.id);
      prevEnd = end;
      at = home;
    }
    const home = leg(at, startPlace.get(staff.id)!);
    travel += home;
    built.push({
      staff: staff.id,
      start: clock.iso(routeStart),
      end: clock.iso(prevEnd + home),
      stops,
      breaks: breaks.map((b) => ({ start: clock.iso(b.start), end: clock.iso(b.end) })),
      travelMinutes: travel,
      serviceMinutes: service,
      waitMinutes: wait,
    });
  }

  const unassigned: Schedule['unassigned'] = problem.visits
    .filter((v) => !sent.has(v.id))
    .map((v) => ({ visit: v.id, reason: 'no_capacity' as const, message: 'not served in the solution' }));

  return {
    format: 'kontinuitet/schedule@1',
    date: problem.date,
    timezone: problem.timezone ?? DEFAULT_TIMEZONE,
    routes: built,
    unassigned,
    warnings: contactWarnings(problem, staffById),
    metrics: metricsOf(problem, clock, built, sent, lateByStop, recipients, staffById),
    ...(solver ? { solver } : {}),
  };
}

function contactWarnings(problem: DayProblem, staffById: Map<string, Staff>): Schedule['warnings'] {
  const warnings: Schedule['warnings'] = [];
  for (const r of problem.recipients) {
    if (r.contact) {
      const contact = staffById.get(r.contact);
      if (contact && !qualifiedAsContact(contact, problem.date)) {
        warnings.push({ code: 'contact_not_qualified', message: `${contact.id}, contact of ${r.id}, is not an assistant nurse with a valid title proof`, ids: [r.id, contact.id] });
      }
    } else if (!r.contactWaived) {
      warnings.push({ code: 'no_contact', message: `${r.id} has no contact`, ids: [r.id] });
    }
  }
  return warnings;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const share = (hit: number, of: number) => (of === 0 ? null : hit / of);

/** §6.3: the contact works today, is eligible, and some allowed start keeps the visit inside the contact's shift. */
function contactReachable(visit: Visit, recipient: Recipient, contact: Staff | undefined, clock: PlanClock): boolean {
  if (!contact || !isEligible(contact, visit, recipient)) return false;
  const shiftStart = clock.minutes(contact.shift.start);
  const shiftEnd = clock.minutes(contact.shift.end);
  const earliest = visit.lockedStart ? clock.minutes(visit.lockedStart) : clock.minutes(visit.window.start);
  const latest = visit.lockedStart ? earliest : clock.minutes(visit.window.end);
  return Math.max(earliest, shiftStart) <= Math.min(latest, shiftEnd - visit.durationMinutes);
}

function metricsOf(
  problem: DayProblem,
  clock: PlanClock,
  routes: Route[],
  sent: Map<string, Set<string>>,
  lateByStop: { staff: string; recipient: string; late: number }[],
  recipients: Map<string, Recipient>,
  staffById: Map<string, Staff>,
): Metrics {
  let withContact = 0;
  let byContact = 0;
  let byContactOrDeputy = 0;
  let reachable = 0;
  const byRecipient: Record<string, RecipientMetrics> = {};
  const metBy = new Map<string, Set<string>>();
  for (const v of problem.visits) {
    const r = recipients.get(v.recipient)!;
    const row = (byRecipient[r.id] ??= { visits: 0, assigned: 0, unassignedMandatory: 0, unassignedOptional: 0, lateMinutes: 0, maxLateMinutes: 0 });
    row.visits++;
    const staff = sent.get(v.id);
    if (!staff) {
      if (v.mandatory === false) row.unassignedOptional!++;
      else row.unassignedMandatory!++;
      continue;
    }
    row.assigned++;
    const met = metBy.get(r.id) ?? new Set<string>();
    for (const s of staff) met.add(s);
    metBy.set(r.id, met);
    if (r.contact) {
      withContact++;
      if (staff.has(r.contact)) byContact++;
      if (staff.has(r.contact) || (r.deputies ?? []).some((d) => staff.has(d))) byContactOrDeputy++;
      if (contactReachable(v, r, staffById.get(r.contact), clock)) reachable++;
    }
  }
  for (const { recipient, late } of lateByStop) {
    const row = byRecipient[recipient];
    row.lateMinutes! += late;
    row.maxLateMinutes = Math.max(row.maxLateMinutes!, late);
  }
  const distinct: number[] = [];
  const fresh: number[] = [];
  for (const id of Object.keys(byRecipient)) {
    const met = metBy.get(id) ?? new Set<string>();
    const recent = new Set((recipients.get(id)!.recentStaff ?? []).map((e) => e.staff));
    const newStaff = [...met].filter((s) => !recent.has(s)).length;
    byRecipient[id].distinctStaff = met.size;
    byRecipient[id].newStaff = newStaff;
    distinct.push(met.size);
    fresh.push(newStaff);
  }
  const byStaff: Record<string, StaffMetrics> = {};
  for (const route of routes) {
    const lates = lateByStop.filter((l) => l.staff === route.staff);
    byStaff[route.staff] = {
      visits: route.stops.length,
      recipients: new Set(route.stops.map((s) => s.recipient)).size,
      contactVisits: route.stops.filter((s) => recipients.get(s.recipient)!.contact === route.staff).length,
      travelMinutes: route.travelMinutes,
      serviceMinutes: route.serviceMinutes,
      waitMinutes: route.waitMinutes,
      lateMinutes: lates.reduce((sum, l) => sum + l.late, 0),
    };
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const assigned = sent.size;
  const unassignedOptional = problem.visits.filter((v) => !sent.has(v.id) && v.mandatory === false).length;
  return {
    visits: problem.visits.length,
    assigned,
    unassignedMandatory: problem.visits.length - assigned - unassignedOptional,
    unassignedOptional,
    contactShare: share(byContact, withContact),
    contactOrDeputyShare: share(byContactOrDeputy, withContact),
    contactReachableShare: share(reachable, withContact),
    distinctStaffPerRecipient: { mean: mean(distinct), median: median(distinct), max: distinct.length ? Math.max(...distinct) : 0 },
    newStaffPerRecipient: mean(fresh),
    travelMinutes: routes.reduce((sum, r) => sum + r.travelMinutes, 0),
    serviceMinutes: routes.reduce((sum, r) => sum + r.serviceMinutes, 0),
    waitMinutes: routes.reduce((sum, r) => sum + r.waitMinutes, 0),
    lateMinutes: lateByStop.reduce((sum, l) => sum + l.late, 0),
    maxLateMinutes: lateByStop.reduce((max, l) => Math.max(max, l.late), 0),
    byRecipient,
    byStaff,
  };
}
