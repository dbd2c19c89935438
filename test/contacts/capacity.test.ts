import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suggestContacts, type ContactSuggestion } from '../../src/contacts/index.ts';
import { capacityIn, gridPoints, mustMinutes, sequence, type Job, type StaffDay } from '../../src/contacts/capacity.ts';
import { addDays } from '../../src/time/index.ts';
import type { PeriodProblem } from '../../src/model/types.ts';
import { everyDay, period, periodStaff as staff, plan, recipient } from '../builders.ts';

const START = '2026-11-23';
const DAYS = 7;
const row = (s: ContactSuggestion, id: string) => s.suggestions.find((r) => r.recipient === id)!;

describe('sequence', () => {
  const days = fc
    .record({
      start: fc.integer({ min: 360, max: 600 }),
      length: fc.integer({ min: 120, max: 600 }),
      breaks: fc.array(fc.record({ from: fc.integer({ min: 0, max: 300 }), slack: fc.integer({ min: 0, max: 120 }), minutes: fc.constantFrom(15, 30) }), { maxLength: 2 }),
      jobs: fc.array(fc.record({ lo: fc.integer({ min: 300, max: 1300 }), slack: fc.integer({ min: 0, max: 240 }), duration: fc.integer({ min: 5, max: 90 }) }), { maxLength: 25 }),
    })
    .map(({ start, length, breaks, jobs }) => {
      const day: StaffDay = {
        staff: 0,
        date: START,
        start,
        end: start + length,
        breaks: breaks.map((b) => ({ lo: start + b.from, hi: start + b.from + b.slack, duration: b.minutes })),
      };
      return { day, jobs: jobs.map((j): Job => ({ lo: j.lo, hi: j.lo + j.slack, duration: j.duration })) };
    });

  it('never makes more minutes of work fall in any stretch of the day than the stretch has, breaks included', () => {
    fc.assert(
      fc.property(days, ({ day, jobs }) => {
        const made = jobs.filter((_, i) => sequence(day, jobs)[i]);
        const points = gridPoints(day);
        for (let i = 0; i < points.length; i++) {
          for (let k = i + 1; k < points.length; k++) {
            const must = made.reduce((sum, j) => sum + mustMinutes(j, points[i], points[k]), 0);
            expect(must).toBeLessThanOrEqual(capacityIn(day, points[i], points[k]) + 1e-9);
          }
        }
        for (const j of made) {
          expect(j.lo).toBeLessThanOrEqual(j.hi);
          expect(Math.max(j.lo, day.start) + j.duration).toBeLessThanOrEqual(day.end);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('makes every job of a day with room for all of them, one after another', () => {
    const day: StaffDay = { staff: 0, date: START, start: 420, end: 960, breaks: [{ lo: 660, hi: 810, duration: 30 }] };
    const jobs: Job[] = [0, 1, 2, 3].map((k) => ({ lo: 430 + 60 * k, hi: 470 + 60 * k, duration: 45 }));
    expect(sequence(day, jobs)).toEqual([true, true, true, true]);
    // Three jobs that must all start 07:30–08:00 and last 40 minutes: only one fits.
    const crowded: Job[] = [0, 1, 2].map(() => ({ lo: 450, hi: 480, duration: 40 }));
    expect(sequence(day, crowded).filter(Boolean)).toHaveLength(1);
  });
});

describe('suggestContacts with the contacts\' time', () => {
  /** Eight recipients who all want care 07:30–09:00, all with the same morning contact, and two more morning nurses. */
  function crowdedMorning(): PeriodProblem {
    return period({
      startDate: START,
      days: DAYS,
      staff: ['a', 'b', 'c'].map((id) => staff(id, { roster: everyDay(START, DAYS, '07:00', '15:00') })),
      recipients: Array.from({ length: 8 }, (_, i) => recipient(`r${i}`, { contact: 'a' })),
      visitPlans: Array.from({ length: 8 }, (_, i) => plan(`p${i}`, `r${i}`, { window: { start: '07:30', end: '09:00' }, durationMinutes: 30 })),
    });
  }

  /** Per contact: the minutes of their recipients' visits that must fall in 07:30–09:30 (a visit starting 07:30–09:00 lasting 30). */
  function peakMinutes(s: ContactSuggestion): Map<string, number> {
    const load = new Map<string, number>();
    for (const r of s.suggestions) if (r.contact) load.set(r.contact, (load.get(r.contact) ?? 0) + 30);
    return load;
  }

  it('never gives a contact more recipients\' peak-hour minutes than the contact has at those hours, when others have room', () => {
    const p = crowdedMorning();
    const byShift = suggestContacts(p, { capacity: false });
    // Counting shifts alone, the current contact covers everything: all eight keep her.
    expect(peakMinutes(byShift).get('a')).toBe(240);
    const s = suggestContacts(p);
    expect(s.capacity).toBe(true);
    for (const [contact, minutes] of peakMinutes(s)) expect(minutes, contact).toBeLessThanOrEqual(120);
    for (const r of s.suggestions) expect(r.withinTimeShare, r.recipient).toBe(1);
    expect(s.byTeam.T1.withinTimeBefore).toBeLessThan(0.5);
    expect(s.byTeam.T1.withinTimeAfter).toBe(1);
    expect(s.lp.moves).toBeGreaterThan(0);
  });

  it('keeps a contact whose time suffices, by the keep-current bonus, and keeps the cap', () => {
    const p = crowdedMorning();
    const few: PeriodProblem = { ...p, recipients: p.recipients.slice(0, 2), visitPlans: p.visitPlans!.slice(0, 2) };
    expect(suggestContacts(few).suggestions.map((r) => r.contact)).toEqual(['a', 'a']);
    const capped = suggestContacts(p, { maxPerContact: 2 });
    const load = new Map<string, number>();
    for (const r of capped.suggestions) if (r.contact) load.set(r.contact, (load.get(r.contact) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(2);
  });

  // Everyone works 07:00–22:00 on their own days, and there is room for every visit, so the
  // contact's gaps are exactly the days the contact is off.
  const offDays = fc
    .record({
      workDays: fc.array(fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }), { minLength: 2, maxLength: 5 }),
      recipients: fc.array(fc.record({ window: fc.constantFrom(['08:00', '09:00'], ['12:00', '13:00'], ['19:00', '20:00']), contact: fc.nat() }), { minLength: 1, maxLength: 3 }),
      capacity: fc.boolean(),
    })
    .map(({ workDays, recipients, capacity }) => ({
      capacity,
      p: period({
        startDate: START,
        days: DAYS,
        staff: workDays.map((days, j) => staff(`s${j}`, { roster: days.map((d) => ({ date: addDays(START, d), shift: { start: '07:00', end: '22:00' } })) })),
        recipients: recipients.map((r, i) => recipient(`r${i}`, { contact: `s${r.contact % workDays.length}` })),
        visitPlans: recipients.map((r, i) => plan(`p${i}`, `r${i}`, { window: { start: r.window[0], end: r.window[1] }, durationMinutes: 20 })),
      }),
    }));

  it('chooses deputies who work the days the contact is off, whenever anyone does', () => {
    fc.assert(
      fc.property(offDays, ({ p, capacity }) => {
        const s = suggestContacts(p, { capacity, maxPerDeputy: 10 });
        const works = (id: string, date: string) => p.staff.find((x) => x.id === id)!.roster.some((e) => e.date === date);
        for (const r of p.recipients) {
          const { contact, deputy } = row(s, r.id);
          expect(contact).not.toBeNull();
          const offDates = Array.from({ length: DAYS }, (_, d) => addDays(START, d)).filter((date) => !works(contact!, date));
          const someoneCan = p.staff.some((x) => x.id !== contact && offDates.some((date) => works(x.id, date)));
          if (someoneCan) expect(offDates.some((date) => works(deputy!, date)), `${r.id}: contact ${contact}, deputy ${deputy}`).toBe(true);
          // And no other candidate works more of those days.
          const covered = (id: string) => offDates.filter((date) => works(id, date)).length;
          for (const x of p.staff) if (x.id !== contact && deputy !== null) expect(covered(deputy)).toBeGreaterThanOrEqual(covered(x.id));
        }
      }),
      { numRuns: 80, seed: 13 },
    );
  });
});
