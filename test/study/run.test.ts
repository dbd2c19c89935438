/**
 * Studies planned in process on generated days and periods: every plan passes the checker
 * (a period on every day, with the history it was planned with), and the result's metrics,
 * paid time, kilometres and cost equal what is recomputed here from the plans alone.
 */
import { describe, expect, it } from 'vitest';
import turfDistance from '@turf/distance';
import { generateDay, generatePeriod } from '../../src/generate/index.ts';
import { checkSchedule } from '../../src/check/index.ts';
import { StaffHistory, expandPeriod, plannedKpi } from '../../src/period/index.ts';
import { checkStudy, runStudy, plannedServiceMinutes, type PlannedPart, type StudyMetrics } from '../../src/study/index.ts';
import { schemas } from '../../src/model/index.ts';
import type { DayProblem, PeriodProblem, Schedule } from '../../src/model/types.ts';

const WAGES = { assistant_nurse: 265, care_aide: 245, service_assistant: 225, nurse: 330 } as const;

/** "07:30" or "07:30+1" as minutes of the plan day (the generator writes no ISO times). */
function clock(time: string): number {
  const [h, m] = time.slice(0, 5).split(':').map(Number);
  return h * 60 + m + (time.endsWith('+1') ? 1440 : 0);
}

/** Paid minutes by role and car kilometres of a planned day, from the problem and the routes. */
function paidAndKm(problem: DayProblem, schedule: Schedule) {
  const paid: Record<string, number> = {};
  let km = 0;
  for (const route of schedule.routes) {
    if (route.stops.length === 0) continue;
    const staff = problem.staff.find((s) => s.id === route.staff)!;
    paid[staff.role] = (paid[staff.role] ?? 0) + clock(staff.shift.end) - clock(staff.shift.start);
    const team = problem.teams.find((t) => t.id === staff.team)!;
    if ((staff.travelMode ?? team.travelMode ?? 'walk') !== 'car') continue;
    const start = staff.start ?? team.office;
    const points = [start, ...route.stops.map((s) => problem.recipients.find((r) => r.id === s.recipient)!.location), staff.end ?? start];
    for (let i = 1; i < points.length; i++) km += turfDistance([points[i - 1].lon, points[i - 1].lat], [points[i].lon, points[i].lat]) * 1.3;
  }
  return { paid, km };
}

function cost(paid: Record<string, number>, km: number): number {
  return Object.entries(paid).reduce((sum, [role, minutes]) => sum + (minutes / 60) * WAGES[role as keyof typeof WAGES], 0) + km * 2.5;
}

function expectEntry(entry: { metrics: StudyMetrics; costSek: number }, paid: Record<string, number>, km: number) {
  expect(entry.metrics.paidMinutesByRole).toEqual(paid);
  expect(entry.metrics.paidMinutes).toBe(Object.values(paid).reduce((a, b) => a + b, 0));
  expect(entry.metrics.carKm).toBeCloseTo(km, 3);
  expect(entry.costSek).toBeCloseTo(cost(paid, km), 1);
}

describe('a study of a day', () => {
  const { problem: base } = generateDay({ seed: 2, teams: 2, staffPerTeam: 4, recipientsPerTeam: 10 });
  const study = {
    format: 'kontinuitet/study@1',
    base,
    variants: [
      { id: 'today', label: 'Som idag' },
      { id: 'minus2', apply: [{ op: 'remove_staff', count: 2 }] },
      { id: 'sa', apply: [{ op: 'service_assistants', team: 'T1', count: 1, shift: { start: '08:00', end: '16:30' }, visitTypes: ['service'] }] },
      { id: 'car', apply: [{ op: 'travel_mode', mode: 'car', team: 'T2' }] },
      { id: 'fok', apply: [{ op: 'suggest_contacts' }] },
    ],
    sweep: { weight: 'notContact', values: [0, 240] },
    options: { iterations: 150, timeLimitSeconds: 600, seed: 3 },
  };
  const { result, planned } = runStudy(checkStudy(study));

  it('gives every plan the same budget and seed, written into each problem', () => {
    expect(schemas.StudyResult.safeParse(result).success).toBe(true);
    expect(result.options).toEqual({ timeLimitSeconds: 600, seed: 3, iterations: 150 });
    for (const part of planned) {
      expect(part.problem.problem.options).toEqual(result.options);
      expect((part.plan.schedule as Schedule).solver?.seed).toBe(3);
    }
    expect(planned.map((p) => p.id)).toEqual(['today', 'minus2', 'sa', 'car', 'fok', 'sweep-notContact-0', 'sweep-notContact-240']);
    expect(result.sweep.map((s) => s.value)).toEqual([0, 240]);
  });

  it('plans that pass the checker, with the metrics the checker recomputes', () => {
    const entries = [...result.variants, ...result.sweep];
    planned.forEach((part, i) => {
      const problem = part.problem.problem as DayProblem;
      const schedule = part.plan.schedule as Schedule;
      const check = checkSchedule(problem, schedule);
      expect(check.violations, part.id).toEqual([]);
      expect(check.metricDiffs, part.id).toEqual([]);
      const m = check.metrics;
      expect(entries[i].metrics).toMatchObject({
        visits: m.visits,
        assigned: m.assigned,
        unassignedMandatory: m.unassignedMandatory,
        contactShare: m.contactShare,
        contactReachableShare: m.contactReachableShare,
        contactOrDeputyShare: m.contactOrDeputyShare,
        distinctStaffMean: m.distinctStaffPerRecipient.mean,
        newStaffMean: m.newStaffPerRecipient,
        travelMinutes: m.travelMinutes,
        serviceMinutes: m.serviceMinutes,
      });
      const { paid, km } = paidAndKm(problem, schedule);
      expectEntry(entries[i], paid, km);
    });
    // Only the car variant drives.
    expect(result.variants.map((v) => v.metrics.carKm > 0)).toEqual([false, false, false, true, false]);
  });

  it('removes by count the staff with the fewest planned service minutes in the base plan', () => {
    const minutes = plannedServiceMinutes(planned[0].plan);
    const ranked = base.staff.map((s) => ({ id: s.id, m: minutes.get(s.id) ?? 0 })).sort((a, b) => a.m - b.m || (a.id < b.id ? -1 : 1));
    const kept = new Set(planned[1].problem.problem.staff.map((s) => s.id));
    expect(base.staff.filter((s) => !kept.has(s.id)).map((s) => s.id).sort()).toEqual(ranked.slice(0, 2).map((r) => r.id).sort());
    expect(result.variants[1].applied).toMatch(/^2 staff removed, the fewest planned service minutes in the base plan: /);
  });
});

describe('a study of a period', () => {
  const base = generatePeriod({ seed: 4, teams: 1, staffPerTeam: 5, recipientsPerTeam: 10, days: 4 });
  const study = {
    format: 'kontinuitet/study@1',
    base,
    variants: [
      { id: 'today' },
      { id: 'minus1', apply: [{ op: 'remove_staff', count: 1, role: 'care_aide' }] },
      { id: 'sa', apply: [{ op: 'service_assistants', team: 'T1', count: 1, shift: { start: '08:00', end: '16:30' }, visitTypes: ['service'] }] },
      { id: 'fok', apply: [{ op: 'suggest_contacts' }] },
    ],
    sweep: { weight: 'newStaff', values: [0, 200] },
    options: { iterations: 60, timeLimitSeconds: 600, seed: 1 },
  };
  const { result, planned } = runStudy(checkStudy(study));

  /** Every day of a planned period, with the recentStaff it was planned with (FORMAT §6.18). */
  function daysOf(part: PlannedPart): { problem: DayProblem; schedule: Schedule }[] {
    const period = part.problem.problem as PeriodProblem;
    const history = new StaffHistory(period.recipients);
    const schedules = (part.plan.schedule as { days: Schedule[] }).days;
    return expandPeriod(period).map((plain, d) => {
      const problem = { ...plain, recipients: history.recipientsOn(plain.recipients, plain.date) };
      history.record(schedules[d]);
      return { problem, schedule: schedules[d] };
    });
  }

  it('plans every day of every part so that the checker finds nothing, and adds them up as it says', () => {
    const entries = [...result.variants, ...result.sweep];
    expect(result.base).toEqual({ kind: 'period', date: base.startDate, days: 4 });
    planned.forEach((part, i) => {
      const days = daysOf(part);
      const sums = { visits: 0, assigned: 0, unassignedMandatory: 0, travel: 0, service: 0, km: 0 };
      const paid: Record<string, number> = {};
      const contact = { made: 0, byDeputy: 0, of: 0 };
      const faces = { distinct: 0, fresh: 0, recipientDays: 0 };
      for (const { problem, schedule } of days) {
        const check = checkSchedule(problem, schedule);
        expect(check.violations, `${part.id} ${problem.date}`).toEqual([]);
        expect(check.metricDiffs, `${part.id} ${problem.date}`).toEqual([]);
        const m = check.metrics;
        sums.visits += m.visits;
        sums.assigned += m.assigned;
        sums.unassignedMandatory += m.unassignedMandatory;
        sums.travel += m.travelMinutes;
        sums.service += m.serviceMinutes;
        const withVisit = new Set(problem.visits.map((v) => v.recipient)).size;
        faces.recipientDays += withVisit;
        faces.distinct += m.distinctStaffPerRecipient.mean * withVisit;
        faces.fresh += m.newStaffPerRecipient * withVisit;
        // Contact shares counted visit by visit from the routes (FORMAT §6.4).
        const sent = new Map<string, string[]>();
        for (const route of schedule.routes) for (const stop of route.stops) sent.set(stop.visit, [...(sent.get(stop.visit) ?? []), route.staff]);
        for (const [visitId, staff] of sent) {
          const r = problem.recipients.find((x) => x.id === problem.visits.find((v) => v.id === visitId)!.recipient)!;
          if (!r.contact) continue;
          contact.of++;
          if (staff.includes(r.contact)) contact.made++;
          if (staff.some((s) => s === r.contact || r.deputies?.includes(s))) contact.byDeputy++;
        }
        const day = paidAndKm(problem, schedule);
        for (const [role, minutes] of Object.entries(day.paid)) paid[role] = (paid[role] ?? 0) + minutes;
      }
      const m = entries[i].metrics;
      expect(m).toMatchObject({ visits: sums.visits, assigned: sums.assigned, unassignedMandatory: sums.unassignedMandatory, travelMinutes: sums.travel, serviceMinutes: sums.service });
      expect(m.contactShare).toBeCloseTo(contact.made / contact.of, 12);
      expect(m.contactOrDeputyShare).toBeCloseTo(contact.byDeputy / contact.of, 12);
      expect(m.distinctStaffMean).toBeCloseTo(faces.distinct / faces.recipientDays, 12);
      expect(m.newStaffMean).toBeCloseTo(faces.fresh / faces.recipientDays, 12);
      expect(m.U21401).toBe(plannedKpi(part.problem.problem as PeriodProblem, days.map((d) => d.schedule)).windows[0].kolada.U21401);
      expectEntry(entries[i], paid, 0);
    });
  });

  it('plans a period with circles and look-ahead, as plan-period does', () => {
    for (const part of planned) expect((part.plan.schedule as { days: Schedule[] }).days[0].solver?.iterations).toBe(40);
  });
});
