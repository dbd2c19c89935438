/**
 * The team a recipient belongs to, for planning team by team and suggesting contacts: its
 * `team`; else the team whose area holds the home; else its contact's team; else the team
 * with the nearest office (the first listed of equally near ones).
 */
import type { Point, Recipient, Team } from '../model/types.ts';
import { haversineKm, pointInArea } from '../geo/index.ts';

export function recipientTeam(recipient: Pick<Recipient, 'team' | 'location' | 'contact'>, teams: readonly Team[], staffTeam: ReadonlyMap<string, string>): string {
  if (recipient.team != null) return recipient.team;
  const inArea = teams.find((t) => t.area !== undefined && pointInArea(recipient.location, t.area));
  if (inArea) return inArea.id;
  const viaContact = recipient.contact != null ? staffTeam.get(recipient.contact) : undefined;
  if (viaContact !== undefined) return viaContact;
  return nearestTeam(teams, recipient.location).id;
}

function nearestTeam(teams: readonly Team[], home: Point): Team {
  let best = teams[0];
  let bestKm = haversineKm(home, best.office);
  for (const t of teams) {
    const km = haversineKm(home, t.office);
    if (km < bestKm) {
      best = t;
      bestKm = km;
    }
  }
  return best;
}
