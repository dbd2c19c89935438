/**
 * Points that are probably wrong: latitude and longitude exchanged (a common spreadsheet
 * slip: Stockholm's 59.3, 18.1 becomes a point in the Arabian Sea), and homes far from
 * every team. Both are warnings: the problem is still solvable, just likely not meant.
 */
import { haversineKm, pointInArea } from '../geo/index.ts';
import type { Area, Point, Recipient, Team } from '../model/types.ts';
import type { Path, ProblemList } from './problems.ts';

/** Beyond this distance from every office (and outside every area) a home is "far". */
export const FAR_KM = 50;

export interface PlacedPoint {
  path: Path;
  point: Point;
}

function swapped(point: Point): Point | null {
  if (point.lat === point.lon || Math.abs(point.lon) > 90) return null;
  return { lat: point.lon, lon: point.lat };
}

function nearestKm(point: Point, references: readonly Point[]): { km: number; index: number } {
  let best = { km: Number.POSITIVE_INFINITY, index: -1 };
  references.forEach((reference, index) => {
    const km = haversineKm(point, reference);
    if (km < best.km) best = { km, index };
  });
  return best;
}

function swappedWarning(path: Path, point: Point, km: number, from: string, problems: ProblemList): void {
  problems.warning(
    path,
    `lat ${point.lat} and lon ${point.lon} look swapped: as given the point lies ${Math.round(km)} km from ${from}, swapped (lat ${point.lon}, lon ${point.lat}) it lies near them`,
    'swapped_coordinates',
  );
}

export function checkGeography(teams: readonly Team[], recipients: readonly Recipient[], staffPoints: readonly PlacedPoint[], problems: ProblemList): void {
  const areas: Area[] = teams.flatMap((team) => (team.area ? [team.area] : []));
  const inSomeArea = (point: Point) => areas.some((area) => pointInArea(point, area));

  // An office is judged against everything else, and called swapped only when the swapped
  // point sits among most of it: with one office and one home, the home is the one blamed.
  // Once found swapped, its swapped position is what the homes are measured from, so one
  // slip gives one warning.
  const offices = teams.map((team, i) => {
    const others = [...teams.filter((_, k) => k !== i).map((t) => t.office), ...recipients.map((r) => r.location)];
    if (others.length === 0) return team.office;
    const given = nearestKm(team.office, others);
    if (given.km <= FAR_KM || inSomeArea(team.office)) return team.office;
    const alternative = swapped(team.office);
    const nearAlternative = alternative ? others.filter((point) => haversineKm(alternative, point) <= FAR_KM).length : 0;
    if (alternative && nearAlternative >= Math.max(2, others.length / 2)) {
      swappedWarning(['teams', i, 'office'], team.office, given.km, 'every other office and home', problems);
      return alternative;
    }
    return team.office;
  });

  const nearTeams = (point: Point) => nearestKm(point, offices).km <= FAR_KM || inSomeArea(point);
  recipients.forEach((recipient, i) => {
    const point = recipient.location;
    if (nearTeams(point)) return;
    const nearest = nearestKm(point, offices);
    const alternative = swapped(point);
    if (alternative && nearTeams(alternative)) {
      swappedWarning(['recipients', i, 'location'], point, nearest.km, 'the team offices', problems);
      return;
    }
    const outside = areas.length > 0 ? ' and outside every team area' : '';
    problems.warning(
      ['recipients', i, 'location'],
      `lies ${Math.round(nearest.km)} km from the nearest team office (${teams[nearest.index].id})${outside}; is the location right?`,
      'far_from_teams',
    );
  });

  // Staff may live far away; only a point that fits once swapped is flagged.
  for (const { path, point } of staffPoints) {
    if (nearTeams(point)) continue;
    const alternative = swapped(point);
    if (alternative && nearTeams(alternative)) swappedWarning(path, point, nearestKm(point, offices).km, 'the team offices', problems);
  }
}
