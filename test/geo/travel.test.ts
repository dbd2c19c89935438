import { describe, expect, it } from 'vitest';
import { compileTravel, haversineKm, legMinutes, travelSettings } from '../../src/geo/index.ts';

// Hand-computed with an independent haversine (sphere radius 6371.0088 km):
// a→b 0.556331 km, a→c 1.501354 km; minutes = km × 1.3 / speed × 60 + overhead, rounded up.
const a = { lat: 59.3163, lon: 18.0734 };
const b = { lat: 59.32, lon: 18.08 };
const c = { lat: 59.31, lon: 18.05 };
const defaults = travelSettings(undefined);

describe('travel model', () => {
  it('measures haversine distance on the 6371.0088 km sphere', () => {
    expect(haversineKm(a, b)).toBeCloseTo(0.5563309, 6);
    expect(haversineKm(a, c)).toBeCloseTo(1.5013536, 6);
  });

  it.each([
    ['walk', a, b, 10], // 9.643
    ['bike', a, b, 5], // 4.100 incl. 1 min overhead
    ['car', a, b, 6], // 5.736 incl. 4
    ['transit', a, b, 9], // 8.616 incl. 5
    ['walk', a, c, 27], // 26.023
    ['bike', a, c, 10], // 9.365
    ['car', a, c, 9], // 8.684
    ['transit', a, c, 15], // 14.759
  ] as const)('%s leg is rounded up to whole minutes', (mode, from, to, minutes) => {
    expect(legMinutes(from, to, mode, defaults)).toBe(minutes);
  });

  it('gives identical points 0 minutes, even with overheads', () => {
    expect(legMinutes(a, { ...a }, 'car', defaults)).toBe(0);
  });

  it('merges partial speed and overhead settings with the defaults', () => {
    const s = travelSettings({ speedKmh: { walk: 5 }, legOverheadMinutes: { car: 0 } });
    expect(s.speedKmh).toEqual({ walk: 5, bike: 14, car: 25, transit: 12 });
    expect(s.legOverheadMinutes).toEqual({ walk: 0, bike: 1, car: 0, transit: 5 });
    expect(legMinutes(a, b, 'walk', s)).toBe(9); // 0.556331 × 1.3 / 5 × 60 = 8.679
  });

  it('lets a matrix win over the model, fractional minutes included, and null fall back', () => {
    const places = [
      { point: a, matrixIds: ['s1', 'T1'] },
      { point: b, matrixIds: ['r1'] },
      { point: b, matrixIds: ['r2'] },
      { point: c, matrixIds: ['r3'] },
    ];
    const tables = compileTravel(
      {
        matrix: {
          ids: ['T1', 'r1', 'r2', 'r3'],
          minutes: { walk: [[0, 7.25, 3, null], [7.5, 0, 2, 1], [3, 2, 0, 4], [null, 1, 4, 0]] },
        },
      },
      places,
      ['walk', 'car'],
    );
    expect(tables.minutes('walk', 0, 1)).toBe(7.25); // the office row, named by the team id
    expect(tables.minutes('walk', 1, 0)).toBe(7.5);
    expect(tables.minutes('walk', 1, 2)).toBe(2); // a matrix entry beats the identical-points rule
    expect(tables.minutes('walk', 0, 3)).toBe(27); // null: not covered, the model applies
    expect(tables.minutes('car', 0, 1)).toBe(6); // no car matrix: the model
    expect(tables.minutes('car', 1, 2)).toBe(0); // identical points
  });
});
