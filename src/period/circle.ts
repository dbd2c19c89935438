/**
 * A circle per recipient (issue 13): the few staff a first plan of the period sent most
 * often — the contact, then the most frequent others until they made `share` of the
 * recipient's visits or the circle is full. The second plan makes a visit by someone outside
 * the circle dearer than one inside, so the recipient's fourteen days keep to faces a plan
 * has shown can be sent, instead of drifting to whoever was free once.
 *
 * Measured (benchmarks/period.ts, seed 1): circles from the rosters alone (the contact, the
 * deputies, then whoever could cover most of the rest) barely moved U21401 (team period
 * 11.26 → 11.18 at 1,000 iterations a day): a roster says who works, not who has room. Circles
 * from a plan do (11.26 → 9.82 at the same total budget, and 11.52 → 10.10 on a new two-team
 * period).
 */
import type { Recipient, Schedule } from '../model/types.ts';

export interface CircleRule {
  /** Share of the recipient's planned visits the circle's staff made. */
  share: number;
  /** Most staff in a circle. */
  size: number;
}

/** Each recipient's circle from the days of a plan (recipients without a planned visit get none). */
export function circlesOf(recipients: readonly Recipient[], days: readonly Pick<Schedule, 'routes'>[], rule: CircleRule): Map<string, Set<string>> {
  const made = new Map<string, Map<string, number>>();
  for (const day of days) {
    for (const route of day.routes) {
      for (const stop of route.stops) {
        let byStaff = made.get(stop.recipient);
        if (!byStaff) made.set(stop.recipient, (byStaff = new Map()));
        byStaff.set(route.staff, (byStaff.get(route.staff) ?? 0) + 1);
      }
    }
  }
  const circles = new Map<string, Set<string>>();
  for (const r of recipients) {
    const byStaff = made.get(r.id);
    if (!byStaff) continue;
    const total = [...byStaff.values()].reduce((a, b) => a + b, 0);
    const circle = new Set<string>();
    let covered = 0;
    if (r.contact != null && byStaff.has(r.contact)) {
      circle.add(r.contact);
      covered += byStaff.get(r.contact)!;
    }
    const often = [...byStaff].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [staff, visits] of often) {
      if (covered >= rule.share * total || circle.size >= rule.size) break;
      if (circle.has(staff)) continue;
      circle.add(staff);
      covered += visits;
    }
    circles.set(r.id, circle);
  }
  return circles;
}
