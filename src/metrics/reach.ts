/** Whether a recipient's contact could have made a visit today (FORMAT §6.1–6.3). */
import type { Recipient, Staff, Visit } from '../model/types.ts';
import { isEligible } from '../rules/eligibility.ts';
import { shiftCovers } from '../rules/coverage.ts';
import type { DayIndex } from './day.ts';

/**
 * Whether `staff` may be one of those sent to `visit` (§6.1, §6.2). A lock naming fewer
 * people than the visit's staffCount leaves the other seats open, so the lock only bars
 * people when it names at least staffCount.
 */
export function mayServe(staff: Staff, visit: Visit, recipient: Recipient): boolean {
  const lock = visit.lockedStaff;
  if (lock && lock.length >= (visit.staffCount ?? 1)) return isEligible(staff, visit, recipient);
  return isEligible(staff, { ...visit, lockedStaff: undefined }, recipient);
}

/**
 * §6.3: the contact is on today's staff list, may serve the visit, and some start inside
 * the window (or the lockedStart) keeps [start, start + duration] inside the contact's
 * shift. Travel and breaks are ignored.
 */
export function contactCanReach(day: DayIndex, visit: Visit): boolean {
  const recipient = day.recipients.get(visit.recipient);
  const contactId = day.contactOf(recipient);
  const contact = contactId === null ? undefined : day.staff.get(contactId);
  const times = day.visitTimes.get(visit.id);
  const shift = contact && day.staffTimes.get(contact.id);
  if (!recipient || !contact || !times || !shift || !mayServe(contact, visit, recipient)) return false;
  const [earliest, latest] = times.lockedStart !== null ? [times.lockedStart, times.lockedStart] : [times.windowStart, times.windowEnd];
  return shiftCovers(shift.shiftStart, shift.shiftEnd, earliest, latest, visit.durationMinutes);
}
