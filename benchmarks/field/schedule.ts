/**
 * A published solution, once its stops are named by our visit ids and timed in benchmark
 * minutes, assembled into a `kontinuitet/schedule@1` for the converted problem: arrival,
 * travel and wait per stop from the problem's own travel model, route totals, unassigned
 * visits, and then, as every schedule document, the warnings and metrics by `assembleSchedule`. This lets one evaluator read both a shipped
 * solution and our solver's output through the same schedule path.
 */
import { compileTravel, samePoint, type Place } from '../../src/geo/index.ts';
import { DEFAULT_TIMEZONE, PlanClock } from '../../src/time/index.ts';
import { assembleSchedule } from '../../src/solver/assemble.ts';
import type { DayProblem, Route, Schedule, Staff } from '../../src/model/types.ts';

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

  return assembleSchedule(problem, { routes: built, unassigned, ...(solver ? { solver } : {}) });
}
