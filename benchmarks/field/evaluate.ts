/**
 * Evaluators that recompute each benchmark's own measures from the original instance,
 * independent of any solver and of the converted problem: from a published solution file
 * and from a `kontinuitet/schedule@1` of the converted problem (times read back through
 * `PlanClock`, stops matched by our visit ids). Both paths feed one core per benchmark, so
 * a shipped solution and ours are measured by the same rule. Each result lists the
 * benchmark constraints the routes break, so an infeasible schedule cannot pass as a
 * good one.
 */
import { DEFAULT_TIMEZONE, PlanClock } from '../../src/time/index.ts';
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import type { IolabSolution } from './common.ts';
import { buildSchedule } from './schedule.ts';
import { convertMankowska, mankowskaVisitId, type MankowskaInstance } from './mankowska.ts';
import { convertUhhc, uhhcVisitIndex, uhhcWeight, type UhhcInstance } from './uhhc.ts';
import { bredstromStaffId, bredstromVisitId, convertBredstrom, type BredstromInstance, type BredstromTour } from './bredstrom.ts';

/** Published times carry 3 decimals; a gap this small is rounding, not a violation. */
const TOLERANCE = 1e-3;

function scheduleClock(schedule: Schedule): PlanClock {
  return new PlanClock(schedule.date, schedule.timezone ?? DEFAULT_TIMEZONE);
}

// ── Mankowska et al. (2014) ─────────────────────────────────────────────────

export interface MankowskaEvaluation {
  /** Travel over the instance's matrix, depot to depot, of every route with a stop. */
  travel: number;
  totalTardiness: number;
  maxTardiness: number;
  /** (travel + totalTardiness + maxTardiness) / 3, the paper's objective. */
  objective: number;
  /** Services done, of those required. */
  served: number;
  required: number;
  violations: string[];
}

interface MankowskaStop {
  patient: string;
  service: string;
  start: number;
}

function evaluateMankowskaRoutes(instance: MankowskaInstance, routes: { caregiver: string; stops: MankowskaStop[] }[]): MankowskaEvaluation {
  const violations: string[] = [];
  const node = new Map(instance.patients.map((p, k) => [p.id, k + 1]));
  const patients = new Map(instance.patients.map((p) => [p.id, p]));
  const caregivers = new Map(instance.caregivers.map((c) => [c.id, c]));
  const starts = new Map<string, number[]>();
  let travel = 0;
  let totalTardiness = 0;
  let maxTardiness = 0;
  for (const route of routes) {
    const caregiver = caregivers.get(route.caregiver);
    if (!caregiver) {
      violations.push(`${route.caregiver} is not a caregiver of the instance`);
      continue;
    }
    let at = 0;
    let free = 0;
    for (const stop of route.stops) {
      const patient = patients.get(stop.patient);
      const service = patient?.services.find((s) => s.service === stop.service);
      if (!patient || !service) {
        violations.push(`${route.caregiver}: ${stop.patient} does not require ${stop.service}`);
        continue;
      }
      const here = node.get(patient.id)!;
      const leg = instance.distance[at][here];
      travel += leg;
      if (!caregiver.services.includes(stop.service)) violations.push(`${caregiver.id} is not qualified for ${stop.service} (${patient.id})`);
      if (stop.start < patient.windowStart - TOLERANCE) violations.push(`${patient.id} ${stop.service} starts at ${stop.start}, before its window opens at ${patient.windowStart}`);
      if (stop.start < free + leg - TOLERANCE) violations.push(`${caregiver.id} cannot reach ${patient.id} by ${stop.start} (earliest ${free + leg})`);
      const tardiness = Math.max(0, stop.start - patient.windowEnd);
      totalTardiness += tardiness;
      maxTardiness = Math.max(maxTardiness, tardiness);
      const key = mankowskaVisitId(patient.id, stop.service);
      starts.set(key, [...(starts.get(key) ?? []), stop.start]);
      free = stop.start + service.duration;
      at = here;
    }
    travel += instance.distance[at][0];
  }
  let required = 0;
  for (const p of instance.patients) {
    const first = p.services.map((s) => {
      required++;
      const times = starts.get(mankowskaVisitId(p.id, s.service)) ?? [];
      if (times.length !== 1) violations.push(`${p.id} ${s.service} is served ${times.length} times, not once`);
      return times[0];
    });
    if (p.gap && first[0] !== undefined && first[1] !== undefined) {
      const gap = first[1] - first[0];
      if (gap < p.gap.min - TOLERANCE || gap > p.gap.max + TOLERANCE) {
        violations.push(`${p.id}: ${p.services[1].service} starts ${gap} after ${p.services[0].service}, outside [${p.gap.min}, ${p.gap.max}]`);
      }
    }
  }
  const served = [...starts.values()].reduce((sum, t) => sum + t.length, 0);
  return { travel, totalTardiness, maxTardiness, objective: (travel + totalTardiness + maxTardiness) / 3, served, required, violations };
}

/** The paper's objective of a shipped solution file (iolab-uniud/hhcrsp format). */
export function evaluateMankowskaSolution(instance: MankowskaInstance, solution: IolabSolution): MankowskaEvaluation {
  return evaluateMankowskaRoutes(
    instance,
    solution.routes.map((r) => ({ caregiver: r.caregiver, stops: r.stops.map((s) => ({ patient: s.patient, service: s.service, start: s.start })) })),
  );
}

/** The paper's objective of a schedule of the converted problem (visit ids `p8-s5`). */
export function evaluateMankowska(instance: MankowskaInstance, schedule: Schedule): MankowskaEvaluation {
  const clock = scheduleClock(schedule);
  const byVisit = new Map(instance.patients.flatMap((p) => p.services.map((s) => [mankowskaVisitId(p.id, s.service), { patient: p.id, service: s.service }] as const)));
  const unknown: string[] = [];
  const routes = schedule.routes.map((route) => ({
    caregiver: route.staff,
    stops: route.stops.flatMap((stop) => {
      const known = byVisit.get(stop.visit);
      if (!known) {
        unknown.push(`${route.staff}: ${stop.visit} is not a visit of the converted instance`);
        return [];
      }
      return [{ ...known, start: clock.minutes(stop.start) }];
    }),
  }));
  const result = evaluateMankowskaRoutes(instance, routes);
  return { ...result, violations: [...unknown, ...result.violations] };
}

/** A shipped solution as a schedule of the converted problem, for checking the schedule path. */
export function mankowskaSolutionToSchedule(instance: MankowskaInstance, solution: IolabSolution, problem: DayProblem = convertMankowska(instance)): Schedule {
  return buildSchedule(
    problem,
    solution.routes.map((r) => ({ staff: r.caregiver, stops: r.stops.map((s) => ({ visit: mankowskaVisitId(s.patient, s.service), start: s.start })) })),
  );
}

// ── UHHC (Ceschia et al.) ───────────────────────────────────────────────────

export interface UhhcEvaluation {
  /** Travel over the instance's matrix, from each caregiver's departure to arrival point. */
  travel: number;
  totalTardiness: number;
  maxTardiness: number;
  /** Services done (a lunch break is not one). */
  services: number;
  /** Of the services to patients who name preferred caregivers: how many, by a preferred one, by the first named. */
  servicesWithPreference: number;
  byPreferred: number;
  byFirstPreferred: number;
  /** byPreferred / servicesWithPreference (null when no such service): the continuity measure. */
  preferredShare: number | null;
  firstPreferredShare: number | null;
  /** Services by a caregiver not preferred: the original's `preferences` count. */
  preferenceMisses: number;
  unscheduledPatients: string[];
  /** Minutes past shift ends, and caregivers owed lunch who had none. */
  extraTime: number;
  missedLunchBreaks: number;
  /** Components weighted as the instance says, named as the solution files name them. */
  weighted: Record<'travel_time' | 'total_tardiness' | 'highest_tardiness' | 'preferences' | 'unscheduled' | 'total_extra_time' | 'missed_lunch_break', number>;
  violations: string[];
}

type UhhcItem =
  | { kind: 'service'; patient: string; service: string; start: number; end: number }
  /** `at`: the patient whose home the lunch is taken at, "depot", or null when it does not move the caregiver. */
  | { kind: 'lunch'; start: number; end: number; at: string | 'depot' | null };

function evaluateUhhcRoutes(instance: UhhcInstance, routes: { caregiver: string; items: UhhcItem[] }[]): UhhcEvaluation {
  const violations: string[] = [];
  const patients = new Map(instance.patients.map((p) => [p.id, p]));
  const caregivers = new Map(instance.caregivers.map((c) => [c.id, c]));
  const terminals = new Map(instance.terminal_points.map((t) => [t.id, t.distance_matrix_index]));
  const atEnd = instance.metadata.time_window_met === 'at_service_end';
  const visited = new Set(routes.flatMap((r) => r.items.flatMap((i) => (i.kind === 'service' ? [i.patient] : []))));
  const providers = new Map<string, Set<string>>();
  const starts = new Map<string, number>();
  let travel = 0;
  let totalTardiness = 0;
  let maxTardiness = 0;
  let services = 0;
  let servicesWithPreference = 0;
  let byPreferred = 0;
  let byFirstPreferred = 0;
  let extraTime = 0;
  const lunched = new Set<string>();
  for (const route of routes) {
    const c = caregivers.get(route.caregiver);
    if (!c) {
      violations.push(`${route.caregiver} is not a caregiver of the instance`);
      continue;
    }
    const home = terminals.get(c.departing_point)!;
    let at = home;
    // When the caregiver is free to leave the current place; null before the first stop.
    let free: number | null = null;
    for (const item of route.items) {
      if (item.kind === 'lunch') {
        lunched.add(c.id);
        if (item.at === null) {
          // A break that does not move anyone: the travel around it may be split.
          if (free !== null) free += item.end - item.start;
          continue;
        }
        const to = item.at !== 'depot' && visited.has(item.at) ? patients.get(item.at)!.distance_matrix_index : home;
        const leg = instance.distances[at][to];
        travel += leg;
        if (free !== null && item.start < free + leg - TOLERANCE) violations.push(`${c.id} cannot reach lunch by ${item.start}`);
        at = to;
        free = item.end;
        continue;
      }
      const p = patients.get(item.patient);
      if (!p || !p.required_services.some((s) => s.service === item.service)) {
        violations.push(`${c.id}: ${item.patient} does not require ${item.service}`);
        continue;
      }
      const leg = instance.distances[at][p.distance_matrix_index];
      travel += leg;
      at = p.distance_matrix_index;
      services++;
      if (!c.abilities.includes(item.service)) violations.push(`${c.id} is not qualified for ${item.service} (${p.id})`);
      if (free !== null && item.start < free + leg - TOLERANCE) violations.push(`${c.id} cannot reach ${p.id} by ${item.start}`);
      free = item.end;
      // The window is the last one opened by the start, as the authors' validator picks it.
      const opened = p.time_windows.filter((w) => w.start <= item.start);
      if (opened.length === 0) violations.push(`${p.id} ${item.service} starts at ${item.start}, before its first window`);
      const window = opened.at(-1) ?? p.time_windows[0];
      const tardiness = Math.max(0, (atEnd ? item.end : item.start) - window.end);
      totalTardiness += tardiness;
      maxTardiness = Math.max(maxTardiness, tardiness);
      if (p.preferred_caregivers) {
        servicesWithPreference++;
        if (p.preferred_caregivers.includes(c.id)) byPreferred++;
        if (p.preferred_caregivers[0] === c.id) byFirstPreferred++;
      }
      if (p.incompatible_caregivers?.includes(c.id)) violations.push(`${c.id} is incompatible with ${p.id}`);
      const key = `${p.id}\u0000${item.service}`;
      providers.set(key, (providers.get(key) ?? new Set()).add(c.id));
      starts.set(key, item.start);
    }
    const end = terminals.get(c.arrival_point)!;
    travel += instance.distances[at][end];
    if (free !== null && c.working_shift) extraTime += Math.max(0, free + instance.distances[at][end] - c.working_shift.end);
  }
  for (const p of instance.patients) {
    if (!visited.has(p.id)) continue;
    for (const rs of p.required_services) {
      const who = providers.get(`${p.id}\u0000${rs.service}`);
      const wanted = p.required_services.filter((s) => s.service === rs.service).length;
      if ((who?.size ?? 0) !== wanted) violations.push(`${p.id} ${rs.service}: served by ${who?.size ?? 0} caregivers, not ${wanted}`);
    }
    const sync = p.synchronization;
    const [a, b] = p.required_services;
    const first = a && starts.get(`${p.id}\u0000${a.service}`);
    const second = b && starts.get(`${p.id}\u0000${b.service}`);
    if (sync && sync.type !== 'independent' && b && a.service !== b.service && first !== undefined && second !== undefined) {
      const gap = second - first;
      const [min, max] = sync.type === 'sequential' ? [sync.distance.min, sync.distance.max] : [0, 0];
      if (gap < min - TOLERANCE || gap > max + TOLERANCE) violations.push(`${p.id}: ${b.service} starts ${gap} after ${a.service}, outside [${min}, ${max}]`);
    }
  }
  const unscheduledPatients = instance.patients.filter((p) => !visited.has(p.id)).map((p) => p.id);
  const missedLunchBreaks = instance.caregivers.filter((c) => c.lunch_break && !lunched.has(c.id)).length;
  const preferenceMisses = servicesWithPreference - byPreferred;
  const w = (component: string) => uhhcWeight(instance, component);
  return {
    travel,
    totalTardiness,
    maxTardiness,
    services,
    servicesWithPreference,
    byPreferred,
    byFirstPreferred,
    preferredShare: servicesWithPreference ? byPreferred / servicesWithPreference : null,
    firstPreferredShare: servicesWithPreference ? byFirstPreferred / servicesWithPreference : null,
    preferenceMisses,
    unscheduledPatients,
    extraTime,
    missedLunchBreaks,
    weighted: {
      travel_time: w('travel_time') * travel,
      total_tardiness: w('total_tardiness') * totalTardiness,
      highest_tardiness: w('highest_tardiness') * maxTardiness,
      preferences: w('caregiver_preferences') * preferenceMisses,
      unscheduled: w('optional_patients') * unscheduledPatients.length,
      total_extra_time: w('total_extra_time') * extraTime,
      missed_lunch_break: w('missed_lunch_break') * missedLunchBreaks,
    },
    violations,
  };
}

/**
 * A shipped UHHC solution measured as the authors' validator measures it; lunch taken at
 * a visited patient's home moves the caregiver there, lunch elsewhere means the depot.
 */
export function evaluateUhhcSolution(instance: UhhcInstance, solution: IolabSolution): UhhcEvaluation {
  return evaluateUhhcRoutes(
    instance,
    solution.routes.map((r) => ({
      caregiver: r.caregiver,
      items: r.stops.map((s): UhhcItem => (s.service === 'lunch_break' ? { kind: 'lunch', start: s.start, end: s.end, at: s.patient } : { kind: 'service', ...s })),
    })),
  );
}

/** A schedule of the converted problem measured the same way; its breaks do not move anyone. */
export function evaluateUhhcSchedule(instance: UhhcInstance, schedule: Schedule): UhhcEvaluation {
  const clock = scheduleClock(schedule);
  const byVisit = uhhcVisitIndex(instance);
  const unknown: string[] = [];
  const routes = schedule.routes.map((route) => {
    const items: UhhcItem[] = route.stops.flatMap((stop): UhhcItem[] => {
      const known = byVisit.get(stop.visit);
      if (!known) {
        unknown.push(`${route.staff}: ${stop.visit} is not a visit of the converted instance`);
        return [];
      }
      return [{ kind: 'service', ...known, start: clock.minutes(stop.start), end: clock.minutes(stop.end) }];
    });
    for (const b of route.breaks) items.push({ kind: 'lunch', start: clock.minutes(b.start), end: clock.minutes(b.end), at: null });
    items.sort((x, y) => x.start - y.start);
    return { caregiver: route.staff, items };
  });
  const result = evaluateUhhcRoutes(instance, routes);
  return { ...result, violations: [...unknown, ...result.violations] };
}

/**
 * A shipped solution as a schedule of the converted problem, lunch as breaks. Every
 * service it holds must be a visit of `problem`: filter the solution first when patients
 * were left out of the conversion.
 */
export function uhhcSolutionToSchedule(instance: UhhcInstance, solution: IolabSolution, problem: DayProblem = convertUhhc(instance).problem): Schedule {
  // A service asked twice of one patient has two visits, taken in turn; a same-service pair is one visit for both.
  const visitsOf = new Map<string, string[]>();
  for (const [id, { patient, service }] of uhhcVisitIndex(instance)) {
    const key = `${patient}\u0000${service}`;
    visitsOf.set(key, [...(visitsOf.get(key) ?? []), id]);
  }
  const taken = new Map<string, number>();
  const inProblem = new Set(problem.visits.map((v) => v.id));
  return buildSchedule(
    problem,
    solution.routes.map((r) => ({
      staff: r.caregiver,
      stops: r.stops
        .filter((s) => s.service !== 'lunch_break')
        .map((s) => {
          const key = `${s.patient}\u0000${s.service}`;
          const ids = visitsOf.get(key) ?? [];
          const visit = ids[Math.min(taken.get(key) ?? 0, ids.length - 1)];
          taken.set(key, (taken.get(key) ?? 0) + 1);
          if (visit === undefined || !inProblem.has(visit)) throw new Error(`${r.caregiver}: ${s.patient} ${s.service} is not a visit of the converted problem`);
          return { visit, start: s.start };
        }),
      breaks: r.stops.filter((s) => s.service === 'lunch_break').map((s) => ({ start: s.start, end: s.end })),
    })),
  );
}

// ── Bredström & Rönnqvist (2008) ────────────────────────────────────────────

export interface BredstromTimedRoute {
  /** 0-based vehicle and visit numbers; starts in benchmark minutes. */
  vehicle: number;
  stops: { visit: number; start: number }[];
}

export interface BredstromEvaluation {
  travel: number;
  served: number;
  violations: string[];
}

function bredstromLeg(instance: BredstromInstance, from: number | null, to: number | null): number {
  if (from === null) return to === null ? 0 : instance.depot[to];
  return to === null ? instance.depot[from] : instance.distance[from][to];
}

/** Travel (the paper's first objective) and the hard constraints: windows, availability, synchronisation, each visit once. */
export function evaluateBredstromRoutes(instance: BredstromInstance, routes: BredstromTimedRoute[]): BredstromEvaluation {
  const violations: string[] = [];
  const startOf = new Map<number, number[]>();
  let travel = 0;
  for (const route of routes) {
    const availability = instance.availability[route.vehicle];
    if (!availability) {
      violations.push(`vehicle ${route.vehicle + 1} is not in the instance`);
      continue;
    }
    let at: number | null = null;
    let free = availability.start;
    for (const { visit, start } of route.stops) {
      const w = instance.windows[visit];
      if (!w) {
        violations.push(`visit ${visit + 1} is not in the instance`);
        continue;
      }
      const leg = bredstromLeg(instance, at, visit);
      travel += leg;
      if (start < free + leg - TOLERANCE) violations.push(`vehicle ${route.vehicle + 1} cannot reach visit ${visit + 1} by ${start}`);
      if (start < w.start - TOLERANCE || start > w.end + TOLERANCE) violations.push(`visit ${visit + 1} starts at ${start}, outside [${w.start}, ${w.end}]`);
      startOf.set(visit, [...(startOf.get(visit) ?? []), start]);
      free = start + instance.processing[visit];
      at = visit;
    }
    const back = bredstromLeg(instance, at, null);
    travel += back;
    if (at !== null && free + back > availability.end + TOLERANCE) violations.push(`vehicle ${route.vehicle + 1} is back at ${free + back}, after ${availability.end}`);
  }
  instance.windows.forEach((_, v) => {
    const n = startOf.get(v)?.length ?? 0;
    if (n !== 1) violations.push(`visit ${v + 1} is served ${n} times, not once`);
  });
  for (const [a, b] of instance.synchronised) {
    const sa = startOf.get(a)?.[0];
    const sb = startOf.get(b)?.[0];
    if (sa !== undefined && sb !== undefined && Math.abs(sa - sb) > TOLERANCE) violations.push(`visits ${a + 1} and ${b + 1} should start together (${sa} vs ${sb})`);
  }
  return { travel, served: [...startOf.values()].reduce((s, t) => s + t.length, 0), violations };
}

/**
 * Times an untimed tour: each visit as early as travel, its window and its synchronised
 * partner allow, repeated until the partners agree (starts only grow, so this settles).
 */
export function timeBredstromTour(instance: BredstromInstance, tour: BredstromTour): BredstromTimedRoute[] {
  const earliest = new Map<number, number>();
  const pass = () =>
    tour.routes.map((route) => {
      let at: number | null = null;
      let free = instance.availability[route.vehicle]?.start ?? 0;
      const stops = route.visits.map((visit) => {
        const start = Math.max(free + bredstromLeg(instance, at, visit), instance.windows[visit].start, earliest.get(visit) ?? 0);
        free = start + instance.processing[visit];
        at = visit;
        return { visit, start };
      });
      return { vehicle: route.vehicle, stops };
    });
  const limit = instance.processing.length + 1;
  for (let round = 0; ; round++) {
    const timed = pass();
    const start = new Map(timed.flatMap((r) => r.stops.map((s) => [s.visit, s.start] as const)));
    let changed = false;
    for (const [a, b] of instance.synchronised) {
      const later = Math.max(start.get(a) ?? 0, start.get(b) ?? 0);
      for (const v of [a, b]) {
        if (start.has(v) && start.get(v)! < later) {
          earliest.set(v, later);
          changed = true;
        }
      }
    }
    if (!changed || round === limit) return timed;
  }
}

/** A schedule of the converted problem (staff `k1`, visits `v7`) measured the same way. */
export function evaluateBredstrom(instance: BredstromInstance, schedule: Schedule): BredstromEvaluation {
  const clock = scheduleClock(schedule);
  const vehicleOf = new Map(instance.availability.map((_, k) => [bredstromStaffId(k), k]));
  const visitOf = new Map(instance.processing.map((_, v) => [bredstromVisitId(v), v]));
  const unknown: string[] = [];
  const routes = schedule.routes.flatMap((route) => {
    const vehicle = vehicleOf.get(route.staff);
    if (vehicle === undefined) {
      unknown.push(`${route.staff} is not a vehicle of the instance`);
      return [];
    }
    const stops = route.stops.flatMap((stop) => {
      const visit = visitOf.get(stop.visit);
      if (visit === undefined) {
        unknown.push(`${route.staff}: ${stop.visit} is not a visit of the instance`);
        return [];
      }
      return [{ visit, start: clock.minutes(stop.start) }];
    });
    return [{ vehicle, stops }];
  });
  const result = evaluateBredstromRoutes(instance, routes);
  return { ...result, violations: [...unknown, ...result.violations] };
}

/** Timed routes (e.g. a timed book tour) as a schedule of the converted problem. */
export function bredstromRoutesToSchedule(instance: BredstromInstance, routes: BredstromTimedRoute[], problem: DayProblem = convertBredstrom(instance)): Schedule {
  return buildSchedule(
    problem,
    routes.map((r) => ({ staff: bredstromStaffId(r.vehicle), stops: r.stops.map((s) => ({ visit: bredstromVisitId(s.visit), start: s.start })) })),
  );
}
