/**
 * Day-solver benchmarks (never timed tests): the O(1) insertion test against a full
 * route re-timing in the same run (tinybench), and quality runs on the bundled days:
 * time to first schedule, cost over time, contact share against its ceiling, travel and
 * distinct staff against the manual-like baseline, peak memory, the district day.
 */
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import type { DayProblem, Schedule } from '../src/model/types.ts';
import { compileDay } from '../src/compile/index.ts';
import { CostEvaluator } from '../src/solver/cost.ts';
import { construct } from '../src/solver/search.ts';
import { Random } from '../src/random/index.ts';
import { solveDayWithStats } from '../src/solver/index.ts';
import { checkSchedule } from '../src/check/index.ts';
import { loadDayProblem } from '../src/validate/index.ts';
import { planManually } from './baseline.ts';

export function loadDataset(name: string): DayProblem {
  return loadDayProblem(JSON.parse(readFileSync(new URL(`../datasets/${name}.json`, import.meta.url), 'utf8'))).problem;
}

export interface MicroResult {
  checksPerSecond: number;
  retimingChecksPerSecond: number;
  ratio: number;
}

/** Insertion tests per second: the slack-based O(1) test against re-timing the whole route. */
export async function microInsertion(problem: DayProblem, seconds: number): Promise<MicroResult> {
  const inst = compileDay(problem);
  const sol = construct(new CostEvaluator(inst), new Random(1));
  // Re-timed copies write their starts here, not into the solution under test.
  const scratch = sol.clone();
  const rng = new Random(2);
  const triples: { v: number; s: number; p: number }[] = [];
  while (triples.length < 4096) {
    const v = rng.int(0, inst.visitCount - 1);
    const s = rng.int(0, inst.staffCount - 1);
    triples.push({ v, s, p: rng.int(0, sol.routes[s].nodes.length) });
  }
  let sink = 0;
  const bench = new Bench({ time: seconds * 500 });
  bench.add('slack test (O(1))', () => {
    for (const t of triples) {
      const st = sol.routes[t.s].feasibleStart(t.v, t.p, inst.winStart[t.v], inst.winEnd[t.v]);
      if (st === st) sink++;
    }
  });
  bench.add('re-time the route (O(n))', () => {
    for (let i = 0; i < 256; i++) {
      const t = triples[i];
      const route = sol.routes[t.s].clone(scratch);
      route.insert(t.p, t.v);
      if (route.feasible) sink++;
    }
  });
  await bench.run();
  const [fast, slow] = bench.tasks.map((task) => task.result);
  const hz = (r: typeof fast) => (r && 'throughput' in r ? r.throughput.mean : 0);
  const checksPerSecond = hz(fast) * triples.length;
  const retimingChecksPerSecond = hz(slow) * 256;
  if (sink < 0) console.log(sink);
  return { checksPerSecond, retimingChecksPerSecond, ratio: checksPerSecond / retimingChecksPerSecond };
}

export interface QualityResult {
  dataset: string;
  visits: number;
  staff: number;
  firstFeasibleMs: number;
  costAt: Record<string, number | null>;
  gapAt5sToFinal: number | null;
  contactShare: number | null;
  contactReachableShare: number | null;
  contactVsCeiling: number | null;
  lpCeiling: number | null;
  contactVsLpCeiling: number | null;
  unassigned: number;
  travelMinutes: number;
  distinctStaffMean: number;
  baseline: { contactShare: number | null; travelMinutes: number; distinctStaffMean: number; unassigned: number };
  travelRatio: number;
  distinctRatio: number;
  iterations: number;
  seconds: number;
  peakRssMb: number;
  violations: number;
}

/**
 * Quality on one dataset: separate runs with each time limit up to `seconds` (1, 5, 10,
 * 30, 60 s; what a user gets from `--time-limit`), the longest one reported in full.
 */
export function qualityRun(dataset: string, problem: DayProblem, seconds: number, shorterRuns = true): QualityResult {
  const marks = shorterRuns ? [1, 5, 10, 30, 60].filter((m) => m < seconds) : [];
  const costAt: Record<string, number | null> = {};
  for (const m of marks) costAt[`${m}s`] = solveDayWithStats(problem, { timeLimitMs: m * 1000, seed: 1 }).stats.objective;
  let peak = process.memoryUsage().rss;
  const { schedule, stats } = solveDayWithStats(problem, {
    timeLimitMs: seconds * 1000,
    seed: 1,
    progressEveryMs: 200,
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    },
  });
  costAt[`${seconds}s`] = stats.objective;
  peak = Math.max(peak, process.memoryUsage().rss);
  const final = stats.objective;
  const at5 = costAt['5s'];
  const base = planManually(problem);
  const m = schedule.metrics;
  const violations = checkSchedule(problem, schedule).violations.length + checkSchedule(problem, base).violations.length;
  return {
    dataset,
    visits: problem.visits.length,
    staff: problem.staff.length,
    firstFeasibleMs: stats.firstFeasibleMs,
    costAt,
    gapAt5sToFinal: at5 === null || at5 === undefined ? null : (at5 - final) / final,
    contactShare: m.contactShare,
    contactReachableShare: m.contactReachableShare,
    contactVsCeiling: m.contactShare !== null && m.contactReachableShare ? m.contactShare / m.contactReachableShare : null,
    lpCeiling: schedule.solver?.contactCeiling ?? null,
    contactVsLpCeiling: m.contactShare !== null && schedule.solver?.contactCeiling ? m.contactShare / schedule.solver.contactCeiling : null,
    unassigned: schedule.unassigned.length,
    travelMinutes: m.travelMinutes,
    distinctStaffMean: m.distinctStaffPerRecipient.mean,
    baseline: {
      contactShare: base.metrics.contactShare,
      travelMinutes: base.metrics.travelMinutes,
      distinctStaffMean: base.metrics.distinctStaffPerRecipient.mean,
      unassigned: base.unassigned.length,
    },
    travelRatio: m.travelMinutes / Math.max(1, base.metrics.travelMinutes),
    distinctRatio: m.distinctStaffPerRecipient.mean / Math.max(1e-9, base.metrics.distinctStaffPerRecipient.mean),
    iterations: stats.iterations,
    seconds: stats.elapsedMs / 1000,
    peakRssMb: Math.round(peak / 1e6),
    violations,
  };
}

export type { Schedule };
