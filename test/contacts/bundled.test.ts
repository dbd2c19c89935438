/**
 * The acceptance rules on the bundled periods: the suggestion never proposes an unqualified
 * person and respects the cap; counting shift coverage only (`capacity: false`) its
 * contactReachableShare (FORMAT §6.3, counted over visits) is per team at least that of the
 * contacts the period came with, recomputed here from the expanded days, not read from the
 * suggestion's own `byTeam`; counting the contacts' time (the default) the share of visits
 * the contacts can make in their own time is per team at least that of the contacts given.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applySuggestion, DEFAULT_MAX_PER_CONTACT, suggestContacts, type ContactSuggestion } from '../../src/contacts/index.ts';
import { expandPeriod } from '../../src/period/index.ts';
import { loadPeriodProblem } from '../../src/validate/index.ts';
import { ineligibility, isEligible, qualifiedAsContact } from '../../src/rules/eligibility.ts';
import { PlanClock } from '../../src/time/index.ts';
import type { PeriodProblem } from '../../src/model/types.ts';

const BUNDLED = ['team-period', 'district-period'] as const;

function load(name: string): PeriodProblem {
  return loadPeriodProblem(JSON.parse(readFileSync(new URL(`../../datasets/${name}.json`, import.meta.url), 'utf8'))).problem;
}

/** The largest number of recipients one staff member is contact for in the period as given. */
function largestCurrentLoad(p: PeriodProblem): number {
  const load = new Map<string, number>();
  for (const r of p.recipients) if (r.contact) load.set(r.contact, (load.get(r.contact) ?? 0) + 1);
  return Math.max(0, ...load.values());
}

/** contactReachableShare per team over every planned visit of the period, by the words of FORMAT §6.3–6.4. */
function reachableShareByTeam(p: PeriodProblem): Map<string, number | null> {
  const counts = new Map(p.teams.map((t) => [t.id, { reachable: 0, visits: 0 }]));
  for (const day of expandPeriod(p)) {
    const clock = new PlanClock(day.date, day.timezone ?? 'Europe/Stockholm');
    const working = new Map(day.staff.map((s) => [s.id, s]));
    const recipients = new Map(day.recipients.map((r) => [r.id, r]));
    for (const v of day.visits) {
      const r = recipients.get(v.recipient)!;
      if (!r.contact) continue;
      const team = counts.get(r.team!)!;
      team.visits += 1;
      const contact = working.get(r.contact);
      if (!contact || !isEligible(contact, v, r)) continue;
      const earliest = clock.minutes(v.lockedStart ?? v.window.start);
      const latest = clock.minutes(v.lockedStart ?? v.window.end);
      const fits = Math.max(earliest, clock.minutes(contact.shift.start)) <= Math.min(latest, clock.minutes(contact.shift.end) - v.durationMinutes);
      if (fits) team.reachable += 1;
    }
  }
  return new Map([...counts].map(([id, c]) => [id, c.visits === 0 ? null : c.reachable / c.visits]));
}

function expectRulesKept(p: PeriodProblem, s: ContactSuggestion, cap: number): void {
  const byId = new Map(p.staff.map((x) => [x.id, x]));
  const load = new Map<string, number>();
  s.suggestions.forEach((row, i) => {
    const r = p.recipients[i];
    expect(row.recipient).toBe(r.id);
    for (const id of [row.contact, row.deputy]) {
      if (id === null) continue;
      const member = byId.get(id)!;
      expect(qualifiedAsContact(member, p.startDate), `${id} for ${r.id}`).toBe(true);
      expect(ineligibility(member, {}, r), `${id} for ${r.id}`).toBeNull();
      expect(member.team).toBe(r.team);
    }
    if (row.contact !== null) load.set(row.contact, (load.get(row.contact) ?? 0) + 1);
  });
  expect(load.size).toBeGreaterThan(0);
  expect(Math.max(...load.values())).toBeLessThanOrEqual(cap);
}

describe.each(BUNDLED)('contact suggestion on the bundled %s', (name) => {
  const p = load(name);

  it('at the default cap proposes only qualified assistant nurses of the own team, none barred, none over the cap', () => {
    expectRulesKept(p, suggestContacts(p), DEFAULT_MAX_PER_CONTACT);
  });

  // Where the current contacts already exceed the default cap, the given contacts are no feasible
  // answer under it, so the comparison raises the cap just enough to admit them.
  const cap = Math.max(DEFAULT_MAX_PER_CONTACT, largestCurrentLoad(p));
  const capNote = cap > DEFAULT_MAX_PER_CONTACT ? `raised from the default ${DEFAULT_MAX_PER_CONTACT} to admit the current contacts` : 'the default';
  it(`by shift coverage never lowers a team's contactReachableShare and keeps the rules, at cap ${cap} (${capNote})`, () => {
    const s = suggestContacts(p, { maxPerContact: cap, capacity: false });
    expectRulesKept(p, s, cap);
    const before = reachableShareByTeam(p);
    const after = reachableShareByTeam(applySuggestion(p, s));
    for (const team of p.teams) {
      const b = before.get(team.id)!;
      const a = after.get(team.id)!;
      expect(b, team.id).not.toBeNull();
      expect(a, team.id).toBeGreaterThanOrEqual(b);
      // The suggestion's own report agrees with the recount.
      expect(s.byTeam[team.id].before!, team.id).toBeCloseTo(b, 12);
      expect(s.byTeam[team.id].after!, team.id).toBeCloseTo(a, 12);
    }
  });

  it(`with the contacts' time never lowers the share they can make in it, at cap ${cap}`, () => {
    const s = suggestContacts(p, { maxPerContact: cap });
    expectRulesKept(p, s, cap);
    for (const team of p.teams) expect(s.byTeam[team.id].withinTimeAfter!, team.id).toBeGreaterThanOrEqual(s.byTeam[team.id].withinTimeBefore!);
  });
});
