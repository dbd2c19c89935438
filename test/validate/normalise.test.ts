/**
 * What validation hands on (src/validate/normalise.ts): a field given as null means its
 * default, as everywhere in FORMAT; a `recentStaff` entry needs only `staff` (FORMAT §6.20);
 * a period's staff member has a roster instead of a shift (FORMAT §3).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDay, generatePeriod } from '../../src/generate/index.ts';
import { StaffHistory, planPeriod } from '../../src/period/index.ts';
import { solveDay } from '../../src/solver/index.ts';
import { validateDayProblem, validatePeriodProblem } from '../../src/validate/index.ts';
import { everyDay, period, periodStaff as staff, plan, recipient } from '../builders.ts';
import { validDay, type Json } from './fixtures.ts';

/** Optional fields of a day problem as paths into a generated day, with `*` for every item. */
const OPTIONAL_FIELDS = [
  'timezone',
  'travel',
  'objective',
  'options',
  'teams.*.name',
  'teams.*.area',
  'teams.*.travelMode',
  'staff.*.name',
  'staff.*.skills',
  'staff.*.languages',
  'staff.*.gender',
  'staff.*.breaks',
  'staff.*.start',
  'staff.*.travelMode',
  'staff.*.avoidTags',
  'recipients.*.name',
  'recipients.*.team',
  'recipients.*.deputies',
  'recipients.*.excludedStaff',
  'recipients.*.languages',
  'recipients.*.tags',
  'recipients.*.recentStaff',
  'recipients.*.recentStaff.*.lastSeen',
  'recipients.*.recentStaff.*.visits',
  'visits.*.type',
  'visits.*.preferredStart',
  'visits.*.dueStart',
  'visits.*.staffCount',
  'visits.*.requires',
  'visits.*.roles',
  'visits.*.mandatory',
  'visits.*.dependsOn',
  'visits.*.dependsOn.*.minGapMinutes',
  'visits.*.dependsOn.*.maxGapMinutes',
] as const;

/** Applies `change` to the field at `path` in every object holding it. */
function eachField(doc: Json, path: string, change: (holder: Json, key: string) => void): number {
  const parts = path.split('.');
  let holders: Json[] = [doc];
  for (const part of parts.slice(0, -1)) holders = holders.flatMap((h) => (part === '*' ? (Array.isArray(h) ? h : []) : h?.[part] === undefined ? [] : [h[part]]));
  const key = parts[parts.length - 1];
  let count = 0;
  for (const holder of holders) {
    if (holder && typeof holder === 'object' && key in holder) {
      change(holder, key);
      count++;
    }
  }
  return count;
}

describe('null means the default', () => {
  const { problem } = generateDay({ seed: 8, teams: 1, staffPerTeam: 6, recipientsPerTeam: 12 });
  const withObjective = { ...problem, objective: { notContact: 90, travelMinute: 1 }, travel: { speedKmh: { walk: 5, bike: 15 } }, options: { seed: 3 } };

  it('for each optional field present in a generated day, null validates to the same problem as leaving it out', () => {
    const present = OPTIONAL_FIELDS.filter((path) => eachField(structuredClone(withObjective), path, () => undefined) > 0);
    expect(present.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.subarray([...present], { minLength: 1 }), (paths) => {
        const nulled = structuredClone(withObjective) as Json;
        const left = structuredClone(withObjective) as Json;
        for (const path of paths) {
          eachField(nulled, path, (h, k) => (h[k] = null));
          eachField(left, path, (h, k) => delete h[k]);
        }
        const a = validateDayProblem(nulled);
        const b = validateDayProblem(left);
        expect(a.ok && b.ok, JSON.stringify(a.ok ? b : a.problems.slice(0, 2))).toBe(true);
        if (a.ok && b.ok) expect(a.value).toStrictEqual(b.value);
      }),
      { seed: 20, numRuns: 40 },
    );
  });

  it('in a weight, a speed or a solve option, and the solver sees the defaults, not undefined', () => {
    const nulled = { ...withObjective, objective: { notContact: null, travelMinute: 1 }, travel: { speedKmh: { walk: null, bike: 15 } }, options: { seed: null } };
    const result = validateDayProblem(nulled);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.objective).toStrictEqual({ travelMinute: 1 });
    expect(result.value.travel).toStrictEqual({ speedKmh: { bike: 15 } });
    const left = validateDayProblem({ ...withObjective, objective: { travelMinute: 1 }, travel: { speedKmh: { bike: 15 } }, options: {} });
    if (!left.ok) throw new Error('invalid');
    expect(solveDay(result.value, { iterations: 40, seed: 1 }).solver?.objective).toBe(solveDay(left.value, { iterations: 40, seed: 1 }).solver?.objective);
  });

  it('"staffCount": null is one staff member; "contact": null stays "no contact"', () => {
    const day = validDay();
    day.visits[1].staffCount = null;
    day.recipients[2].contact = null;
    const result = validateDayProblem(day);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('staffCount' in result.value.visits[1]).toBe(false);
    expect(result.value.recipients[2].contact).toBeNull();
  });

  it('a required field given as null is still an error with its path', () => {
    const day = validDay();
    day.visits[0].durationMinutes = null;
    const result = validateDayProblem(day);
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['visits[0].durationMinutes: null should be a number']);
  });
});

describe('recentStaff defaults (FORMAT §6.20)', () => {
  it('a day: lastSeen the day before the plan date, visits 1', () => {
    const day = validDay();
    day.recipients[1].recentStaff = [{ staff: 's2' }, { staff: 's1', visits: 3 }, { staff: 's3', lastSeen: '2026-11-10' }];
    const result = validateDayProblem(day);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.recipients[1].recentStaff).toEqual([
      { staff: 's2', lastSeen: '2026-11-22', visits: 1 },
      { staff: 's1', lastSeen: '2026-11-22', visits: 3 },
      { staff: 's3', lastSeen: '2026-11-10', visits: 1 },
    ]);
  });

  it('a period: the day before startDate, so the entry counts for the 13 days after it and is carried like any other', () => {
    const problem = period({
      startDate: '2026-11-02',
      days: 14,
      staff: [staff('s1', { roster: everyDay('2026-11-02', 14, '07:00', '16:00') })],
      recipients: [recipient('r1', { recentStaff: [{ staff: 's9' }] as never })],
      visitPlans: [plan('p1', 'r1')],
    });
    const result = validatePeriodProblem(problem);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.recipients[0].recentStaff).toEqual([{ staff: 's9', lastSeen: '2026-11-01', visits: 1 }]);
    const history = new StaffHistory(result.value.recipients);
    expect(history.recentStaffFor('r1', '2026-11-14').map((e) => e.staff)).toEqual(['s9']);
    expect(history.recentStaffFor('r1', '2026-11-15')).toEqual([]);
    const planned = planPeriod(problem, { iterationsPerDay: 10, seed: 1, timeLimitMsPerDay: 2000 });
    expect(planned.days).toHaveLength(14);
  });

  it('every entry of a generated period may leave out lastSeen and visits', () => {
    const generated = generatePeriod({ seed: 4, teams: 1, staffPerTeam: 4, recipientsPerTeam: 8, days: 3 });
    const bare = { ...generated, recipients: generated.recipients.map((r) => ({ ...r, recentStaff: r.recentStaff?.map((e) => ({ staff: e.staff })) })) };
    expect(bare.recipients.some((r) => (r.recentStaff?.length ?? 0) > 0)).toBe(true);
    const result = validatePeriodProblem(bare);
    expect(result.ok).toBe(true);
    if (result.ok) for (const r of result.value.recipients) for (const e of r.recentStaff ?? []) expect(e).toEqual({ staff: e.staff, lastSeen: '2026-11-01', visits: 1 });
  });
});

describe("a period's staff member (FORMAT §3: a roster instead of a shift)", () => {
  const problem = (extra: Json) =>
    period({ staff: [{ ...staff('s1', { roster: everyDay('2026-11-23', 7, '07:00', '16:00') }), ...extra }], recipients: [recipient('r1', { contact: 's1' })], visitPlans: [plan('p1', 'r1')] });

  it('with both shift and roster is an error, not a shift silently ignored', () => {
    const result = validatePeriodProblem(problem({ shift: { start: '07:00', end: '16:00' } }));
    expect(result.ok ? [] : result.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`)).toEqual([
      "staff[0].shift: is not allowed here: a period's staff member has a roster instead of a shift (FORMAT §3); give each day's shift in its roster entry",
    ]);
  });

  it('with breaks beside the roster is an error too', () => {
    const result = validatePeriodProblem(problem({ breaks: [{ earliest: '11:00', latest: '13:00', minutes: 30 }] }));
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['staff[0].breaks']);
  });
});
