/**
 * FORMAT §6.19: roster entries take every `Time` form, as time-registration and rostering
 * systems export them; "HH:MM" and "HH:MM+1" are read on the entry's date, an ISO
 * date-time names its own instant. Visit plans stay clock-only (§6.18).
 */
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/check/index.ts';
import { generatePeriod } from '../../src/generate/index.ts';
import type { PeriodProblem, RosterEntry } from '../../src/model/types.ts';
import { expandPeriod } from '../../src/period/index.ts';
import { solveDay } from '../../src/solver/index.ts';
import { PlanClock, epochMsToIso, zoneOf } from '../../src/time/index.ts';
import { validatePeriodProblem } from '../../src/validate/index.ts';
import { everyDay, period, periodStaff as staff, plan, recipient } from '../builders.ts';

const ZONE = 'Europe/Stockholm';

/** Every way to write the instant `minutes` after the start of `date`: the FORMAT `Time` forms. */
function forms(date: string, text: string): string[] {
  const clock = new PlanClock(date, ZONE);
  const ms = clock.toEpochMs(clock.minutes(text));
  const withOffset = clock.iso(clock.minutes(text)); // 2026-11-24T07:00:00+01:00
  const utc = new Date(ms).toISOString(); // 2026-11-24T06:00:00.000Z
  const offset = withOffset.slice(19); // +01:00
  return [
    text,
    withOffset,
    withOffset.slice(0, 16), // local, no offset
    `${withOffset.slice(0, 16)}${offset.replace(':', '')}`, // ±hhmm
    `${withOffset.slice(0, 16)}${offset.slice(0, 3)}`, // ±hh
    utc, // Z with fractional seconds
    `${utc.slice(0, 16)}Z`,
    epochMsToIso(zoneOf(ZONE), ms).replace(/(:\d\d)([+-])/, '$1.000$2'),
  ];
}

function instantOf(date: string, text: string): number {
  const clock = new PlanClock(date, ZONE);
  return clock.toEpochMs(clock.minutes(text));
}

/** The period with each roster time rewritten in the k-th form (cycling), entry by entry. */
function rewritten(source: PeriodProblem): PeriodProblem {
  let k = 0;
  const next = (date: string, text: string) => {
    const all = forms(date, text);
    return all[k++ % all.length];
  };
  return {
    ...source,
    staff: source.staff.map((person) => ({
      ...person,
      roster: person.roster.map(
        (entry): RosterEntry => ({
          date: entry.date,
          shift: { start: next(entry.date, entry.shift.start), end: next(entry.date, entry.shift.end) },
          ...(entry.breaks ? { breaks: entry.breaks.map((b) => ({ ...b, earliest: next(entry.date, b.earliest), latest: next(entry.date, b.latest) })) } : {}),
        }),
      ),
    })),
  };
}

describe('roster entries with every Time form (FORMAT §6.19)', () => {
  const source = generatePeriod({ seed: 19, teams: 1, staffPerTeam: 5, recipientsPerTeam: 8, days: 7 });
  const iso = rewritten(source);

  it('validate, and expand to the same instants as the clock times they replace', () => {
    const result = validatePeriodProblem(iso);
    expect(result.ok, JSON.stringify(result.ok ? [] : result.problems.slice(0, 3))).toBe(true);
    const before = expandPeriod(source);
    const after = expandPeriod(iso);
    after.forEach((day, d) => {
      day.staff.forEach((person, s) => {
        const was = before[d].staff[s];
        expect(instantOf(day.date, person.shift.start)).toBe(instantOf(day.date, was.shift.start));
        expect(instantOf(day.date, person.shift.end)).toBe(instantOf(day.date, was.shift.end));
        person.breaks?.forEach((b, j) => expect(instantOf(day.date, b.latest)).toBe(instantOf(day.date, was.breaks![j].latest)));
      });
    });
    expect(JSON.stringify(iso)).toMatch(/T\d\d:\d\dZ/);
  });

  it('give an expanded day that solves and passes the checker', () => {
    const day = expandPeriod(iso)[2];
    expect(day.staff.some((s) => s.shift.start.includes('T'))).toBe(true);
    const schedule = solveDay(day, { iterations: 60, seed: 1 });
    expect(schedule.routes.some((r) => r.stops.length > 0)).toBe(true);
    expect(checkSchedule(day, schedule).violations).toEqual([]);
  });
});

describe('a roster entry across the autumn DST night (2026-10-25 in Stockholm)', () => {
  // 22:00 CEST on the 24th to 07:00 CET on the 25th: ten hours, the 02:00–03:00 hour twice.
  const night = ['22:00', '07:00+1'];
  const written = [
    night,
    ['2026-10-24T22:00', '2026-10-25T07:00'],
    ['2026-10-24T22:00:00+02:00', '2026-10-25T07:00:00+01:00'],
    ['2026-10-24T20:00Z', '2026-10-25T06:00:00.000Z'],
  ];
  const nightPeriod = (start: string, end: string): PeriodProblem =>
    period({
      startDate: '2026-10-24',
      days: 2,
      staff: [staff('n1', { roster: [{ date: '2026-10-24', shift: { start, end }, breaks: [{ earliest: '2026-10-25T02:30+01:00', latest: '2026-10-25T04:00', minutes: 30 }] }] })],
      recipients: [recipient('r1', { contact: 'n1' })],
      visits: [
        { id: 'night-1', recipient: 'r1', date: '2026-10-24', window: { start: '02:30+1', end: '02:30+1' }, durationMinutes: 20 },
        { id: 'night-2', recipient: 'r1', date: '2026-10-24', window: { start: '2026-10-25T02:30:00+01:00', end: '2026-10-25T02:45+01:00' }, durationMinutes: 20 },
      ],
    });

  it.each(written)('%s – %s: ten hours on the entry date, in every form', (start, end) => {
    const problem = nightPeriod(start, end);
    const result = validatePeriodProblem(problem);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const [day] = expandPeriod(problem);
    const clock = new PlanClock(day.date, ZONE);
    const shift = day.staff[0].shift;
    expect(clock.minutes(shift.start)).toBe(22 * 60);
    expect(clock.minutes(shift.end) - clock.minutes(shift.start)).toBe(10 * 60);
    const schedule = solveDay(day, { iterations: 30, seed: 1 });
    expect(schedule.unassigned).toEqual([]);
    // "02:30+1" is the first 02:30 (CEST), the one with +01:00 an hour later.
    const starts = Object.fromEntries(schedule.routes[0].stops.map((s) => [s.visit, s.start]));
    expect(starts).toEqual({ 'night-1': '2026-10-25T02:30:00+02:00', 'night-2': '2026-10-25T02:30:00+01:00' });
    expect(checkSchedule(day, schedule).violations).toEqual([]);
  });

  it('a local time in the spring gap is an error in an ISO entry too; with an offset it is an instant', () => {
    const spring = (start: string) =>
      period({ startDate: '2026-03-29', days: 1, staff: [staff('s1', { roster: [{ date: '2026-03-29', shift: { start, end: '10:00' } }] })] });
    const gap = validatePeriodProblem(spring('2026-03-29T02:30'));
    expect(gap.ok ? [] : gap.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'staff[0].roster[0].shift.start: "2026-03-29T02:30" cannot be used: 2026-03-29 02:30 does not exist in Europe/Stockholm (the clocks skip it for daylight saving time)',
    ]);
    expect(validatePeriodProblem(spring('2026-03-29T02:30+01:00')).ok).toBe(true);
  });

  it('visit plans stay clock-only (FORMAT §6.18)', () => {
    const problem = period({ recipients: [recipient('r1')], staff: [staff('s1', { roster: everyDay('2026-11-23', 7, '2026-11-23T07:00', '16:00') })], visitPlans: [plan('p1', 'r1', { window: { start: '2026-11-23T08:00', end: '09:00' } })] });
    const result = validatePeriodProblem(problem);
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['visitPlans[0].window.start: "2026-11-23T08:00" is not a clock time ("HH:MM" or "HH:MM+1")']);
  });
});
