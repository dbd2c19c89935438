/**
 * Who each recipient has met lately, carried from one planned day into the next
 * (FORMAT §6.18), so that the 14-day continuity costs (`newStaff`) see the whole window.
 * Pure: reads a schedule, returns new recipients.
 */
import type { RecentStaff, Recipient, Schedule } from '../model/types.ts';
import { addDays } from '../time/index.ts';

/** Days before D that still count as recent on day D: the 14-day window is D − 13 … D. */
export const RECENT_DAYS = 13;

/** The entries still recent on `date`: those with `lastSeen` on or after `date` − 13. */
export function recentOn(entries: readonly RecentStaff[], date: string): RecentStaff[] {
  const oldest = addDays(date, -RECENT_DAYS);
  return entries.filter((e) => e.lastSeen >= oldest).map((e) => ({ ...e }));
}

/**
 * Visits per recipient and staff member in a schedule. A double-staffed visit stands in
 * both routes, so each staff member sent counts it once.
 */
export function visitsMet(schedule: Pick<Schedule, 'routes'>): Map<string, Map<string, number>> {
  const met = new Map<string, Map<string, number>>();
  for (const route of schedule.routes) {
    for (const stop of route.stops) {
      let byStaff = met.get(stop.recipient);
      if (!byStaff) met.set(stop.recipient, (byStaff = new Map()));
      byStaff.set(route.staff, (byStaff.get(route.staff) ?? 0) + 1);
    }
  }
  return met;
}

/** Adds one day's meetings to a recipient's entries in place. */
function addMeetings(entries: RecentStaff[], byStaff: ReadonlyMap<string, number>, date: string): void {
  for (const [staff, visits] of byStaff) {
    const entry = entries.find((e) => e.staff === staff);
    if (entry) {
      entry.visits += visits;
      if (date > entry.lastSeen) entry.lastSeen = date;
    } else {
      entries.push({ staff, lastSeen: date, visits });
    }
  }
}

/**
 * The recipients of day `date` with the staff they met in `daySchedule` (an earlier day,
 * usually the day before) added to `recentStaff`: `lastSeen` becomes the schedule's date
 * and `visits` are added up. Entries with `lastSeen` before `date` − 13 drop out.
 */
export function carryRecentStaff(recipients: readonly Recipient[], daySchedule: Pick<Schedule, 'date' | 'routes'>, date: string): Recipient[] {
  if (daySchedule.date > date) {
    throw new RangeError(`cannot carry the schedule of ${daySchedule.date} into the earlier day ${date}`);
  }
  const met = visitsMet(daySchedule);
  return recipients.map((recipient) => {
    const today = met.get(recipient.id);
    if (!today && !recipient.recentStaff) return { ...recipient };
    const entries = (recipient.recentStaff ?? []).map((e) => ({ ...e }));
    if (today) addMeetings(entries, today, daySchedule.date);
    return { ...recipient, recentStaff: recentOn(entries, date) };
  });
}

/**
 * The same carried along a period: `record` each day's schedule in order, then ask who a
 * recipient has recently met as of a later date.
 */
export class StaffHistory {
  private readonly byRecipient = new Map<string, RecentStaff[]>();

  constructor(recipients: readonly Recipient[] = []) {
    for (const r of recipients) if (r.recentStaff) this.byRecipient.set(r.id, r.recentStaff.map((e) => ({ ...e })));
  }

  record(schedule: Pick<Schedule, 'date' | 'routes'>): void {
    for (const [recipient, byStaff] of visitsMet(schedule)) {
      // An entry already aged out by this day starts afresh, as carrying day by day would have it.
      const entries = recentOn(this.byRecipient.get(recipient) ?? [], schedule.date);
      addMeetings(entries, byStaff, schedule.date);
      this.byRecipient.set(recipient, entries);
    }
  }

  recentStaffFor(recipientId: string, date: string): RecentStaff[] {
    return recentOn(this.byRecipient.get(recipientId) ?? [], date);
  }

  /** `recipients` with their `recentStaff` as of `date`. */
  recipientsOn(recipients: readonly Recipient[], date: string): Recipient[] {
    return recipients.map((r) => ({ ...r, recentStaff: this.recentStaffFor(r.id, date) }));
  }
}
