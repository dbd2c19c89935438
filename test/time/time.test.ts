import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, parseInstant, PlanClock, TimeError, weekdayOf, zoneOf } from '../../src/time/index.ts';

describe('PlanClock', () => {
  it('reads every time form as minutes since local midnight', () => {
    const c = new PlanClock('2026-11-23');
    expect(c.minutes('07:45')).toBe(465);
    expect(c.minutes('01:30+1')).toBe(1530);
    expect(c.minutes('2026-11-23T07:45')).toBe(465);
    expect(c.minutes('2026-11-23T06:45:00Z')).toBe(465);
    expect(c.minutes('2026-11-23T08:45+02')).toBe(465);
    expect(c.minutes('2026-11-23T08:45+0200')).toBe(465);
    expect(c.minutes('2026-11-23T07:45:30.5+01:00')).toBeCloseTo(465.5083333, 6);
  });

  it('writes ISO 8601 with the offset in force at the instant', () => {
    const c = new PlanClock('2026-11-23');
    expect(c.iso(465)).toBe('2026-11-23T07:45:00+01:00');
    expect(c.iso(465.5)).toBe('2026-11-23T07:45:30+01:00');
    expect(c.iso(1530)).toBe('2026-11-24T01:30:00+01:00');
  });

  it('counts elapsed minutes across the spring gap (2026-03-29)', () => {
    const c = new PlanClock('2026-03-29');
    expect(c.minutes('01:59')).toBe(119);
    expect(c.minutes('03:00')).toBe(120);
    expect(c.minutes('08:00')).toBe(420);
    expect(c.iso(120)).toBe('2026-03-29T03:00:00+02:00');
    expect(c.dayLengthMinutes()).toBe(1380);
    expect(() => c.minutes('02:30')).toThrow(TimeError);
    expect(() => c.minutes('02:30')).toThrow(/does not exist/);
    expect(c.minutes('2026-03-29T02:30+01:00')).toBe(150); // with an offset it is an instant
  });

  it('takes the first occurrence in the autumn repeat (2026-10-25) unless an offset says otherwise', () => {
    const c = new PlanClock('2026-10-25');
    expect(c.minutes('02:30')).toBe(150);
    expect(c.iso(150)).toBe('2026-10-25T02:30:00+02:00');
    expect(c.minutes('2026-10-25T02:30+01:00')).toBe(210);
    expect(c.iso(210)).toBe('2026-10-25T02:30:00+01:00');
    expect(c.minutes('03:00')).toBe(240);
    expect(c.dayLengthMinutes()).toBe(1500);
  });

  it('places night work on the next day across the change', () => {
    const c = new PlanClock('2026-10-24');
    expect(c.minutes('22:00')).toBe(1320);
    expect(c.minutes('02:30+1')).toBe(1590);
    expect(c.minutes('07:00+1')).toBe(1920); // 22:00 → 07:00 is 9 h of wall clock, 10 h elapsed
  });

  it('holds a 14:00–22:00 shift on the autumn DST day to its eight hours (the day has 25)', () => {
    // The fuzzer's outside_shifts on 2026-10-25 was not the clock: the same visit on 2026-11-23 gets the same reason.
    for (const [date, start] of [['2026-10-25', 900], ['2026-11-23', 840]] as const) {
      const c = new PlanClock(date);
      expect(c.minutes('14:00')).toBe(start);
      expect(c.minutes('22:00') - c.minutes('14:00')).toBe(480);
      expect(c.minutes('19:00')).toBe(start + 300);
    }
  });

  it('rejects a time zone that does not exist', () => {
    expect(() => new PlanClock('2026-11-23', 'Europe/Nowhere')).toThrow(/not an IANA time zone/);
  });
});

describe('dates and instants', () => {
  it('does calendar arithmetic on plain dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-11-02', '2026-11-15')).toBe(13);
    expect(weekdayOf('2026-11-23')).toBe('mon');
    expect(weekdayOf('2026-11-29')).toBe('sun');
  });

  it('parses spreadsheet-style local times and rejects impossible dates', () => {
    const zone = zoneOf('Europe/Stockholm');
    expect(parseInstant('2026-11-02 08:00', zone)).toBe(Date.parse('2026-11-02T07:00:00Z'));
    expect(parseInstant('2026-10-25 07:00:00', zone)).toBe(Date.parse('2026-10-25T06:00:00Z'));
    expect(() => parseInstant('2026-02-30 08:00', zone)).toThrow(/not a real calendar date/);
    expect(() => parseInstant('2026-11-02 8:00', zone)).toThrow(/is not a time/);
    // Date.UTC would read the year 0001 as 1901.
    expect(parseInstant('0001-01-01T00:00Z', zone)).toBe(Date.parse('0001-01-01T00:00:00Z'));
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });
});
