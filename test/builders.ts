/**
 * Shared builders for hand-made problems: one staff member, recipient, visit, day and period
 * shape for every test folder. Defaults are a one-team Södermalm day on 2026-11-23; each
 * builder takes the fields to change.
 */
import type { DayProblem, PeriodProblem, PeriodStaff, Recipient, RosterEntry, Staff, Visit, VisitPlan } from '../src/model/types.ts';
import { addDays } from '../src/time/index.ts';

export const DATE = '2026-11-23';
export const OFFICE = { lat: 59.3163, lon: 18.0734 };

/** A point `east`/`north` hundreds of metres from the office. */
export function near(east: number, north: number) {
  return { lat: OFFICE.lat + north * 0.0009, lon: OFFICE.lon + east * 0.00176 };
}

/** A certified assistant nurse of team T1 working 07:00–16:00. */
export function nurse(id: string, fields: Partial<Staff> = {}): Staff {
  return { id, team: 'T1', role: 'assistant_nurse', titleProof: 'certificate', shift: { start: '07:00', end: '16:00' }, ...fields };
}

/** A recipient of team T1 a few hundred metres from the office. */
export function recipient(id: string, fields: Partial<Recipient> = {}): Recipient {
  return { id, team: 'T1', location: near(1, 1), ...fields };
}

/** A visit that starts between `start` and `end`. */
export function visit(id: string, recipientId: string, start: string, end: string, durationMinutes: number, fields: Partial<Visit> = {}): Visit {
  return { id, recipient: recipientId, window: { start, end }, durationMinutes, ...fields };
}

export function day(parts: Pick<DayProblem, 'staff' | 'recipients' | 'visits'> & Partial<DayProblem>): DayProblem {
  return {
    format: 'kontinuitet/day@1',
    date: DATE,
    timezone: 'Europe/Stockholm',
    teams: [{ id: 'T1', office: OFFICE }],
    ...parts,
  };
}

// ── Periods ─────────────────────────────────────────────────────────────────

/** A roster entry on every date from `startDate` for `days` days, with the given shift. */
export function everyDay(startDate: string, days: number, start: string, end: string): RosterEntry[] {
  return Array.from({ length: days }, (_, i) => ({ date: addDays(startDate, i), shift: { start, end } }));
}

/** A certified assistant nurse of team T1 with an empty roster. */
export function periodStaff(id: string, fields: Partial<PeriodStaff> = {}): PeriodStaff {
  return { id, team: 'T1', role: 'assistant_nurse', titleProof: 'certificate', roster: [], ...fields };
}

/** A daily 08:00–09:00 visit of 30 minutes. */
export function plan(id: string, recipientId: string, fields: Partial<VisitPlan> = {}): VisitPlan {
  return { id, recipient: recipientId, days: 'daily', window: { start: '08:00', end: '09:00' }, durationMinutes: 30, ...fields };
}

/** A week from Monday 2026-11-23 for team T1. */
export function period(fields: Partial<PeriodProblem> = {}): PeriodProblem {
  return {
    format: 'kontinuitet/period@1',
    startDate: DATE,
    days: 7,
    timezone: 'Europe/Stockholm',
    teams: [{ id: 'T1', office: OFFICE }],
    staff: [],
    recipients: [],
    visitPlans: [],
    ...fields,
  };
}
