/**
 * `npm run bench:period [-- --quick] [-- --only NAME]`: 14-day continuity against its
 * floor (issue 13). Each period is planned by the period planner (look-ahead and circles) with
 *   (c0) the contacts it came with, circles off (look-ahead alone, as before circles),
 *   (c) the contacts it came with,
 *   (d) the contact suggestion counting shift coverage only (`capacity: false`),
 *   (e) the capacity-aware suggestion (the default),
 *   (f) the suggestion re-made from the plan before it, planned again, while U21401 or
 *       the planned contact share still improve (at most `MAX_ITERATIONS`),
 * and by the greedy-like baseline (`baseline.ts`) day by day with the contacts it came with.
 * Per team and overall: planned U21401 next to the floor (`periodFloor`: the fewest staff
 * rosters and eligibility allow, capacity ignored), the planned contact share over every
 * planned visit of recipients with a contact (an unassigned visit counts as not by the
 * contact) next to the reachable ceiling (contactReachableShare over the same visits),
 * their ratio, unassigned mandatory visits and travel. For the circle of item 2 it also
 * reports, per plan, the mean faces per counted recipient above the floor and how many of
 * those came for a single visit.
 *
 * Datasets: the bundled team and district periods, and two-team periods generated here
 * (`generatePeriod` as `kontinuitet generate period --preset district --teams 2 --seed 41`),
 * a seed nobody tuned to. Fixed seeds and an iteration budget per day (no time limit
 * binds), so the same code gives the same schedules. Every planned day is checked against
 * its day problem; a violation is a bug and makes the run exit 1. Printed as markdown;
 * written to benchmarks/results/period.json (period-quick.json with --quick).
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { DayProblem, KpiReport, PeriodProblem, Schedule } from '../src/model/types.ts';
import { expandPeriod, LOOK_AHEAD_SHARE, planPeriod, plannedKpi } from '../src/period/index.ts';
import { applySuggestion, periodFloor, PeriodCoverage, suggestContacts, type ContactSuggestion, type PeriodFloor, type SuggestOptions } from '../src/contacts/index.ts';
import { generatePeriod, PRESETS } from '../src/generate/index.ts';
import { loadPeriodProblem } from '../src/validate/index.ts';
import { checkSchedule } from '../src/check/index.ts';
import { toJsonText, writeFileAtomic } from '../src/io/index.ts';
import { planManually } from './baseline.ts';

/** Far beyond any run, so that only the iteration budget ends a day's search. */
const NO_TIME_LIMIT_MS = 24 * 3600 * 1000;
/** Re-suggestions from a plan after the first capacity-aware one. */
const MAX_ITERATIONS = 2;
const PLAN_SEED = 1;

interface Dataset {
  name: string;
  load: () => PeriodProblem;
  /** Iterations per day over all teams (a district day splits them by the teams' visit counts). */
  iterationsPerDay: number;
}

function bundled(name: string): () => PeriodProblem {
  return () => loadPeriodProblem(JSON.parse(readFileSync(new URL(`../datasets/${name}.json`, import.meta.url), 'utf8'))).problem;
}

/** Two teams of the district preset, as `kontinuitet generate period --preset district --teams 2 --seed N` writes them. */
function twoTeams(seed: number): () => PeriodProblem {
  return () => loadPeriodProblem(generatePeriod({ seed, teams: 2, staffPerTeam: PRESETS.district.staffPerTeam, recipientsPerTeam: PRESETS.district.recipientsPerTeam })).problem;
}

/** Budgets sized so a full run ends in about twenty minutes on two shared cores. */
const FULL: Dataset[] = [
  { name: 'team-period', load: bundled('team-period'), iterationsPerDay: 10_000 },
  { name: 'district-period', load: bundled('district-period'), iterationsPerDay: 20_000 },
  { name: 'two-teams-seed-41', load: twoTeams(41), iterationsPerDay: 10_000 },
];
const QUICK: Dataset[] = FULL.map((d) => ({ ...d, iterationsPerDay: Math.round(d.iterationsPerDay / 8) }));

/** One planner's numbers for one group of recipients (a team, or everyone). */
interface GroupNumbers {
  U21401: number | null;
  counted: number;
  floor: number | null;
  /** The floor over the recipients this plan's KPI counted: the same footing as U21401. */
  floorOfCounted: number | null;
  /** Mean distinct staff above the floor per recipient counted by both. */
  excess: number | null;
  /** Of those faces, the mean per recipient who came for one visit only. */
  oneVisitFaces: number | null;
  contactShare: number | null;
  reachable: number | null;
  ratio: number | null;
  withinTime: number | null;
}

interface Run {
  step: string;
  label: string;
  overall: GroupNumbers;
  byTeam: Record<string, GroupNumbers>;
  visits: number;
  unassigned: number;
  unassignedMandatory: number;
  travelMinutes: number;
  seconds: number;
  violations: number;
  suggestion?: { changedContacts: number; changedDeputies: number; seconds: number; lp: ContactSuggestion['lp']; deputyLp: ContactSuggestion['deputyLp'] };
}

interface DatasetResult {
  dataset: string;
  days: number;
  teams: number;
  staff: number;
  recipients: number;
  iterationsPerDay: number;
  seed: number;
  lookAheadShare: number;
  floor: { seconds: number; nodes: number; overall: PeriodFloor['windows'][number]['overall']; byTeam: PeriodFloor['windows'][number]['byTeam'] };
  runs: Run[];
}

interface Totals {
  visits: number;
  unassigned: number;
  unassignedMandatory: number;
  travelMinutes: number;
  violations: number;
  firstViolations: string[];
}

function addDay(totals: Totals, problem: DayProblem, schedule: Schedule): void {
  const violations = checkSchedule(problem, schedule).violations;
  totals.visits += problem.visits.length;
  totals.unassigned += schedule.unassigned.length;
  totals.unassignedMandatory += schedule.metrics.unassignedMandatory;
  totals.travelMinutes += schedule.metrics.travelMinutes;
  totals.violations += violations.length;
  for (const v of violations.slice(0, Math.max(0, 3 - totals.firstViolations.length))) totals.firstViolations.push(`${problem.date} ${v.code}: ${v.message}`);
}

const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Contact share planned and reachable over every planned visit of the recipients with a contact, per team. */
function contactNumbers(period: PeriodProblem, days: readonly Schedule[]): Map<string | null, { made: number; reachable: number; visits: number }> {
  const coverage = new PeriodCoverage(period, expandPeriod(period));
  const staffOf = new Map<string, Set<string>>();
  for (const day of days) for (const route of day.routes) for (const stop of route.stops) (staffOf.get(stop.visit) ?? staffOf.set(stop.visit, new Set()).get(stop.visit)!).add(route.staff);
  const byTeam = new Map<string | null, { made: number; reachable: number; visits: number }>();
  for (const r of period.recipients) {
    if (!r.contact) continue;
    for (const key of [r.team ?? null, 'all']) {
      let c = byTeam.get(key);
      if (!c) byTeam.set(key, (c = { made: 0, reachable: 0, visits: 0 }));
      for (const o of coverage.occurrencesOf(r.id)) {
        c.visits += 1;
        if (coverage.covers(r.contact, r.id, o)) c.reachable += 1;
        if (staffOf.get(o.visit.id)?.has(r.contact)) c.made += 1;
      }
    }
  }
  return byTeam;
}

/** Faces per recipient: distinct staff and how many came for one visit, over the KPI's counted visits. */
function faces(kpi: KpiReport, days: readonly Schedule[], period: PeriodProblem): Map<string, number> {
  const counted = kpi.windows[0].byRecipient;
  const nurses = new Set(period.staff.filter((s) => s.role === 'nurse').map((s) => s.id));
  const visitsBy = new Map<string, Map<string, number>>();
  for (const day of days) {
    for (const route of day.routes) {
      if (nurses.has(route.staff)) continue;
      for (const stop of route.stops) {
        if (!counted[stop.recipient]?.counted) continue;
        const local = Number(stop.start.slice(11, 13)) * 60 + Number(stop.start.slice(14, 16));
        if (local < 7 * 60 || local >= 22 * 60) continue;
        let byStaff = visitsBy.get(stop.recipient);
        if (!byStaff) visitsBy.set(stop.recipient, (byStaff = new Map()));
        byStaff.set(route.staff, (byStaff.get(route.staff) ?? 0) + 1);
      }
    }
  }
  return new Map([...visitsBy].map(([id, byStaff]) => [id, [...byStaff.values()].filter((n) => n === 1).length]));
}

function groupNumbers(
  kpi: KpiReport,
  floor: PeriodFloor,
  contacts: { made: number; reachable: number; visits: number } | undefined,
  withinTime: number | null,
  oneVisit: ReadonlyMap<string, number>,
  team: string | null,
): GroupNumbers {
  const window = kpi.windows[0];
  const floorRows = floor.windows[0].byRecipient;
  const group = team === null ? window.overall : window.byTeam[team];
  const counted = Object.entries(window.byRecipient).filter(([id, r]) => r.counted && (team === null || r.team === team) && floorRows[id]?.unreachable.length === 0);
  const floorGroup = team === null ? floor.windows[0].overall : floor.windows[0].byTeam[team];
  return {
    U21401: group?.mean ?? null,
    counted: group?.recipients ?? 0,
    floor: floorGroup?.mean ?? null,
    floorOfCounted: mean(counted.map(([id]) => floorRows[id].floor)),
    excess: mean(counted.map(([id, r]) => r.distinctStaff - floorRows[id].floor)),
    oneVisitFaces: mean(counted.map(([id]) => oneVisit.get(id) ?? 0)),
    contactShare: contacts ? ratio(contacts.made, contacts.visits) : null,
    reachable: contacts ? ratio(contacts.reachable, contacts.visits) : null,
    ratio: contacts ? ratio(contacts.made, contacts.reachable) : null,
    withinTime,
  };
}

function measured(
  step: string,
  label: string,
  period: PeriodProblem,
  floor: PeriodFloor,
  days: readonly Schedule[],
  kpi: KpiReport,
  totals: Totals,
  seconds: number,
  suggestion: ContactSuggestion | null,
): Run {
  const contacts = contactNumbers(period, days);
  const oneVisit = faces(kpi, days, period);
  const withinTime = (team: string | null): number | null => {
    if (!suggestion) return null;
    const teams = team === null ? Object.values(suggestion.byTeam) : [suggestion.byTeam[team]];
    return mean(teams.map((t) => t.withinTimeAfter).filter((v): v is number => v !== null));
  };
  const byTeam: Record<string, GroupNumbers> = {};
  for (const t of period.teams) byTeam[t.id] = groupNumbers(kpi, floor, contacts.get(t.id), withinTime(t.id), oneVisit, t.id);
  const run: Run = {
    step,
    label,
    overall: groupNumbers(kpi, floor, contacts.get('all'), withinTime(null), oneVisit, null),
    byTeam,
    visits: totals.visits,
    unassigned: totals.unassigned,
    unassignedMandatory: totals.unassignedMandatory,
    travelMinutes: Math.round(totals.travelMinutes),
    seconds: Math.round(seconds * 10) / 10,
    violations: totals.violations,
  };
  const u = run.overall.U21401;
  process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}  ${step}: ${seconds.toFixed(1)} s, U21401 ${u === null ? '–' : u.toFixed(2)}, contact share ${pct(run.overall.contactShare)} of reachable ${pct(run.overall.reachable)}, ${totals.violations} violations\n`);
  for (const line of totals.firstViolations) process.stderr.write(`    ${line}\n`);
  return run;
}

function emptyTotals(): Totals {
  return { visits: 0, unassigned: 0, unassignedMandatory: 0, travelMinutes: 0, violations: 0, firstViolations: [] };
}

function plan(dataset: Dataset, period: PeriodProblem, step: string, circle = true): { days: Schedule[]; kpi: KpiReport; totals: Totals; seconds: number } {
  const totals = emptyTotals();
  const t0 = performance.now();
  const schedule = planPeriod(period, {
    circle,
    seed: PLAN_SEED,
    iterationsPerDay: dataset.iterationsPerDay,
    timeLimitMsPerDay: NO_TIME_LIMIT_MS,
    onDay: (day) => {
      if (process.stderr.isTTY) process.stderr.write(`\r  ${step}: plan ${day.pass}, day ${day.index + 1}/${day.days} (${day.date})   `);
      // Both plans of a circle run are held to the checker; the second is the one returned.
      if (day.pass === 2) addDay(totals, day.problem, day.schedule);
      else if (checkSchedule(day.problem, day.schedule).violations.length > 0) totals.violations += 1;
    },
  });
  return { days: schedule.days, kpi: schedule.kpi, totals, seconds: (performance.now() - t0) / 1000 };
}

function suggested(period: PeriodProblem, options: SuggestOptions): { period: PeriodProblem; suggestion: ContactSuggestion; info: NonNullable<Run['suggestion']> } {
  const t0 = performance.now();
  const suggestion = suggestContacts(period, options);
  const seconds = (performance.now() - t0) / 1000;
  const changedContacts = suggestion.suggestions.filter((row) => row.contact !== null && row.contact !== row.previousContact).length;
  const before = new Map(period.recipients.map((r) => [r.id, r.deputies?.[0] ?? null]));
  const changedDeputies = suggestion.suggestions.filter((row) => row.deputy !== null && row.deputy !== before.get(row.recipient)).length;
  return {
    period: applySuggestion(period, suggestion),
    suggestion,
    info: { changedContacts, changedDeputies, seconds: Math.round(seconds * 10) / 10, lp: suggestion.lp, deputyLp: suggestion.deputyLp },
  };
}

/** Whether `next` is better: lower U21401, or as low and a higher planned contact share. */
function improves(next: Run, best: Run): boolean {
  const u = (r: Run) => r.overall.U21401 ?? Number.POSITIVE_INFINITY;
  const share = (r: Run) => r.overall.contactShare ?? 0;
  return u(next) < u(best) - 1e-9 || (Math.abs(u(next) - u(best)) <= 1e-9 && share(next) > share(best) + 1e-9);
}

function benchDataset(dataset: Dataset): DatasetResult {
  process.stderr.write(`${dataset.name}, ${dataset.iterationsPerDay} iterations per day, seed ${PLAN_SEED}\n`);
  const period = dataset.load();
  const floor = periodFloor(period);
  process.stderr.write(`  floor: ${floor.seconds.toFixed(1)} s, ${floor.nodes} nodes, mean ${floor.windows[0].overall.mean?.toFixed(2)}\n`);
  const runs: Run[] = [];

  const lookAheadOnly = plan(dataset, period, 'c0', false);
  runs.push(measured('c0', '(c0) contacts as given, look-ahead without circles', period, floor, lookAheadOnly.days, lookAheadOnly.kpi, lookAheadOnly.totals, lookAheadOnly.seconds, null));

  const asGiven = plan(dataset, period, 'c');
  runs.push(measured('c', '(c) contacts as given', period, floor, asGiven.days, asGiven.kpi, asGiven.totals, asGiven.seconds, null));

  const coverageOnly = suggested(period, { capacity: false });
  const d = plan(dataset, coverageOnly.period, 'd');
  runs.push({ ...measured('d', '(d) suggestion by shift coverage', coverageOnly.period, floor, d.days, d.kpi, d.totals, d.seconds, coverageOnly.suggestion), suggestion: coverageOnly.info });

  let current = suggested(period, {});
  let planned = plan(dataset, current.period, 'e');
  let best: Run = { ...measured('e', '(e) capacity-aware suggestion', current.period, floor, planned.days, planned.kpi, planned.totals, planned.seconds, current.suggestion), suggestion: current.info };
  runs.push(best);
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    current = suggested(current.period, { planned: planned.days });
    planned = plan(dataset, current.period, `f${i}`);
    const run = { ...measured(`f${i}`, `(f${i}) re-suggested from the plan before`, current.period, floor, planned.days, planned.kpi, planned.totals, planned.seconds, current.suggestion), suggestion: current.info };
    runs.push(run);
    if (!improves(run, best)) break;
    best = run;
  }

  const totals = emptyTotals();
  const t0 = performance.now();
  const schedules = expandPeriod(period).map((day) => {
    const schedule = planManually(day);
    addDay(totals, day, schedule);
    return schedule;
  });
  runs.push(measured('baseline', 'greedy-like baseline, contacts as given', period, floor, schedules, plannedKpi(period, schedules), totals, (performance.now() - t0) / 1000, null));

  return {
    dataset: dataset.name,
    days: period.days,
    teams: period.teams.length,
    staff: period.staff.length,
    recipients: period.recipients.length,
    iterationsPerDay: dataset.iterationsPerDay,
    seed: PLAN_SEED,
    lookAheadShare: LOOK_AHEAD_SHARE,
    floor: { seconds: Math.round(floor.seconds * 10) / 10, nodes: floor.nodes, overall: floor.windows[0].overall, byTeam: floor.windows[0].byTeam },
    runs,
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
const num = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));

function markdown(results: readonly DatasetResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `\n## ${r.dataset}: ${r.days} days, ${r.teams} team(s), ${r.staff} staff, ${r.recipients} recipients; ${r.iterationsPerDay} iterations per day, seed ${r.seed}, look-ahead share ${r.lookAheadShare}`,
      `\nFloor: mean ${num(r.floor.overall.mean, 2)} over ${r.floor.overall.recipients} recipients (${r.floor.overall.withUnreachable} with a visit no one can make), ${r.floor.nodes} nodes, ${r.floor.seconds} s.\n`,
      '| step | U21401 | floor (of counted) | faces over floor (one-visit) | counted | contact share | reachable | planned / reachable | within time | unassigned (mandatory) | travel min | violations | seconds |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const run of r.runs) {
      const o = run.overall;
      lines.push(
        `| ${run.label} | ${num(o.U21401, 2)} | ${num(o.floor, 2)} (${num(o.floorOfCounted, 2)}) | ${num(o.excess, 2)} (${num(o.oneVisitFaces, 2)}) | ${o.counted} | ${pct(o.contactShare)} | ${pct(o.reachable)} | ${num(o.ratio, 2)} | ${pct(o.withinTime)} | ${run.unassigned} (${run.unassignedMandatory}) | ${run.travelMinutes} | ${run.violations} | ${run.seconds.toFixed(0)} |`,
      );
    }
    if (r.teams > 1) {
      lines.push('\nPer team: U21401 / floor of counted / contact share / reachable.\n', `| step | ${Object.keys(r.runs[0].byTeam).join(' | ')} |`, `|---|${Object.keys(r.runs[0].byTeam).map(() => '---').join('|')}|`);
      for (const run of r.runs) {
        lines.push(`| ${run.step} | ${Object.values(run.byTeam).map((t) => `${num(t.U21401, 2)} / ${num(t.floorOfCounted, 2)} / ${pct(t.contactShare)} / ${pct(t.reachable)}`).join(' | ')} |`);
      }
    }
    const withLp = r.runs.filter((run) => run.suggestion);
    lines.push('\nSuggestions: contacts (deputies) changed; contact LP variables, seconds, local-search moves and seconds; the same for deputies.\n');
    for (const run of withLp) {
      const s = run.suggestion!;
      lines.push(
        `- ${run.step}: ${s.changedContacts} (${s.changedDeputies}) changed; contacts ${s.lp.variables} variables, LP ${s.lp.seconds.toFixed(2)} s, ${s.lp.moves} moves in ${s.lp.searchSeconds.toFixed(1)} s; deputies ${s.deputyLp.variables} variables, LP ${s.deputyLp.seconds.toFixed(2)} s, ${s.deputyLp.moves} moves in ${s.deputyLp.searchSeconds.toFixed(1)} s; ${s.seconds} s in all`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
  const datasets = (quick ? QUICK : FULL).filter((d) => only === null || d.name === only);
  if (datasets.length === 0) throw new Error(`--only takes one of ${FULL.map((d) => d.name).join(', ')}, not ${JSON.stringify(only)}`);
  const started = performance.now();
  const results = datasets.map(benchDataset);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(markdown(results));
  process.stdout.write(`\nTotal ${seconds.toFixed(0)} s.\n`);
  const violations = results.reduce((n, r) => n + r.runs.reduce((m, run) => m + run.violations, 0), 0);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  const file = new URL(`./results/period${quick ? '-quick' : ''}${only ? `-${only}` : ''}.json`, import.meta.url).pathname;
  await writeFileAtomic(file, toJsonText({ date: new Date().toISOString(), quick, node: process.version, seconds: Math.round(seconds), results }));
  if (violations > 0) {
    process.stderr.write(`${violations} violations in planned days: see above\n`);
    process.exitCode = 1;
  }
}

await main();
