import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateDay } from '../../src/generate/index.ts';
import { solveDay } from '../../src/solver/index.ts';
import { checkSchedule } from '../../src/check/index.ts';
import { compileDay } from '../../src/compile/index.ts';
import { shiftCovers } from '../../src/rules/coverage.ts';
import type { DayProblem } from '../../src/model/types.ts';
import { nurse } from '../builders.ts';
import { staffOf } from './fixtures.ts';

const OFFICE_1 = { lat: 59.315, lon: 18.07 };
const OFFICE_2 = { lat: 59.316, lon: 18.072 };

function twoTeams(visits: DayProblem['visits'], staff: DayProblem['staff']): DayProblem {
  return {
    format: 'kontinuitet/day@1',
    date: '2026-10-25',
    timezone: 'Europe/Stockholm',
    teams: [
      { id: 'T1', office: OFFICE_1 },
      { id: 'T2', office: OFFICE_2 },
    ],
    staff,
    recipients: [
      { id: 'r1', team: 'T1', location: { lat: 59.3155, lon: 18.071 }, contact: 's1' },
      { id: 'r2', team: 'T2', location: { lat: 59.3162, lon: 18.0725 }, contact: 's2' },
    ],
    visits,
  };
}

const checked = (problem: DayProblem, seed = 1) => {
  const schedule = solveDay(problem, { iterations: 200, seed, timeLimitMs: 60_000 });
  expect(checkSchedule(problem, schedule).violations).toEqual([]);
  return schedule;
};

describe('teams that help each other (FORMAT rule 22)', () => {
  it('sends another team\'s staff to a double-staffed visit its own team cannot staff, and says so', () => {
    const problem = twoTeams(
      [{ id: 'v1', recipient: 'r1', window: { start: '19:00', end: '21:00' }, durationMinutes: 20, staffCount: 2 }],
      [
        nurse('s1', { shift: { start: '14:00', end: '22:00' } }),
        nurse('s2', { team: 'T2', shift: { start: '14:00', end: '22:00' } }),
        nurse('s3', { shift: { start: '07:00', end: '16:00' } }),
      ],
    );
    const schedule = checked(problem);
    expect(schedule.unassigned).toEqual([]);
    expect(staffOf(schedule, 'v1').sort()).toEqual(['s1', 's2']);
  });

  it('explains a visit made by another team: why its own team could not, and who went', () => {
    const problem = twoTeams(
      [{ id: 'v1', recipient: 'r1', window: { start: '19:00', end: '20:00' }, durationMinutes: 20 }],
      [nurse('s1', { shift: { start: '07:00', end: '15:00' } }), nurse('s2', { team: 'T2', shift: { start: '14:00', end: '22:00' } })],
    );
    const schedule = checked(problem);
    expect(staffOf(schedule, 'v1')).toEqual(['s2']);
    expect(schedule.metrics.borrowedVisits).toBe(1);
    expect(schedule.metrics.byTeam).toEqual({ T1: { visits: 1, assigned: 1, borrowed: 1, lent: 0 }, T2: { visits: 0, assigned: 0, borrowed: 0, lent: 1 } });
    // A schedule that claims otherwise is caught by the checker.
    const claimed = { ...schedule, metrics: { ...schedule.metrics, borrowedVisits: 0 } };
    expect(checkSchedule(problem, claimed).violations.map((v) => v.code)).toContain('metric_mismatch');
    const why = schedule.explanations?.find((e) => e.visit === 'v1');
    expect(why).toMatchObject({ borrowedFrom: 'T2', reason: 'contact_outside_shift' });
    expect(why?.message).toMatch(/T1 could not place it \(outside_shifts: .*\), so T2's s2 went/);
  });

  it('keeps a visit with its own team whenever the own team can make it', () => {
    const problem = twoTeams(
      [
        { id: 'v1', recipient: 'r1', window: { start: '09:00', end: '10:00' }, durationMinutes: 20 },
        { id: 'v2', recipient: 'r2', window: { start: '09:00', end: '10:00' }, durationMinutes: 20 },
      ],
      [nurse('s1'), nurse('s2', { team: 'T2' }), nurse('s3'), nurse('s4', { team: 'T2' })],
    );
    const schedule = checked(problem);
    expect(schedule.explanations?.some((e) => e.borrowedFrom)).toBe(false);
    expect(schedule.metrics.borrowedVisits).toBe(0);
  });

  it('gives the reason that is true of the whole problem when no team can make a visit', () => {
    const problem = twoTeams(
      [{ id: 'v1', recipient: 'r1', window: { start: '23:00', end: '23:30' }, durationMinutes: 20 }],
      [nurse('s1', { shift: { start: '07:00', end: '15:00' } }), nurse('s2', { team: 'T2', shift: { start: '14:00', end: '22:00' } })],
    );
    expect(checked(problem).unassigned).toEqual([expect.objectContaining({ visit: 'v1', reason: 'outside_shifts' })]);
  });

  it('on generated district days, every reason holds for the whole problem and every schedule passes the checker', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 2, max: 4 }), fc.constantFrom('2026-10-25', '2026-03-29', '2026-11-23'), (seed, teams, date) => {
        // Few staff per team, so that teams leave visits out and lending has work.
        const { problem } = generateDay({ seed, teams, staffPerTeam: 3, recipientsPerTeam: 12, date });
        const schedule = checked(problem, seed);
        const inst = compileDay(problem);
        const S = inst.staffCount;
        for (const u of schedule.unassigned) {
          const v = inst.visitIndex.get(u.visit)!;
          const eligible = Array.from({ length: S }, (_, s) => s).filter((s) => inst.eligible[v * S + s]);
          const covering = eligible.filter((s) => shiftCovers(inst.shiftStart[s], inst.shiftEnd[s], inst.winStart[v], inst.winEnd[v], inst.duration[v]));
          if (u.reason === 'no_eligible_staff') expect(eligible.length).toBeLessThan(inst.visitStaffCount[v]);
          if (u.reason === 'outside_shifts') expect(covering.length).toBeLessThan(inst.visitStaffCount[v]);
          if (u.reason === 'no_capacity') expect(covering.length).toBeGreaterThanOrEqual(inst.visitStaffCount[v]);
        }
      }),
      { numRuns: 12, seed: 2210 },
    );
  });
});
