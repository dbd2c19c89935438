import { describe, expect, it } from 'vitest';
import { compileDay } from '../../src/compile/index.ts';
import { continuityCeiling } from '../../src/solver/ceiling.ts';
import { day, nurse, recipient, visit } from '../builders.ts';

describe('the LP continuity ceiling', () => {
  it('counts what the contact can make when the windows leave room for all', () => {
    const inst = compileDay(
      day({
        staff: [nurse('s1')],
        recipients: [recipient('r1', { contact: 's1' }), recipient('r2', { contact: 's1' })],
        visits: [visit('a', 'r1', '08:00', '08:30', 30), visit('b', 'r2', '09:00', '09:30', 30)],
      }),
    );
    const c = continuityCeiling(inst);
    expect(c).toMatchObject({ visits: 2, reachable: 2, bound: 2, share: 1 });
  });

  it('cuts three one-hour visits that must all fall inside the same 90 minutes down to one', () => {
    // Each starts 08:00–08:30 and lasts 60 min: any two overlap, so one person makes one of them.
    const inst = compileDay(
      day({
        staff: [nurse('s1')],
        recipients: ['r1', 'r2', 'r3'].map((id) => recipient(id, { contact: 's1' })),
        visits: ['r1', 'r2', 'r3'].map((r, i) => visit(`v${i}`, r, '08:00', '08:30', 60)),
      }),
    );
    const c = continuityCeiling(inst);
    expect(c.reachable).toBe(3);
    expect(c.bound).toBe(1);
    expect(c.share).toBeCloseTo(1 / 3, 9);
  });

  it('leaves out what the shift does not cover and counts a recipient without a contact in no share', () => {
    const inst = compileDay(
      day({
        staff: [nurse('s1', { shift: { start: '07:00', end: '12:00' } })],
        recipients: [recipient('r1', { contact: 's1' }), recipient('r2')],
        visits: [visit('a', 'r1', '08:00', '09:00', 30), visit('late', 'r1', '15:00', '16:00', 30), visit('b', 'r2', '08:00', '09:00', 30)],
      }),
    );
    const c = continuityCeiling(inst);
    expect(c).toMatchObject({ visits: 2, reachable: 1, bound: 1, share: 0.5 });
  });

  it('subtracts the breaks from the shift: four hours of visits in a four-and-a-half-hour shift with a 45-minute break give three', () => {
    const inst = compileDay(
      day({
        staff: [nurse('s1', { shift: { start: '08:00', end: '12:30' }, breaks: [{ earliest: '10:00', latest: '12:00', minutes: 45 }] })],
        recipients: ['r1', 'r2', 'r3', 'r4'].map((id) => recipient(id, { contact: 's1' })),
        visits: ['r1', 'r2', 'r3', 'r4'].map((r, i) => visit(`v${i}`, r, '08:00', '11:30', 60)),
      }),
    );
    expect(continuityCeiling(inst).bound).toBe(3);
  });
});
