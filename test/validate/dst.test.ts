import { describe, expect, it } from 'vitest';
import { validateDayProblem, validatePeriodProblem } from '../../src/validate/index.ts';
import { validDay, validPeriod, type Json } from './fixtures.ts';

/** The fixture moved to `date`, with recentStaff dated before it. */
function dayOn(date: string): Json {
  const d = validDay();
  d.date = date;
  d.recipients[0].recentStaff = [];
  return d;
}

function errorsOf(data: unknown, validate: (d: unknown) => ReturnType<typeof validateDayProblem> | ReturnType<typeof validatePeriodProblem>) {
  const result = validate(data);
  return result.ok ? [] : result.problems.filter((p) => p.severity === 'error');
}

describe('daylight saving time in input (FORMAT §1 Time)', () => {
  it('refuses 02:30 on 2026-03-29 in Stockholm, naming the date and time', () => {
    const d = dayOn('2026-03-29');
    d.visits[0].window = { start: '02:30', end: '09:00' };
    expect(errorsOf(d, validateDayProblem)).toEqual([
      {
        path: 'visits[0].window.start',
        message: '"02:30" cannot be used: 2026-03-29 02:30 does not exist in Europe/Stockholm (the clocks skip it for daylight saving time)',
        severity: 'error',
        code: 'invalid_time',
      },
    ]);
  });

  it('refuses the gap written as local ISO, in a shift and in a break', () => {
    const d = dayOn('2026-03-29');
    d.visits[1].preferredStart = '2026-03-29T02:15';
    d.staff[1].shift.start = '02:00';
    d.staff[0].breaks[0].earliest = '02:59';
    const paths = errorsOf(d, validateDayProblem).map((p) => p.path);
    expect(paths).toEqual(['staff[0].breaks[0].earliest', 'staff[1].shift.start', 'visits[1].preferredStart']);
  });

  it('refuses the gap reached through "+1" from the evening before', () => {
    const d = dayOn('2026-03-28');
    d.staff[2].shift.end = '02:30+1';
    expect(errorsOf(d, validateDayProblem).map((p) => [p.path, p.message.includes('2026-03-29 02:30')])).toEqual([['staff[2].shift.end', true]]);
  });

  it('accepts the gap hour as an absolute ISO time with an offset', () => {
    const d = dayOn('2026-03-29');
    d.visits[0].window = { start: '2026-03-29T02:30+01:00', end: '2026-03-29T09:00+02:00' };
    expect(validateDayProblem(d).ok).toBe(true);
  });

  it('accepts 02:30 on 2026-10-25, the autumn repeat, as the first occurrence', () => {
    const d = dayOn('2026-10-25');
    // 02:30 is the first (summer time) 02:30; the second one, +01:00, is an hour later.
    d.visits[0].window = { start: '02:30', end: '2026-10-25T02:30+01:00' };
    const result = validateDayProblem(d);
    expect(result.ok).toBe(true);
    // Read the other way round the window ends an hour before it starts.
    d.visits[0].window = { start: '2026-10-25T02:30+01:00', end: '02:30' };
    expect(errorsOf(d, validateDayProblem).map((p) => p.path)).toEqual(['visits[0].window.end']);
  });

  it('accepts both readings of the repeated hour with explicit offsets', () => {
    const d = dayOn('2026-10-25');
    d.visits[0].window = { start: '2026-10-25T02:30+02:00', end: '2026-10-25T02:30+01:00' };
    expect(validateDayProblem(d).ok).toBe(true);
  });

  it('refuses "02:30+02:00": an offset needs a date (FORMAT §1 Time forms)', () => {
    const d = dayOn('2026-10-25');
    d.visits[0].window.start = '02:30+02:00';
    expect(errorsOf(d, validateDayProblem).map((p) => [p.path, p.message])).toEqual([
      ['visits[0].window.start', '"02:30+02:00" is not a time ("HH:MM", "HH:MM+1" or ISO 8601)'],
    ]);
  });

  it('refuses a plan time that falls into the gap on one day of the period', () => {
    const p = validPeriod();
    p.startDate = '2026-03-23';
    p.recipients[0].recentStaff = [];
    for (const person of p.staff) person.roster = [];
    p.visits = [];
    p.visitPlans[0].window = { start: '02:00', end: '03:00' };
    const errors = errorsOf(p, validatePeriodProblem);
    expect(errors.map((e) => e.path)).toEqual(['visitPlans[0].window.start']);
    expect(errors[0].message).toContain('2026-03-29 02:00 does not exist');
  });

  it('refuses a roster shift starting in the gap', () => {
    const p = validPeriod();
    p.startDate = '2026-03-23';
    p.recipients[0].recentStaff = [];
    p.visits = [];
    p.staff[0].roster = [{ date: '2026-03-29', shift: { start: '02:30', end: '10:00' } }];
    p.staff[1].roster = [];
    p.staff[2].roster = [];
    expect(errorsOf(p, validatePeriodProblem).map((e) => e.path)).toEqual(['staff[0].roster[0].shift.start']);
  });
});
