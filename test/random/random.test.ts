import { describe, expect, it } from 'vitest';
import { Random } from '../../src/random/index.ts';

describe('Random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const r = new Random(seed);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    // High bits of large seeds count too.
    expect(draw(2 ** 40)).not.toEqual(draw(0));
  });

  it('gives fixed numbers for a fixed seed, so datasets do not drift between releases', () => {
    const r = new Random(1);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toMatchInlineSnapshot(`
      [
        4064752930,
        1169703512,
        1317941441,
      ]
    `);
  });

  it('keeps int() inside its inclusive bounds and reaches both ends', () => {
    const r = new Random(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = r.int(3, 6);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(6);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(() => r.int(2, 1)).toThrow(RangeError);
  });

  it('draws steps on the grid and weighted items in proportion', () => {
    const r = new Random(11);
    for (let i = 0; i < 200; i++) expect(r.step(10, 60, 5) % 5).toBe(0);
    let heavy = 0;
    for (let i = 0; i < 10000; i++) if (r.weighted([['a', 3], ['b', 1]]) === 'a') heavy++;
    expect(heavy / 10000).toBeGreaterThan(0.72);
    expect(heavy / 10000).toBeLessThan(0.78);
    expect(() => r.weighted([['a', 0]])).toThrow(RangeError);
  });

  it('is close to uniform', () => {
    const r = new Random(3);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 50000; i++) buckets[Math.floor(r.next() * 10)]++;
    for (const b of buckets) expect(Math.abs(b - 5000)).toBeLessThan(300);
  });

  it('forks independent streams that do not depend on how much the parent drew', () => {
    const a = new Random(5);
    const b = new Random(5);
    for (let i = 0; i < 100; i++) b.next();
    expect(a.fork('staff').nextUint32()).toBe(b.fork('staff').nextUint32());
    expect(a.fork('staff').nextUint32()).not.toBe(a.fork('recipients').nextUint32());
  });

  it('shuffles into a permutation and samples distinct items', () => {
    const r = new Random(9);
    const items = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = r.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    const sample = r.sample(items, 5);
    expect(new Set(sample).size).toBe(5);
    expect(r.sample(items, 50)).toHaveLength(20);
  });
});
