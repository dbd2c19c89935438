/**
 * Continuity facts: each recipient's fast omsorgskontakt (a qualified assistant nurse
 * whose shifts cover most of the recipient's visits, with the load spread over the
 * team), vice contacts, and the 14-day history of who came (`recentStaff`): the contact
 * most often, the deputies next, and a spread of colleagues, which gives the 10–15
 * distinct staff in 14 days that Stockholm's teams typically report.
 */
import type { RecentStaff, Role, VisitType } from '../model/types.ts';
import { allowedRoles } from '../rules/eligibility.ts';
import { addDays } from '../time/index.ts';
import type { Random } from '../random/index.ts';
import { shiftGroup, type Person } from './workforce.ts';

/**
 * One contact per recipient from `qualified`: the best `cover` score first, then the
 * lightest load. `cover(client, person)` is how many of the client's visits the person's
 * shifts can hold (0 when the person may not serve the client at all).
 */
export function assignContacts(random: Random, clients: readonly number[], qualified: readonly Person[], cover: (client: number, person: Person) => number): Map<number, Person> {
  const out = new Map<number, Person>();
  if (qualified.length === 0) return out;
  const fair = Math.max(1, clients.length / qualified.length);
  const load = new Map<string, number>();
  for (const client of random.shuffle(clients)) {
    const scored = qualified.map((p) => ({ p, cover: cover(client, p), jitter: random.next() }));
    const top = Math.max(...scored.map((s) => s.cover));
    if (top <= 0) continue;
    let best = scored[0];
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const s of scored) {
      if (s.cover <= 0) continue;
      const value = s.cover / top - 0.6 * ((load.get(s.p.id) ?? 0) / fair) + 0.01 * s.jitter;
      if (value > bestValue) {
        bestValue = value;
        best = s;
      }
    }
    out.set(client, best.p);
    load.set(best.p.id, (load.get(best.p.id) ?? 0) + 1);
  }
  return out;
}

/**
 * Vice contacts for some recipients (55 % one, 15 % two): colleagues who cover the visits
 * the contact cannot, now and then someone who is off today.
 */
export function pickDeputies(random: Random, contact: Person | null, pool: readonly Person[], offDuty: readonly Person[], cover: (person: Person) => number): Person[] {
  const count = random.weighted([[0, 30], [1, 55], [2, 15]]);
  const chosen: Person[] = [];
  const candidates = pool.filter((p) => p !== contact && p.role !== 'service_assistant' && cover(p) > 0);
  const ranked = candidates
    .map((p) => ({ p, value: cover(p) + (contact && shiftGroup(p.shiftKind) !== shiftGroup(contact.shiftKind) ? 1.5 : 0) + random.float(0, 2) }))
    .sort((a, b) => b.value - a.value);
  for (const { p } of ranked) {
    if (chosen.length >= count) break;
    chosen.push(p);
  }
  if (chosen.length > 0 && offDuty.length > 0 && random.chance(0.15)) chosen[chosen.length - 1] = random.pick(offDuty);
  return chosen;
}

/** One past visit: what it was and when in the day, for choosing who came. */
export interface PastVisit {
  type: VisitType;
  staffCount: number;
  evening: boolean;
}

/**
 * Who came during the 13 days before `firstDay` (`lastSeen` from `firstDay` − 13 to
 * `firstDay` − 1). `visitsOn(date)` lists the visits the recipient had that day.
 */
export function recentHistory(
  random: Random,
  firstDay: string,
  team: readonly Person[],
  contact: Person | null,
  deputies: readonly Person[],
  visitsOn: (date: string) => PastVisit[],
): RecentStaff[] {
  // A personal weight per colleague: some come often, most now and then.
  const base = new Map<Person, number>();
  for (const p of team) base.set(p, -Math.log(1 - random.next()) * 0.8);
  if (contact) base.set(contact, 6);
  for (const d of deputies) base.set(d, Math.max(base.get(d) ?? 0, 3));

  const seen = new Map<string, RecentStaff>();
  for (let back = 13; back >= 1; back--) {
    const date = addDays(firstDay, -back);
    for (const visit of visitsOn(date)) {
      const roles: readonly Role[] = allowedRoles({ type: visit.type });
      const weights = team
        .filter((p) => roles.includes(p.role))
        .map((p) => {
          const sameShift = (shiftGroup(p.shiftKind) === 'evening') === visit.evening;
          const service = visit.type === 'service' && p.role === 'service_assistant' ? 3 : 1;
          return [p, (base.get(p) ?? 0) * (sameShift ? 1 : 0.1) * service] as const;
        })
        .filter(([, w]) => w > 0);
      const sent = new Set<Person>();
      while (sent.size < visit.staffCount && sent.size < weights.length) {
        sent.add(random.weighted(weights.filter(([p]) => !sent.has(p))));
      }
      for (const p of sent) {
        const entry = seen.get(p.id);
        if (entry) {
          entry.visits++;
          entry.lastSeen = date;
        } else {
          seen.set(p.id, { staff: p.id, lastSeen: date, visits: 1 });
        }
      }
    }
  }
  return [...seen.values()].sort((a, b) => b.visits - a.visits || idOrder(a.staff, b.staff));
}

/** "s2" before "s10". */
export function idOrder(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || (a < b ? -1 : a > b ? 1 : 0);
}
