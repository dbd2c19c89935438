import { describe, expect, it } from 'vitest';
import { circlesOf } from '../../src/period/circle.ts';
import { recipient } from '../builders.ts';

/** A day's routes as circlesOf reads them: who made which recipient's visits. */
function day(visits: Record<string, string[]>) {
  return {
    routes: Object.entries(visits).map(([staff, recipients]) => ({
      staff,
      stops: recipients.map((r) => ({ recipient: r })),
    })),
  } as never;
}

describe('circles from a first plan', () => {
  const days = [
    day({ a: ['r1', 'r1'], b: ['r1'], c: ['r1', 'r2'] }),
    day({ a: ['r1'], b: ['r1', 'r2'], d: ['r1'] }),
    day({ a: ['r1'], e: ['r2'] }),
  ];

  it('takes the contact, then the most frequent staff until they made the share, at most the size', () => {
    // r1: a 4, b 2, c 1, d 1 of 8 visits.
    const circles = circlesOf([recipient('r1', { contact: 'd' }), recipient('r2')], days, { share: 0.8, size: 5 });
    // d (1) + a (4) + b (2) = 7 of 8 ≥ 0.8 × 8: c stays out.
    expect([...circles.get('r1')!]).toEqual(['d', 'a', 'b']);
    // r2: c, b, e once each; ties by id.
    expect([...circles.get('r2')!]).toEqual(['b', 'c', 'e']);
  });

  it('stops at the size, and gives no circle to a recipient the plan never visited', () => {
    const circles = circlesOf([recipient('r1'), recipient('r3')], days, { share: 1, size: 2 });
    expect([...circles.get('r1')!]).toEqual(['a', 'b']);
    expect(circles.has('r3')).toBe(false);
  });

  it('leaves out a contact the plan never sent', () => {
    const circles = circlesOf([recipient('r2', { contact: 'z' })], days, { share: 0.5, size: 5 });
    expect([...circles.get('r2')!]).toEqual(['b', 'c']);
  });
});
