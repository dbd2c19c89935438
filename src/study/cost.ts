/**
 * What a plan costs (FORMAT §8): paid hours × the hourly cost of each role, plus car
 * kilometres × the cost of a kilometre. Paid time is the shift of every staff member with
 * at least one stop; the kilometres are those driven by staff whose travel mode is `car`.
 */
import type { DayProblem, Point, Role, Route, Team } from '../model/types.ts';
import { ROLES } from '../model/schemas.ts';
import { haversineKm, samePoint, travelSettings } from '../geo/index.ts';
import { travelModeOf } from '../metrics/index.ts';
import { DEFAULT_TIMEZONE, MemoClock } from '../time/index.ts';
import type { StudyCosts } from './types.ts';

/**
 * The employer's cost of one paid hour by role and of one car kilometre: the example figures of
 * FORMAT §8, kept as the defaults. For scale, 2024 wages: SCB's mean monthly wage of
 * undersköterskor in hemtjänst, 32,600 kr, over 165 paid hours is 198 kr an hour, 260 kr with
 * the employer's social contributions (31.42 %); vårdbiträden (27,900 kr) come to 222 kr; the
 * pension and insurances of the collective agreement (Kommunal's HÖK) add a few per cent more.
 * A kilometre is Skatteverket's tax-free mileage allowance for one's own car, 25 kr a mil
 * (2.50 kr/km, 2024–2025). They are for comparing variants; a study's `costs` sets a
 * provider's own.
 */
export const DEFAULT_COSTS: Readonly<ResolvedCosts> = {
  hourlySek: { assistant_nurse: 265, care_aide: 245, service_assistant: 225, nurse: 330 },
  carSekPerKm: 2.5,
};

export interface ResolvedCosts {
  hourlySek: Record<Role, number>;
  carSekPerKm: number;
}

/** A study's `costs` over the defaults; a role it leaves out keeps its default. */
export function resolveCosts(costs: StudyCosts | undefined): ResolvedCosts {
  const hourlySek = { ...DEFAULT_COSTS.hourlySek };
  for (const role of ROLES) {
    const given = costs?.hourlySek?.[role];
    if (given !== undefined) hourlySek[role] = given;
  }
  return { hourlySek, carSekPerKm: costs?.carSekPerKm ?? DEFAULT_COSTS.carSekPerKm };
}

/** Paid minutes of a planned day by role: the shift of each staff member with at least one stop. */
export function paidMinutesByRole(problem: DayProblem, routes: readonly Route[]): Partial<Record<Role, number>> {
  const clock = new MemoClock(problem.date, problem.timezone ?? DEFAULT_TIMEZONE);
  const working = new Set(routes.filter((r) => r.stops.length > 0).map((r) => r.staff));
  const paid: Partial<Record<Role, number>> = {};
  for (const s of problem.staff) {
    if (!working.has(s.id)) continue;
    paid[s.role] = (paid[s.role] ?? 0) + clock.minutes(s.shift.end) - clock.minutes(s.shift.start);
  }
  return inRoleOrder(paid);
}

/**
 * Kilometres driven on a planned day: each car route from its start point through the homes
 * of its stops to its end point. A leg is the haversine distance × the detour factor, the
 * road distance the default travel model times (0 between identical points). Where the travel
 * matrix gives the leg's minutes instead, the distance is what those minutes less the leg
 * overhead cover at the car's speed, as the default model would have timed it.
 */
export function carKm(problem: DayProblem, routes: readonly Route[]): number {
  const settings = travelSettings(problem.travel);
  const matrix = problem.travel?.matrix;
  const table = matrix?.minutes.car;
  const row = new Map((matrix?.ids ?? []).map((id, k) => [id, k]));
  const teams = new Map(problem.teams.map((t) => [t.id, t]));
  const staff = new Map(problem.staff.map((s) => [s.id, s]));
  const homes = new Map(problem.recipients.map((r) => [r.id, r.location]));
  const visits = new Map(problem.visits.map((v) => [v.id, v.recipient]));
  let km = 0;
  for (const route of routes) {
    const person = staff.get(route.staff);
    const team = person && teams.get(person.team);
    if (!person || !team || route.stops.length === 0 || travelModeOf(person, team.travelMode) !== 'car') continue;
    const start = person.start ?? team.office;
    const end = person.end ?? start;
    const places: Place[] = [
      { point: start, ids: placeIds(start, person.id, start, team) },
      ...route.stops.map((stop) => {
        const recipient = visits.get(stop.visit) ?? stop.recipient;
        return { point: homes.get(recipient)!, ids: [recipient] };
      }),
      { point: end, ids: placeIds(end, person.id, start, team) },
    ];
    for (let i = 1; i < places.length; i++) {
      const from = matrixRow(places[i - 1].ids, row);
      const to = matrixRow(places[i].ids, row);
      const minutes = table && from >= 0 && to >= 0 ? table[from]?.[to] : null;
      if (minutes !== null && minutes !== undefined) {
        km += (Math.max(0, minutes - settings.legOverheadMinutes.car) / 60) * settings.speedKmh.car;
      } else if (!samePoint(places[i - 1].point, places[i].point)) {
        km += haversineKm(places[i - 1].point, places[i].point) * settings.detourFactor;
      }
    }
  }
  return km;
}

interface Place {
  point: Point;
  ids: string[];
}

/** FORMAT §6.7: a staff id names that person's start point, a team id its office. */
function placeIds(point: Point, staffId: string, start: Point, team: Team): string[] {
  return [...(samePoint(point, start) ? [staffId] : []), ...(samePoint(point, team.office) ? [team.id] : [])];
}

function matrixRow(ids: readonly string[], row: ReadonlyMap<string, number>): number {
  for (const id of ids) {
    const k = row.get(id);
    if (k !== undefined) return k;
  }
  return -1;
}

/** The roles in the order of FORMAT §1, so that results list them alike. */
export function inRoleOrder(paid: Partial<Record<Role, number>>): Partial<Record<Role, number>> {
  return Object.fromEntries(ROLES.flatMap((role) => (paid[role] === undefined ? [] : [[role, paid[role]]])));
}

/** Paid hours × hourly cost by role + car km × the cost of a kilometre, to the öre. */
export function costSek(paid: Partial<Record<Role, number>>, km: number, costs: ResolvedCosts): number {
  let sek = km * costs.carSekPerKm;
  for (const role of ROLES) sek += ((paid[role] ?? 0) / 60) * costs.hourlySek[role];
  return Math.round(sek * 100) / 100;
}
