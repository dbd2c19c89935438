/**
 * What validation hands on: the parsed document with the defaults that FORMAT states for
 * missing values filled in here, once, so that every consumer (compile, the period's staff
 * history, contact suggestion, the KPI of a plan) sees the same full entries.
 * - A field given as `null` means its default (FORMAT §1): the key is dropped.
 * - A `recentStaff` entry without `lastSeen` was seen the day before the plan date (for a
 *   period, the day before `startDate`); without `visits`, once (FORMAT §6.20).
 */
import type { z } from 'zod';
import type * as S from '../model/schemas.ts';
import type { DayProblem, PeriodProblem, RecentStaff, Recipient } from '../model/types.ts';
import { addDays } from '../time/index.ts';

/** `visits` of a `recentStaff` entry that does not say how often (FORMAT §6.20). */
export const DEFAULT_RECENT_VISITS = 1;

/**
 * Deletes every own key whose value is `undefined`, which is how the schemas pass on a field
 * given as `null`; a spread of defaults must not meet `{notContact: undefined}`. Iterative;
 * mutates the parsed copy, which zod built afresh.
 */
export function dropUndefinedFields(root: unknown): void {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (record[key] === undefined) delete record[key];
      else pending.push(record[key]);
    }
  }
}

type ParsedRecipient = z.infer<typeof S.Recipient>;

function withRecentDefaults(recipients: ParsedRecipient[], lastSeenDefault: string): Recipient[] {
  return recipients.map((recipient) => {
    if (!recipient.recentStaff) return recipient as Recipient;
    const recentStaff: RecentStaff[] = recipient.recentStaff.map((entry) => ({
      staff: entry.staff,
      lastSeen: entry.lastSeen ?? lastSeenDefault,
      visits: entry.visits ?? DEFAULT_RECENT_VISITS,
    }));
    return { ...recipient, recentStaff };
  });
}

export function normaliseDay(parsed: z.infer<typeof S.DayProblem>): DayProblem {
  dropUndefinedFields(parsed);
  return { ...parsed, recipients: withRecentDefaults(parsed.recipients, addDays(parsed.date, -1)) };
}

export function normalisePeriod(parsed: z.infer<typeof S.PeriodProblem>): PeriodProblem {
  dropUndefinedFields(parsed);
  return { ...parsed, recipients: withRecentDefaults(parsed.recipients, addDays(parsed.startDate, -1)) };
}
