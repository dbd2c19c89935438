/**
 * Staff time over a period, for the contact assignment: every rostered day of every staff
 * member as a `StaffDay`, and a recipient's planned visits as the jobs a staff
 * member would take on to make them (each visit with a travel allowance before it: the
 * leg from the home to the staff member's start point, about a leg between two homes of
 * a team's area). What a set of recipients leaves a staff member time for is their jobs
 * in sequence (`sequence` in capacity.ts).
 */
import type { PeriodProblem, PeriodStaff, Recipient, TravelMode } from '../model/types.ts';
import { legMinutes, travelSettings } from '../geo/index.ts';
import { sequence, type Job, type StaffDay } from './capacity.ts';
import type { Occurrence, PeriodCoverage } from './coverage.ts';

/** The jobs of one recipient for one staff member on one day, with the visits they stand for. */
export interface RecipientDay {
  /** Index into `PeriodWork.days`. */
  day: number;
  jobs: readonly Job[];
  occurrences: readonly Occurrence[];
}

export class PeriodWork {
  readonly days: StaffDay[] = [];
  private readonly dayIndex = new Map<string, number>();
  private readonly allowance = new Map<string, number>();

  private readonly staff: readonly PeriodStaff[];

  /** Staff are indexed as in `period.staff`; `StaffDay.staff` is that index. */
  constructor(
    private readonly coverage: PeriodCoverage,
    period: PeriodProblem,
    dates: readonly string[],
  ) {
    this.staff = period.staff;
    period.staff.forEach((s, j) => {
      for (const date of dates) {
        const shift = coverage.shiftOf(s.id, date);
        if (!shift) continue;
        this.dayIndex.set(`${s.id}\u0000${date}`, this.days.length);
        this.days.push({ staff: j, date, start: shift.start, end: shift.end, breaks: shift.breaks });
      }
    });
    const settings = travelSettings(period.travel);
    const teams = new Map(period.teams.map((t) => [t.id, t]));
    this.allowanceOf = (r, s) => {
      const key = `${r.id}\u0000${s.id}`;
      let minutes = this.allowance.get(key);
      if (minutes === undefined) {
        const team = teams.get(s.team)!;
        const mode: TravelMode = s.travelMode ?? team.travelMode ?? 'walk';
        minutes = legMinutes(r.location, s.start ?? team.office, mode, settings);
        this.allowance.set(key, minutes);
      }
      return minutes;
    };
  }

  /** Travel minutes charged before each visit of `r` by `s`. */
  readonly allowanceOf: (r: Recipient, s: PeriodStaff) => number;

  /** The staff-day of staff index `j` on `date`, or undefined on a day off. */
  dayOf(j: number, date: string): number | undefined {
    return this.dayIndex.get(`${this.staff[j].id}\u0000${date}`);
  }

  /** The recipient's visits staff index `j` could make (all, or those `keep` lets through), as jobs per staff-day. */
  jobsOf(r: Recipient, j: number, keep: (o: Occurrence) => boolean = () => true): RecipientDay[] {
    const s = this.staff[j];
    const allow = this.allowanceOf(r, s);
    const byDay = new Map<number, { jobs: Job[]; occurrences: Occurrence[] }>();
    for (const o of this.coverage.occurrencesOf(r.id)) {
      if (!keep(o)) continue;
      const range = this.coverage.startRange(s.id, r.id, o);
      if (!range) continue;
      const day = this.dayOf(j, o.date)!;
      let entry = byDay.get(day);
      if (!entry) byDay.set(day, (entry = { jobs: [], occurrences: [] }));
      entry.jobs.push({ lo: range.lo - allow, hi: range.hi - allow, duration: o.durationMinutes + allow });
      entry.occurrences.push(o);
    }
    return [...byDay].map(([day, { jobs, occurrences }]) => ({ day, jobs, occurrences }));
  }

  /**
   * The visits each staff member makes of the recipients given to them, in sequence per
   * staff-day after the fixed work already there (`fixed`, per staff-day: jobs that must be
   * made, such as a deputy's own contact visits); visit ids.
   */
  made(given: readonly { recipient: Recipient; staff: number; days: readonly RecipientDay[] }[], fixed?: ReadonlyMap<number, readonly Job[]>): Set<string> {
    const perDay = new Map<number, { jobs: Job[]; occurrences: Occurrence[] }>();
    for (const { days } of given) {
      for (const { day, jobs, occurrences } of days) {
        let entry = perDay.get(day);
        if (!entry) perDay.set(day, (entry = { jobs: [], occurrences: [] }));
        entry.jobs.push(...jobs);
        entry.occurrences.push(...occurrences);
      }
    }
    const made = new Set<string>();
    for (const [day, { jobs, occurrences }] of perDay) {
      const flags = sequence(this.withFixed(day, fixed), jobs);
      flags.forEach((ok, i) => {
        if (ok) made.add(occurrences[i].visit.id);
      });
    }
    return made;
  }

  /** Staff-day `day` with `fixed` work added to its breaks: work that must be made and leaves less room. */
  withFixed(day: number, fixed?: ReadonlyMap<number, readonly Job[]>): StaffDay {
    const extra = fixed?.get(day);
    const sd = this.days[day];
    return extra && extra.length > 0 ? { ...sd, breaks: [...sd.breaks, ...extra] } : sd;
  }
}

/** One pair that may be chosen, with what it is worth besides the visits made: distance, keep-current bonus. */
export interface TimedArc {
  staff: number;
  /** Worth of the pair other than its visits made (distance penalty, keep-current bonus). */
  fixedScore: number;
  days: readonly RecipientDay[];
}

/** Most passes of the improvement; each pass tries every recipient once. */
export const MAX_IMPROVEMENT_PASSES = 20;
const GAIN_TOLERANCE = 1e-9;

/**
 * An assignment of recipients to staff improved by local search on what each staff member
 * can make in their own time: the worth of a staff-day is the weight of the visits its
 * recipients' jobs make in `sequence`, after the day's fixed work. A pass tries, for each
 * recipient in turn that loses a visit where it is, the best move
 * to another candidate with room under `cap` and, towards a candidate who is full, the best
 * swap with one of that candidate's recipients; the best gain found is taken. Passes repeat until none gains (at most `MAX_IMPROVEMENT_PASSES`).
 * Recipients keep having a staff member or not as in the start, so the count given one
 * never falls.
 */
export class TimedAssignment {
  /** Per recipient: staff index → arc. */
  private readonly arcsOf: Map<number, TimedArc>[];
  readonly staffOf: (number | null)[];
  private readonly load = new Map<number, number>();
  /** Per staff-day: the recipients whose jobs are on it. */
  private readonly members = new Map<number, number[]>();
  private readonly dayWorth = new Map<number, number>();
  /** Per staff-day: the recipients with a job there that the sequence leaves out. */
  private readonly dayShort = new Map<number, Set<number>>();
  /** The arcs' staff index of each staff-day seen (arcs index staff their own way, not as `PeriodWork`). */
  private readonly staffOfDay = new Map<number, number>();

  constructor(
    private readonly work: PeriodWork,
    arcs: readonly (readonly TimedArc[])[],
    start: readonly (number | null)[],
    private readonly cap: number,
    private readonly weightOf: (o: Occurrence) => number,
    private readonly fixed?: ReadonlyMap<number, readonly Job[]>,
  ) {
    this.arcsOf = arcs.map((list) => new Map(list.map((a) => [a.staff, a])));
    for (const list of arcs) for (const a of list) for (const { day } of a.days) this.staffOfDay.set(day, a.staff);
    this.staffOf = [...start];
    this.staffOf.forEach((s, r) => {
      if (s === null) return;
      this.load.set(s, (this.load.get(s) ?? 0) + 1);
      for (const { day } of this.arcsOf[r].get(s)!.days) this.members.set(day, [...(this.members.get(day) ?? []), r]);
    });
    this.commit(this.members);
  }

  /** The weight of what `recipients` make on staff-day `day` (their jobs for that day's staff member), and who loses a visit. */
  private worth(day: number, recipients: readonly number[]): { sum: number; short: Set<number> } {
    const staff = this.staffOfDay.get(day)!;
    const jobs: Job[] = [];
    const weights: number[] = [];
    const owners: number[] = [];
    for (const r of recipients) {
      const entry = this.arcsOf[r].get(staff)!.days.find((d) => d.day === day)!;
      entry.jobs.forEach((job, i) => {
        jobs.push(job);
        weights.push(this.weightOf(entry.occurrences[i]));
        owners.push(r);
      });
    }
    let sum = 0;
    const short = new Set<number>();
    sequence(this.work.withFixed(day, this.fixed), jobs).forEach((ok, i) => {
      if (ok) sum += weights[i];
      else short.add(owners[i]);
    });
    return { sum, short };
  }

  /** Change in worth of the days of `staff` when `leave` goes and `join` comes (either may be null). */
  private staffDelta(staff: number, leave: number | null, join: number | null, changed: Map<number, number[]>): number {
    const days = new Set<number>();
    for (const r of [leave, join]) if (r !== null) for (const { day } of this.arcsOf[r].get(staff)!.days) days.add(day);
    let delta = 0;
    for (const day of days) {
      const list = (this.members.get(day) ?? []).filter((r) => r !== leave);
      if (join !== null && this.arcsOf[join].get(staff)!.days.some((d) => d.day === day)) list.push(join);
      delta += this.worth(day, list).sum - (this.dayWorth.get(day) ?? 0);
      changed.set(day, list);
    }
    return delta;
  }

  private commit(changed: ReadonlyMap<number, number[]>): void {
    for (const [day, list] of changed) {
      const { sum, short } = this.worth(day, list);
      this.members.set(day, list);
      this.dayWorth.set(day, sum);
      this.dayShort.set(day, short);
    }
  }

  private reassign(r: number, to: number): void {
    const from = this.staffOf[r]!;
    this.load.set(from, this.load.get(from)! - 1);
    this.load.set(to, (this.load.get(to) ?? 0) + 1);
    this.staffOf[r] = to;
  }

  /** What the assignment is worth: its pairs' fixed scores and every staff-day's visits made. */
  value(): number {
    let sum = 0;
    this.staffOf.forEach((s, r) => {
      if (s !== null) sum += this.arcsOf[r].get(s)!.fixedScore;
    });
    for (const worth of this.dayWorth.values()) sum += worth;
    return sum;
  }

  /** Runs the passes; returns how many moves and swaps were taken. */
  improve(): number {
    let taken = 0;
    for (let pass = 0; pass < MAX_IMPROVEMENT_PASSES; pass++) {
      let gained = false;
      for (let r = 0; r < this.staffOf.length; r++) {
        if (this.tryRecipient(r)) {
          gained = true;
          taken += 1;
        }
      }
      if (!gained) break;
    }
    return taken;
  }

  private tryRecipient(r: number): boolean {
    const from = this.staffOf[r];
    if (from === null) return false;
    const here = this.arcsOf[r].get(from)!;
    // A recipient whose visits all fit stays (the LP chose it for its fixed score); others come for its place by a swap.
    if (!here.days.some(({ day }) => this.dayShort.get(day)?.has(r))) return false;
    let best: { gain: number; changed: Map<number, number[]>; to: number; other: number | null } | null = null;
    for (const [to, arc] of this.arcsOf[r]) {
      if (to === from) continue;
      if ((this.load.get(to) ?? 0) < this.cap) {
        const changed = new Map<number, number[]>();
        const gain = arc.fixedScore - here.fixedScore + this.staffDelta(from, r, null, changed) + this.staffDelta(to, null, r, changed);
        if (gain > GAIN_TOLERANCE && (!best || gain > best.gain)) best = { gain, changed, to, other: null };
        continue;
      }
      for (let other = 0; other < this.staffOf.length; other++) {
        if (this.staffOf[other] !== to) continue;
        const back = this.arcsOf[other].get(from);
        if (!back) continue;
        const changed = new Map<number, number[]>();
        const gain =
          arc.fixedScore - here.fixedScore + back.fixedScore - this.arcsOf[other].get(to)!.fixedScore + this.staffDelta(from, r, other, changed) + this.staffDelta(to, other, r, changed);
        if (gain > GAIN_TOLERANCE && (!best || gain > best.gain)) best = { gain, changed, to, other };
      }
    }
    if (!best) return false;
    this.reassign(r, best.to);
    if (best.other !== null) this.reassign(best.other, from);
    this.commit(best.changed);
    return true;
  }
}
