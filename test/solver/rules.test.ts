import { describe, expect, it } from 'vitest';
import { day, near, nurse, recipient, visit } from '../builders.ts';
import { solveChecked, staffOf, startOf } from './fixtures.ts';

const minutesBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 60_000;

describe('solver honours each rule', () => {
  it('sends the contact when the contact can go', () => {
    const s = solveChecked(
      day({
        staff: [nurse('s1'), nurse('s2'), nurse('s3')],
        recipients: [recipient('r1', { contact: 's2' }), recipient('r2', { contact: 's3', location: near(-2, 1) })],
        visits: [visit('v1', 'r1', '08:00', '09:00', 30), visit('v2', 'r1', '12:00', '13:00', 30), visit('v3', 'r2', '08:00', '09:00', 30)],
      }),
    );
    expect(staffOf(s, 'v1')).toEqual(['s2']);
    expect(staffOf(s, 'v2')).toEqual(['s2']);
    expect(staffOf(s, 'v3')).toEqual(['s3']);
    expect(s.metrics.contactShare).toBe(1);
    expect(s.explanations).toEqual([]);
  });

  it('keeps a visit pinned to one person (lockedStaff) even against the contact', () => {
    const s = solveChecked(
      day({
        staff: [nurse('s1'), nurse('s2')],
        recipients: [recipient('r1', { contact: 's1' })],
        visits: [visit('v1', 'r1', '08:00', '09:00', 30, { lockedStaff: ['s2'] })],
      }),
    );
    expect(staffOf(s, 'v1')).toEqual(['s2']);
    expect(s.explanations?.[0]).toMatchObject({ visit: 'v1', reason: 'contact_not_eligible' });
  });

  it('sends two people with a shared start to a double-staffed lift', () => {
    const s = solveChecked(
      day({
        staff: [nurse('s1', { skills: ['lift'] }), nurse('s2'), nurse('s3', { skills: ['lift'] })],
        recipients: [recipient('r1', { contact: 's1' })],
        visits: [visit('v1', 'r1', '08:00', '09:00', 40, { staffCount: 2, requires: ['lift'] })],
      }),
    );
    expect(staffOf(s, 'v1').sort()).toEqual(['s1', 's3']);
    const starts = s.routes.flatMap((r) => r.stops.filter((x) => x.visit === 'v1').map((x) => x.start));
    expect(new Set(starts).size).toBe(1);
  });

  it('gives an insulin dose 4–6 hours after the previous one', () => {
    const s = solveChecked(
      day({
        staff: [nurse('s1', { skills: ['insulin'] }), nurse('s2')],
        recipients: [recipient('r1', { contact: 's1' })],
        visits: [
          visit('morning', 'r1', '07:30', '09:30', 15, { type: 'health', requires: ['insulin'] }),
          visit('lunch', 'r1', '11:00', '15:00', 15, {
            type: 'health',
            requires: ['insulin'],
            dependsOn: [{ visit: 'morning', minGapMinutes: 240, maxGapMinutes: 360 }],
          }),
        ],
      }),
    );
    const gap = minutesBetween(startOf(s, 'morning')!, startOf(s, 'lunch')!);
    expect(gap).toBeGreaterThanOrEqual(240);
    expect(gap).toBeLessThanOrEqual(360);
    expect(staffOf(s, 'lunch')).toEqual(['s1']);
  });

  it('keeps a zero gap (two services at once) in two routes, never one after the other', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = solveChecked(
        day({
          staff: [nurse('s1'), nurse('s2')],
          recipients: [recipient('r1'), recipient('r2', { location: near(2, 0) })],
          visits: [
            visit('a', 'r1', '08:00', '12:00', 30),
            visit('b', 'r1', '08:00', '12:00', 20, { dependsOn: [{ visit: 'a', minGapMinutes: 0, maxGapMinutes: 0 }] }),
            visit('c', 'r2', '08:00', '09:00', 40),
          ],
        }),
        { seed },
      );
      expect(startOf(s, 'a')).toBe(startOf(s, 'b'));
      expect(staffOf(s, 'a')).not.toEqual(staffOf(s, 'b'));
    }
  });

  it('plans a night visit across the autumn DST change (2026-10-25)', () => {
    const s = solveChecked(
      day({
        date: '2026-10-24',
        staff: [nurse('n1', { shift: { start: '22:00', end: '07:00+1' } })],
        recipients: [recipient('r1', { contact: 'n1' })],
        visits: [
          visit('v1', 'r1', '02:15+1', '02:45+1', 20),
          visit('v2', 'r1', '04:00+1', '04:30+1', 20),
        ],
      }),
    );
    expect(s.unassigned).toEqual([]);
    expect(startOf(s, 'v1')).toMatch(/^2026-10-25T02:(1|2|3|4)\d:00\+02:00$/);
    expect(startOf(s, 'v2')).toMatch(/\+01:00$/);
    const route = s.routes[0];
    expect(route.end).toMatch(/\+01:00$/);
  });

  it('never sends a staff member the recipient refused', () => {
    const s = solveChecked(
      day({
        staff: [nurse('s1'), nurse('s2')],
        recipients: [recipient('r1', { contact: 's1', excludedStaff: ['s1'] })],
        visits: [visit('v1', 'r1', '08:00', '09:00', 30)],
      }),
    );
    expect(staffOf(s, 'v1')).toEqual(['s2']);
    expect(s.explanations?.[0]).toMatchObject({ reason: 'contact_not_eligible' });
    expect(s.explanations?.[0].message).toContain('excluded');
  });

  it('never sends someone with a dog allergy to a home with a dog', () => {
    const s = solveChecked(
      day({
        staff: [nurse('s1', { avoidTags: ['dog'] }), nurse('s2')],
        recipients: [recipient('r1', { contact: 's1', tags: ['dog'] })],
        visits: [visit('v1', 'r1', '08:00', '09:00', 30)],
      }),
    );
    expect(staffOf(s, 'v1')).toEqual(['s2']);
  });

  it('takes owed breaks inside their interval', () => {
    const s = solveChecked(
      day({
        staff: [nurse('s1', { breaks: [{ earliest: '11:00', latest: '12:30', minutes: 30 }] })],
        recipients: [recipient('r1', { contact: 's1' })],
        visits: [visit('v1', 'r1', '10:30', '10:30', 45), visit('v2', 'r1', '11:45', '12:00', 30)],
      }),
    );
    expect(s.unassigned).toEqual([]);
    expect(s.routes[0].breaks).toHaveLength(1);
  });
});

describe('impossible inputs come back unassigned with the right reason', () => {
  const base = () => ({ staff: [nurse('s1'), nurse('s2', { shift: { start: '07:00', end: '12:00' } })], recipients: [recipient('r1', { contact: 's1' })] });

  it('no_eligible_staff when nobody holds the skill', () => {
    const s = solveChecked(day({ ...base(), visits: [visit('v1', 'r1', '08:00', '09:00', 30, { requires: ['wound_care'] })] }));
    expect(s.unassigned).toMatchObject([{ visit: 'v1', reason: 'no_eligible_staff' }]);
  });

  it('no_eligible_staff when a double-staffed visit has one eligible person', () => {
    const s = solveChecked(day({ ...base(), visits: [visit('v1', 'r1', '08:00', '09:00', 30, { staffCount: 2, roles: ['care_aide', 'assistant_nurse'], requires: ['lift'] })], staff: [nurse('s1', { skills: ['lift'] }), nurse('s2')] }));
    expect(s.unassigned).toMatchObject([{ visit: 'v1', reason: 'no_eligible_staff' }]);
  });

  it('outside_shifts when the window lies after every shift', () => {
    const s = solveChecked(day({ ...base(), visits: [visit('v1', 'r1', '19:00', '20:00', 30)] }));
    expect(s.unassigned).toMatchObject([{ visit: 'v1', reason: 'outside_shifts' }]);
  });

  it('locked_infeasible when locked to someone not working', () => {
    const s = solveChecked(day({ ...base(), visits: [visit('v1', 'r1', '08:00', '09:00', 30, { lockedStaff: ['s9'] })] }));
    expect(s.unassigned).toMatchObject([{ visit: 'v1', reason: 'locked_infeasible' }]);
  });

  it('dependency when the gap cannot be kept inside the window', () => {
    const s = solveChecked(
      day({
        ...base(),
        visits: [
          visit('a', 'r1', '08:00', '08:00', 15),
          visit('b', 'r1', '09:00', '10:00', 15, { dependsOn: [{ visit: 'a', minGapMinutes: 240 }] }),
        ],
      }),
    );
    expect(s.unassigned).toMatchObject([{ visit: 'b', reason: 'dependency' }]);
  });

  it('no_capacity when eligible staff are busy at that time', () => {
    const s = solveChecked(
      day({
        staff: [nurse('s1')],
        recipients: [recipient('r1'), recipient('r2', { location: near(-1, -1) })],
        visits: [visit('v1', 'r1', '08:00', '08:00', 60), visit('v2', 'r2', '08:00', '08:00', 60, { mandatory: false })],
      }),
    );
    expect(s.unassigned).toMatchObject([{ visit: 'v2', reason: 'no_capacity' }]);
    expect(s.metrics.unassignedOptional).toBe(1);
  });
});
