/**
 * A deliberately simple "manual-like" planner to measure what the solver adds: visits
 * in time order, each to the nearest free eligible staff member (least extra walking),
 * with no thought for contacts, continuity or later visits. It uses the solver's own
 * feasibility machinery, so its schedules are valid; only the policy is naive.
 */
import type { DayProblem, Schedule } from '../src/model/types.ts';
import { compileDay } from '../src/compile/index.ts';
import { CostEvaluator } from '../src/solver/cost.ts';
import { Solution } from '../src/solver/solution.ts';
import { applyInsertion, Inserter } from '../src/solver/insertion.ts';
import { routesOf } from '../src/solver/output.ts';
import { unassignedList } from '../src/solver/explain.ts';
import { assembleSchedule } from '../src/solver/assemble.ts';
import { splitByTeam } from '../src/solver/split.ts';

const TRAVEL_ONLY = {
  notContact: 0,
  byDeputy: 0,
  newStaff: 0,
  extraStaffToday: 0,
  preferredStartMinute: 0,
  lateMinute: 0,
  maxLateMinute: 0,
  languageMismatch: 0,
  travelMinute: 1,
};

function planTeam(problem: DayProblem): Solution {
  const inst = compileDay(problem);
  const sol = new Solution(new CostEvaluator(inst, { objective: { ...problem.objective, ...TRAVEL_ONLY } }));
  const inserter = new Inserter(inst);
  const order = Array.from({ length: inst.visitCount }, (_, v) => v).sort((a, b) => inst.winStart[a] - inst.winStart[b] || a - b);
  for (const v of order) {
    if (sol.isAssigned(v)) continue;
    const ins = inserter.best(sol, v);
    if (ins) applyInsertion(sol, ins);
  }
  return sol;
}

export function planManually(problem: DayProblem): Schedule {
  const t0 = performance.now();
  const solutions = (splitByTeam(problem) ?? [problem]).map(planTeam);
  return assembleSchedule(problem, {
    routes: solutions.flatMap(routesOf),
    unassigned: solutions.flatMap(unassignedList),
    solver: { seconds: (performance.now() - t0) / 1000, iterations: 0, seed: 0, objective: 0 },
  });
}
