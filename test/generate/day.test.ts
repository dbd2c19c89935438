import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDay, PRESETS } from '../../src/generate/index.ts';
import { pointInArea } from '../../src/geo/index.ts';
import { toJsonText } from '../../src/io/index.ts';
import { schemas, type DayProblem } from '../../src/model/index.ts';
import { qualifiedAsContact } from '../../src/rules/eligibility.ts';
import { PlanClock, addDays } from '../../src/time/index.ts';
import { validateDayProblem } from '../../src/validate/index.ts';

const FULL = { seed: 1, ...PRESETS['full-team'] };

function minutes(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

describe('generateDay: determinism', () => {
  it('gives the same bytes for the same seed and options', () => {
    expect(toJsonText(generateDay(FULL).problem)).toBe(toJsonText(generateDay({ ...FULL }).problem));
  });

  it('gives different problems for different seeds', () => {
    expect(toJsonText(generateDay({ ...FULL, seed: 2 }).problem)).not.toBe(toJsonText(generateDay(FULL).problem));
  });

  it('keeps one team the same when more teams are added (streams are forked per team)', () => {
    const one = generateDay({ seed: 4, teams: 1, staffPerTeam: 6, recipientsPerTeam: 10 }).problem;
    const two = generateDay({ seed: 4, teams: 2, staffPerTeam: 6, recipientsPerTeam: 10 }).problem;
    expect(two.teams[0]).toEqual(one.teams[0]);
    expect(two.staff.filter((s) => s.team === 'T1')).toEqual(one.staff);
  });
});

describe('generateDay: a full team on Monday 2026-11-23', () => {
  const problem = generateDay(FULL).problem;

  it('parses with the schema and validates without errors or warnings', () => {
    expect(schemas.DayProblem.safeParse(problem).success).toBe(true);
    const result = validateDayProblem(JSON.parse(toJsonText(problem)));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings).toEqual([]);
  });

  it('has the sizes of the preset: 15 staff, 70 recipients, about 200 visits', () => {
    expect(problem.date).toBe('2026-11-23');
    expect(problem.timezone).toBe('Europe/Stockholm');
    expect(problem.staff).toHaveLength(15);
    expect(problem.recipients).toHaveLength(70);
    expect(problem.visits.length).toBeGreaterThan(170);
    expect(problem.visits.length).toBeLessThan(230);
  });

  it('places offices and homes inside their team area on Södermalm', () => {
    const team = problem.teams[0];
    expect(team.area).toBeDefined();
    if (!team.area) return;
    expect(pointInArea(team.office, team.area)).toBe(true);
    for (const r of problem.recipients) {
      expect(r.team).toBe(team.id);
      expect(pointInArea(r.location, team.area)).toBe(true);
      expect(r.location.lat).toBeGreaterThan(59.3);
      expect(r.location.lat).toBeLessThan(59.33);
      expect(r.location.lon).toBeGreaterThan(18.02);
      expect(r.location.lon).toBeLessThan(18.12);
    }
  });

  it('staffs the team with nurses, aides and service assistants on day and evening shifts', () => {
    const roles = new Set(problem.staff.map((s) => s.role));
    expect(roles).toEqual(new Set(['assistant_nurse', 'care_aide', 'service_assistant']));
    const nurses = problem.staff.filter((s) => s.role === 'assistant_nurse');
    expect(nurses.filter((s) => s.titleProof === 'certificate').length).toBeGreaterThan(nurses.length / 2);
    for (const s of problem.staff.filter((x) => x.role !== 'assistant_nurse')) expect(s.titleProof).toBeUndefined();
    const starts = problem.staff.map((s) => minutes(s.shift.start));
    expect(starts.some((m) => m <= 7 * 60 + 30)).toBe(true);
    expect(starts.some((m) => m >= 14 * 60)).toBe(true);
    for (const s of problem.staff) {
      const length = minutes(s.shift.end) - minutes(s.shift.start);
      if (length >= 360) {
        expect(s.breaks).toHaveLength(1);
        const b = s.breaks?.[0];
        expect(b?.minutes).toBe(30);
        expect(minutes(b?.earliest ?? '')).toBeGreaterThanOrEqual(minutes(s.shift.start));
        expect(minutes(b?.latest ?? '')).toBeLessThanOrEqual(minutes(s.shift.end));
      } else {
        expect(s.breaks).toBeUndefined();
      }
    }
  });

  it('gives each recipient 1–6 visits of realistic kinds and lengths', () => {
    const perRecipient = new Map<string, number>();
    for (const v of problem.visits) perRecipient.set(v.recipient, (perRecipient.get(v.recipient) ?? 0) + 1);
    for (const r of problem.recipients) {
      expect(perRecipient.get(r.id)).toBeGreaterThanOrEqual(1);
      expect(perRecipient.get(r.id)).toBeLessThanOrEqual(6);
    }
    for (const v of problem.visits) {
      expect(v.durationMinutes).toBeGreaterThanOrEqual(10);
      expect(v.durationMinutes).toBeLessThanOrEqual(v.type === 'service' ? 120 : 60);
      expect(minutes(v.window.start)).toBeGreaterThanOrEqual(7 * 60);
      expect(minutes(v.window.end)).toBeLessThanOrEqual(21 * 60 + 30);
      expect(minutes(v.window.start)).toBeLessThan(minutes(v.window.end));
      if (v.type === 'service') {
        expect(v.durationMinutes).toBeGreaterThanOrEqual(60);
        expect(minutes(v.window.end) - minutes(v.window.start)).toBeGreaterThanOrEqual(240);
      }
    }
    const types = new Set(problem.visits.map((v) => v.type));
    for (const t of ['personal_care', 'meal', 'health', 'service', 'supervision']) expect(types).toContain(t);
  });

  it('has double staffing with a lift on a few visits and insulin doses 4–6 hours apart', () => {
    const double = problem.visits.filter((v) => v.staffCount === 2);
    expect(double.length / problem.visits.length).toBeGreaterThan(0.02);
    expect(double.length / problem.visits.length).toBeLessThan(0.15);
    for (const v of double) expect(v.requires).toContain('lift');
    const insulin = problem.visits.filter((v) => v.requires?.includes('insulin'));
    expect(insulin.length).toBeGreaterThan(0);
    for (const v of insulin) expect(v.type).toBe('health');
    const dependent = problem.visits.filter((v) => v.dependsOn);
    expect(dependent.length).toBeGreaterThan(0);
    for (const v of dependent) {
      const dep = v.dependsOn?.[0];
      expect(dep).toMatchObject({ minGapMinutes: 240, maxGapMinutes: 360 });
      const first = problem.visits.find((x) => x.id === dep?.visit);
      expect(first?.recipient).toBe(v.recipient);
      expect(first?.requires).toContain('insulin');
    }
  });

  it('names a qualified, working contact of the team for every recipient unless waived', () => {
    const staff = new Map(problem.staff.map((s) => [s.id, s]));
    for (const r of problem.recipients) {
      if (r.contactWaived) {
        expect(r.contact).toBeNull();
        continue;
      }
      const contact = staff.get(r.contact ?? '');
      expect(contact).toBeDefined();
      if (!contact) continue;
      expect(qualifiedAsContact(contact, problem.date)).toBe(true);
      expect(contact.team).toBe(r.team);
      expect(r.excludedStaff ?? []).not.toContain(contact.id);
      expect(r.deputies ?? []).not.toContain(contact.id);
    }
    const withDeputies = problem.recipients.filter((r) => (r.deputies?.length ?? 0) > 0).length;
    expect(withDeputies).toBeGreaterThan(problem.recipients.length / 3);
  });

  it('keeps a 14-day history where the contact is the most frequent visitor', () => {
    let contactFirst = 0;
    let withHistory = 0;
    for (const r of problem.recipients) {
      if (!r.recentStaff) continue;
      withHistory++;
      for (const e of r.recentStaff) {
        expect(e.lastSeen >= addDays(problem.date, -13)).toBe(true);
        expect(e.lastSeen < problem.date).toBe(true);
        expect(e.visits).toBeGreaterThan(0);
      }
      if (r.contact && r.recentStaff[0].staff === r.contact) contactFirst++;
    }
    expect(withHistory).toBeGreaterThan(problem.recipients.length * 0.8);
    expect(contactFirst).toBeGreaterThan(withHistory / 2);
  });

  it('has the occasional refusal, gender requirement, pets and smoking homes, allergies and bikes', () => {
    const big = generateDay({ seed: 1, ...PRESETS.district }).problem;
    expect(big.teams).toHaveLength(10);
    expect(big.visits.length).toBeGreaterThan(1700);
    expect(big.visits.length).toBeLessThan(2300);
    expect(big.recipients.some((r) => r.excludedStaff?.length)).toBe(true);
    expect(big.recipients.some((r) => r.requiredGender)).toBe(true);
    expect(big.recipients.some((r) => r.contactWaived)).toBe(true);
    for (const tag of ['dog', 'cat', 'smoke']) {
      expect(big.recipients.some((r) => r.tags?.includes(tag))).toBe(true);
      expect(big.staff.some((s) => s.avoidTags?.includes(tag))).toBe(true);
    }
    expect(big.staff.some((s) => s.travelMode === 'bike')).toBe(true);
    expect(big.teams.every((t) => t.travelMode === 'walk')).toBe(true);
    expect(big.visits.some((v) => v.preferredStart)).toBe(true);
    expect(big.visits.some((v) => v.dueStart)).toBe(true);
    expect(new Set(big.teams.map((t) => t.name)).size).toBe(10);
    // Team areas are adjacent cells that do not overlap: each home lies in exactly its own.
    for (const r of big.recipients.slice(0, 100)) {
      const inside = big.teams.filter((t) => t.area && pointInArea(r.location, t.area)).map((t) => t.id);
      expect(inside).toEqual([r.team]);
    }
  });
});

describe('generateDay: options', () => {
  it('honours another date and time zone, and lists only recipients with visits on a weekend', () => {
    const { problem } = generateDay({ seed: 3, teams: 1, staffPerTeam: 6, recipientsPerTeam: 12, date: '2026-11-28', timezone: 'Europe/Helsinki' });
    expect(problem.date).toBe('2026-11-28');
    expect(problem.timezone).toBe('Europe/Helsinki');
    expect(problem.visits.some((v) => v.type === 'service')).toBe(false);
    const visited = new Set(problem.visits.map((v) => v.recipient));
    expect(problem.recipients.every((r) => visited.has(r.id))).toBe(true);
    expect(validateDayProblem(JSON.parse(toJsonText(problem))).ok).toBe(true);
  });

  it('works on the days daylight saving time starts and ends', () => {
    for (const date of ['2026-03-29', '2026-10-25']) {
      const { problem, planted } = generateDay({ seed: 2, teams: 1, staffPerTeam: 6, recipientsPerTeam: 10, date, planted: true });
      expect(validateDayProblem(JSON.parse(toJsonText(problem))).ok).toBe(true);
      const clock = new PlanClock(date, 'Europe/Stockholm');
      const first = planted?.routes[0];
      expect(first).toBeDefined();
      if (first) expect(clock.minutes(first.start)).toBe(clock.minutes(first.start.slice(11, 16)));
    }
  });

  it('rejects out-of-range options with a plain sentence', () => {
    expect(() => generateDay({ ...FULL, teams: 0 })).toThrow(/teams must be a whole number from 1/);
    expect(() => generateDay({ ...FULL, staffPerTeam: 2.5 })).toThrow(/staff per team/);
    expect(() => generateDay({ ...FULL, date: '2026-13-01' })).toThrow(/calendar date/);
    expect(() => generateDay({ ...FULL, timezone: 'Mars/Olympus' })).toThrow(/IANA/);
    expect(() => generateDay({ ...FULL, seed: Number.NaN })).toThrow(/seed/);
  });

  it('generates valid problems for any small size and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 15 }),
        (seed, teams, staffPerTeam, recipientsPerTeam) => {
          const { problem } = generateDay({ seed, teams, staffPerTeam, recipientsPerTeam });
          const data = JSON.parse(toJsonText(problem)) as DayProblem;
          expect(schemas.DayProblem.safeParse(data).success).toBe(true);
          const result = validateDayProblem(data);
          expect(result.ok ? [] : result.problems).toEqual([]);
          expect(problem.staff).toHaveLength(teams * staffPerTeam);
          expect(problem.recipients.length).toBeLessThanOrEqual(teams * recipientsPerTeam);
        },
      ),
      { numRuns: 40 },
    );
  });
});
