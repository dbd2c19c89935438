import { describe, expect, it } from 'vitest';
import { generatePeriod } from '../../src/generate/index.ts';
import { suggestContacts } from '../../src/contacts/index.ts';
import { expandPeriod } from '../../src/period/index.ts';
import { schemas } from '../../src/model/index.ts';
import { ineligibility, qualifiedAsContact } from '../../src/rules/eligibility.ts';
import type { PeriodProblem } from '../../src/model/types.ts';

const SEEDS = [1, 2, 3];
const periods = new Map<number, PeriodProblem>(SEEDS.map((seed) => [seed, generatePeriod({ seed, teams: 2, staffPerTeam: 10, recipientsPerTeam: 30 })]));

/** The smallest cap (at least the default 8) under which the generated contacts are a feasible answer. */
function capAdmittingCurrent(p: PeriodProblem): number {
  const load = new Map<string, number>();
  for (const r of p.recipients) if (r.contact) load.set(r.contact, (load.get(r.contact) ?? 0) + 1);
  return Math.max(8, ...load.values());
}

describe('generated periods', () => {
  it('expand into valid day problems whose dependencies stay within the day', () => {
    for (const p of periods.values()) {
      const days = expandPeriod(p);
      expect(days).toHaveLength(p.days);
      for (const d of days) {
        expect(schemas.DayProblem.safeParse(d).success).toBe(true);
        const ids = new Set(d.visits.map((v) => v.id));
        expect(ids.size).toBe(d.visits.length);
        for (const v of d.visits) for (const dep of v.dependsOn ?? []) expect(ids.has(dep.visit)).toBe(true);
      }
    }
  });

  it('get contacts that keep every rule, from integral LPs of small size', () => {
    for (const p of periods.values()) {
      const s = suggestContacts(p);
      const byId = new Map(p.staff.map((x) => [x.id, x]));
      const load = new Map<string, number>();
      for (const [i, row] of s.suggestions.entries()) {
        const r = p.recipients[i];
        for (const id of [row.contact, row.deputy]) {
          if (id === null) continue;
          expect(qualifiedAsContact(byId.get(id)!, p.startDate)).toBe(true);
          expect(ineligibility(byId.get(id)!, {}, r)).toBeNull();
          expect(r.excludedStaff ?? []).not.toContain(id);
        }
        if (row.contact) load.set(row.contact, (load.get(row.contact) ?? 0) + 1);
        if (r.contactWaived) expect(row.contact).toBeNull();
      }
      expect(Math.max(...load.values())).toBeLessThanOrEqual(8);
      expect(s.lp).toMatchObject({ integral: true, fallback: false });
      for (const team of Object.values(s.lp.byTeam)) expect(team.seconds).toBeLessThan(2);
    }
  });

  it('by shift coverage never lower the reachable care minutes under weight minutes when the cap admits the current contacts', () => {
    for (const p of periods.values()) {
      const s = suggestContacts(p, { maxPerContact: capAdmittingCurrent(p), weight: 'minutes', capacity: false });
      for (const t of Object.values(s.byTeam)) expect(t.minutesAfter!).toBeGreaterThanOrEqual(t.minutesBefore!);
    }
  });

  it('by shift coverage never lower contactReachableShare (weighing visits) when the cap admits the current contacts', () => {
    for (const p of periods.values()) {
      const s = suggestContacts(p, { maxPerContact: capAdmittingCurrent(p), capacity: false });
      for (const t of Object.values(s.byTeam)) {
        expect(t.after!).toBeGreaterThanOrEqual(t.before!);
        expect(t.withContactAfter).toBeGreaterThanOrEqual(t.withContactBefore);
      }
    }
  });

  it("with the contacts' time never lower the share of visits the contacts can make in it, when the cap admits the current contacts", () => {
    for (const p of periods.values()) {
      const s = suggestContacts(p, { maxPerContact: capAdmittingCurrent(p) });
      for (const t of Object.values(s.byTeam)) expect(t.withinTimeAfter!).toBeGreaterThanOrEqual(t.withinTimeBefore!);
    }
  });
});
