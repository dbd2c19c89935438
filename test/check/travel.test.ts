/** Legs as the checker reads them: matrix ids, each staff member's own mode, the default model, fractions. */
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/check/index.ts';
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import { nurse, visit } from '../builders.ts';
import { baseProblem, baseSchedule, codes, route, routeOf, staffOf, stop, t } from './fixtures.ts';

const notMetrics = (result: ReturnType<typeof checkSchedule>) => codes(result).filter((c) => c !== 'metric_mismatch');

describe('matrix ids (§6.7)', () => {
  /** s1 starts from home, 4 minutes from r1 and 9 from r3 by the matrix row named s1. */
  function problemWithOwnStart(): DayProblem {
    const p = baseProblem();
    staffOf(p, 's1').start = { lat: 59.305, lon: 18.005 };
    const matrix = p.travel?.matrix;
    if (!matrix?.minutes.walk) throw new Error('fixture has a walk matrix');
    matrix.ids.push('s1');
    const walk = matrix.minutes.walk;
    const toS1 = [30, 30, 30, 9, 30];
    walk.forEach((row, i) => row.push(toS1[i]));
    walk.push([30, 4, 30, 30, 30, 0]);
    return p;
  }

  it('a staff id names that person\'s start point, and the end point defaults to it', () => {
    const s = baseSchedule();
    const r = routeOf(s, 's1');
    r.start = t('07:56');
    r.stops[0].travelMinutes = 4;
    r.end = t('10:24');
    r.travelMinutes = 4 + 7 + 9;
    const result = checkSchedule(problemWithOwnStart(), s);
    expect(notMetrics(result)).toEqual([]);
    expect(result.metrics.travelMinutes).toBe(20 + 34);
  });

  it('the office leg is wrong for a staff member with a start point of their own', () => {
    expect(codes(checkSchedule(problemWithOwnStart(), baseSchedule()))).toContain('wrong_stop_travel');
  });
});

describe('travel modes', () => {
  /** s2 drives; the car table is faster: T1–r2 3, r2–r3 2, r3–r1 2, r1–T1 3. */
  function problemWithCar(): DayProblem {
    const p = baseProblem();
    staffOf(p, 's2').travelMode = 'car';
    const matrix = p.travel?.matrix;
    if (!matrix) throw new Error('fixture has a matrix');
    matrix.minutes.car = [
      [0, 3, 3, 3, 9],
      [3, 0, 2, 2, 9],
      [3, 2, 0, 2, 9],
      [3, 2, 2, 0, 9],
      [9, 9, 9, 9, 0],
    ];
    return p;
  }

  it('the staff member\'s own mode wins over the team\'s', () => {
    const s = baseSchedule();
    const r = routeOf(s, 's2');
    r.start = t('07:57');
    r.stops = [
      stop('v2', 'r2', ['08:00', '08:00', '08:20'], 3, 0),
      stop('v3', 'r3', ['08:22', '09:00', '09:45'], 2, 38),
      stop('v4', 'r1', ['09:47', '10:00', '10:30'], 2, 13),
    ];
    r.end = t('10:48');
    Object.assign(r, { travelMinutes: 10, waitMinutes: 51 });
    const result = checkSchedule(problemWithCar(), s);
    expect(notMetrics(result)).toEqual([]);
    expect(result.metrics.travelMinutes).toBe(25 + 10);
  });

  it('walking legs are wrong for a driver', () => {
    expect(codes(checkSchedule(problemWithCar(), baseSchedule()))).toContain('wrong_stop_travel');
  });
});

describe('the default model, without a matrix', () => {
  // 0.009° of latitude on the sphere of 6371.0088 km is 1.000756 km, 1.300983 km with the
  // detour factor: 17.35 min on foot → 18; by bike 5.58 + 1 → 7; by car 3.12 + 4 → 8.
  function problem(mode: 'walk' | 'bike' | 'car'): DayProblem {
    return {
      format: 'kontinuitet/day@1',
      date: '2026-11-23',
      teams: [{ id: 'T1', office: { lat: 59.3, lon: 18 }, travelMode: mode }],
      staff: [nurse('s1', { shift: { start: '07:00', end: '15:00' } })],
      recipients: [
        { id: 'near', location: { lat: 59.309, lon: 18 }, contact: 's1' },
        { id: 'office', location: { lat: 59.3, lon: 18 }, contact: 's1' },
      ],
      visits: [visit('a', 'near', '08:00', '08:00', 30), visit('b', 'office', '09:00', '09:00', 30)],
    };
  }

  function schedule(leg: number): Schedule {
    const s = baseSchedule();
    s.routes = [
      route(
        's1',
        [`07:${60 - leg}`, '09:30'],
        [stop('a', 'near', ['08:00', '08:00', '08:30'], leg, 0), stop('b', 'office', [`08:${30 + leg}`, '09:00', '09:30'], leg, 30 - leg)],
        [],
        { travel: 2 * leg, service: 60, wait: 30 - leg },
      ),
    ];
    s.unassigned = [];
    s.warnings = [];
    return s;
  }

  it.each([
    ['walk', 18],
    ['bike', 7],
    ['car', 8],
  ] as const)('%s: %i minutes, and 0 home from a stop at the office itself', (mode, leg) => {
    const result = checkSchedule(problem(mode), schedule(leg));
    expect(notMetrics(result)).toEqual([]);
    expect(result.metrics.travelMinutes).toBe(2 * leg);
  });

  it('one minute short is wrong', () => {
    expect(codes(checkSchedule(problem('walk'), schedule(17)))).toContain('wrong_stop_travel');
  });

  it('a matrix entry wins over the identical-points rule', () => {
    const p = problem('walk');
    p.travel = { matrix: { ids: ['office', 'T1'], minutes: { walk: [[0, 5], [5, 0]] } } };
    const result = checkSchedule(p, schedule(18));
    expect(codes(result)).toContain('wrong_route_travel');
    expect(result.violations.find((v) => v.code === 'wrong_route_travel')?.message).toContain('leg home (5 min)');
  });
});

describe('fractional matrices', () => {
  it('legs with fractions of a minute, times written to the millisecond', () => {
    // r1→r3 takes 7.123456 min: s1 reaches r3 at 08:37:07.407 and waits 30 − 7.123456 = 22.876544.
    const p = baseProblem();
    const walk = p.travel?.matrix?.minutes.walk;
    if (!walk) throw new Error('fixture has a walk matrix');
    walk[1][3] = 7.123456;
    const s = baseSchedule();
    const r = routeOf(s, 's1');
    r.stops[1] = stop('v3', 'r3', ['08:37:07.407', '09:00', '09:45'], 7.123456, 22.876544);
    Object.assign(r, { travelMinutes: 25.123456, waitMinutes: 22.876544 });
    Object.assign(s.metrics, { travelMinutes: 59.123456, waitMinutes: 65.876544 });
    const result = checkSchedule(p, s);
    expect(result.violations).toEqual([]);
    expect(result.metrics.travelMinutes).toBeCloseTo(59.123456, 9);
  });

  it('a reported fractional leg off by more than 1e-6 is wrong', () => {
    const p = baseProblem();
    const walk = p.travel?.matrix?.minutes.walk;
    if (!walk) throw new Error('fixture has a walk matrix');
    walk[1][3] = 6.5;
    const s = baseSchedule();
    const r = routeOf(s, 's1');
    r.stops[1].travelMinutes = 6.50001;
    expect(codes(checkSchedule(p, s))).toContain('wrong_stop_travel');
  });
});
