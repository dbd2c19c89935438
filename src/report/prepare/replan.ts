/**
 * A re-plan prepared for drawing: the new schedule as a day of the day as it now stands and,
 * when the published schedule is given, that schedule as a day of the original problem, both
 * on one time axis; what changed at every stop of either; the visits that changed hands,
 * grouped by the staff member who lost them; the newly unassigned; the recipients who now
 * meet someone new. Pure, like `prepareDay`.
 *
 * Everything about the new plan is read from the day as it now stands, which every re-planned
 * visit carries `plannedStaff` and `plannedStart` in (FORMAT §7 rule 3): the same reading
 * `describeChanges` counts with, so the marks agree with the `replan` block, and a page made
 * from the day alone (`replan --problem-out`) marks the same visits as one made from the
 * original inputs.
 */
import type { CheckedSchedule, DayProblem, ReplanSummary, Schedule } from '../../model/types.ts';
import { DEFAULT_TIMEZONE, PlanClock } from '../../time/index.ts';
import { prepareDay, type DayModel } from './day.ts';
import { staffColours } from './palette.ts';
import { newFaces } from '../../replan/index.ts';

/**
 * What changed at a stop. In the new plan: `staff` (the visit is made by others than planned),
 * `moved` (it starts at another time), `added` (the published plan did not make it). In the
 * published plan: `lost` (this stop's staff member no longer makes it, others do), `moved`,
 * `dropped` (no one makes it now), `cancelled`.
 */
export type ChangeKind = 'staff' | 'moved' | 'added' | 'lost' | 'dropped' | 'cancelled';

export interface StopChange {
  kinds: ChangeKind[];
  /** The visit in the other plan (published for a new stop, new for a published one): its staff and start; null when it is not there. */
  other: { staff: string[]; startIso: string } | null;
  /** New start less published start, in minutes; 0 when it did not move or is in one plan only. */
  movedMinutes: number;
}

export interface ReassignedRow {
  visit: string;
  recipient: string;
  recipientName: string;
  from: string[];
  to: string[];
  taker: NonNullable<ReplanSummary['reassigned']>[number]['taker'];
  message: string;
  /** Published and new start; the new one is null when the visit is not made now. */
  wasIso: string | null;
  nowIso: string | null;
}

/** The visits one staff member lost (null: visits that gained staff without anyone leaving them). */
export interface LostGroup {
  staff: string | null;
  /** When they are absent (ISO), else null: their route was re-planned around others' changes. */
  absentFrom: string | null;
  rows: ReassignedRow[];
}

export interface Stranger {
  recipient: string;
  recipientName: string;
  staff: string[];
  visits: string[];
}

export interface ReplanModel {
  summary: ReplanSummary;
  now: number;
  after: DayModel;
  /** By index of `after.stops`; null for a stop that did not change (a frozen one among them). */
  afterChanges: (StopChange | null)[];
  /** Present when the page was made with the published schedule. */
  before: { day: DayModel; changes: (StopChange | null)[] } | null;
  absent: { staff: string; from: number; fromIso: string }[];
  lost: LostGroup[];
  newlyUnassigned: DayModel['unassigned'];
  strangers: Stranger[];
  contactShare: { before: number | null; after: number | null };
}

/** The published schedule and what the re-plan's rule 1 froze of it (`DayNow.frozen`). */
export interface PublishedSide {
  problem: DayProblem;
  schedule: CheckedSchedule;
  frozen: ReadonlyMap<string, readonly string[]>;
}

function sameStaff(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s) => b.includes(s));
}

/** Who made each visit and from when, in one schedule: every stop's staff, the first stop's start. */
function sentIn(routes: Schedule['routes'], minute: (iso: string) => number): Map<string, { staff: string[]; start: number; startIso: string }> {
  const sent = new Map<string, { staff: string[]; start: number; startIso: string }>();
  for (const route of routes) {
    for (const stop of route.stops) {
      const entry = sent.get(stop.visit);
      if (entry) entry.staff.push(route.staff);
      else sent.set(stop.visit, { staff: [route.staff], start: minute(stop.start), startIso: stop.start });
    }
  }
  return sent;
}

/** One axis over both charts, so that the same minute stands at the same place in each. */
function sharedAxis(a: DayModel['axis'], b: DayModel['axis']): DayModel['axis'] {
  const ticks = new Map([...a.ticks, ...b.ticks].map((t) => [t.minute, t]));
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), ticks: [...ticks.values()].sort((x, y) => x.minute - y.minute) };
}

/**
 * `day` is the day as it now stands and `schedule` the new schedule of it (held to each other
 * by the caller); `published` the published schedule with the original problem, when given.
 */
export function prepareReplan(day: DayProblem, schedule: Schedule & { replan: ReplanSummary }, published?: PublishedSide): ReplanModel {
  const clock = new PlanClock(day.date, day.timezone ?? DEFAULT_TIMEZONE);
  const minute = (iso: string) => clock.minutes(iso);
  const summary = schedule.replan;
  const now = minute(summary.now);
  const visits = new Map(day.visits.map((v) => [v.id, v]));
  const recipients = new Map(day.recipients.map((r) => [r.id, r]));
  const nameOf = (recipient: string) => recipients.get(recipient)?.name ?? recipient;

  const after = prepareDay(day, schedule);
  // A frozen stop is locked in the day as it now stands; that lock is the freeze, which the
  // shading shows, not a person's pin.
  for (const stop of after.stops) if (stop.start < now) stop.locked = false;
  const made = sentIn(schedule.routes, minute);
  const afterChanges = after.stops.map((stop): StopChange | null => {
    if (stop.start < now) return null;
    const visit = visits.get(stop.visit);
    if (visit?.plannedStaff === undefined || visit.plannedStart === undefined) return { kinds: ['added'], other: null, movedMinutes: 0 };
    const sent = made.get(stop.visit)!;
    const moved = sent.start - minute(visit.plannedStart);
    const kinds: ChangeKind[] = [];
    if (!sameStaff(sent.staff, visit.plannedStaff)) kinds.push('staff');
    if (Math.abs(moved) > 1e-6) kinds.push('moved');
    return kinds.length === 0 ? null : { kinds, other: { staff: visit.plannedStaff, startIso: visit.plannedStart }, movedMinutes: moved };
  });

  let before: ReplanModel['before'] = null;
  if (published) {
    const day0 = prepareDay(published.problem, { ...published.schedule, unassigned: published.schedule.unassigned ?? [] });
    const changes = day0.stops.map((stop): StopChange | null => {
      if (published.frozen.get(stop.visit)?.includes(stop.staff)) return null;
      if (!visits.has(stop.visit)) return { kinds: ['cancelled'], other: null, movedMinutes: 0 };
      const sent = made.get(stop.visit);
      if (!sent) return { kinds: ['dropped'], other: null, movedMinutes: 0 };
      const moved = sent.start - stop.start;
      const kinds: ChangeKind[] = [];
      if (!sent.staff.includes(stop.staff)) kinds.push('lost');
      if (Math.abs(moved) > 1e-6) kinds.push('moved');
      return kinds.length === 0 ? null : { kinds, other: { staff: sent.staff, startIso: sent.startIso }, movedMinutes: moved };
    });
    const axis = sharedAxis(day0.axis, after.axis);
    day0.axis = axis;
    after.axis = axis;
    // One colour per person on the whole page: someone absent all day has no row after, which
    // would give the rest of their team other colours there.
    const rows = [...new Map([...day0.rows, ...after.rows].map((r) => [r.staff, r])).values()];
    const colours = staffColours(rows.map((r) => ({ staff: r.staff, team: r.team })));
    for (const row of [...day0.rows, ...after.rows]) row.colour = colours.get(row.staff)!;
    for (const route of [...day0.map.routes, ...after.map.routes]) route.colour = colours.get(route.staff)!;
    before = { day: day0, changes };
  }

  const absent = (summary.absent ?? []).map((a) => ({ staff: a.staff, from: minute(a.from), fromIso: a.from }));
  const absentFrom = new Map(absent.map((a) => [a.staff, a.fromIso]));
  const groups = new Map<string | null, ReassignedRow[]>();
  for (const entry of summary.reassigned ?? []) {
    const visit = visits.get(entry.visit);
    const row: ReassignedRow = {
      ...entry,
      recipientName: nameOf(entry.recipient),
      wasIso: visit?.plannedStart ?? null,
      nowIso: made.get(entry.visit)?.startIso ?? null,
    };
    const losers = entry.from.filter((s) => !entry.to.includes(s));
    for (const loser of losers.length > 0 ? losers : [null]) groups.set(loser, [...(groups.get(loser) ?? []), row]);
  }
  // The absent first, as the block lists them; then the rest, who lost most first.
  const rank = (staff: string | null) => {
    const i = absent.findIndex((a) => a.staff === staff);
    return i < 0 ? absent.length : i;
  };
  const lost = [...groups]
    .map(([staff, rows]) => ({ staff, absentFrom: staff === null ? null : (absentFrom.get(staff) ?? null), rows }))
    .sort((a, b) => rank(a.staff) - rank(b.staff) || b.rows.length - a.rows.length);

  const fresh = new Set(summary.newlyUnassigned);
  return {
    summary,
    now,
    after,
    afterChanges,
    before,
    absent,
    lost,
    newlyUnassigned: after.unassigned.filter((u) => fresh.has(u.visit)),
    strangers: strangersOf(day, schedule),
    contactShare: { before: before?.day.metrics.contactShare ?? null, after: after.metrics.contactShare },
  };
}

/** Recipients who now meet someone new (`newFaces`: the re-plan's `taker` reads familiarity the same way), with their names. */
function strangersOf(day: DayProblem, schedule: Schedule & { replan: ReplanSummary }): Stranger[] {
  const names = new Map(day.recipients.map((r) => [r.id, r.name ?? r.id]));
  return newFaces(day, schedule).map((face) => ({ ...face, recipientName: names.get(face.recipient)! }));
}
