import { beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../../src/model/index.ts';
import { InputError } from '../../../src/model/errors.ts';
import { validateDayProblem } from '../../../src/validate/index.ts';
import { checkSchedule } from '../../../src/check/index.ts';
import type { DayProblem } from '../../../src/model/types.ts';
import {
  BREDSTROM_DIR,
  bredstromRoutesToSchedule,
  convertBredstrom,
  evaluateBredstrom,
  evaluateBredstromRoutes,
  loadBredstrom,
  loadBredstromTour,
  parseBredstrom,
  readExternal,
  timeBredstromTour,
  type BredstromInstance,
  type BredstromTour,
} from '../../../benchmarks/field/index.ts';

let b01: BredstromInstance;
let p01: DayProblem;
let tour: BredstromTour;

beforeAll(async () => {
  b01 = await loadBredstrom('Bred_01S.txt');
  p01 = convertBredstrom(b01);
  tour = await loadBredstromTour('tournee_Bred_01S_GC.txt');
});

describe('Bredström text layout', () => {
  it('reads Bred_01S', () => {
    expect(b01.vehicles).toBe(4);
    expect(b01.availability).toEqual(Array(4).fill({ start: 0, end: 695 }));
    expect(b01.processing).toHaveLength(20);
    expect([b01.processing[0], b01.processing[19]]).toEqual([139, 98]);
    expect(b01.windows[5]).toEqual({ start: 0, end: 29 });
    expect(b01.depot[16]).toBe(26);
    expect(b01.distance[3][4]).toBe(2);
    expect(b01.synchronised).toEqual([
      [0, 17],
      [2, 7],
    ]);
  });

  it('reads the variant headers of Bred_01L and the larger files', async () => {
    const large = await loadBredstrom('Bred_01L.txt');
    expect(large.windows[0]).toEqual({ start: 45, end: 313 });
    expect(large.processing).toEqual(b01.processing);
    const b09 = await loadBredstrom('Bred_09S.txt');
    expect([b09.vehicles, b09.processing.length, b09.synchronised.length, b09.distance[79].length]).toEqual([16, 80, 8, 80]);
  });

  it('names the section that is short', async () => {
    const text = (await readExternal(`${BREDSTROM_DIR}Bred_01S.txt`, 'latin1')).replace(/\r?\n20 {2}98\r?\n/, '\n');
    expect(() => parseBredstrom(text, 'x.txt')).toThrow(InputError);
    expect(() => parseBredstrom(text, 'x.txt')).toThrow(/x\.txt:5: processing time: expected 20 lines "index value" numbered 1\.\.20/);
  });
});

describe('convertBredstrom', () => {
  it('is a valid day problem', () => {
    expect(schemas.DayProblem.safeParse(p01).success).toBe(true);
    const result = validateDayProblem(p01);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('has a staff member per vehicle, a visit per visit and a 0-gap dependency per synchronised pair', () => {
    expect(p01.staff.map((s) => [s.id, s.shift])).toEqual(['k1', 'k2', 'k3', 'k4'].map((id) => [id, { start: '00:00', end: '11:35' }]));
    expect(p01.visits).toHaveLength(20);
    expect(p01.visits[0]).toMatchObject({ id: 'v1', recipient: 'r1', window: { start: '02:50', end: '04:48' }, durationMinutes: 139, mandatory: true });
    expect(p01.visits.filter((v) => v.dependsOn).map((v) => [v.id, v.recipient, v.dependsOn])).toEqual([
      ['v8', 'r3', [{ visit: 'v3', minGapMinutes: 0, maxGapMinutes: 0 }]],
      ['v18', 'r1', [{ visit: 'v1', minGapMinutes: 0, maxGapMinutes: 0 }]],
    ]);
    // The pairs share a home (identical travel rows), so 18 recipients.
    expect(p01.recipients).toHaveLength(18);
  });

  it('carries visit-to-visit and depot-to-visit travel', () => {
    const m = p01.travel!.matrix!;
    expect(m.ids).toHaveLength(1 + 4 + 18);
    const at = (a: string, b: string) => m.minutes.car![m.ids.indexOf(a)][m.ids.indexOf(b)];
    expect(at('depot', 'r1')).toBe(21);
    expect(at('r17', 'k3')).toBe(26);
    expect(at('r2', 'r3')).toBe(23);
    expect(at('r4', 'r5')).toBe(2);
    expect(at('r20', 'r19')).toBe(23);
  });
});

describe('Bredström evaluator', () => {
  it("times the book's tour within windows and synchronisation at its travel of 274", () => {
    expect(tour.cost).toBe(274);
    const timed = timeBredstromTour(b01, tour);
    const e = evaluateBredstromRoutes(b01, timed);
    expect(e).toEqual({ travel: 274, served: 20, violations: [] });
    const start = (v: number) => timed.flatMap((r) => r.stops).find((s) => s.visit === v)!.start;
    // Visit 1 waits for its partner 18 (reached at 287), and so do 3 and 8 after them.
    expect([start(0), start(17), start(2), start(7)]).toEqual([287, 287, 429, 429]);
  });

  it('gives the same through a schedule of the converted problem', () => {
    const schedule = bredstromRoutesToSchedule(b01, timeBredstromTour(b01, tour), p01);
    expect(checkSchedule(p01, schedule).violations).toEqual([]);
    expect(evaluateBredstrom(b01, schedule)).toEqual({ travel: 274, served: 20, violations: [] });
    expect(schedule.metrics.travelMinutes).toBe(274);
  });

  it('flags unsynchronised partners and missing visits', () => {
    const timed = timeBredstromTour(b01, tour);
    const k4 = timed.find((r) => r.vehicle === 3)!;
    k4.stops = k4.stops.slice(0, 1).map((s) => ({ ...s, start: 288 }));
    const v = evaluateBredstromRoutes(b01, timed).violations;
    expect(v).toContain('visit 8 is served 0 times, not once');
    expect(v).toContain('visits 1 and 18 should start together (288 vs 287)');
  });
});
