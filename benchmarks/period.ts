/**
 * `npm run bench:period [-- --quick] [-- --only team|district]`: 14-day continuity on the
 * bundled periods (issue 4, item 4). Each period is planned by
 *   (a) independent days without history, (b) the day solver with history carried,
 *   (c) the period planner with look-ahead, (d) (c) after the contact suggestion,
 * and by the manual-like baseline day by day on the expanded days. Reported: planned
 * Kolada U21401 / U21402 / U21436 and contactShare, unassigned visits and travel. Every
 * planned day is checked against the day problem it was solved from; a violation is a bug
 * and makes the run exit 1.
 *
 * Runs are comparable: fixed seeds and an iteration budget per day (no time limit binds),
 * so the same code gives the same schedules. One seed moves the team period's U21401 by
 * about ±0.3, as much as some of the differences measured, so the team period is planned
 * with three seeds and the table shows their mean (and range); the district averages over
 * ten teams in one run. Printed as markdown; written to benchmarks/results/period.json
 * (period-quick.json with --quick), every run in it.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { DayProblem, KpiReport, PeriodProblem, Schedule } from '../src/model/types.ts';
import { expandPeriod, LOOK_AHEAD_SHARE, planPeriod, plannedKpi, type PlanPeriodOptions } from '../src/period/index.ts';
import { applySuggestion, PeriodCoverage, reachableShare, suggestContacts } from '../src/contacts/index.ts';
import { DEFAULT_KEEP_CURRENT_BONUS } from '../src/contacts/suggest.ts';
import { loadPeriodProblem } from '../src/validate/index.ts';
import { checkSchedule } from '../src/check/index.ts';
import { toJsonText, writeFileAtomic } from '../src/io/index.ts';
import { planManually } from './baseline.ts';

/** Far beyond any run, so that only the iteration budget ends a day's search. */
const NO_TIME_LIMIT_MS = 24 * 3600 * 1000;

interface Dataset {
  name: string;
  /** Iterations per day over all teams (a district day splits them by the teams' visit counts). */
  iterationsPerDay: number;
  seeds: number[];
}

/** Budgets sized so a full run ends in about a quarter of an hour on two shared cores. */
const FULL: Dataset[] = [
  { name: 'team-period', iterationsPerDay: 10_000, seeds: [1, 2, 3] },
  { name: 'district-period', iterationsPerDay: 20_000, seeds: [1] },
];
const QUICK: Dataset[] = [
  { name: 'team-period', iterationsPerDay: 1_500, seeds: [1, 2, 3] },
  { name: 'district-period', iterationsPerDay: 3_000, seeds: [1] },
];

type SolverPlanner = 'independent' | 'history' | 'lookAhead' | 'suggested';
type PlannerId = SolverPlanner | 'baseline';

const PLANNERS: Record<PlannerId, { label: string; options?: PlanPeriodOptions }> = {
  independent: { label: '(a) independent days, no history', options: { history: false, lookAhead: false } },
  history: { label: '(b) day solver with history', options: { lookAhead: false } },
  lookAhead: { label: '(c) period planner, look-ahead', options: {} },
  suggested: { label: '(d) (c) after contact suggestion', options: {} },
  baseline: { label: 'manual-like baseline, independent days' },
};

/** One planner on one seed (the baseline has none: it is deterministic). */
interface Run {
  planner: PlannerId;
  seed: number | null;
  window: { from: string; to: string; partial: boolean };
  U21401: number | null;
  U21402: number | null;
  U21436: number | null;
  contactShare: number | null;
  recipientsCounted: number;
  recipientsExcluded: number;
  excludedByReason: Record<string, number>;
  /**
   * Mean distinct staff over the recipients every run of the dataset counted: U21401 on a
   * common footing, since unassigned visits can drop a recipient from the count.
   */
  commonMean: number | null;
  visits: number;
  unassigned: number;
  unassignedMandatory: number;
  travelMinutes: number;
  iterations: number;
  /** Planning and checking every day. */
  seconds: number;
  daysChecked: number;
  violations: number;
}

/** A planner's runs summed up: means over seeds, the U21401 range. */
interface PlannerSummary {
  planner: PlannerId;
  label: string;
  seeds: number;
  U21401: number | null;
  U21401Range: [number, number] | null;
  U21402: number | null;
  U21436: number | null;
  commonMean: number | null;
  contactShare: number | null;
  /** contactReachableShare over every planned visit of the period with the contacts used: the ceiling for contactShare. */
  contactCeiling: number | null;
  recipientsCounted: number;
  unassigned: number;
  unassignedMandatory: number;
  travelMinutes: number;
  violations: number;
  seconds: number;
}

interface DatasetResult {
  dataset: string;
  days: number;
  teams: number;
  staff: number;
  recipients: number;
  visits: number;
  iterationsPerDay: number;
  seeds: number[];
  /** The look-ahead share (c) and (d) planned with. */
  lookAheadShare: number;
  suggestion: { maxPerContact: number; keepCurrentBonus: number; reachableBefore: number | null; reachableAfter: number | null; recipientsWithNewContact: number; seconds: number };
  /** Recipients the KPI counted in every run: the footing of `commonMean`. */
  recipientsCountedByAll: number;
  planners: PlannerSummary[];
  runs: Run[];
}

function loadPeriod(name: string): PeriodProblem {
  const text = readFileSync(new URL(`../datasets/${name}.json`, import.meta.url), 'utf8');
  return loadPeriodProblem(JSON.parse(text)).problem;
}

function contactCeiling(period: PeriodProblem): number | null {
  return reachableShare(new PeriodCoverage(period, expandPeriod(period)), period.recipients, (r) => r.contact).share;
}

/** Everything but the KPI, summed over the planned days. */
interface DayTotals {
  visits: number;
  unassigned: number;
  unassignedMandatory: number;
  travelMinutes: number;
  iterations: number;
  daysChecked: number;
  violations: number;
  firstViolations: string[];
}

function emptyTotals(): DayTotals {
  return { visits: 0, unassigned: 0, unassignedMandatory: 0, travelMinutes: 0, iterations: 0, daysChecked: 0, violations: 0, firstViolations: [] };
}

function addDay(totals: DayTotals, problem: DayProblem, schedule: Schedule): void {
  const violations = checkSchedule(problem, schedule).violations;
  totals.visits += problem.visits.length;
  totals.unassigned += schedule.unassigned.length;
  totals.unassignedMandatory += schedule.metrics.unassignedMandatory;
  totals.travelMinutes += schedule.metrics.travelMinutes;
  totals.iterations += schedule.solver?.iterations ?? 0;
  totals.daysChecked += 1;
  totals.violations += violations.length;
  for (const v of violations.slice(0, Math.max(0, 3 - totals.firstViolations.length))) totals.firstViolations.push(`${problem.date} ${v.code}: ${v.message}`);
}

/** A run and the distinct staff of each recipient its KPI counted. */
interface Planned {
  run: Run;
  counted: Map<string, number>;
}

function planned(planner: PlannerId, seed: number | null, kpi: KpiReport, totals: DayTotals, seconds: number): Planned {
  const window = kpi.windows[0];
  const counted = new Map<string, number>();
  for (const [id, r] of Object.entries(window.byRecipient)) if (r.counted) counted.set(id, r.distinctStaff);
  const run: Run = {
    planner,
    seed,
    window: { from: window.from, to: window.to, partial: window.partial },
    U21401: window.kolada.U21401,
    U21402: window.kolada.U21402,
    U21436: window.kolada.U21436,
    contactShare: window.overall.contactShare,
    recipientsCounted: window.overall.recipients,
    recipientsExcluded: window.overall.excluded,
    excludedByReason: window.overall.excludedByReason,
    commonMean: null,
    visits: totals.visits,
    unassigned: totals.unassigned,
    unassignedMandatory: totals.unassignedMandatory,
    travelMinutes: Math.round(totals.travelMinutes),
    iterations: totals.iterations,
    seconds: Math.round(seconds * 10) / 10,
    daysChecked: totals.daysChecked,
    violations: totals.violations,
  };
  report(kpi, `${planner}${seed === null ? '' : ` seed ${seed}`}`, totals, seconds);
  return { run, counted };
}

function report(kpi: KpiReport, what: string, totals: DayTotals, seconds: number): void {
  const u = kpi.windows[0].kolada.U21401;
  process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}  ${what}: ${totals.daysChecked} days in ${seconds.toFixed(1)} s, U21401 ${u === null ? '–' : u.toFixed(2)}, ${totals.violations} violations\n`);
  for (const line of totals.firstViolations) process.stderr.write(`    ${line}\n`);
}

function runPlanner(dataset: Dataset, period: PeriodProblem, planner: SolverPlanner, seed: number): Planned {
  const totals = emptyTotals();
  const t0 = performance.now();
  const schedule = planPeriod(period, {
    ...PLANNERS[planner].options,
    seed,
    iterationsPerDay: dataset.iterationsPerDay,
    timeLimitMsPerDay: NO_TIME_LIMIT_MS,
    onDay: (day) => {
      if (process.stderr.isTTY) process.stderr.write(`\r  ${planner} seed ${seed}: day ${day.index + 1}/${day.days} (${day.date})   `);
      addDay(totals, day.problem, day.schedule);
    },
  });
  return planned(planner, seed, schedule.kpi, totals, (performance.now() - t0) / 1000);
}

function runBaseline(period: PeriodProblem): Planned {
  const totals = emptyTotals();
  const t0 = performance.now();
  const schedules = expandPeriod(period).map((day) => {
    const schedule = planManually(day);
    addDay(totals, day, schedule);
    return schedule;
  });
  return planned('baseline', null, plannedKpi(period, schedules), totals, (performance.now() - t0) / 1000);
}

function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

function summarise(planner: PlannerId, runs: readonly Run[], contactCeiling: number | null): PlannerSummary {
  const u = runs.map((r) => r.U21401).filter((v): v is number => v !== null);
  const avg = (pick: (r: Run) => number | null) => mean(runs.map(pick));
  return {
    planner,
    label: PLANNERS[planner].label,
    seeds: runs.length,
    U21401: avg((r) => r.U21401),
    U21401Range: u.length === 0 ? null : [Math.min(...u), Math.max(...u)],
    U21402: avg((r) => r.U21402),
    U21436: avg((r) => r.U21436),
    commonMean: avg((r) => r.commonMean),
    contactShare: avg((r) => r.contactShare),
    contactCeiling,
    recipientsCounted: avg((r) => r.recipientsCounted)!,
    unassigned: avg((r) => r.unassigned)!,
    unassignedMandatory: avg((r) => r.unassignedMandatory)!,
    travelMinutes: avg((r) => r.travelMinutes)!,
    violations: runs.reduce((n, r) => n + r.violations, 0),
    seconds: runs.reduce((n, r) => n + r.seconds, 0),
  };
}

function benchDataset(dataset: Dataset): DatasetResult {
  process.stderr.write(`${dataset.name}, ${dataset.iterationsPerDay} iterations per day, seeds ${dataset.seeds.join(', ')}\n`);
  const period = loadPeriod(dataset.name);
  const t0 = performance.now();
  const suggestion = suggestContacts(period);
  const suggestionSeconds = (performance.now() - t0) / 1000;
  const suggested = applySuggestion(period, suggestion);
  const inputs: Record<SolverPlanner, PeriodProblem> = { independent: period, history: period, lookAhead: period, suggested };
  const solverPlanners: SolverPlanner[] = ['independent', 'history', 'lookAhead', 'suggested'];
  const all: Planned[] = [];
  for (const seed of dataset.seeds) for (const planner of solverPlanners) all.push(runPlanner(dataset, inputs[planner], planner, seed));
  all.push(runBaseline(period));

  const common = [...all[0].counted.keys()].filter((id) => all.every((p) => p.counted.has(id)));
  for (const p of all) p.run.commonMean = common.length === 0 ? null : common.reduce((sum, id) => sum + p.counted.get(id)!, 0) / common.length;
  const runs = all.map((p) => p.run);
  const ceilingBefore = contactCeiling(period);
  const ceilingAfter = contactCeiling(suggested);
  const planners = ([...solverPlanners, 'baseline'] as PlannerId[]).map((planner) =>
    summarise(
      planner,
      runs.filter((r) => r.planner === planner),
      planner === 'suggested' ? ceilingAfter : ceilingBefore,
    ),
  );
  return {
    dataset: dataset.name,
    days: period.days,
    teams: period.teams.length,
    staff: period.staff.length,
    recipients: period.recipients.length,
    visits: runs[0].visits,
    iterationsPerDay: dataset.iterationsPerDay,
    seeds: dataset.seeds,
    lookAheadShare: LOOK_AHEAD_SHARE,
    suggestion: {
      maxPerContact: suggestion.maxPerContact,
      keepCurrentBonus: DEFAULT_KEEP_CURRENT_BONUS,
      reachableBefore: ceilingBefore,
      reachableAfter: ceilingAfter,
      recipientsWithNewContact: suggestion.suggestions.filter((row) => row.contact !== null && row.contact !== row.previousContact).length,
      seconds: Math.round(suggestionSeconds * 10) / 10,
    },
    recipientsCountedByAll: common.length,
    planners,
    runs,
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
const num = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));

function markdown(results: readonly DatasetResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const s = r.suggestion;
    const seeds = r.seeds.length === 1 ? `seed ${r.seeds[0]}` : `mean of seeds ${r.seeds.join(', ')} (U21401 range in brackets)`;
    lines.push(
      `\n## ${r.dataset}: ${r.days} days, ${r.teams} team(s), ${r.staff} staff, ${r.recipients} recipients, ${r.visits} visits; ${r.iterationsPerDay} iterations per day, ${seeds}`,
      `\nLook-ahead share ${r.lookAheadShare}. Contact suggestion (cap ${s.maxPerContact}, keep-current bonus ${s.keepCurrentBonus}): ${s.recipientsWithNewContact} recipients get a new contact; contactReachableShare over the period's visits ${pct(s.reachableBefore)} → ${pct(s.reachableAfter)} (${s.seconds} s).\n`,
      `| planner | U21401 | U21402 | U21436 | mean staff, ${r.recipientsCountedByAll} counted in all runs | contactShare | contact ceiling | counted | unassigned (mandatory) | travel min | violations | seconds |`,
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const p of r.planners) {
      const range = p.seeds > 1 && p.U21401Range ? ` (${p.U21401Range[0].toFixed(2)}–${p.U21401Range[1].toFixed(2)})` : '';
      lines.push(
        `| ${p.label} | ${num(p.U21401, 2)}${range} | ${num(p.U21402, 1)} | ${num(p.U21436, 1)} % | ${num(p.commonMean, 2)} | ${pct(p.contactShare)} | ${pct(p.contactCeiling)} | ${num(p.recipientsCounted, 0)} | ${num(p.unassigned, 0)} (${num(p.unassignedMandatory, 0)}) | ${num(p.travelMinutes, 0)} | ${p.violations} | ${p.seconds.toFixed(0)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
  if (only !== null && only !== 'team' && only !== 'district') throw new Error(`--only takes team or district, not ${JSON.stringify(only)}`);
  const datasets = (quick ? QUICK : FULL).filter((d) => only === null || d.name.startsWith(`${only}-`));
  const started = performance.now();
  const results = datasets.map(benchDataset);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(markdown(results));
  process.stdout.write(`\nTotal ${seconds.toFixed(0)} s.\n`);
  const violations = results.reduce((n, r) => n + r.runs.reduce((m, run) => m + run.violations, 0), 0);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  const file = new URL(`./results/period${quick ? '-quick' : ''}.json`, import.meta.url).pathname;
  await writeFileAtomic(file, toJsonText({ date: new Date().toISOString(), quick, node: process.version, seconds: Math.round(seconds), results }));
  if (violations > 0) {
    process.stderr.write(`${violations} violations in planned days: see above\n`);
    process.exitCode = 1;
  }
}

await main();
