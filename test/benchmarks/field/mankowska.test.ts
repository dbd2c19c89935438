import { beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../../src/model/index.ts';
import { InputError } from '../../../src/model/errors.ts';
import { validateDayProblem } from '../../../src/validate/index.ts';
import { checkSchedule } from '../../../src/check/index.ts';
import type { DayProblem } from '../../../src/model/types.ts';
import {
  MANKOWSKA_DIR,
  convertMankowska,
  evaluateMankowska,
  evaluateMankowskaSolution,
  loadIolabSolution,
  loadMankowska,
  mankowskaSolutionToSchedule,
  parseMankowskaText,
  readExternal,
  type IolabSolution,
  type MankowskaInstance,
} from '../../../benchmarks/field/index.ts';

const TXT_10 = 'InstanzCPLEX_HCSRP_10_1.txt';
const SOL_10 = `${MANKOWSKA_DIR}sol-InstanzCPLEX_HCSRP_10_1-3825612719.json`;
const TXT_25 = 'InstanzCPLEX_HCSRP_25_1.txt';
const SOL_25 = `${MANKOWSKA_DIR}sol-InstanzCPLEX_HCSRP_25_1-594983811.json`;

let m10: MankowskaInstance;
let p10: DayProblem;
let sol10: IolabSolution;

beforeAll(async () => {
  m10 = await loadMankowska(TXT_10);
  p10 = convertMankowska(m10);
  sol10 = await loadIolabSolution(SOL_10);
});

async function bksRow(file: string): Promise<Record<string, string>> {
  const [header, ...rows] = (await readExternal(`${MANKOWSKA_DIR}bks.csv`)).trim().split(/\r?\n/).map((l) => l.split(','));
  const row = rows.find((r) => r[0] === file)!;
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
}

describe('Mankowska text layout', () => {
  it('reads 10_1 as the JSON copy has it, field by field', async () => {
    const json = await loadMankowska('InstanzCPLEX_HCSRP_10_1.json');
    expect(m10.caregivers).toEqual(json.caregivers);
    expect(m10.services).toEqual(json.services);
    expect(m10.depot).toEqual(json.depot);
    expect(m10.patients).toEqual(json.patients);
    expect(m10.distance.length).toBe(11);
    m10.distance.forEach((row, i) => row.forEach((d, j) => expect(Math.abs(d - json.distance[i][j])).toBeLessThanOrEqual(0.0005 + 1e-9)));
  });

  it('finds the double services and their gaps', () => {
    const doubles = m10.patients.filter((p) => p.services.length === 2);
    expect(doubles.map((p) => [p.id, p.services.map((s) => s.service), p.gap])).toEqual([
      ['p8', ['s5', 's6'], { min: 0, max: 0 }],
      ['p9', ['s1', 's4'], { min: 51, max: 102 }],
      ['p10', ['s3', 's6'], { min: 8, max: 16 }],
    ]);
    expect(m10.caregivers).toEqual([
      { id: 'c1', services: ['s1', 's2', 's3'] },
      { id: 'c2', services: ['s5', 's6'] },
      { id: 'c3', services: ['s4', 's5', 's6'] },
    ]);
  });

  it('names the line of a DS list that disagrees with r', async () => {
    const text = (await readExternal(`${MANKOWSKA_DIR}${TXT_10}`)).replace(/DS\r?\n11 10 9/, 'DS\n11 10');
    expect(() => parseMankowskaText(text, 'x.txt')).toThrow(InputError);
    expect(() => parseMankowskaText(text, 'x.txt')).toThrow(/x\.txt:\d+: node 8 has a double service but is not listed in DS/);
  });

  it('rejects a matrix of the wrong size', async () => {
    const text = (await readExternal(`${MANKOWSKA_DIR}${TXT_10}`)).replace(/\nd\r?\n[^\n]*\n/, '\nd\n');
    expect(() => parseMankowskaText(text, 'x.txt')).toThrow(/d should be 12 rows of 12 numbers/);
  });
});

describe('convertMankowska', () => {
  it('is a valid day problem without warnings', () => {
    expect(schemas.DayProblem.safeParse(p10).success).toBe(true);
    const result = validateDayProblem(p10);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('has one staff per caregiver, one visit per service, one dependency per double service', () => {
    expect(p10.teams.map((t) => t.id)).toEqual(['depot']);
    expect(p10.staff.map((s) => [s.id, s.skills, s.role, s.shift])).toEqual([
      ['c1', ['s1', 's2', 's3'], 'assistant_nurse', { start: '00:00', end: '23:59' }],
      ['c2', ['s5', 's6'], 'assistant_nurse', { start: '00:00', end: '23:59' }],
      ['c3', ['s4', 's5', 's6'], 'assistant_nurse', { start: '00:00', end: '23:59' }],
    ]);
    expect(p10.recipients).toHaveLength(10);
    expect(p10.visits).toHaveLength(13);
    expect(new Set(p10.visits.flatMap((v) => v.requires ?? []))).toEqual(new Set(['s1', 's2', 's3', 's4', 's5', 's6']));
    expect(p10.visits.every((v) => v.mandatory === true && v.type === 'personal_care' && v.durationMinutes === 14 && v.staffCount === undefined)).toBe(true);
    expect(p10.visits.filter((v) => v.dependsOn).map((v) => [v.id, v.dependsOn])).toEqual([
      ['p8-s6', [{ visit: 'p8-s5', minGapMinutes: 0, maxGapMinutes: 0 }]],
      ['p9-s4', [{ visit: 'p9-s1', minGapMinutes: 51, maxGapMinutes: 102 }]],
      ['p10-s6', [{ visit: 'p10-s3', minGapMinutes: 8, maxGapMinutes: 16 }]],
    ]);
  });

  it('keeps the window start hard and makes the window end a due start', () => {
    // p1: e = 345, l = 465 in the file.
    const v = p10.visits.find((x) => x.id === 'p1-s4')!;
    expect(v.window).toEqual({ start: '05:45', end: '21:00' });
    expect(v.dueStart).toBe('07:45');
    expect(v.requires).toEqual(['s4']);
  });

  it('carries the distance matrix with the depot under the team and every staff id', () => {
    const m = p10.travel!.matrix!;
    expect(m.ids).toEqual(['depot', 'c1', 'c2', 'c3', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10']);
    const car = m.minutes.car!;
    expect(car).toHaveLength(14);
    const at = (a: string, b: string) => car[m.ids.indexOf(a)][m.ids.indexOf(b)];
    expect(at('depot', 'p1')).toBe(38.470768);
    expect(at('c2', 'p10')).toBe(88.88757);
    expect(at('p9', 'p10')).toBe(96.02083);
    expect(at('p3', 'p6')).toBe(17.029387);
    expect(at('c1', 'depot')).toBe(0);
    expect(p10.objective).toMatchObject({ travelMinute: 1 / 3, lateMinute: 1 / 3, maxLateMinute: 1 / 3, notContact: 0 });
  });
});

describe('Mankowska evaluator', () => {
  it('reproduces 10_1: travel 654.60, objective 218.20', () => {
    const e = evaluateMankowskaSolution(m10, sol10);
    expect(e.violations).toEqual([]);
    expect(e.travel.toFixed(2)).toBe('654.60');
    expect(e.objective.toFixed(2)).toBe('218.20');
    expect([e.served, e.required]).toEqual([13, 13]);
  });

  it("reproduces 25_1's shipped solution as bks.csv records it", async () => {
    const m25 = await loadMankowska(TXT_25);
    const e = evaluateMankowskaSolution(m25, await loadIolabSolution(SOL_25));
    const bks = await bksRow(TXT_25);
    expect(e.violations).toEqual([]);
    expect(e.objective.toFixed(2)).toBe('428.10');
    expect(e.objective.toFixed(2)).toBe(bks.mnsa_ceschia_recomputed);
    expect(e.travel.toFixed(2)).toBe(bks.mnsa_travel);
    expect(e.totalTardiness.toFixed(2)).toBe(bks.mnsa_total_tardiness);
    expect(e.maxTardiness.toFixed(2)).toBe(bks.mnsa_max_tardiness);
  });

  it('gives the same numbers through a schedule of the converted problem', async () => {
    for (const [txt, sol] of [
      [TXT_10, SOL_10],
      [TXT_25, SOL_25],
    ]) {
      const instance = await loadMankowska(txt);
      const solution = await loadIolabSolution(sol);
      const problem = convertMankowska(instance);
      const schedule = mankowskaSolutionToSchedule(instance, solution, problem);
      expect(schemas.Schedule.safeParse(schedule).success).toBe(true);
      // The independent checker finds nothing wrong with the schedule against the converted problem.
      expect(checkSchedule(problem, schedule).violations).toEqual([]);
      const viaSchedule = evaluateMankowska(instance, schedule);
      const direct = evaluateMankowskaSolution(instance, solution);
      expect(viaSchedule.violations).toEqual([]);
      expect(viaSchedule.objective).toBeCloseTo(direct.objective, 6);
      expect(viaSchedule.travel).toBeCloseTo(direct.travel, 6);
      expect(viaSchedule.maxTardiness).toBeCloseTo(direct.maxTardiness, 6);
      expect(schedule.metrics.travelMinutes).toBeCloseTo(direct.travel, 6);
    }
  });

  it('counts tardiness past the window end and reports broken rules', () => {
    const late = structuredClone(sol10);
    const c3 = late.routes.find((r) => r.caregiver === 'c3')!;
    const p4 = c3.stops.find((s) => s.patient === 'p4')!;
    p4.start = 523; // p4's window ends at 513
    const e = evaluateMankowskaSolution(m10, late);
    expect(e.totalTardiness).toBeCloseTo(10, 9);
    expect(e.maxTardiness).toBeCloseTo(10, 9);
    expect(e.objective).toBeCloseTo((654.595651 + 20) / 3, 5);
    expect(e.violations).toEqual([]);

    const broken = structuredClone(sol10);
    const c2 = broken.routes.find((r) => r.caregiver === 'c2')!;
    c2.stops[0].start += 1; // p8's two services must start together
    broken.routes.find((r) => r.caregiver === 'c1')!.stops[0].service = 's6'; // c1 lacks s6, and p10-s3 goes missing
    const v = evaluateMankowskaSolution(m10, broken).violations;
    expect(v).toContain('c1 is not qualified for s6 (p10)');
    expect(v).toContain('p10 s3 is served 0 times, not once');
    expect(v.some((x) => x.startsWith('p8: s6 starts 1 after s5'))).toBe(true);
    expect(v).toContain('p10 s6 is served 2 times, not once');
  });

  it('flags stops that name no visit of the converted instance', () => {
    const schedule = mankowskaSolutionToSchedule(m10, sol10, p10);
    schedule.routes[0].stops[0].visit = 'p99-s1';
    expect(evaluateMankowska(m10, schedule).violations[0]).toMatch(/p99-s1 is not a visit of the converted instance/);
  });
});
