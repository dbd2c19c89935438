import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileDay } from '../../src/compile/index.ts';
import { generateDay } from '../../src/generate/index.ts';
import { Random } from '../../src/random/index.ts';
import { CostEvaluator, DEFAULT_WEIGHTS, UNASSIGNED_DOUBLING_MINUTES } from '../../src/solver/cost.ts';
import { applyInsertion, Inserter } from '../../src/solver/insertion.ts';
import { Solution } from '../../src/solver/solution.ts';
import { day, nurse, recipient, visit } from '../builders.ts';

describe('the cost evaluator', () => {
  it('keeps the incremental cost equal to a full recomputation over random inserts and removals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 1000 }), fc.boolean(), (seed, teams, moveSeed, withMeetCost) => {
        const { problem: generated } = generateDay({ seed, teams, staffPerTeam: 5, recipientsPerTeam: 12 });
        // A published plan on every third visit (a re-plan's stability terms), naming one or two staff, some not working today.
        const ids = generated.staff.map((s) => s.id);
        const problem = {
          ...generated,
          visits: generated.visits.map((v, i) =>
            i % 3 === 0 ? { ...v, plannedStaff: i % 2 ? [ids[i % ids.length], 'gone'] : [ids[i % ids.length]], plannedStart: v.window.start } : v,
          ),
        };
        const inst = compileDay(problem);
        // A fractional look-ahead-like meeting cost, and weights that switch every term on.
        const cost = new CostEvaluator(inst, {
          objective: { maxLateMinute: 3, languageMismatch: 7 },
          meetCost: withMeetCost ? (r, s) => ((r.length * 7 + s.length * 3) % 11) / 3 : undefined,
        });
        const sol = new Solution(cost);
        const inserter = new Inserter(inst);
        const rng = new Random(moveSeed);
        for (let step = 0; step < 120; step++) {
          const assigned = Array.from({ length: inst.visitCount }, (_, v) => v).filter((v) => sol.isAssigned(v));
          if (assigned.length > 0 && rng.next() < 0.35) {
            sol.remove(rng.shuffle(assigned).slice(0, rng.int(1, 4)));
          } else {
            const v = rng.int(0, inst.visitCount - 1);
            if (sol.isAssigned(v)) continue;
            const ins = inserter.best(sol, v, sol.maxLate());
            if (ins) applyInsertion(sol, ins);
          }
          expect(sol.objective()).toBeCloseTo(cost.evaluate(sol), 6);
        }
      }),
      { numRuns: 30, seed: 20261204 },
    );
  });

  const base = () =>
    day({
      staff: [nurse('s1', { languages: ['sv'] }), nurse('s2', { languages: ['fi'] }), nurse('s3')],
      recipients: [recipient('r1', { contact: 's1', deputies: ['s2'], languages: ['fi'], recentStaff: [{ staff: 's3', lastSeen: '2026-11-20', visits: 2 }] })],
      visits: [
        visit('v1', 'r1', '08:00', '09:00', 30, { dueStart: '08:10', preferredStart: '08:20' }),
        visit('v2', 'r1', '12:00', '13:00', 45, { staffCount: 2, mandatory: false }),
      ],
    });

  it('prices each term as the README states it', () => {
    const inst = compileDay(base());
    const cost = new CostEvaluator(inst);
    const w = DEFAULT_WEIGHTS;
    const [s1, s2, s3] = [0, 1, 2];
    // Visit v1 (index 0) by the contact who does not speak Finnish: only the language term.
    expect(cost.assignmentCost(0, s1, -1)).toBe(w.languageMismatch);
    // By the deputy, who speaks Finnish: byDeputy.
    expect(cost.assignmentCost(0, s2, -1)).toBe(w.byDeputy);
    // By someone else: notContact plus the language term.
    expect(cost.assignmentCost(0, s3, -1)).toBe(w.notContact + w.languageMismatch);
    // Double-staffed v2: the contact and a Finnish speaker cost nothing; the contact with s3, who shares no language, the language term.
    expect(cost.assignmentCost(1, s2, s1)).toBe(0);
    expect(cost.assignmentCost(1, s3, s1)).toBe(w.languageMismatch);
    // 08:30 start: 20 minutes past due, 10 from the preferred start.
    expect(cost.visitTimeCost(0, 8.5 * 60)).toBe(20 * w.lateMinute + 10 * w.preferredStartMinute);
    // Mandatory 30 minutes by one; optional 45 minutes by two.
    expect(cost.unassignedPenalty(0)).toBe(w.unassignedMandatory * (1 + 30 / UNASSIGNED_DOUBLING_MINUTES));
    expect(cost.unassignedPenalty(1)).toBe(w.unassignedOptional * (1 + 90 / UNASSIGNED_DOUBLING_MINUTES));
    expect(cost.unassignedPenalty(0)).toBeCloseTo(10_500, 9);
    // Meetings: s3 was seen lately (no newStaff), s1 is new; the second face today costs extraStaffToday.
    const nobody = { met: new Int32Array(3), distinct: new Int32Array(1) };
    expect(cost.meetDelta(nobody, 0, s3)).toBe(0);
    expect(cost.meetDelta(nobody, 0, s1)).toBe(w.newStaff);
    expect(cost.meetPairDelta(nobody, 0, s1, s2)).toBe(2 * w.newStaff + w.extraStaffToday);
    const metS3 = { met: Int32Array.from([0, 0, 1]), distinct: Int32Array.from([1]) };
    expect(cost.meetDelta(metS3, 0, s3)).toBe(0);
    expect(cost.meetDelta(metS3, 0, s1)).toBe(w.newStaff + w.extraStaffToday);
    expect(cost.withoutMeeting(100, metS3, 0, s3)).toBe(100);
    expect(cost.travel(12)).toBe(12 * w.travelMinute);
  });

  it('prices an insertion as travel, own time, staff terms, downstream push and the rise of the largest lateness', () => {
    const inst = compileDay(base());
    const cost = new CostEvaluator(inst, { objective: { maxLateMinute: 4 } });
    expect(cost.insertionDelta(10, 3, 60, 2, 0, 5)).toBe(10 + 3 + 60 + 2);
    // Lateness 9 over a day whose largest so far is 5: four more minutes of max lateness.
    expect(cost.insertionDelta(10, 3, 60, 2, 9, 5)).toBe(10 + 3 + 60 + 2 + 4 * 4);
    const plain = new CostEvaluator(inst);
    expect(plain.insertionDelta(10, 3, 60, 2, 9, 5)).toBe(75);
  });

  it('prices a published plan: changedStaff when the staff sent differ, movedStartMinute per minute from the planned start', () => {
    const problem = base();
    problem.visits[0] = { ...problem.visits[0], plannedStaff: ['s2'], plannedStart: '08:40' };
    problem.visits[1] = { ...problem.visits[1], plannedStaff: ['s1', 's2'] };
    const inst = compileDay(problem);
    const cost = new CostEvaluator(inst);
    const w = DEFAULT_WEIGHTS;
    const [s1, s2, s3] = [0, 1, 2];
    // v1 planned for the deputy s2: kept, no stability term; by s3, changedStaff on top of the rest.
    expect(cost.assignmentCost(0, s2, -1)).toBe(w.byDeputy);
    expect(cost.assignmentCost(0, s3, -1)).toBe(w.notContact + w.languageMismatch + w.changedStaff);
    // v2 planned for s1 and s2, in either order; one of them replaced changes the visit's staff.
    expect(cost.assignmentCost(1, s2, s1)).toBe(0);
    expect(cost.assignmentCost(1, s1, s2)).toBe(0);
    expect(cost.assignmentCost(1, s1, s3)).toBe(w.languageMismatch + w.changedStaff);
    // 08:30: 20 minutes late, 10 from the preferred start, 10 before the planned 08:40.
    expect(cost.visitTimeCost(0, 8.5 * 60)).toBe(20 * w.lateMinute + 10 * w.preferredStartMinute + 10 * w.movedStartMinute);
    expect(w.changedStaff).toBeLessThan(w.byDeputy);
    expect(w.changedStaff).toBeGreaterThan(15 * w.travelMinute);
  });

  it('takes the caller weights over the problem objective, and the problem objective over the defaults', () => {
    const problem = { ...base(), objective: { notContact: 100, byDeputy: 40 } };
    const inst = compileDay(problem);
    expect(new CostEvaluator(inst).weights.notContact).toBe(100);
    expect(new CostEvaluator(inst, { objective: { notContact: 5 } }).weights).toMatchObject({ notContact: 5, byDeputy: DEFAULT_WEIGHTS.byDeputy });
  });

  it('evaluates a hand-placed day exactly', () => {
    const inst = compileDay(base());
    const cost = new CostEvaluator(inst);
    const sol = new Solution(cost);
    // v1 by s2 (the deputy, Finnish-speaking) at the window's start; v2 left out.
    sol.insert(0, 1, 0, -1, -1, Number.NaN);
    const w = DEFAULT_WEIGHTS;
    const travel = sol.routes[1].travel;
    const start = sol.startOf[0];
    const expected =
      travel * w.travelMinute +
      Math.max(0, start - (8 * 60 + 10)) * w.lateMinute +
      Math.abs(start - (8 * 60 + 20)) * w.preferredStartMinute +
      w.byDeputy +
      w.newStaff +
      w.unassignedOptional * (1 + 90 / UNASSIGNED_DOUBLING_MINUTES);
    expect(sol.objective()).toBeCloseTo(expected, 9);
    expect(cost.evaluate(sol)).toBeCloseTo(expected, 9);
  });
});
