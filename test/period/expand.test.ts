import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandPeriod, mondayOf, planDates, visitsOnDate } from '../../src/period/index.ts';
import { schemas } from '../../src/model/index.ts';
import { InputError } from '../../src/model/errors.ts';
import { addDays, daysBetween, weekdayOf } from '../../src/time/index.ts';
import { WEEKDAYS } from '../../src/model/schemas.ts';
import type { DayProblem } from '../../src/model/types.ts';
import { everyDay, period, periodStaff as staff, plan, recipient } from '../builders.ts';

const datesOf = (days: DayProblem[], visitId: (date: string) => string) =>
  days.filter((d) => d.visits.some((v) => v.id === visitId(d.date))).map((d) => d.date);

describe('planDates and mondayOf', () => {
  it('lists the period day by day across a month end', () => {
    expect(planDates({ startDate: '2026-11-29', days: 4 })).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
  });

  it('finds the Monday of the week, Sunday belonging to the week before it', () => {
    expect(mondayOf('2026-11-25')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
  });
});

describe('expandPeriod', () => {
  // 2026-11-25 is a Wednesday; its week runs Monday 2026-11-23 to Sunday 2026-11-29.
  const start = '2026-11-25';

  it('puts weekday plans on their weekdays with ids <plan>@<date>', () => {
    const days = expandPeriod(period({ startDate: start, days: 14, recipients: [recipient('r1')], visitPlans: [plan('p1', 'r1', { days: ['mon', 'wed'] })] }));
    expect(days.map((d) => d.date)).toEqual(planDates({ startDate: start, days: 14 }));
    expect(datesOf(days, (d) => `p1@${d}`)).toEqual(['2026-11-25', '2026-11-30', '2026-12-02', '2026-12-07']);
    expect(days.flatMap((d) => d.visits.map((v) => v.id))).toEqual(['p1@2026-11-25', 'p1@2026-11-30', 'p1@2026-12-02', 'p1@2026-12-07']);
  });

  it('counts everyWeeks from the Monday of the week holding startDate', () => {
    const days = expandPeriod(
      period({ startDate: start, days: 16, recipients: [recipient('r1')], visitPlans: [plan('p2', 'r1', { days: { weekdays: ['mon', 'thu'], everyWeeks: 2 } })] }),
    );
    // Week 0: 23–29 Nov (Monday 23 is before the start), week 1: 30 Nov–6 Dec (skipped), week 2: 7–13 Dec.
    expect(datesOf(days, (d) => `p2@${d}`)).toEqual(['2026-11-26', '2026-12-07', '2026-12-10']);
  });

  it('puts a daily plan on every day and keeps its fields, without days', () => {
    const days = expandPeriod(
      period({ days: 3, recipients: [recipient('r1')], visitPlans: [plan('p1', 'r1', { requires: ['insulin'], staffCount: 2, preferredStart: '08:15' })] }),
    );
    expect(days.map((d) => d.visits.length)).toEqual([1, 1, 1]);
    const visit = days[1].visits[0];
    expect(visit).toEqual({
      id: 'p1@2026-11-24',
      recipient: 'r1',
      window: { start: '08:00', end: '09:00' },
      durationMinutes: 30,
      requires: ['insulin'],
      staffCount: 2,
      preferredStart: '08:15',
    });
    // Each day owns its copy: changing one day's visit leaves the others alone.
    visit.requires!.push('lift');
    expect(days[2].visits[0].requires).toEqual(['insulin']);
  });

  it('resolves a dependsOn naming a plan to that plan\'s visit the same day and drops it on days without one', () => {
    const days = expandPeriod(
      period({
        days: 3, // Mon 23, Tue 24, Wed 25 Nov
        recipients: [recipient('r1')],
        visitPlans: [
          plan('breakfast', 'r1', { days: ['mon', 'wed'] }),
          plan('meds', 'r1', { window: { start: '09:00', end: '10:00' }, dependsOn: [{ visit: 'breakfast', minGapMinutes: 30 }] }),
        ],
        visits: [{ id: 'extra', recipient: 'r1', date: '2026-11-25', window: { start: '12:00', end: '13:00' }, durationMinutes: 20, dependsOn: [{ visit: 'meds', maxGapMinutes: 240 }] }],
      }),
    );
    const meds = (i: number) => days[i].visits.find((v) => v.id.startsWith('meds@'))!;
    expect(meds(0).dependsOn).toEqual([{ visit: 'breakfast@2026-11-23', minGapMinutes: 30 }]);
    expect(meds(1)).not.toHaveProperty('dependsOn');
    expect(meds(2).dependsOn).toEqual([{ visit: 'breakfast@2026-11-25', minGapMinutes: 30 }]);
    expect(days[2].visits.find((v) => v.id === 'extra')!.dependsOn).toEqual([{ visit: 'meds@2026-11-25', maxGapMinutes: 240 }]);
  });

  it('rejects a dependsOn that names no plan and no visit', () => {
    const p = period({ recipients: [recipient('r1')], visitPlans: [plan('p1', 'r1', { dependsOn: [{ visit: 'nope' }] })] });
    expect(() => expandPeriod(p)).toThrow(InputError);
    try {
      expandPeriod(p);
    } catch (err) {
      expect((err as InputError).problems.map((x) => x.path)).toEqual(['visitPlans[0].dependsOn[0].visit']);
    }
  });

  it('puts one-off visits on their date with their own id and no date field', () => {
    const days = expandPeriod(
      period({
        days: 3,
        recipients: [recipient('r1')],
        visits: [
          { id: 'doctor', recipient: 'r1', date: '2026-11-24', window: { start: '10:00', end: '11:00' }, durationMinutes: 60, mandatory: false },
          { id: 'later', recipient: 'r1', date: '2026-12-24', window: { start: '10:00', end: '11:00' }, durationMinutes: 60 },
        ],
      }),
    );
    expect(days.map((d) => d.visits.map((v) => v.id))).toEqual([[], ['doctor'], []]);
    expect(days[1].visits[0]).toEqual({ id: 'doctor', recipient: 'r1', window: { start: '10:00', end: '11:00' }, durationMinutes: 60, mandatory: false });
  });

  it('lists only the staff rostered that date, with that entry\'s shift and breaks; night work on its start date', () => {
    const days = expandPeriod(
      period({
        days: 3,
        staff: [
          staff('day', { roster: [{ date: '2026-11-23', shift: { start: '07:00', end: '16:00' }, breaks: [{ earliest: '11:00', latest: '13:00', minutes: 30 }] }, { date: '2026-11-25', shift: { start: '12:00', end: '21:00' } }] }),
          staff('night', { roster: [{ date: '2026-11-24', shift: { start: '22:00', end: '07:00+1' } }] }),
          staff('off', { roster: [] }),
        ],
      }),
    );
    expect(days.map((d) => d.staff.map((s) => s.id))).toEqual([['day'], ['night'], ['day']]);
    expect(days[0].staff[0]).toEqual({
      id: 'day',
      team: 'T1',
      role: 'assistant_nurse',
      titleProof: 'certificate',
      shift: { start: '07:00', end: '16:00' },
      breaks: [{ earliest: '11:00', latest: '13:00', minutes: 30 }],
    });
    expect(days[2].staff[0]).toEqual(expect.objectContaining({ shift: { start: '12:00', end: '21:00' } }));
    expect(days[2].staff[0]).not.toHaveProperty('breaks');
    expect(days[1].staff[0].shift).toEqual({ start: '22:00', end: '07:00+1' });
  });

  it('copies recipients, teams, travel, objective and options into every day', () => {
    const r = recipient('r1', { contact: 's1', recentStaff: [{ staff: 's1', lastSeen: '2026-11-20', visits: 3 }] });
    const days = expandPeriod(
      period({
        days: 2,
        recipients: [r],
        travel: { detourFactor: 1.2 },
        objective: { notContact: 40 },
        options: { seed: 7, timeLimitSeconds: 3 },
      }),
    );
    for (const d of days) {
      expect(d.recipients).toEqual([r]);
      expect(d.teams).toEqual([{ id: 'T1', office: expect.any(Object) }]);
      expect(d.travel).toEqual({ detourFactor: 1.2 });
      expect(d.objective).toEqual({ notContact: 40 });
      expect(d.options).toEqual({ seed: 7, timeLimitSeconds: 3 });
      expect(d.timezone).toBe('Europe/Stockholm');
    }
  });

  it('gives day problems that pass the day schema', () => {
    const days = expandPeriod(
      period({
        startDate: start,
        days: 14,
        staff: [staff('s1', { roster: everyDay(start, 14, '07:00', '16:00') }), staff('s2', { role: 'care_aide', titleProof: undefined, roster: everyDay(start, 5, '14:00', '22:00') })],
        recipients: [recipient('r1'), recipient('r2', { tags: ['dog'] })],
        visitPlans: [
          plan('p1', 'r1', { days: ['mon', 'tue', 'fri'], dueStart: '08:30', lockedStart: '08:10' }),
          plan('p2', 'r2', { days: { weekdays: ['sat'], everyWeeks: 1 }, type: 'service', window: { start: '23:00', end: '00:30+1' } }),
          plan('p3', 'r2', { dependsOn: [{ visit: 'p2', minGapMinutes: 60 }], window: { start: '10:00', end: '11:00' } }),
        ],
        visits: [{ id: 'v1', recipient: 'r2', date: '2026-11-26', window: { start: '2026-11-26T10:00:00+01:00', end: '2026-11-26T11:00:00+01:00' }, durationMinutes: 45 }],
      }),
    );
    for (const d of days) expect(schemas.DayProblem.safeParse(d).success).toBe(true);
  });

  it('reports a plan time in the spring gap as an InputError naming the plan, the date and the path', () => {
    const p = period({
      startDate: '2026-03-27',
      days: 3,
      recipients: [recipient('r1')],
      visitPlans: [plan('ok', 'r1'), plan('night', 'r1', { days: ['sun'], window: { start: '02:00', end: '02:30' } }), plan('eve', 'r1', { days: ['sat'], window: { start: '01:30+1', end: '02:30+1' } })],
    });
    let error: unknown;
    try {
      expandPeriod(p);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((x) => x.path)).toEqual(['visitPlans[2].window.end', 'visitPlans[1].window.start', 'visitPlans[1].window.end']);
    expect(problems[1].message).toContain('plan night');
    expect(problems[1].message).toContain('2026-03-29');
    expect(problems[0].message).toContain('plan eve on 2026-03-28');
  });

  it('reports a roster time in the spring gap and a date rostered twice', () => {
    const p = period({
      startDate: '2026-03-29',
      days: 1,
      staff: [
        staff('s1', { roster: [{ date: '2026-03-29', shift: { start: '02:15', end: '10:00' } }] }),
        staff('s2', { roster: [{ date: '2026-03-29', shift: { start: '07:00', end: '10:00' } }, { date: '2026-03-29', shift: { start: '12:00', end: '16:00' } }] }),
      ],
    });
    expect(() => expandPeriod(p)).toThrow(/staff\[0\]\.roster\[0\]\.shift\.start: "02:15" in the roster of s1 on 2026-03-29[^\n]*\n\s+staff\[1\]\.roster\[1\]\.date/);
  });

  it('reports an unknown time zone at its path', () => {
    expect(() => expandPeriod(period({ timezone: 'Europe/Atlantis' }))).toThrow(/timezone: "Europe\/Atlantis" is not an IANA time zone/);
  });
});

describe('visitsOnDate', () => {
  const dates = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));

  it('repeats an every-n-weeks plan exactly every 7n days and never sooner', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 4 }), fc.subarray([...WEEKDAYS], { minLength: 1 }), (startDate, n, weekdays) => {
        const p = { days: { weekdays, everyWeeks: n } };
        const period = Array.from({ length: 60 }, (_, i) => addDays(startDate, i));
        const on = period.filter((d) => visitsOnDate(p, d, startDate));
        for (const d of on) {
          expect(weekdays).toContain(weekdayOf(d));
          const again = addDays(d, 7 * n);
          if (again <= period[period.length - 1]) expect(on).toContain(again);
        }
        for (const [i, d] of on.entries()) {
          for (const e of on.slice(i + 1)) if (weekdayOf(e) === weekdayOf(d)) expect(daysBetween(d, e) % (7 * n)).toBe(0);
        }
        // The first week is week 0: every listed weekday from the start to its Sunday is on.
        const firstWeek = period.filter((d) => mondayOf(d) === mondayOf(startDate));
        expect(firstWeek.filter((d) => weekdays.includes(weekdayOf(d))).every((d) => on.includes(d))).toBe(true);
        // With n ≥ 2 the calendar week after it (week 1) has no visit.
        const secondMonday = addDays(mondayOf(startDate), 7);
        if (n >= 2) expect(on.filter((d) => mondayOf(d) === secondMonday)).toEqual([]);
      }),
    );
  });

  it('treats everyWeeks 1 as the plain weekday list within the period', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 30 }), fc.subarray([...WEEKDAYS], { minLength: 1 }), (startDate, offset, weekdays) => {
        const date = addDays(startDate, offset);
        expect(visitsOnDate({ days: { weekdays, everyWeeks: 1 } }, date, startDate)).toBe(visitsOnDate({ days: weekdays }, date, startDate));
      }),
    );
  });
});
