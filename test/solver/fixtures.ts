import type { DayProblem, Recipient, Staff, Visit } from '../../src/model/types.ts';
import { solveDay, type SolveDayOptions } from '../../src/solver/index.ts';
import { checkSchedule } from '../../src/check/index.ts';
import type { Schedule } from '../../src/model/types.ts';

export const OFFICE = { lat: 59.3163, lon: 18.0734 };

/** A point `east`/`north` hundreds of metres from the office. */
export function near(east: number, north: number) {
  return { lat: OFFICE.lat + north * 0.0009, lon: OFFICE.lon + east * 0.00176 };
}

export function nurse(id: string, extra: Partial<Staff> = {}): Staff {
  return {
    id,
    team: 'T1',
    role: 'assistant_nurse',
    titleProof: 'certificate',
    shift: { start: '07:00', end: '16:00' },
    ...extra,
  };
}

export function recipient(id: string, extra: Partial<Recipient> = {}): Recipient {
  return { id, team: 'T1', location: near(1, 1), ...extra };
}

export function visit(id: string, recipientId: string, start: string, end: string, durationMinutes: number, extra: Partial<Visit> = {}): Visit {
  return { id, recipient: recipientId, window: { start, end }, durationMinutes, ...extra };
}

export function day(parts: { staff: Staff[]; recipients: Recipient[]; visits: Visit[]; date?: string }): DayProblem {
  return {
    format: 'kontinuitet/day@1',
    date: parts.date ?? '2026-11-23',
    timezone: 'Europe/Stockholm',
    teams: [{ id: 'T1', office: OFFICE }],
    staff: parts.staff,
    recipients: parts.recipients,
    visits: parts.visits,
  };
}

/** Solves with a fixed iteration budget and asserts the independent checker finds nothing. */
export function solveChecked(problem: DayProblem, options: SolveDayOptions = {}): Schedule {
  const schedule = solveDay(problem, { iterations: 300, timeLimitMs: 20_000, seed: 7, ...options });
  const { violations } = checkSchedule(problem, schedule);
  if (violations.length > 0) throw new Error(`checker found violations:\n${violations.map((v) => `${v.code} ${v.path ?? ''}: ${v.message}`).join('\n')}`);
  return schedule;
}

export function staffOf(schedule: Schedule, visitId: string): string[] {
  return schedule.routes.filter((r) => r.stops.some((s) => s.visit === visitId)).map((r) => r.staff);
}

export function startOf(schedule: Schedule, visitId: string): string | undefined {
  for (const r of schedule.routes) for (const s of r.stops) if (s.visit === visitId) return s.start;
  return undefined;
}
