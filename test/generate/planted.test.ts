/**
 * Planted schedules must be feasible by the exact rules of FORMAT §6: later tests prove the
 * solver against them. The feasibility check here is written from FORMAT.md alone; the
 * project's checker (src/check) must agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/check/index.ts';
import { generateDay, PRESETS } from '../../src/generate/index.ts';
import { legMinutes, travelSettings } from '../../src/geo/index.ts';
import { toJsonText } from '../../src/io/index.ts';
import { computeMetrics } from '../../src/metrics/index.ts';
import { schemas, type DayProblem, type Schedule } from '../../src/model/index.ts';
import { isEligible, qualifiedAsContact } from '../../src/rules/eligibility.ts';
import { PlanClock } from '../../src/time/index.ts';
import { validateDayProblem } from '../../src/validate/index.ts';

/** Every way the schedule breaks FORMAT §6, as sentences; empty when feasible. */
function infeasibilities(problem: DayProblem, schedule: Schedule): string[] {
  const out: string[] = [];
  const clock = new PlanClock(problem.date, problem.timezone ?? 'Europe/Stockholm');
  const at = (t: string) => clock.minutes(t);
  const settings = travelSettings(problem.travel);
  const teams = new Map(problem.teams.map((t) => [t.id, t]));
  const staff = new Map(problem.staff.map((s) => [s.id, s]));
  const visits = new Map(problem.visits.map((v) => [v.id, v]));
  const recipients = new Map(problem.recipients.map((r) => [r.id, r]));
  const placed = new Map<string, { staff: string; start: number }[]>();

  for (const route of schedule.routes) {
    const s = staff.get(route.staff);
    if (!s) {
      out.push(`route of unknown staff ${route.staff}`);
      continue;
    }
    const team = teams.get(s.team);
    const mode = s.travelMode ?? team?.travelMode ?? 'walk';
    const home = s.start ?? team?.office;
    if (!home) throw new Error('no start point');
    const shiftStart = at(s.shift.start);
    const shiftEnd = at(s.shift.end);
    const start = at(route.start);
    const end = at(route.end);
    if (start < shiftStart || end > shiftEnd) out.push(`${s.id}: route ${route.start}–${route.end} outside the shift`);
    const breaks = route.breaks.map((b) => ({ start: at(b.start), end: at(b.end) }));
    const rules = s.breaks ?? [];
    if (route.stops.length > 0 && breaks.length !== rules.length) out.push(`${s.id}: ${breaks.length} breaks for ${rules.length} owed`);
    breaks.forEach((b, i) => {
      const rule = rules[i];
      if (!rule) return;
      if (b.end - b.start !== rule.minutes) out.push(`${s.id}: break ${i} lasts ${b.end - b.start}`);
      if (b.start < at(rule.earliest) || b.end > at(rule.latest)) out.push(`${s.id}: break ${i} outside its interval`);
      if (b.start < Math.max(shiftStart, start) || b.end > Math.min(shiftEnd, end)) out.push(`${s.id}: break ${i} outside the shift or route`);
    });
    const inGap = (from: number, to: number) =>
      breaks.reduce((sum, b) => {
        if (b.start < to && b.end > from && (b.start < from || b.end > to)) out.push(`${s.id}: break straddles ${from}–${to}`);
        return sum + (b.start >= from && b.end <= to ? b.end - b.start : 0);
      }, 0);

    let previous = start;
    let here = home;
    let travel = 0;
    let service = 0;
    let waited = 0;
    for (const stop of route.stops) {
      const v = visits.get(stop.visit);
      const r = recipients.get(v?.recipient ?? '');
      if (!v || !r) {
        out.push(`${s.id}: unknown visit ${stop.visit}`);
        continue;
      }
      const t = at(stop.start);
      if (at(stop.end) - t !== v.durationMinutes) out.push(`${v.id}: lasts ${at(stop.end) - t}`);
      if (t < at(v.window.start) || t > at(v.window.end)) out.push(`${v.id}: starts ${stop.start} outside its window`);
      if (t < shiftStart || at(stop.end) > shiftEnd) out.push(`${v.id}: outside ${s.id}'s shift`);
      if (!isEligible(s, v, r)) out.push(`${s.id} is not eligible for ${v.id}`);
      if (stop.recipient !== r.id) out.push(`${v.id}: wrong recipient`);
      const leg = legMinutes(here, r.location, mode, settings);
      if (stop.travelMinutes !== leg) out.push(`${v.id}: travel ${stop.travelMinutes}, leg is ${leg}`);
      const pause = inGap(previous, t);
      const wait = t - previous - leg - pause;
      if (wait < 0) out.push(`${v.id}: ${leg} min of travel and ${pause} min of breaks do not fit before ${stop.start}`);
      if (stop.waitMinutes !== wait) out.push(`${v.id}: wait ${stop.waitMinutes}, gap says ${wait}`);
      if (at(stop.arrival) > t || at(stop.arrival) < previous + leg) out.push(`${v.id}: arrival ${stop.arrival} impossible`);
      placed.set(v.id, [...(placed.get(v.id) ?? []), { staff: s.id, start: t }]);
      travel += leg;
      service += v.durationMinutes;
      waited += wait;
      previous = at(stop.end);
      here = r.location;
    }
    const legHome = legMinutes(here, s.end ?? home, mode, settings);
    if (end - previous < legHome + inGap(previous, end)) out.push(`${s.id}: no time to get back before ${route.end}`);
    travel += legHome;
    if (route.travelMinutes !== travel || route.serviceMinutes !== service || route.waitMinutes !== waited) out.push(`${s.id}: route totals`);
    for (const b of breaks) {
      for (const stop of route.stops) if (b.start < at(stop.end) && b.end > at(stop.start)) out.push(`${s.id}: break overlaps ${stop.visit}`);
    }
  }

  for (const v of problem.visits) {
    const sent = placed.get(v.id) ?? [];
    if (sent.length !== (v.staffCount ?? 1)) out.push(`${v.id}: ${sent.length} staff for ${v.staffCount ?? 1}`);
    if (new Set(sent.map((p) => p.start)).size > 1) out.push(`${v.id}: staff start apart`);
    for (const dep of v.dependsOn ?? []) {
      const gap = (sent[0]?.start ?? 0) - (placed.get(dep.visit)?.[0]?.start ?? 0);
      if (gap < (dep.minGapMinutes ?? 0) || gap > (dep.maxGapMinutes ?? Infinity)) out.push(`${v.id}: gap ${gap} to ${dep.visit}`);
    }
  }
  return out;
}

describe('planted day problems', () => {
  const { problem, planted } = generateDay({ seed: 1, ...PRESETS['full-team'], planted: true });

  it('come with a schedule that parses and places every visit', () => {
    expect(planted).toBeDefined();
    if (!planted) return;
    expect(schemas.Schedule.safeParse(JSON.parse(toJsonText(planted))).success).toBe(true);
    expect(planted.date).toBe(problem.date);
    expect(planted.timezone).toBe(problem.timezone);
    expect(planted.unassigned).toEqual([]);
    expect(planted.metrics.assigned).toBe(problem.visits.length);
    expect(problem.visits.length).toBeGreaterThan(170);
    expect(validateDayProblem(JSON.parse(toJsonText(problem))).ok).toBe(true);
  });

  it('is feasible by every rule of FORMAT §6, by this test and by the project checker', () => {
    if (!planted) throw new Error('no planted schedule');
    expect(infeasibilities(problem, planted)).toEqual([]);
    expect(checkSchedule(problem, planted).violations).toEqual([]);
  });

  it('fails this test\'s check when the schedule is broken', () => {
    if (!planted) return;
    const broken = (change: (copy: Schedule) => void) => {
      const copy = JSON.parse(JSON.stringify(planted)) as Schedule;
      change(copy);
      return infeasibilities(problem, copy);
    };
    const busiest = planted.routes.reduce((a, b) => (b.stops.length > a.stops.length ? b : a));
    const index = planted.routes.indexOf(busiest);
    expect(broken((c) => (c.routes[index].stops[1].travelMinutes += 1))).not.toEqual([]);
    expect(broken((c) => c.routes[index].stops.splice(1, 1))).not.toEqual([]);
    expect(broken((c) => (c.routes[index].breaks = []))).not.toEqual([]);
    expect(broken((c) => (c.routes[index].end = c.routes[index].stops[c.routes[index].stops.length - 1].end))).not.toEqual([]);
    expect(
      broken((c) => {
        const [a, b] = [c.routes[index].stops[0], c.routes[(index + 1) % c.routes.length].stops[0]];
        c.routes[index].stops[0] = b;
        c.routes[(index + 1) % c.routes.length].stops[0] = a;
      }),
    ).not.toEqual([]);
  });

  it('lists stops in time order, with both staff of a double-staffed visit starting together', () => {
    if (!planted) return;
    for (const route of planted.routes) {
      const starts = route.stops.map((s) => Date.parse(s.start));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    const double = problem.visits.filter((v) => v.staffCount === 2);
    expect(double.length).toBeGreaterThan(0);
  });

  it('makes each contact the qualified staff member who did most of the recipient\'s visits', () => {
    if (!planted) return;
    const count = new Map<string, Map<string, number>>();
    for (const route of planted.routes) {
      for (const stop of route.stops) {
        const row = count.get(stop.recipient) ?? new Map<string, number>();
        row.set(route.staff, (row.get(route.staff) ?? 0) + 1);
        count.set(stop.recipient, row);
      }
    }
    const staff = new Map(problem.staff.map((s) => [s.id, s]));
    for (const r of problem.recipients) {
      if (!r.contact) continue;
      const row = count.get(r.id) ?? new Map<string, number>();
      const mine = row.get(r.contact) ?? 0;
      for (const [other, n] of row) {
        const person = staff.get(other);
        if (person && qualifiedAsContact(person, problem.date)) expect(mine).toBeGreaterThanOrEqual(n);
      }
    }
    expect(planted.metrics.contactShare).toBeGreaterThan(0.3);
  });

  it('reports the metrics the project computes for it', () => {
    if (!planted) return;
    expect(planted.metrics).toEqual(computeMetrics(problem, planted));
  });

  it('derives windows around the planted starts and keeps due times at or after them', () => {
    if (!planted) return;
    const clock = new PlanClock(problem.date, 'Europe/Stockholm');
    const startOf = new Map(planted.routes.flatMap((r) => r.stops.map((s) => [s.visit, clock.minutes(s.start)] as const)));
    for (const v of problem.visits) {
      const t = startOf.get(v.id) ?? Number.NaN;
      if (v.dueStart) expect(clock.minutes(v.dueStart)).toBeGreaterThanOrEqual(t);
      expect(clock.minutes(v.window.end) - clock.minutes(v.window.start)).toBeGreaterThanOrEqual(30);
    }
  });

  it('is feasible for any small size and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 14 }),
        (seed, teams, staffPerTeam, recipientsPerTeam) => {
          const made = generateDay({ seed, teams, staffPerTeam, recipientsPerTeam, planted: true });
          if (!made.planted) throw new Error('no planted schedule');
          const data = JSON.parse(toJsonText(made.problem)) as DayProblem;
          const result = validateDayProblem(data);
          expect(result.ok ? [] : result.problems).toEqual([]);
          expect(schemas.Schedule.safeParse(JSON.parse(toJsonText(made.planted))).success).toBe(true);
          expect(infeasibilities(data, made.planted)).toEqual([]);
          expect(checkSchedule(data, made.planted).violations).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
