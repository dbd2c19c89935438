import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applySuggestion, PeriodCoverage, suggestContacts, type ContactSuggestion } from '../../src/contacts/index.ts';
import { expandPeriod } from '../../src/period/index.ts';
import { schemas } from '../../src/model/index.ts';
import { qualifiedAsContact, ineligibility } from '../../src/rules/eligibility.ts';
import type { PeriodProblem, PeriodStaff, Recipient } from '../../src/model/types.ts';
import { everyDay, OFFICE, period, periodStaff as staff, plan, recipient } from '../builders.ts';

const DAYS = 7;

/** Mornings 07–15 and evenings 14–22 by certified assistant nurses, plus people who may not be contacts. */
function ward(startDate: string, extra: Partial<PeriodProblem> = {}): PeriodProblem {
  const all = (id: string, fields: Partial<PeriodStaff>) => staff(id, { roster: everyDay(startDate, DAYS, '07:00', '22:00'), ...fields });
  return period({
    startDate,
    days: DAYS,
    staff: [
      staff('am', { roster: everyDay(startDate, DAYS, '07:00', '15:00'), gender: 'female' }),
      staff('pm', { roster: everyDay(startDate, DAYS, '14:00', '22:00'), gender: 'male' }),
      all('aide', { role: 'care_aide', titleProof: undefined }),
      all('noproof', { titleProof: null }),
      all('trans', { titleProof: 'transitional' }),
    ],
    recipients: [recipient('morning'), recipient('evening'), recipient('both')],
    visitPlans: [
      plan('m1', 'morning', { window: { start: '08:00', end: '09:00' } }),
      plan('e1', 'evening', { window: { start: '19:00', end: '20:00' } }),
      plan('b1', 'both', { window: { start: '08:00', end: '09:00' } }),
      plan('b2', 'both', { window: { start: '19:00', end: '20:00' }, durationMinutes: 60 }),
    ],
    ...extra,
  });
}

const row = (s: ContactSuggestion, id: string) => s.suggestions.find((r) => r.recipient === id)!;

function expectOnlyQualified(p: PeriodProblem, s: ContactSuggestion): void {
  const byId = new Map(p.staff.map((x) => [x.id, x]));
  for (const r of s.suggestions) {
    for (const id of [r.contact, r.deputy]) if (id !== null) expect(qualifiedAsContact(byId.get(id)!, p.startDate), `${id} for ${r.recipient}`).toBe(true);
  }
}

describe('suggestContacts: who may be proposed', () => {
  it('never proposes a care aide, an assistant nurse without proof, or a transitional proof after 2033-06-30', () => {
    const p = ward('2033-07-01');
    for (const weight of ['visits', 'minutes'] as const) {
      const s = suggestContacts(p, { weight });
      expectOnlyQualified(p, s);
      const proposed = s.suggestions.flatMap((r) => [r.contact, r.deputy]);
      for (const unqualified of ['aide', 'noproof', 'trans']) expect(proposed, weight).not.toContain(unqualified);
      expect(row(s, 'morning').contact, weight).toBe('am');
      expect(row(s, 'evening').contact, weight).toBe('pm');
    }
  });

  it('by default counts visits: a recipient with 7 morning and 7 evening visits has half of them covered by either contact', () => {
    const s = suggestContacts(ward('2033-07-01'));
    const both = row(s, 'both');
    expect(both.coveredShare).toBe(0.5);
    expect([both.contact, both.deputy].sort()).toEqual(['am', 'pm']);
  });

  it('under weight minutes weighs each visit by its duration', () => {
    const s = suggestContacts(ward('2033-07-01'), { weight: 'minutes' });
    expect(s.weight).toBe('minutes');
    // Morning 7 × 30 min and evening 7 × 60 min: the evening contact covers more.
    expect(row(s, 'both').contact).toBe('pm');
    expect(row(s, 'both').coveredShare).toBeCloseTo(420 / 630, 9);
    expect(row(s, 'both').deputy).toBe('am');
  });

  it('proposes a transitional proof through 2033-06-30', () => {
    const s = suggestContacts(ward('2033-06-24'));
    expect(row(s, 'both').contact).toBe('trans');
    expect(row(s, 'both').coveredShare).toBe(1);
  });

  it('never proposes a staff member the recipient excluded, one who avoids a tag of the home, or of another gender than required', () => {
    const base = ward('2026-11-23');
    const cases: [string, Partial<Recipient>, Partial<PeriodStaff>][] = [
      ['excluded', { excludedStaff: ['am'] }, {}],
      ['avoided tag', { tags: ['dog'] }, { avoidTags: ['dog'] }],
      ['gender', { requiredGender: 'male' }, {}],
    ];
    for (const [why, recipientFields, amFields] of cases) {
      const p: PeriodProblem = {
        ...base,
        staff: base.staff.filter((x) => x.id === 'am' || x.id === 'pm').map((x) => (x.id === 'am' ? { ...x, ...amFields } : x)),
        recipients: [recipient('morning', recipientFields)],
      };
      const s = suggestContacts(p);
      expect(row(s, 'morning').contact, why).toBe('pm');
      expect(row(s, 'morning').deputy, why).toBeNull();
      expect(row(s, 'morning').coveredShare, why).toBe(0);
    }
  });

  it('gives null and a reason when no qualified eligible candidate exists', () => {
    const p = ward('2026-11-23', { recipients: [recipient('morning', { excludedStaff: ['am', 'pm', 'trans'] })] });
    const r = row(suggestContacts(p), 'morning');
    expect(r.contact).toBeNull();
    expect(r.deputy).toBeNull();
    expect(r.reason).toBe('every qualified assistant nurse of the team is barred: am is excluded by the recipient; pm is excluded by the recipient; trans is excluded by the recipient');
  });

  it('requires a candidate to be eligible for at least one of the visits', () => {
    const p = ward('2026-11-23', {
      staff: [staff('am', { roster: everyDay('2026-11-23', DAYS, '07:00', '15:00'), skills: ['insulin'] }), staff('pm', { roster: everyDay('2026-11-23', DAYS, '14:00', '22:00') })],
      recipients: [recipient('morning')],
      visitPlans: [plan('m1', 'morning', { requires: ['insulin'] })],
    });
    const r = row(suggestContacts(p), 'morning');
    expect(r.contact).toBe('am');
    expect(r.deputy).toBeNull();
    expect(r.reason).toMatch(/no other/);
  });

  it('keeps recipients with contactWaived without a contact unless asked', () => {
    const p = ward('2026-11-23', { recipients: [recipient('morning', { contactWaived: true })] });
    const waived = row(suggestContacts(p), 'morning');
    expect(waived.contact).toBeNull();
    expect(waived.reason).toMatch(/waived/);
    expect(row(suggestContacts(p, { includeWaived: true }), 'morning').contact).not.toBeNull();
  });
});

describe('suggestContacts: the assignment', () => {
  it('matches contacts to the shifts that cover the care and measures before and after per team', () => {
    const p = ward('2026-11-23', {
      staff: ward('2026-11-23').staff.filter((x) => x.id === 'am' || x.id === 'pm'),
      recipients: [recipient('morning', { contact: 'pm', deputies: ['x'] }), recipient('evening')],
    });
    const s = suggestContacts(p);
    expect(s.suggestions.map((r) => [r.recipient, r.previousContact, r.contact, r.deputy, r.coveredShare, r.previousCoveredShare])).toEqual([
      ['morning', 'pm', 'am', 'pm', 1, 0],
      ['evening', null, 'pm', 'am', 1, null],
    ]);
    // Before: only "morning" has a contact, who works evenings: 0 of its 7 visits reachable.
    expect(s.byTeam.T1).toEqual({ before: 0, after: 1, minutesBefore: 0, minutesAfter: 1, withinTimeBefore: 0, withinTimeAfter: 1, recipients: 2, withContactBefore: 1, withContactAfter: 2 });
    expect(s.lp.variables).toBe(4);
    expect(s.lp.integral).toBe(true);
    expect(s.lp.fallback).toBe(false);
    expect(s.maxPerContact).toBe(8);
    expect(s.weight).toBe('visits');
  });

  it('respects the cap per contact, default 8', () => {
    const onlyAm = (n: number) =>
      ward('2026-11-23', {
        staff: [ward('2026-11-23').staff[0]],
        recipients: Array.from({ length: n }, (_, i) => recipient(`r${i}`)),
        visitPlans: Array.from({ length: n }, (_, i) => plan(`p${i}`, `r${i}`)),
      });
    const s = suggestContacts(onlyAm(10));
    expect(s.suggestions.filter((r) => r.contact === 'am')).toHaveLength(8);
    expect(s.suggestions.filter((r) => r.contact === null).every((r) => /already contact for 8/.test(r.reason!))).toBe(true);
    const capped = suggestContacts(onlyAm(4), { maxPerContact: 3 });
    expect(capped.suggestions.filter((r) => r.contact === 'am')).toHaveLength(3);
    expect(() => suggestContacts(onlyAm(1), { maxPerContact: 0 })).toThrow(RangeError);
  });

  it('spreads recipients over contacts when the cap binds and prefers the one who covers more (weight minutes)', () => {
    const p = ward('2026-11-23', {
      staff: ward('2026-11-23').staff.filter((x) => x.id === 'am' || x.id === 'pm'),
      recipients: [recipient('a'), recipient('b'), recipient('c')],
      visitPlans: [plan('pa', 'a', { durationMinutes: 60 }), plan('pb', 'b', { durationMinutes: 20 }), plan('pc', 'c', { durationMinutes: 40 })],
    });
    const s = suggestContacts(p, { maxPerContact: 2, weight: 'minutes' });
    // Only "am" covers mornings; with room for two, the shortest care goes to "pm".
    expect(s.suggestions.map((r) => r.contact)).toEqual(['am', 'pm', 'am']);
  });

  it('when the cap binds, by default gives the morning contact to the recipients with the most visits, not the most minutes', () => {
    const p = ward('2026-11-23', {
      staff: ward('2026-11-23').staff.filter((x) => x.id === 'am' || x.id === 'pm'),
      recipients: [recipient('a'), recipient('b'), recipient('c')],
      // 2026-11-23 is a Monday: a has 7 visits of 10 min, b 2 of 60, c 1 of 200.
      visitPlans: [plan('pa', 'a', { durationMinutes: 10 }), plan('pb', 'b', { durationMinutes: 60, days: ['mon', 'wed'] }), plan('pc', 'c', { durationMinutes: 200, days: ['sat'] })],
    });
    const s = suggestContacts(p, { maxPerContact: 2 });
    expect(s.suggestions.map((r) => r.contact)).toEqual(['am', 'am', 'pm']);
    expect(s.byTeam.T1.after).toBeCloseTo(9 / 10, 9);
    // Minutes (70, 120, 200) would leave "a", the recipient with the most visits, to the evening contact.
    const byMinutes = suggestContacts(p, { maxPerContact: 2, weight: 'minutes' });
    expect(byMinutes.suggestions.map((r) => r.contact)).toEqual(['pm', 'am', 'am']);
    expect(byMinutes.byTeam.T1.after).toBeCloseTo(3 / 10, 9);
  });

  it('takes the nearer candidate when coverage ties, and leaves out candidates beyond maxDistanceKm', () => {
    const far = { lat: OFFICE.lat + 0.2, lon: OFFICE.lon };
    const p = ward('2026-11-23', {
      staff: [staff('far', { start: far, roster: everyDay('2026-11-23', DAYS, '07:00', '15:00') }), staff('near', { roster: everyDay('2026-11-23', DAYS, '07:00', '15:00') })],
      recipients: [recipient('morning')],
    });
    expect(row(suggestContacts(p), 'morning').contact).toBe('near');
    const limited = suggestContacts(p, { maxDistanceKm: 5 });
    expect(row(limited, 'morning').deputy).toBeNull();
  });

  it('keeps the current contact against one merely nearer, but changes it for one more covered visit', () => {
    // "current" starts about 1.6 km farther from the home than "near" (8 minutes at 5 per km), with the same shifts.
    const home = { lat: OFFICE.lat + 0.005, lon: OFFICE.lon + 0.005 };
    const farther = { lat: OFFICE.lat + 0.025, lon: OFFICE.lon + 0.005 };
    const p = ward('2026-11-23', {
      staff: [staff('current', { start: farther, roster: everyDay('2026-11-23', DAYS, '07:00', '15:00') }), staff('near', { roster: everyDay('2026-11-23', DAYS, '07:00', '15:00') })],
      recipients: [recipient('morning', { contact: 'current', location: home })],
    });
    expect(row(suggestContacts(p), 'morning').contact).toBe('current');
    expect(row(suggestContacts(p, { keepCurrentBonus: 0 }), 'morning').contact).toBe('near');
    // Off one day, "current" covers 6 of the 7 visits: one visit (30 minutes) outweighs the default bonus.
    const offOneDay = { ...p, staff: [{ ...p.staff[0], roster: p.staff[0].roster.slice(1) }, p.staff[1]] };
    expect(row(suggestContacts(offOneDay), 'morning').contact).toBe('near');
    expect(row(suggestContacts(offOneDay, { keepCurrentBonus: 40 }), 'morning').contact).toBe('current');
    expect(() => suggestContacts(p, { keepCurrentBonus: -1 })).toThrow(RangeError);
  });

  it('chooses the deputy who covers what the contact cannot', () => {
    const p = ward('2026-11-23', {
      staff: [
        staff('am', { roster: everyDay('2026-11-23', DAYS, '07:00', '15:00') }),
        staff('am2', { roster: everyDay('2026-11-23', DAYS, '07:00', '16:00') }),
        staff('pm', { roster: everyDay('2026-11-23', DAYS, '14:00', '22:00') }),
      ],
      recipients: [recipient('both')],
      visitPlans: [plan('b1', 'both', { durationMinutes: 60 }), plan('b2', 'both', { window: { start: '19:00', end: '20:00' }, durationMinutes: 30 })],
    });
    const byMinutes = row(suggestContacts(p, { weight: 'minutes' }), 'both');
    expect(byMinutes.contact === 'am' || byMinutes.contact === 'am2').toBe(true);
    expect(byMinutes.deputy).toBe('pm');
    // By visits the mornings and evenings tie; whoever is contact, the deputy works the other half.
    const r = row(suggestContacts(p), 'both');
    expect(r.coveredShare).toBe(0.5);
    expect([r.contact, r.deputy].filter((id) => id === 'pm')).toHaveLength(1);
  });

  it('gives the same answer through the forced rounding path, with the integrality flag unchanged', () => {
    const p = ward('2033-07-01');
    const lp = suggestContacts(p);
    const rounded = suggestContacts(p, { forceFallback: true });
    expect(rounded.lp.fallback).toBe(true);
    expect(rounded.lp.integral).toBe(lp.lp.integral);
    expect(rounded.suggestions.map((r) => r.contact)).toEqual(lp.suggestions.map((r) => r.contact));
  });

  it('assigns recipients without a team to their contact\'s team and rejects a team that does not exist', () => {
    const p = ward('2026-11-23', {
      teams: [{ id: 'T1', office: OFFICE }, { id: 'T2', office: { lat: OFFICE.lat + 0.01, lon: OFFICE.lon } }],
      recipients: [recipient('morning', { team: undefined, contact: 'am' })],
    });
    expect(row(suggestContacts(p), 'morning').team).toBe('T1');
    expect(() => suggestContacts({ ...p, recipients: [recipient('x', { team: 'T9' })] })).toThrow(/recipients\[0\]\.team: "T9" names no team/);
  });
});

describe('applySuggestion', () => {
  it('writes contact and deputy, keeps a waived recipient and one without proposal as they were', () => {
    const p = ward('2026-11-23', {
      recipients: [
        recipient('morning', { contact: 'noproof', deputies: ['aide'] }),
        recipient('evening', { contactWaived: true, contact: 'pm' }),
        recipient('both', { contact: 'aide', excludedStaff: ['am', 'pm', 'trans'] }),
      ],
    });
    const s = suggestContacts(p);
    const applied = applySuggestion(p, s);
    expect(schemas.PeriodProblem.safeParse(applied).success).toBe(true);
    const m = applied.recipients[0];
    expect(m.contact).toBe(row(s, 'morning').contact);
    expect(m.deputies).toEqual([row(s, 'morning').deputy]);
    expect(applied.recipients[1]).toEqual(p.recipients[1]);
    expect(applied.recipients[2]).toEqual(p.recipients[2]);
    expect(p.recipients[0].contact).toBe('noproof');
  });
});

describe('suggestContacts on random wards', () => {
  const SHIFTS = [['07:00', '15:00'], ['07:00', '12:00'], ['14:00', '22:00'], ['10:00', '19:00']] as const;
  const WINDOWS = [['07:30', '09:00'], ['11:00', '12:30'], ['16:00', '17:00'], ['20:00', '21:30']] as const;
  const START = '2026-11-23';

  const wards = fc
    .record({
      staff: fc.array(
        fc.record({
          role: fc.constantFrom('assistant_nurse', 'assistant_nurse', 'care_aide', 'service_assistant'),
          proof: fc.constantFrom('certificate', 'transitional', null),
          shift: fc.constantFrom(...SHIFTS),
          workDays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
          dog: fc.boolean(),
          team: fc.constantFrom('T1', 'T2'),
        }),
        { minLength: 1, maxLength: 7 },
      ),
      recipients: fc.array(
        fc.record({
          visits: fc.array(fc.record({ window: fc.constantFrom(...WINDOWS), minutes: fc.integer({ min: 10, max: 60 }), days: fc.constantFrom<'daily' | ('mon' | 'wed' | 'sat')[]>('daily', ['mon', 'wed'], ['sat']) }), { maxLength: 3 }),
          excluded: fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }),
          dog: fc.boolean(),
          contact: fc.option(fc.integer({ min: 0, max: 6 })),
          waived: fc.boolean(),
          team: fc.constantFrom('T1', 'T2'),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      cap: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ staff: st, recipients: rs, cap }) => {
      const p = period({
        startDate: START,
        days: DAYS,
        teams: [{ id: 'T1', office: OFFICE }, { id: 'T2', office: { lat: OFFICE.lat + 0.02, lon: OFFICE.lon } }],
        staff: st.map((x, j) =>
          staff(`s${j}`, {
            team: x.team,
            role: x.role as PeriodStaff['role'],
            titleProof: x.role === 'assistant_nurse' ? x.proof : undefined,
            avoidTags: x.dog ? ['dog'] : undefined,
            roster: x.workDays.map((d) => ({ date: everyDay(START, 7, x.shift[0], x.shift[1])[d].date, shift: { start: x.shift[0], end: x.shift[1] } })),
          }),
        ),
        recipients: rs.map((r, i) =>
          recipient(`r${i}`, {
            team: r.team,
            excludedStaff: r.excluded.map((j) => `s${j}`),
            tags: r.dog ? ['dog'] : undefined,
            contact: r.contact === null ? null : `s${r.contact % st.length}`,
            contactWaived: r.waived && r.contact === null ? true : undefined,
          }),
        ),
        visitPlans: rs.flatMap((r, i) => r.visits.map((v, k) => plan(`p${i}.${k}`, `r${i}`, { window: { start: v.window[0], end: v.window[1] }, durationMinutes: v.minutes, days: v.days }))),
      });
      return { p, cap };
    });

  it('keeps every rule: qualified, not barred, own team, within the cap, deputy distinct', () => {
    fc.assert(
      fc.property(wards, ({ p, cap }) => {
        const s = suggestContacts(p, { maxPerContact: cap });
        const byId = new Map(p.staff.map((x) => [x.id, x]));
        const contactLoad = new Map<string, number>();
        for (const [i, r] of s.suggestions.entries()) {
          const rec = p.recipients[i];
          expect(r.recipient).toBe(rec.id);
          if (rec.contactWaived) expect(r.contact).toBeNull();
          for (const id of [r.contact, r.deputy]) {
            if (id === null) continue;
            const member = byId.get(id)!;
            expect(qualifiedAsContact(member, p.startDate)).toBe(true);
            expect(ineligibility(member, {}, rec)).toBeNull();
            expect(member.team).toBe(rec.team);
          }
          if (r.contact !== null) {
            contactLoad.set(r.contact, (contactLoad.get(r.contact) ?? 0) + 1);
            expect(r.deputy).not.toBe(r.contact);
          } else {
            expect(r.reason).toBeTruthy();
          }
        }
        for (const n of contactLoad.values()) expect(n).toBeLessThanOrEqual(cap);
        expect(s.lp.integral).toBe(true);
        expect(s.lp.fallback).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  // The model gives as many recipients a contact as it can before it counts coverage, so the
  // comparison with any feasible current contacts is lexicographic: more recipients with a
  // contact, or as many and at least as much care covered (visits by default, else minutes).
  it('beats any feasible set of current contacts on (recipients with a contact, covered care), by visits and by minutes', () => {
    fc.assert(
      fc.property(wards, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), ({ p: generated, cap }, picks) => {
        const coverage = new PeriodCoverage(generated, expandPeriod(generated));
        // Current contacts drawn among the candidates the rules allow, within the cap.
        const load = new Map<string, number>();
        const p: PeriodProblem = {
          ...generated,
          recipients: generated.recipients.map((r, i) => {
            const hasVisits = coverage.occurrencesOf(r.id).length > 0;
            const allowed = generated.staff.filter(
              (m) =>
                !r.contactWaived &&
                qualifiedAsContact(m, generated.startDate) &&
                ineligibility(m, {}, r) === null &&
                m.team === r.team &&
                (!hasVisits || coverage.eligibleForAny(r.id, m.id)) &&
                (load.get(m.id) ?? 0) < cap,
            );
            const pick = picks[i] % (allowed.length + 1);
            if (pick === allowed.length) return { ...r, contact: null };
            load.set(allowed[pick].id, (load.get(allowed[pick].id) ?? 0) + 1);
            return { ...r, contact: allowed[pick].id };
          }),
        };
        const withContact = p.recipients.filter((r) => r.contact).length;
        for (const weight of ['visits', 'minutes'] as const) {
          const s = suggestContacts(p, { maxPerContact: cap, distancePenaltyPerKm: 0, ...(weight === 'minutes' ? { weight } : {}) });
          const proposed = new Map(s.suggestions.map((r) => [r.recipient, r.contact]));
          const covered = (contactOf: (r: Recipient) => string | null | undefined) =>
            p.recipients.reduce((sum, r) => {
              const c = contactOf(r);
              return sum + (c ? coverage.covered(r.id, c)[weight] : 0);
            }, 0);
          const proposedWithContact = s.suggestions.filter((r) => r.contact !== null).length;
          expect(proposedWithContact, weight).toBeGreaterThanOrEqual(withContact);
          if (proposedWithContact === withContact) expect(covered((r) => proposed.get(r.id)), weight).toBeGreaterThanOrEqual(covered((r) => r.contact));
        }
      }),
      { numRuns: 60 },
    );
  });
});
