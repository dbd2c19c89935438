/**
 * `npm run bench:lending [-- --quick]`: help across teams (FORMAT rule 22) on the bundled
 * district day and district period. The same seed and iteration budgets for each planner:
 * teams as walls, teams then lending (the default), and for the day one joint solve of the
 * whole district. Every schedule is held to the checker. Results in benchmarks/results/lending*.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { checkSchedule } from '../src/check/index.ts';
import type { PeriodProblem, Schedule } from '../src/model/types.ts';
import { planPeriod } from '../src/period/index.ts';
import { solveDayWithStats } from '../src/solver/index.ts';
import { loadPeriodProblem } from '../src/validate/index.ts';
import { loadDataset } from './day.ts';

const quick = process.argv.includes('--quick');
const NO_TIME_LIMIT_MS = 1e9;
const DAY_ITERATIONS = quick ? 5_000 : 20_000;
const PERIOD_ITERATIONS_PER_DAY = quick ? 500 : 2_500;

interface Row {
  planner: string;
  unassignedMandatory: number;
  travelMinutes: number;
  contactShare: number | null;
  borrowedVisits: number;
  seconds: number;
  violations: number;
  /** Periods: the planned Kolada U21401 of the first window. */
  U21401?: number | null;
}

function rowOf(planner: string, schedules: Schedule[], seconds: number, violations: number): Row {
  const sum = (of: (s: Schedule) => number) => schedules.reduce((n, s) => n + of(s), 0);
  const assigned = sum((s) => s.metrics.assigned);
  const byContact = sum((s) => (s.metrics.contactShare ?? 0) * s.metrics.assigned);
  return {
    planner,
    unassignedMandatory: sum((s) => s.metrics.unassignedMandatory),
    travelMinutes: sum((s) => s.metrics.travelMinutes),
    contactShare: assigned === 0 ? null : byContact / assigned,
    borrowedVisits: sum((s) => s.metrics.borrowedVisits ?? 0),
    seconds: Math.round(seconds * 10) / 10,
    violations,
  };
}

const district = loadDataset('district-day');
const dayRows: Row[] = [];
for (const [planner, options] of [
  ['teams as walls', { lend: false }],
  ['teams, then lending', {}],
  ['one joint solve', { byTeam: false }],
] as const) {
  const t0 = performance.now();
  const { schedule } = solveDayWithStats(district, { iterations: DAY_ITERATIONS, seed: 1, timeLimitMs: NO_TIME_LIMIT_MS, ...options });
  dayRows.push(rowOf(planner, [schedule], (performance.now() - t0) / 1000, checkSchedule(district, schedule).violations.length));
  process.stderr.write(`district day, ${planner}: done\n`);
}

const period: PeriodProblem = loadPeriodProblem(JSON.parse(readFileSync(new URL('../datasets/district-period.json', import.meta.url), 'utf8'))).problem;
const periodRows: Row[] = [];
for (const [planner, lend] of [
  ['teams as walls', false],
  ['teams, then lending', true],
] as const) {
  const t0 = performance.now();
  let violations = 0;
  const planned = planPeriod(period, {
    iterationsPerDay: PERIOD_ITERATIONS_PER_DAY,
    seed: 1,
    timeLimitMsPerDay: NO_TIME_LIMIT_MS,
    lend,
    onDay: ({ problem, schedule }) => (violations += checkSchedule(problem, schedule).violations.length),
  });
  periodRows.push({ ...rowOf(planner, planned.days, (performance.now() - t0) / 1000, violations), U21401: planned.kpi.windows[0].kolada.U21401 });
  process.stderr.write(`district period, ${planner}: done\n`);
}

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)} %`);
const print = (title: string, rows: Row[]) => {
  console.log(`\n## ${title}\n`);
  console.log('| planner | unassigned mandatory | travel (min) | contact share | visits by another team | U21401 | seconds | violations |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.planner} | ${r.unassignedMandatory} | ${r.travelMinutes} | ${pct(r.contactShare)} | ${r.borrowedVisits} | ${r.U21401?.toFixed(2) ?? '-'} | ${r.seconds} | ${r.violations} |`);
  }
};
print(`District day (2,001 visits, 10 teams), ${DAY_ITERATIONS.toLocaleString('en-US')} iterations, seed 1`, dayRows);
print(`District period (14 days), ${PERIOD_ITERATIONS_PER_DAY.toLocaleString('en-US')} iterations per day, seed 1`, periodRows);

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const out = { date: new Date().toISOString(), quick, node: process.version, dayIterations: DAY_ITERATIONS, periodIterationsPerDay: PERIOD_ITERATIONS_PER_DAY, day: dayRows, period: periodRows };
writeFileSync(new URL(`./results/lending${quick ? '-quick' : ''}.json`, import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
