/**
 * What a re-plan changed, in numbers (FORMAT §7 rule 4) and in words: for every visit of the
 * published plan that changed hands, why its staff no longer go and who took it — the
 * recipient's contact, a deputy, someone they know (met in the last 14 days or planned for
 * them today), or someone new — and, when not the contact, why not.
 */
import type { CheckedSchedule, DayProblem, Explanation, ReplanSummary, Schedule } from '../model/types.ts';
import { DEFAULT_TIMEZONE, PlanClock } from '../time/index.ts';
import type { DayNow } from './now.ts';

/** A visit of the published plan that changed hands (`replan.reassigned`). */
export type Reassignment = NonNullable<ReplanSummary['reassigned']>[number];
/** Who took a visit, in the order the repair prefers them. */
export type Taker = NonNullable<Reassignment['taker']>;

const TAKER_ORDER: readonly Taker[] = ['contact', 'deputy', 'familiar', 'new'];

/**
 * Whom each recipient knows on the day as it now stands: the contact, the deputies, the staff
 * met in the last 14 days, and those the published plan sent today (a visit's
 * `plannedStaff`, or a stop begun before `now`, which stands as published).
 */
export function knownStaff(day: DayProblem, routes: Schedule['routes'], now: string): Map<string, Set<string>> {
  const known = new Map(day.recipients.map((r) => [r.id, new Set([...(r.contact ? [r.contact] : []), ...(r.deputies ?? []), ...(r.recentStaff ?? []).map((e) => e.staff)])]));
  for (const visit of day.visits) for (const s of visit.plannedStaff ?? []) known.get(visit.recipient)?.add(s);
  const at = Date.parse(now);
  for (const route of routes) for (const stop of route.stops) if (Date.parse(stop.start) < at) known.get(stop.recipient)?.add(route.staff);
  return known;
}

/** A recipient who now meets staff they do not know (`knownStaff`), and at which visits. */
export interface NewFace {
  recipient: string;
  staff: string[];
  visits: string[];
}

/** Every recipient of a re-planned schedule who now meets someone new, in id order. */
export function newFaces(day: DayProblem, schedule: Pick<Schedule, 'routes'> & { replan: Pick<ReplanSummary, 'now'> }): NewFace[] {
  const known = knownStaff(day, schedule.routes, schedule.replan.now);
  const found = new Map<string, NewFace>();
  for (const route of schedule.routes) {
    for (const stop of route.stops) {
      if (known.get(stop.recipient)?.has(route.staff) !== false) continue;
      const entry = found.get(stop.recipient) ?? { recipient: stop.recipient, staff: [], visits: [] };
      if (!entry.staff.includes(route.staff)) entry.staff.push(route.staff);
      if (!entry.visits.includes(stop.visit)) entry.visits.push(stop.visit);
      found.set(stop.recipient, entry);
    }
  }
  return [...found.values()].sort((a, b) => a.recipient.localeCompare(b.recipient, 'sv', { numeric: true }));
}

export function describeChanges(
  day: DayProblem,
  now: DayNow,
  published: CheckedSchedule,
  schedule: Schedule,
): { summary: ReplanSummary; explanations: Explanation[] } {
  const clock = new PlanClock(day.date, day.timezone ?? DEFAULT_TIMEZONE);
  const hhmm = (minute: number) => clock.iso(minute).slice(11, 16);
  const recipients = new Map(day.recipients.map((r) => [r.id, r]));
  const visits = new Map(day.visits.map((v) => [v.id, v]));
  const sent = new Map<string, { staff: string[]; start: number }>();
  for (const route of schedule.routes) {
    for (const stop of route.stops) {
      const entry = sent.get(stop.visit);
      if (entry) entry.staff.push(route.staff);
      else sent.set(stop.visit, { staff: [route.staff], start: clock.minutes(stop.start) });
    }
  }
  const known = knownStaff(day, schedule.routes, clock.iso(now.now));
  const takerOf = (recipientId: string, staff: string): Taker => {
    const r = recipients.get(recipientId)!;
    if (r.contact === staff) return 'contact';
    if (r.deputies?.includes(staff)) return 'deputy';
    return known.get(recipientId)?.has(staff) ? 'familiar' : 'new';
  };
  const described = (recipientId: string, staff: string): string => {
    const taker = takerOf(recipientId, staff);
    if (taker === 'contact' || taker === 'deputy') return `${taker} ${staff}`;
    return `${staff} (${taker === 'familiar' ? 'known to' : 'new to'} ${recipientId})`;
  };
  const whyLost = (visit: string, from: string[], to: string[]): string => {
    const gone = from.filter((s) => !to.includes(s));
    const start = now.published.get(visit)!.start;
    return gone
      .map((s) => {
        const away = now.absent.get(s);
        if (away && away.from <= start + (visits.get(visit)?.durationMinutes ?? 0)) return `${s} absent from ${hhmm(away.from)}`;
        if (now.changed.has(visit)) return `${visit} changed, ${s} could no longer keep it`;
        return `${s}'s day re-planned`;
      })
      .join(', ');
  };

  // A frozen visit is locked to its staff, so the search would say the contact "may not" make
  // it: the published schedule's explanation is the true one (none when it gave none).
  const publishedWhy = new Map((published.explanations ?? []).map((e) => [e.visit, e]));
  const explanations = new Map(
    (schedule.explanations ?? []).flatMap((e) => {
      if (!now.frozen.has(e.visit)) return [[e.visit, e] as const];
      const was = publishedWhy.get(e.visit);
      return was && was.sent.length === e.sent.length && was.sent.every((s) => e.sent.includes(s)) ? [[e.visit, was] as const] : [];
    }),
  );
  const reassigned: Reassignment[] = [];
  let changedStaffVisits = 0;
  let movedVisits = 0;
  let movedMinutes = 0;
  for (const visit of day.visits) {
    if (visit.plannedStaff === undefined || visit.plannedStart === undefined) continue;
    const from = visit.plannedStaff;
    const made = sent.get(visit.id);
    const to = made?.staff ?? [];
    if (made) {
      const moved = Math.abs(made.start - clock.minutes(visit.plannedStart));
      if (moved > 1e-6) {
        movedVisits++;
        movedMinutes += moved;
      }
    }
    const same = to.length === from.length && to.every((s) => from.includes(s));
    if (same) continue;
    if (made) changedStaffVisits++;
    const lost = whyLost(visit.id, from, to);
    let message: string;
    let taker: Taker | null = null;
    if (!made) {
      const left = schedule.unassigned.find((u) => u.visit === visit.id);
      message = `${lost}; no one could take it${left ? ` (${left.reason}: ${left.message})` : ''}`;
    } else {
      taker = to.map((s) => takerOf(visit.recipient, s)).reduce((a, b) => (TAKER_ORDER.indexOf(b) > TAKER_ORDER.indexOf(a) ? b : a));
      const notContact = explanations.get(visit.id);
      const whyNot = notContact && notContact.reason !== 'no_contact' ? `contact ${notContact.message}; ` : '';
      message = `${lost}; ${whyNot}${to.map((s) => described(visit.recipient, s)).join(' and ')} took it`;
      if (notContact) explanations.set(visit.id, { ...notContact, message });
    }
    reassigned.push({ visit: visit.id, recipient: visit.recipient, from, to, taker, message });
  }

  const before = new Set((published.unassigned ?? []).map((u) => u.visit));
  const summary: ReplanSummary = {
    now: clock.iso(now.now),
    frozenStops: now.frozenStops,
    changedStaffVisits,
    movedVisits,
    movedMinutes: Math.round(movedMinutes * 1000) / 1000,
    newlyUnassigned: schedule.unassigned.filter((u) => !before.has(u.visit)).map((u) => u.visit),
    absent: [...now.absent].map(([staff, away]) => ({ staff, from: clock.iso(away.from) })),
    reassigned,
  };
  return { summary, explanations: [...explanations.values()] };
}
