import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { periodFloor } from '../../src/contacts/index.ts';
import { addDays } from '../../src/time/index.ts';
import type { PeriodProblem, PeriodStaff, VisitPlan } from '../../src/model/types.ts';
import { everyDay, period, periodStaff as staff, plan, recipient } from '../builders.ts';

const START = '2026-11-02';
const DAYS = 14;
const SHIFTS = [['07:00', '15:00'], ['07:00', '12:00'], ['14:00', '22:00'], ['10:00', '19:00'], ['06:00', '10:00']] as const;
const WINDOWS = [['07:30', '09:00'], ['11:00', '12:30'], ['16:00', '17:00'], ['20:00', '21:30'], ['08:00', '20:00']] as const;

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** The fewest staff meeting every visit's need, by trying every subset in order of size (no nurses, windows inside 07–22). */
function bruteForce(p: PeriodProblem, recipientId: string): number | null {
  const visits: { need: number; able: Set<number> }[] = [];
  for (let d = 0; d < p.days; d++) {
    const date = addDays(p.startDate, d);
    for (const vp of p.visitPlans ?? []) {
      if (vp.recipient !== recipientId) continue;
      const able = new Set<number>();
      p.staff.forEach((s, j) => {
        const entry = s.roster.find((e) => e.date === date);
        if (!entry || (vp.requires ?? []).some((k) => !s.skills?.includes(k))) return;
        const lo = Math.max(minutes(vp.window.start), minutes(entry.shift.start));
        const hi = Math.min(minutes(vp.window.end), minutes(entry.shift.end) - vp.durationMinutes);
        if (lo <= hi) able.add(j);
      });
      if (able.size >= (vp.staffCount ?? 1)) visits.push({ need: vp.staffCount ?? 1, able });
    }
  }
  const n = p.staff.length;
  for (let size = 0; size <= n; size++) {
    for (let mask = 0; mask < 1 << n; mask++) {
      let bits = 0;
      for (let j = 0; j < n; j++) if (mask & (1 << j)) bits++;
      if (bits !== size) continue;
      if (visits.every((v) => [...v.able].filter((j) => mask & (1 << j)).length >= v.need)) return size;
    }
  }
  return null;
}

const periods = fc
  .record({
    staff: fc.array(
      fc.record({ shift: fc.constantFrom(...SHIFTS), off: fc.subarray([...Array(DAYS).keys()], { maxLength: 8 }), lift: fc.boolean() }),
      { minLength: 1, maxLength: 7 },
    ),
    visits: fc.array(fc.record({ window: fc.constantFrom(...WINDOWS), minutes: fc.integer({ min: 10, max: 60 }), double: fc.boolean() }), { minLength: 2, maxLength: 4 }),
  })
  .map(({ staff: st, visits }) =>
    period({
      startDate: START,
      days: DAYS,
      staff: st.map((x, j) =>
        staff(`s${j}`, {
          role: 'care_aide',
          titleProof: undefined,
          skills: x.lift ? ['lift'] : [],
          roster: everyDay(START, DAYS, x.shift[0], x.shift[1]).filter((_, d) => !x.off.includes(d)),
        }),
      ),
      recipients: [recipient('r')],
      visitPlans: visits.map(
        (v, k): VisitPlan => plan(`p${k}`, 'r', { window: { start: v.window[0], end: v.window[1] }, durationMinutes: v.minutes, ...(v.double ? { staffCount: 2, requires: ['lift'] } : {}) }),
      ),
    }),
  );

describe('periodFloor', () => {
  it('matches a brute force over every subset of staff on small generated periods', () => {
    fc.assert(
      fc.property(periods, (p) => {
        const row = periodFloor(p).windows[0].byRecipient.r;
        expect(row.floor).toBe(bruteForce(p, 'r'));
        // The set it names does the job: every visit someone can make has enough of them.
        expect(row.staff).toHaveLength(row.floor);
      }),
      { numRuns: 120, seed: 13 },
    );
  });

  it('counts a recipient with two visits a day as the KPI does, and reports per team and overall', () => {
    const p = period({
      startDate: START,
      days: DAYS,
      teams: [{ id: 'T1', office: { lat: 59.3163, lon: 18.0734 } }, { id: 'T2', office: { lat: 59.3263, lon: 18.0734 } }],
      staff: [
        staff('am', { roster: everyDay(START, DAYS, '07:00', '15:00') }),
        staff('pm', { roster: everyDay(START, DAYS, '14:00', '22:00') }),
        staff('pm2', { team: 'T2', roster: everyDay(START, DAYS, '14:00', '22:00') }),
      ],
      recipients: [recipient('both'), recipient('once'), recipient('young', { birthYear: 1990 }), recipient('other', { team: 'T2' })],
      visitPlans: [
        plan('b1', 'both'),
        plan('b2', 'both', { window: { start: '19:00', end: '20:00' } }),
        plan('o1', 'once'),
        plan('y1', 'young'),
        plan('y2', 'young', { window: { start: '10:00', end: '11:00' } }),
        plan('x1', 'other', { window: { start: '16:00', end: '17:00' } }),
        plan('x2', 'other', { window: { start: '19:00', end: '20:00' } }),
      ],
    });
    const w = periodFloor(p).windows[0];
    expect(w.byRecipient.both).toMatchObject({ counted: true, floor: 2, staff: ['am', 'pm'], visits: 28 });
    expect(w.byRecipient.once).toMatchObject({ counted: false, reason: 'too_few_visits', floor: 1 });
    expect(w.byRecipient.young).toMatchObject({ counted: false, reason: 'under_65' });
    // Any staff member of the problem may go (FORMAT §6.22): T2's recipient needs one evening person.
    expect(w.byRecipient.other.floor).toBe(1);
    expect(w.overall).toMatchObject({ recipients: 2, mean: 1.5, min: 1, max: 2, withUnreachable: 0 });
    expect(w.byTeam.T1).toMatchObject({ recipients: 1, mean: 2 });
    expect(w.byTeam.T2).toMatchObject({ recipients: 1, mean: 1 });
  });

  it('leaves out what could go uncounted (a start before 07:00, a nurse alone) and names visits no one can make', () => {
    const roster = everyDay(START, DAYS, '06:00', '22:00');
    const p = period({
      startDate: START,
      days: DAYS,
      staff: [
        staff('a', { roster }),
        staff('b', { roster: everyDay(START, DAYS, '07:00', '15:00') }),
        // On duty only around the insulin dose: a nurse could make any care visit of her hours.
        staff('n', { role: 'nurse', titleProof: undefined, skills: ['insulin'], roster: everyDay(START, DAYS, '11:30', '13:30') }),
      ],
      recipients: [recipient('r')],
      visitPlans: [
        plan('early', 'r', { window: { start: '06:30', end: '08:00' } }),
        plan('insulin', 'r', { window: { start: '12:00', end: '13:00' }, requires: ['insulin'], type: 'health' }),
        plan('day', 'r', { window: { start: '10:00', end: '11:00' } }),
        plan('evening', 'r', { window: { start: '19:00', end: '20:00' } }),
        plan('lift', 'r', { window: { start: '09:00', end: '09:30' }, staffCount: 2, requires: ['lift'] }),
      ],
    });
    const row = periodFloor(p).windows[0].byRecipient.r;
    // "early" can start at 06:30 and the nurse makes "insulin": neither counts; "lift" needs two lift-trained staff and has none.
    expect(row.visits).toBe(28);
    expect(row.floor).toBe(1);
    expect(row.staff).toEqual(['a']);
    expect(row.unreachable).toEqual(Array.from({ length: DAYS }, (_, d) => `lift@${addDays(START, d)}`));
    expect(periodFloor(p).windows[0].overall.withUnreachable).toBe(1);
  });

  it('needs two different staff for a double-staffed visit, a nurse taking one place for free', () => {
    const roster = everyDay(START, DAYS, '07:00', '15:00');
    const lifters = (ids: string[], extra: PeriodStaff[] = []) =>
      period({
        startDate: START,
        days: DAYS,
        staff: [...ids.map((id) => staff(id, { skills: ['lift'], roster })), ...extra],
        recipients: [recipient('r')],
        visitPlans: [plan('m', 'r', { staffCount: 2, requires: ['lift'] }), plan('n', 'r', { window: { start: '11:00', end: '12:00' } })],
      });
    expect(periodFloor(lifters(['a', 'b', 'c'])).windows[0].byRecipient.r.floor).toBe(2);
    expect(periodFloor(lifters(['a'], [staff('nurse', { role: 'nurse', titleProof: undefined, skills: ['lift'], roster })])).windows[0].byRecipient.r.floor).toBe(1);
  });
});
