/**
 * Legs of the routes in a schedule, by each staff member's own travel mode (the staff
 * member's `travelMode`, else the team's, else walk) under the problem's travel model
 * (FORMAT §1 "Travel", §6.7).
 */
import type { Place, TravelTables } from '../geo/index.ts';
import { compileTravel, samePoint } from '../geo/index.ts';
import type { Point, Route, Staff, TravelMode } from '../model/types.ts';
import type { DayIndex } from './day.ts';

interface StaffPlaces {
  start: number;
  end: number;
  mode: TravelMode;
}

export class RouteLegs {
  private readonly tables: TravelTables;
  private readonly staffPlaces = new Map<string, StaffPlaces>();
  private readonly homes = new Map<string, number>();

  /** Compiles travel over the start and end points of the routes' staff and the homes they visit. */
  constructor(day: DayIndex, routes: readonly Route[]) {
    const places: Place[] = [];
    const modes = new Set<TravelMode>();
    for (const route of routes) {
      const staff = day.staff.get(route.staff);
      const team = staff && day.teams.get(staff.team);
      if (!staff || !team || this.staffPlaces.has(staff.id)) continue;
      const start = staff.start ?? team.office;
      const end = staff.end ?? start;
      const mode = travelModeOf(staff, team.travelMode);
      modes.add(mode);
      // A staff id names the start point, a team id the office (§6.7): a point may carry both.
      places.push({ point: start, matrixIds: namesOf(start, [[start, staff.id], [team.office, team.id]]) });
      places.push({ point: end, matrixIds: namesOf(end, [[start, staff.id], [team.office, team.id]]) });
      this.staffPlaces.set(staff.id, { start: places.length - 2, end: places.length - 1, mode });
      for (const stop of route.stops) {
        const recipientId = day.visits.get(stop.visit)?.recipient ?? stop.recipient;
        const recipient = day.recipients.get(recipientId);
        if (!recipient || this.homes.has(recipient.id)) continue;
        places.push({ point: recipient.location, matrixIds: [recipient.id] });
        this.homes.set(recipient.id, places.length - 1);
      }
    }
    this.tables = compileTravel(day.problem.travel, places, modes);
  }

  modeOf(staffId: string): TravelMode | undefined {
    return this.staffPlaces.get(staffId)?.mode;
  }

  /**
   * The legs of a staff member's route through the homes of `recipients` in order: `toStops[i]`
   * leads to stop i (from the start point for the first), `home` from the last stop to the end
   * point (0 without stops). NaN where the staff member or a home is not in the problem.
   */
  legs(staffId: string, recipients: readonly (string | null)[]): { toStops: number[]; home: number } {
    const own = this.staffPlaces.get(staffId);
    const at = (recipient: string | null): number => (recipient === null ? -1 : (this.homes.get(recipient) ?? -1));
    const leg = (from: number, to: number): number => {
      if (!own || from < 0 || to < 0) return Number.NaN;
      return this.tables.minutes(own.mode, from, to);
    };
    let previous = own ? own.start : -1;
    const toStops = recipients.map((r) => {
      const here = at(r);
      const minutes = leg(previous, here);
      previous = here;
      return minutes;
    });
    return { toStops, home: recipients.length === 0 ? 0 : leg(previous, own ? own.end : -1) };
  }
}

export function travelModeOf(staff: Staff, teamMode: TravelMode | undefined): TravelMode {
  return staff.travelMode ?? teamMode ?? 'walk';
}

function namesOf(point: Point, named: [Point, string][]): string[] {
  return named.filter(([p]) => samePoint(p, point)).map(([, id]) => id);
}
