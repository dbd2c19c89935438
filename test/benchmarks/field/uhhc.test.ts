import { beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../../src/model/index.ts';
import { InputError } from '../../../src/model/errors.ts';
import { validateDayProblem } from '../../../src/validate/index.ts';
import {
  UHHC_DIR,
  convertUhhc,
  evaluateUhhcSchedule,
  evaluateUhhcSolution,
  loadIolabSolution,
  loadUhhc,
  parseJsonDocument,
  parseUhhc,
  readExternal,
  uhhcSolutionToSchedule,
  type UhhcConversion,
  type UhhcInstance,
} from '../../../benchmarks/field/index.ts';

const SOLUTIONS = {
  'i-083': 'sol-i-083-3009906951.json',
  'i-100': 'sol-i-100-2488049427.json',
  'i-134': 'sol-i-134-1081859337.json',
  'i-316': 'sol-i-316-3481168423.json',
} as const;

let i003: UhhcInstance;
let c003: UhhcConversion;
let i134: UhhcInstance;
let c134: UhhcConversion;

beforeAll(async () => {
  i003 = await loadUhhc('instance-003.json');
  c003 = convertUhhc(i003);
  i134 = await loadUhhc('i-134.json');
  c134 = convertUhhc(i134);
});

function errorsOf(data: unknown): unknown[] {
  const result = validateDayProblem(data);
  return result.ok ? [] : result.problems;
}

describe('convertUhhc', () => {
  it('converts the single-window patients of instance-003 and lists the others', () => {
    const { problem, leftOut } = c003;
    expect(schemas.DayProblem.safeParse(problem).success).toBe(true);
    expect(errorsOf(problem)).toEqual([]);
    expect(leftOut.map((l) => [l.patient, l.reason])).toEqual(
      ['p1', 'p2', 'p4', 'p6', 'p10', 'p11', 'p13'].map((p) => [p, 'multiple_time_windows']),
    );
    expect(leftOut[0].message).toBe('p1 may be served in any of 2 windows (15-105, 180-270); a visit has one window');
    expect(problem.teams.map((t) => t.id)).toEqual(['d0']);
    expect(problem.staff).toHaveLength(7);
    expect(problem.recipients.map((r) => r.id)).toEqual(['p0', 'p3', 'p5', 'p7', 'p8', 'p9', 'p12', 'p14']);
    expect(problem.visits.map((v) => v.id)).toEqual(['p0-s1', 'p0-s6', 'p3-s1', 'p5-s2', 'p5-s4', 'p7-s0', 'p8-s4', 'p9-s4', 'p12-s6', 'p14-s4']);
    expect(new Set(problem.staff.flatMap((s) => s.skills))).toEqual(new Set(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7']));
  });

  it('maps shifts, lunch breaks, optional patients and dependencies as the file has them', () => {
    const { problem } = c003;
    const c1 = problem.staff.find((s) => s.id === 'c1')!;
    // c1: shift 30-480, lunch owed; lunch 180-360, 30 min, windows met at the service start.
    expect(c1.shift).toEqual({ start: '00:30', end: '08:00' });
    expect(c1.breaks).toEqual([{ earliest: '03:00', latest: '06:30', minutes: 30 }]);
    expect(problem.staff.find((s) => s.id === 'c3')!.breaks).toBeUndefined();
    expect(problem.staff.filter((s) => s.breaks).map((s) => s.id)).toEqual(['c1', 'c2', 'c5', 'c6', 'c7']);
    const v = (id: string) => problem.visits.find((x) => x.id === id)!;
    // p0: sequential 45..75 from s1 to s6, optional.
    expect(v('p0-s6').dependsOn).toEqual([{ visit: 'p0-s1', minGapMinutes: 45, maxGapMinutes: 75 }]);
    expect(v('p0-s1').mandatory).toBe(false);
    // p5: independent pair, mandatory.
    expect(v('p5-s4').dependsOn).toBeUndefined();
    expect(v('p5-s4').mandatory).toBe(true);
    // Tardiness is HARD in this instance: the window end (345..495 for p8) is the latest start.
    expect(v('p8-s4')).toMatchObject({ window: { start: '05:45', end: '08:15' }, durationMinutes: 60, requires: ['s4'] });
    expect(v('p8-s4').dueStart).toBeUndefined();
    expect(problem.objective).toMatchObject({ travelMinute: 1, lateMinute: 0, notContact: 10, unassignedOptional: 100 });
  });

  it('carries the travel matrix under team, staff and recipient ids', () => {
    const m = c003.problem.travel!.matrix!;
    expect(m.ids).toHaveLength(1 + 7 + 8);
    const at = (a: string, b: string) => m.minutes.car![m.ids.indexOf(a)][m.ids.indexOf(b)];
    // Row 0 of the file is d0: [0, 44, 25, 10, 37, 27, 26, 13, 23, 17, …]; p8 is index 9, p0 index 1.
    expect(at('d0', 'p8')).toBe(17);
    expect(at('c4', 'p0')).toBe(44);
    expect(at('p0', 'p3')).toBe(i003.distances[1][4]);
    expect(at('p14', 'c2')).toBe(i003.distances[15][0]);
  });

  it('takes the first preferred caregiver as contact and the rest as deputies, one team per terminal', () => {
    const { problem, leftOut } = c134;
    expect(errorsOf(problem)).toEqual([]);
    expect(leftOut.map((l) => l.patient)).toEqual(['p1', 'p2', 'p4', 'p6', 'p10', 'p11', 'p13']);
    expect(problem.teams.map((t) => t.id)).toEqual(['d3', 'd6', 'd1']);
    expect(problem.staff.map((s) => [s.id, s.team, s.shift])).toEqual([
      ['c1', 'd3', { start: '01:00', end: '09:00' }],
      ['c2', 'd6', { start: '06:00', end: '11:30' }],
      ['c3', 'd1', { start: '00:30', end: '10:30' }],
    ]);
    const p3 = problem.recipients.find((r) => r.id === 'p3')!;
    expect(p3).toMatchObject({ contact: 'c2', location: { lat: 44.64993858593784, lon: 10.74865110406512 } });
    expect(p3.deputies).toBeUndefined();
    expect(problem.recipients.find((r) => r.id === 'p5')!.contact).toBeUndefined();
    // p5: simultaneous s6 and s2, different skills: two visits, 0-gap.
    expect(problem.visits.find((v) => v.id === 'p5-s2')!.dependsOn).toEqual([{ visit: 'p5-s6', minGapMinutes: 0, maxGapMinutes: 0 }]);
    // Soft tardiness here: due at the window end (start semantics), window open to the horizon.
    expect(problem.visits.find((v) => v.id === 'p3-s3')).toMatchObject({ window: { start: '05:45', end: '12:00' }, dueStart: '08:45' });
    const m = problem.travel!.matrix!;
    expect(m.minutes.car![m.ids.indexOf('c1')][m.ids.indexOf('p3')]).toBe(i134.distances[3][13]);
  });

  it('makes a same-service simultaneous pair one visit for two and names each deputy', async () => {
    const raw = parseJsonDocument(await readExternal(`${UHHC_DIR}i-134.json`), 'i-134.json') as { patients: Record<string, unknown>[] };
    const p0 = raw.patients.find((p) => p.id === 'p0')!;
    p0.required_services = [
      { service: 's1', duration: 45 },
      { service: 's1', duration: 45 },
    ];
    p0.preferred_caregivers = ['c2', 'c3', 'c1'];
    p0.incompatible_caregivers = ['c1'];
    const { problem } = convertUhhc(parseUhhc(raw, 'edited.json'));
    expect(problem.visits.filter((v) => v.recipient === 'p0')).toEqual([expect.objectContaining({ id: 'p0-s1', staffCount: 2, mandatory: false })]);
    expect(problem.recipients.find((r) => r.id === 'p0')).toMatchObject({ contact: 'c2', deputies: ['c3', 'c1'], excludedStaff: ['c1'] });
  });

  it('converts nothing from an instance whose patients all have two windows, and says so', async () => {
    const { problem, leftOut } = convertUhhc(await loadUhhc('i-083.json'));
    expect(problem.visits).toEqual([]);
    expect(leftOut).toHaveLength(70);
    expect(errorsOf(problem)).toEqual([]);
  });

  it('rejects a caregiver who ends elsewhere than they start', async () => {
    const raw = parseJsonDocument(await readExternal(`${UHHC_DIR}instance-000.json`), 'x.json') as { caregivers: Record<string, unknown>[] };
    raw.caregivers[0].arrival_point = 'd0';
    expect(() => convertUhhc(parseUhhc(raw, 'x.json'))).toThrow(InputError);
    expect(() => convertUhhc(parseUhhc(raw, 'x.json'))).toThrow(/caregiver c1 ends at d0, not at d1/);
  });
});

describe('UHHC evaluator', () => {
  it("reproduces every shipped SA solution's weighted cost components", async () => {
    for (const [name, file] of Object.entries(SOLUTIONS)) {
      const instance = await loadUhhc(`${name}.json`);
      const solution = await loadIolabSolution(UHHC_DIR + file);
      const e = evaluateUhhcSolution(instance, solution);
      expect(e.violations, name).toEqual([]);
      for (const [component, value] of Object.entries(e.weighted)) {
        expect(value, `${name} ${component}`).toBe(solution.costComponents[component] ?? 0);
      }
    }
  });

  it('reports travel, tardiness and the preferred-caregiver share of i-134 and i-316', async () => {
    const e134 = evaluateUhhcSolution(i134, await loadIolabSolution(UHHC_DIR + SOLUTIONS['i-134']));
    // Weight 1 on travel, 7 on total and 4 on highest tardiness: 440, 28/7, 16/4.
    expect([e134.travel, e134.totalTardiness, e134.maxTardiness]).toEqual([440, 4, 4]);
    expect(e134.preferredShare).toBe(1);
    expect(e134.unscheduledPatients).toEqual(['p0', 'p9', 'p13', 'p14']);
    const i316 = await loadUhhc('i-316.json');
    const e316 = evaluateUhhcSolution(i316, await loadIolabSolution(UHHC_DIR + SOLUTIONS['i-316']));
    // Preferences cost 13 per miss and the file says 104: 8 misses.
    expect(e316.preferenceMisses).toBe(8);
    expect(e316.preferredShare).toBeCloseTo(e316.byPreferred / e316.servicesWithPreference, 12);
    expect(e316.servicesWithPreference - e316.byPreferred).toBe(8);
  });

  it('measures a schedule of the converted problem as it measures the solution file', async () => {
    const solution = await loadIolabSolution(UHHC_DIR + SOLUTIONS['i-134']);
    const kept = new Set(c134.problem.recipients.map((r) => r.id));
    const served = { ...solution, routes: solution.routes.map((r) => ({ ...r, stops: r.stops.filter((s) => kept.has(s.patient)) })) };
    const schedule = uhhcSolutionToSchedule(i134, served, c134.problem);
    expect(schemas.Schedule.safeParse(schedule).success).toBe(true);
    expect(schedule.routes.map((r) => r.breaks.length)).toEqual([1, 0, 1]);
    const viaSchedule = evaluateUhhcSchedule(i134, schedule);
    const direct = evaluateUhhcSolution(i134, served);
    expect(viaSchedule).toEqual(direct);
    expect(direct.services).toBe(6);
    expect(schedule.metrics.contactShare).toBe(1);
  });

  it('flags services to the wrong caregiver and broken synchronisation', async () => {
    const solution = await loadIolabSolution(UHHC_DIR + SOLUTIONS['i-134']);
    const c3 = solution.routes.find((r) => r.caregiver === 'c3')!;
    c3.stops.find((s) => s.patient === 'p5' && s.service === 's6')!.start += 5;
    c3.stops.find((s) => s.patient === 'p2')!.service = 's7';
    const v = evaluateUhhcSolution(i134, solution).violations;
    expect(v).toContain('c3: p2 does not require s7');
    expect(v).toContain('p5: s2 starts -5 after s6, outside [0, 0]');
  });
});
