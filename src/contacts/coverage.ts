/**
 * How much of a recipient's planned care a staff member's roster could cover over a period,
 * by the rule of contactReachableShare (FORMAT §6.3): a visit counts when the staff member
 * is on that day's staff list, is eligible for it, and some start inside the window (or the
 * `lockedStart`) keeps the visit inside their shift. Travel and breaks are ignored.
 */
import type { DayProblem, PeriodProblem, PeriodStaff, Recipient, Visit } from '../model/types.ts';
import { isEligible } from '../rules/eligibility.ts';
import { DEFAULT_TIMEZONE } from '../time/index.ts';
import { MemoClock } from '../time/index.ts';
import type { Job } from './capacity.ts';

/** One planned visit on one day, its start range in minutes of that day. */
export interface Occurrence {
  date: string;
  visit: Visit;
  /** Earliest and latest start: the window, or the locked start on both ends. */
  earliestStart: number;
  latestStart: number;
  durationMinutes: number;
}

/** A rostered day in minutes of that day; each break is a job of `minutes` starting between `earliest` and `latest − minutes`. */
export interface ShiftMinutes {
  start: number;
  end: number;
  breaks: Job[];
}

export interface Covered {
  minutes: number;
  visits: number;
}

export class PeriodCoverage {
  /** Planned visits per recipient id, over every day of the period. */
  private readonly occurrences = new Map<string, Occurrence[]>();
  /** Shift in minutes per date and staff id, for staff rostered that day. */
  private readonly shifts = new Map<string, Map<string, ShiftMinutes>>();
  private readonly staffById = new Map<string, PeriodStaff>();
  private readonly recipientById = new Map<string, Recipient>();
  private readonly cache = new Map<string, Covered>();

  /** `days` are `expandPeriod(period)`: the coverage sees the same days as the day solver. */
  constructor(period: PeriodProblem, days: readonly DayProblem[]) {
    const timezone = period.timezone ?? DEFAULT_TIMEZONE;
    for (const s of period.staff) this.staffById.set(s.id, s);
    for (const r of period.recipients) {
      this.recipientById.set(r.id, r);
      this.occurrences.set(r.id, []);
    }
    for (const day of days) {
      const clock = new MemoClock(day.date, timezone);
      const shifts = new Map<string, ShiftMinutes>();
      for (const s of day.staff) {
        const breaks = (s.breaks ?? []).map((b) => {
          const latest = clock.minutes(b.latest);
          return { lo: clock.minutes(b.earliest), hi: latest - b.minutes, duration: b.minutes };
        });
        shifts.set(s.id, { start: clock.minutes(s.shift.start), end: clock.minutes(s.shift.end), breaks });
      }
      this.shifts.set(day.date, shifts);
      for (const visit of day.visits) {
        const list = this.occurrences.get(visit.recipient);
        if (!list) continue;
        const locked = visit.lockedStart !== undefined ? clock.minutes(visit.lockedStart) : null;
        list.push({
          date: day.date,
          visit,
          earliestStart: locked ?? clock.minutes(visit.window.start),
          latestStart: locked ?? clock.minutes(visit.window.end),
          durationMinutes: visit.durationMinutes,
        });
      }
    }
  }

  occurrencesOf(recipientId: string): readonly Occurrence[] {
    return this.occurrences.get(recipientId) ?? [];
  }

  /** Planned care minutes and visits of a recipient over the period. */
  total(recipientId: string): Covered {
    let minutes = 0;
    for (const o of this.occurrencesOf(recipientId)) minutes += o.durationMinutes;
    return { minutes, visits: this.occurrencesOf(recipientId).length };
  }

  /** The shift of `staffId` on `date`, or undefined on a day off. */
  shiftOf(staffId: string, date: string): ShiftMinutes | undefined {
    return this.shifts.get(date)?.get(staffId);
  }

  /** The starts at which `staffId` could do this visit within their shift that day, or null when none (or not eligible). */
  startRange(staffId: string, recipientId: string, o: Occurrence): { lo: number; hi: number } | null {
    const staff = this.staffById.get(staffId);
    const recipient = this.recipientById.get(recipientId);
    const shift = this.shiftOf(staffId, o.date);
    if (!staff || !recipient || !shift) return null;
    if (!isEligible(staff, o.visit, recipient)) return null;
    const lo = Math.max(o.earliestStart, shift.start);
    const hi = Math.min(o.latestStart, shift.end - o.durationMinutes);
    return lo <= hi ? { lo, hi } : null;
  }

  /** Whether `staffId` could do this visit of `recipientId` within their shift that day. */
  covers(staffId: string, recipientId: string, o: Occurrence): boolean {
    return this.startRange(staffId, recipientId, o) !== null;
  }

  /** Minutes and visits of a recipient's planned care that `staffId` could cover. */
  covered(recipientId: string, staffId: string): Covered {
    const key = `${recipientId}\u0000${staffId}`;
    let result = this.cache.get(key);
    if (!result) {
      result = { minutes: 0, visits: 0 };
      for (const o of this.occurrencesOf(recipientId)) {
        if (this.covers(staffId, recipientId, o)) {
          result.minutes += o.durationMinutes;
          result.visits += 1;
        }
      }
      this.cache.set(key, result);
    }
    return result;
  }

  /** Whether `staffId` is eligible for at least one of the recipient's planned visits. */
  eligibleForAny(recipientId: string, staffId: string): boolean {
    const staff = this.staffById.get(staffId);
    const recipient = this.recipientById.get(recipientId);
    if (!staff || !recipient) return false;
    return this.occurrencesOf(recipientId).some((o) => isEligible(staff, o.visit, recipient));
  }
}

/** Reachable visits over visits of recipients that have a contact (FORMAT §6.3, §6.4); null when none has. */
export interface ReachableShare {
  share: number | null;
  reachable: number;
  visits: number;
  /** The same over care minutes instead of visits: what the assignment model maximises under `weight: "minutes"`. */
  minutesShare: number | null;
  recipientsWithContact: number;
}

/**
 * contactReachableShare over the planned visits of the period for `recipients`, each
 * taken with the contact `contactOf` gives it. A double-staffed visit counts once.
 */
export function reachableShare(
  coverage: PeriodCoverage,
  recipients: readonly Recipient[],
  contactOf: (r: Recipient) => string | null | undefined,
): ReachableShare {
  let reachable = 0;
  let visits = 0;
  let reachableMinutes = 0;
  let minutes = 0;
  let recipientsWithContact = 0;
  for (const r of recipients) {
    const contact = contactOf(r);
    if (contact === null || contact === undefined) continue;
    recipientsWithContact += 1;
    const covered = coverage.covered(r.id, contact);
    const total = coverage.total(r.id);
    reachable += covered.visits;
    visits += total.visits;
    reachableMinutes += covered.minutes;
    minutes += total.minutes;
  }
  return {
    share: visits === 0 ? null : reachable / visits,
    reachable,
    visits,
    minutesShare: minutes === 0 ? null : reachableMinutes / minutes,
    recipientsWithContact,
  };
}
