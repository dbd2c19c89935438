import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePeriod, PRESETS } from '../../src/generate/index.ts';
import { toJsonText } from '../../src/io/index.ts';
import { schemas, type PeriodProblem } from '../../src/model/index.ts';
import { qualifiedAsContact } from '../../src/rules/eligibility.ts';
import { addDays, weekdayOf } from '../../src/time/index.ts';
import { validatePeriodProblem } from '../../src/validate/index.ts';

const TEAM = { seed: 1, ...PRESETS['full-team'] };

describe('generatePeriod: determinism', () => {
  it('gives the same bytes for the same seed and different bytes for another', () => {
    const a = toJsonText(generatePeriod(TEAM));
    expect(toJsonText(generatePeriod({ ...TEAM }))).toBe(a);
    expect(toJsonText(generatePeriod({ ...TEAM, seed: 2 }))).not.toBe(a);
  });
});

describe('generatePeriod: two weeks of one team from Monday 2026-11-02', () => {
  const period = generatePeriod(TEAM);
  const dates = Array.from({ length: period.days }, (_, i) => addDays(period.startDate, i));
  const weekend = (d: string) => weekdayOf(d) === 'sat' || weekdayOf(d) === 'sun';

  it('parses with the schema and validates without errors or warnings', () => {
    expect(period.startDate).toBe('2026-11-02');
    expect(period.days).toBe(14);
    expect(schemas.PeriodProblem.safeParse(period).success).toBe(true);
    const result = validatePeriodProblem(JSON.parse(toJsonText(period)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([]);
  });

  it('rosters about 1.5 × the day staff, everyone off every other weekend, weekend helpers on weekends only', () => {
    expect(period.staff.length).toBeGreaterThanOrEqual(20);
    expect(period.staff.length).toBeLessThanOrEqual(25);
    const [sat1, sun1, sat2, sun2] = dates.filter(weekend);
    let helpers = 0;
    for (const s of period.staff) {
      const worked = new Set(s.roster.map((e) => e.date));
      const firstWeekend = worked.has(sat1) || worked.has(sun1);
      const secondWeekend = worked.has(sat2) || worked.has(sun2);
      const weekdays = [...worked].filter((d) => !weekend(d)).length;
      if (weekdays === 0) {
        helpers++;
        continue;
      }
      expect(firstWeekend && secondWeekend).toBe(false);
      expect(weekdays).toBeLessThanOrEqual(10);
      for (const e of s.roster) expect(dates).toContain(e.date);
    }
    expect(helpers).toBeGreaterThan(0);
    for (const d of dates) {
      const on = period.staff.filter((s) => s.roster.some((e) => e.date === d)).length;
      expect(on).toBeGreaterThanOrEqual(weekend(d) ? 9 : 12);
      expect(on).toBeLessThanOrEqual(weekend(d) ? 15 : 19);
    }
  });

  it('has day and evening shifts, people rotating between them, breaks on long shifts and sick days', () => {
    const starts = (s: PeriodProblem['staff'][number]) => new Set(s.roster.map((e) => (Number(e.shift.start.slice(0, 2)) < 12 ? 'day' : 'evening')));
    expect(period.staff.some((s) => starts(s).size === 2)).toBe(true);
    expect(period.staff.some((s) => starts(s).has('evening'))).toBe(true);
    for (const s of period.staff) {
      for (const e of s.roster) {
        const length = (Number(e.shift.end.slice(0, 2)) * 60 + Number(e.shift.end.slice(3))) - (Number(e.shift.start.slice(0, 2)) * 60 + Number(e.shift.start.slice(3)));
        expect(e.breaks?.length ?? 0).toBe(length >= 360 ? 1 : 0);
      }
    }
    // Full-timers work 10 of 14 days; a sick spell leaves someone with fewer days than their pattern.
    const fullTime = period.staff.filter((s) => s.role !== 'service_assistant' && s.roster.every((e) => Number(e.shift.end.slice(0, 2)) * 60 - Number(e.shift.start.slice(0, 2)) * 60 >= 420));
    const days = fullTime.map((s) => s.roster.length).filter((n) => n > 4);
    expect(Math.max(...days)).toBe(10);
    expect(Math.min(...days)).toBeLessThan(10);
  });

  it('plans visits daily, on weekdays and every other week, with one-off visits on dated days', () => {
    const plans = period.visitPlans ?? [];
    expect(plans.some((p) => p.days === 'daily')).toBe(true);
    expect(plans.some((p) => Array.isArray(p.days))).toBe(true);
    expect(plans.some((p) => typeof p.days === 'object' && !Array.isArray(p.days) && p.days.everyWeeks === 2)).toBe(true);
    const ids = new Set(plans.map((p) => p.id));
    expect(ids.size).toBe(plans.length);
    for (const p of plans) {
      for (const dep of p.dependsOn ?? []) {
        expect(ids.has(dep.visit)).toBe(true);
        const first = plans.find((q) => q.id === dep.visit);
        expect(first?.recipient).toBe(p.recipient);
        expect(first?.days).toBe('daily');
        expect(dep).toMatchObject({ minGapMinutes: 240, maxGapMinutes: 360 });
      }
    }
    const oneOff = period.visits ?? [];
    expect(oneOff.length).toBeGreaterThan(0);
    for (const v of oneOff) {
      expect(dates).toContain(v.date);
      expect(ids.has(v.id)).toBe(false);
    }
    // Every recipient with care has a plan every day; weekends carry no service.
    const visitsPerDay = dates.map((d) => plans.filter((p) => p.days === 'daily' || (Array.isArray(p.days) && p.days.includes(weekdayOf(d)))).length);
    expect(Math.min(...visitsPerDay)).toBeGreaterThan(150);
    for (const p of plans.filter((x) => x.type === 'service')) {
      const on = Array.isArray(p.days) ? p.days : p.days === 'daily' ? [] : p.days.weekdays;
      expect(on.some((d) => d === 'sat' || d === 'sun')).toBe(false);
    }
  });

  it('gives recipients a qualified contact who works in the period and a history before it', () => {
    const staff = new Map(period.staff.map((s) => [s.id, s]));
    for (const r of period.recipients) {
      if (r.contactWaived) continue;
      const contact = staff.get(r.contact ?? '');
      expect(contact && qualifiedAsContact(contact, period.startDate)).toBe(true);
      expect(contact?.roster.length).toBeGreaterThan(0);
      for (const e of r.recentStaff ?? []) {
        expect(e.lastSeen < period.startDate).toBe(true);
        expect(e.lastSeen >= addDays(period.startDate, -13)).toBe(true);
        expect(staff.has(e.staff)).toBe(true);
      }
    }
  });

  it('keeps a ten-team district period to a few MB', () => {
    const text = toJsonText(generatePeriod({ seed: 1, ...PRESETS.district }));
    expect(text.length).toBeLessThan(4_000_000);
    expect(validatePeriodProblem(JSON.parse(text)).ok).toBe(true);
  });
});

describe('generatePeriod: options', () => {
  it('takes the start date from `startDate`, else `date`, and any length from 1 to 31 days', () => {
    expect(generatePeriod({ ...TEAM, recipientsPerTeam: 5, startDate: '2026-12-07', days: 31 }).days).toBe(31);
    expect(generatePeriod({ ...TEAM, recipientsPerTeam: 5, date: '2026-12-07' }).startDate).toBe('2026-12-07');
    expect(() => generatePeriod({ ...TEAM, days: 32 })).toThrow(/days must be a whole number from 1 to 31/);
  });

  it('generates valid periods for any small size, length and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 6 }),
        (seed, teams, staffPerTeam, recipientsPerTeam, days, offset) => {
          const period = generatePeriod({ seed, teams, staffPerTeam, recipientsPerTeam, days, startDate: addDays('2026-11-02', offset) });
          const data = JSON.parse(toJsonText(period)) as PeriodProblem;
          expect(schemas.PeriodProblem.safeParse(data).success).toBe(true);
          const result = validatePeriodProblem(data);
          expect(result.ok ? [] : result.problems).toEqual([]);
        },
      ),
      { numRuns: 30 },
    );
  });
});
