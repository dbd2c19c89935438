/** Small hand-built periods for the period and contacts tests. */
import type { PeriodProblem, PeriodStaff, Recipient, RosterEntry, VisitPlan } from '../../src/model/types.ts';
import { addDays } from '../../src/time/index.ts';

export const OFFICE = { lat: 59.3163, lon: 18.0734 };

/** A roster entry on every date from `startDate` for `days` days, with the given shift. */
export function everyDay(startDate: string, days: number, start: string, end: string): RosterEntry[] {
  return Array.from({ length: days }, (_, i) => ({ date: addDays(startDate, i), shift: { start, end } }));
}

export function staff(id: string, fields: Partial<PeriodStaff> = {}): PeriodStaff {
  return { id, team: 'T1', role: 'assistant_nurse', titleProof: 'certificate', roster: [], ...fields };
}

export function recipient(id: string, fields: Partial<Recipient> = {}): Recipient {
  return { id, team: 'T1', location: { lat: OFFICE.lat + 0.005, lon: OFFICE.lon + 0.005 }, ...fields };
}

export function plan(id: string, recipientId: string, fields: Partial<VisitPlan> = {}): VisitPlan {
  return { id, recipient: recipientId, days: 'daily', window: { start: '08:00', end: '09:00' }, durationMinutes: 30, ...fields };
}

export function period(fields: Partial<PeriodProblem> = {}): PeriodProblem {
  return {
    format: 'kontinuitet/period@1',
    startDate: '2026-11-23',
    days: 7,
    timezone: 'Europe/Stockholm',
    teams: [{ id: 'T1', office: OFFICE }],
    staff: [],
    recipients: [],
    visitPlans: [],
    ...fields,
  };
}
