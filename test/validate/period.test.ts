import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError, type InputProblem } from '../../src/model/errors.ts';
import { loadPeriodProblem, planDates, validatePeriodProblem } from '../../src/validate/index.ts';
import { fieldPaths, replaceAt, validPeriod, type Json } from './fixtures.ts';

function problemsOf(change: (p: Json) => void): { ok: boolean; problems: InputProblem[] } {
  const p = validPeriod();
  change(p);
  const result = validatePeriodProblem(p);
  return { ok: result.ok, problems: result.ok ? result.warnings : result.problems };
}

function expectProblem(change: (p: Json) => void, path: string, severity: 'error' | 'warning', fragment: string): void {
  const { ok, problems } = problemsOf(change);
  expect(ok).toBe(severity === 'warning');
  const hit = problems.find((x) => x.path === path && x.severity === severity);
  expect(hit, JSON.stringify(problems, null, 1)).toBeDefined();
  expect(hit?.message).toContain(fragment);
}

describe('validatePeriodProblem', () => {
  it('accepts the fixture without a single problem', () => {
    expect(problemsOf(() => undefined)).toEqual({ ok: true, problems: [] });
  });

  it('refuses a staff member rostered twice on one date', () => {
    expectProblem(
      (p) => p.staff[0].roster.push({ date: '2026-11-24', shift: { start: '17:00', end: '21:00' } }),
      'staff[0].roster[5].date',
      'error',
      '"2026-11-24" is already rostered at staff[0].roster[1]',
    );
  });

  it('warns about a roster entry outside the period', () => {
    expectProblem((p) => (p.staff[2].roster[1].date = '2026-11-30'), 'staff[2].roster[1].date', 'warning', 'outside the period 2026-11-23 to 2026-11-29');
  });

  it('refuses a one-off visit dated outside the period', () => {
    expectProblem((p) => (p.visits[0].date = '2026-11-22'), 'visits[0].date', 'error', '"2026-11-22" is outside the period 2026-11-23 to 2026-11-29');
  });

  it('refuses a one-off visit sharing an id with a plan', () => {
    expectProblem((p) => (p.visits[0].id = 'p2'), 'visits[0].id', 'error', 'duplicate id "p2": already used at visitPlans[1]');
  });

  it('refuses two plans with one id', () => {
    expectProblem((p) => (p.visitPlans[2].id = 'p1'), 'visitPlans[2].id', 'error', 'already used at visitPlans[0]');
  });

  it('refuses a dependency on nothing, naming what it may name', () => {
    expectProblem((p) => (p.visitPlans[2].dependsOn[0].visit = 'p9'), 'visitPlans[2].dependsOn[0].visit', 'error', '"p9" names no visit plan or one-off visit');
  });

  it('accepts a one-off visit depending on a plan', () => {
    expect(problemsOf((p) => (p.visits[0].dependsOn = [{ visit: 'p1', minGapMinutes: 60 }]))).toEqual({ ok: true, problems: [] });
  });

  it('warns when a dependency names a plan with no visit on the same day', () => {
    expectProblem(
      (p) => (p.visits[0].dependsOn = [{ visit: 'p2' }]),
      'visits[0].dependsOn[0].visit',
      'warning',
      'plan "p2" has no visit on 2026-11-26, so the dependency is not checked there',
    );
    // p2 falls on Monday, Wednesday and Friday, p1 daily: p1 depending on p2 misses four dates.
    expectProblem((p) => (p.visitPlans[0].dependsOn = [{ visit: 'p2' }]), 'visitPlans[0].dependsOn[0].visit', 'warning', 'no visit on 2026-11-24 and 3 more dates');
  });

  it('refuses a cycle between a plan and a one-off visit', () => {
    expectProblem(
      (p) => {
        p.visitPlans[0].dependsOn = [{ visit: 'x1' }];
        p.visits[0].dependsOn = [{ visit: 'p1' }];
      },
      'visitPlans[0].dependsOn[0].visit',
      'error',
      '"p1" → "x1" → "p1"',
    );
  });

  it('refuses everyWeeks 0 at its own path', () => {
    expectProblem((p) => (p.visitPlans[2].days.everyWeeks = 0), 'visitPlans[2].days.everyWeeks', 'error', '0 should be at least 1');
  });

  it('refuses an unknown weekday at its own path', () => {
    expectProblem((p) => (p.visitPlans[1].days = ['mon', 'funday']), 'visitPlans[1].days[1]', 'error', '"funday" is not one of "mon"');
  });

  it('refuses a days value of no allowed form, listing the forms', () => {
    expectProblem((p) => (p.visitPlans[0].days = 'weekly'), 'visitPlans[0].days', 'error', '"weekly" should be "daily", an array or an object');
  });

  it('refuses ISO times in a plan (FORMAT §6.18)', () => {
    expectProblem((p) => (p.visitPlans[0].window.start = '2026-11-23T08:00'), 'visitPlans[0].window.start', 'error', 'is not a clock time');
  });

  it('warns about a weekday listed twice', () => {
    expectProblem((p) => (p.visitPlans[1].days = ['mon', 'wed', 'mon']), 'visitPlans[1].days[2]', 'warning', '"mon" is listed twice');
  });

  it('warns about a plan that never falls inside the period', () => {
    expectProblem(
      (p) => {
        p.days = 3;
        p.visitPlans[1].days = ['sat', 'sun'];
        p.staff[2].roster = [];
        p.visits = [];
      },
      'visitPlans[1].days',
      'warning',
      'never falls inside the period 2026-11-23 to 2026-11-25',
    );
  });

  it('refuses a plan window in the wrong order and a locked start outside it', () => {
    const { problems } = problemsOf((p) => {
      p.visitPlans[0].window = { start: '09:00', end: '08:00' };
      p.visitPlans[1].lockedStart = '11:00';
    });
    expect(problems.map((x) => x.path)).toEqual(['visitPlans[0].window.end', 'visitPlans[1].lockedStart']);
  });

  it('checks roster shifts and breaks like day shifts', () => {
    const { problems } = problemsOf((p) => {
      p.staff[0].roster[0].shift.end = '06:00';
      p.staff[1].roster[2].breaks = [{ earliest: '12:00', latest: '12:20', minutes: 30 }];
    });
    expect(problems.map((x) => [x.path, x.code])).toEqual([
      ['staff[0].roster[0].shift.end', 'interval_reversed'],
      ['staff[1].roster[2].breaks[0].minutes', 'break_too_long'],
    ]);
  });

  it('warns when a contact, a deputy or a lock names nobody in the staff', () => {
    const { ok, problems } = problemsOf((p) => {
      p.recipients[1].contact = 's9';
      p.recipients[0].deputies = ['s3', 's8'];
      p.visitPlans[0].lockedStaff = ['s1', 's7'];
    });
    expect(ok).toBe(true);
    expect(problems.filter((x) => x.code === 'unknown_staff').map((x) => x.path)).toEqual([
      'recipients[0].deputies[1]',
      'recipients[1].contact',
      'visitPlans[0].lockedStaff[1]',
    ]);
  });

  it('warns about a plan nobody in the period can take', () => {
    expectProblem((p) => (p.visitPlans[1].requires = ['lift']), 'visitPlans[1]', 'warning', "no staff member in the period's staff is eligible");
  });

  it('judges contacts on the last day of the period', () => {
    expectProblem(
      (p) => {
        p.startDate = '2033-06-28';
        p.recipients[0].recentStaff = [];
        for (const person of p.staff) person.roster = [];
        p.visits = [];
      },
      'recipients[1].contact',
      'warning',
      'transitional title proof ran out after 2033-06-30',
    );
  });

  it('loadPeriodProblem throws every problem, or returns the problem with its warnings', () => {
    const bad = validPeriod();
    bad.visits[0].date = '2027-01-01';
    bad.staff[0].team = 'T5';
    expect(() => loadPeriodProblem(bad)).toThrow(InputError);
    try {
      loadPeriodProblem(bad);
    } catch (err) {
      expect((err as InputError).problems.map((x) => x.path)).toEqual(['staff[0].team', 'visits[0].date']);
    }
    expect(loadPeriodProblem(validPeriod()).problem.visitPlans).toHaveLength(3);
  });

  it('never throws, whatever value replaces a field', () => {
    const paths = fieldPaths(validPeriod());
    fc.assert(
      fc.property(fc.nat({ max: paths.length - 1 }), fc.jsonValue(), (k, replacement) => {
        const result = validatePeriodProblem(replaceAt(validPeriod(), paths[k], replacement));
        for (const p of result.ok ? result.warnings : result.problems) expect(p.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('planDates (FORMAT §6.18)', () => {
  it('counts everyWeeks from the Monday-to-Sunday week holding startDate', () => {
    // 2026-11-25 is a Wednesday: week 0 is 23–29 November, week 2 starts 7 December.
    expect(planDates({ weekdays: ['mon', 'thu'], everyWeeks: 2 }, '2026-11-25', 14)).toEqual(['2026-11-26', '2026-12-07']);
  });

  it('takes "daily" and weekday lists as written', () => {
    expect(planDates('daily', '2026-11-28', 3)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
    expect(planDates(['sun'], '2026-11-23', 14)).toEqual(['2026-11-29', '2026-12-06']);
  });
});
