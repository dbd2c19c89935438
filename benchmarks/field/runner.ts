/**
 * The field benchmark runner's parts: options, the time limit for an instance's size,
 * the instances present in `../shared/datasets-external/`, one solve-check-evaluate run
 * per instance and set, and the tables (printed as Markdown, written as CSV) built from
 * one list of columns so the two never disagree.
 *
 * Every run solves the converted problem with `solveDayWithStats`, holds the schedule
 * to FORMAT with the independent `checkSchedule`, and measures it with the set's own
 * evaluator over the original instance, never with the solver's cost.
 */
import { readdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { UsageError } from '../../src/surface/run.ts';
import { checkSchedule, type Violation } from '../../src/check/index.ts';
import { solveDayWithStats } from '../../src/solver/index.ts';
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import { externalPath, readExternal, type IolabSolution } from './common.ts';
import { BREDSTROM_DIR, MANKOWSKA_DIR, UHHC_DIR, loadBredstrom, loadBredstromTour, loadIolabSolution, loadMankowska, loadUhhc } from './index.ts';
import { convertMankowska } from './mankowska.ts';
import { convertUhhc, uhhcWeight, type UhhcInstance, type UhhcLeftOut } from './uhhc.ts';
import { convertBredstrom } from './bredstrom.ts';
import { evaluateBredstrom, evaluateBredstromRoutes, evaluateMankowska, evaluateUhhcSchedule, evaluateUhhcSolution, timeBredstromTour, type UhhcEvaluation } from './evaluate.ts';

// ── Options ─────────────────────────────────────────────────────────────────

export const FIELD_SETS = ['mankowska', 'uhhc', 'bredstrom'] as const;
export type FieldSet = (typeof FIELD_SETS)[number];

/** Instances of up to `size` (patients, or visits for Bredström) get `seconds` of search. */
export interface SizeLimit {
  size: number;
  seconds: number;
}

/**
 * Defaults chosen so that the full run (7 Mankowska, 3 convertible UHHC, 4 Bredström
 * instances) searches for about 15 minutes in all, well inside 30 on a shared 2-core
 * machine: the limits are wall-clock, so a busy machine costs iterations, not time.
 */
export const DEFAULT_SECONDS_PER_SIZE = '10:10,25:30,50:60,75:90,100:120,200:300,300:450';
/** `--quick`: instances of size 50 or less, with these limits: about 1.5 minutes of search. */
export const QUICK_SECONDS_PER_SIZE = '10:3,25:10,50:20';
export const QUICK_MAX_SIZE = 50;

export interface RunOptions {
  quick: boolean;
  sets: FieldSet[];
  /** Families to run (Mankowska A–G, UHHC generated/validation, Bredström S/M/L); null: all. */
  families: string[] | null;
  limits: SizeLimit[];
  seed: number;
  /** Print every violation instead of a few examples per code. */
  allViolations: boolean;
}

export function parseSecondsPerSize(text: string): SizeLimit[] {
  const limits = text.split(',').map((part) => {
    const m = /^\s*(\d+)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m || Number(m[2]) <= 0) throw new UsageError(`--seconds-per-size: "${part}" is not size:seconds (e.g. 50:20)`);
    return { size: Number(m[1]), seconds: Number(m[2]) };
  });
  limits.sort((a, b) => a.size - b.size);
  for (let i = 1; i < limits.length; i++) {
    if (limits[i].size === limits[i - 1].size) throw new UsageError(`--seconds-per-size: size ${limits[i].size} is given twice`);
  }
  return limits;
}

/** The limit of the smallest listed size at or above `size`; beyond the largest, the largest's. */
export function secondsFor(size: number, limits: readonly SizeLimit[]): number {
  return (limits.find((l) => size <= l.size) ?? limits[limits.length - 1]).seconds;
}

function listOption(text: string | undefined): string[] | null {
  if (text === undefined) return null;
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return items.length ? items : null;
}

export function parseRunOptions(argv: string[]): RunOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: 'boolean', default: false },
        set: { type: 'string' },
        family: { type: 'string' },
        'seconds-per-size': { type: 'string' },
        seed: { type: 'string' },
        'all-violations': { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const sets = listOption(values.set) ?? [...FIELD_SETS];
  for (const s of sets) {
    if (!(FIELD_SETS as readonly string[]).includes(s)) throw new UsageError(`--set: "${s}" is not one of ${FIELD_SETS.join(', ')}`);
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed: "${values.seed}" is not a whole number`);
  const quick = values.quick ?? false;
  return {
    quick,
    sets: sets as FieldSet[],
    families: listOption(values.family),
    limits: parseSecondsPerSize(values['seconds-per-size'] ?? (quick ? QUICK_SECONDS_PER_SIZE : DEFAULT_SECONDS_PER_SIZE)),
    seed,
    allViolations: values['all-violations'] ?? false,
  };
}

/** Whether an instance of this family and size is in the run. */
export function selected(opts: RunOptions, family: string, size: number): boolean {
  if (opts.families && !opts.families.includes(family)) return false;
  return !opts.quick || size <= QUICK_MAX_SIZE;
}

// ── One solve ───────────────────────────────────────────────────────────────

export interface SolveRun {
  schedule: Schedule;
  limitSeconds: number;
  seconds: number;
  iterations: number;
  violations: Violation[];
}

/** Solves as one instance (UHHC caregivers of any terminal may serve any patient) and checks. */
export function solveAndCheck(problem: DayProblem, limitSeconds: number, seed: number): SolveRun {
  const { schedule, stats } = solveDayWithStats(problem, { timeLimitMs: limitSeconds * 1000, seed, byTeam: false });
  return { schedule, limitSeconds, seconds: stats.elapsedMs / 1000, iterations: stats.iterations, violations: checkSchedule(problem, schedule).violations };
}

/** What every row carries besides its set's measures. */
export interface RunRow {
  instance: string;
  family: string;
  size: number;
  visits: number;
  limitSeconds: number | null;
  seconds: number | null;
  iterations: number | null;
  unassigned: number | null;
  /** Checker violations (FORMAT rules); must be none. */
  violations: Violation[];
  /** Broken rules of the benchmark itself, as its evaluator finds them in our routes. */
  ruleBreaks: string[];
  gap: number | null;
  error: string | null;
}

function baseRow(instance: string, family: string, size: number, visits: number): RunRow {
  return { instance, family, size, visits, limitSeconds: null, seconds: null, iterations: null, unassigned: null, violations: [], ruleBreaks: [], gap: null, error: null };
}

function fillRun(row: RunRow, run: SolveRun): void {
  row.limitSeconds = run.limitSeconds;
  row.seconds = run.seconds;
  row.iterations = run.iterations;
  row.unassigned = run.schedule.unassigned.length;
  row.violations = run.violations;
}

/** Relative gap to a reference in percent; null without one. */
export function gapPercent(ours: number, reference: number | null): number | null {
  if (reference === null || !(reference > 0)) return null;
  return ((ours - reference) / reference) * 100;
}

async function filesIn(dir: string, pattern: RegExp): Promise<string[]> {
  const names = await readdir(externalPath(dir));
  return names.filter((n) => pattern.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Logged as each instance finishes, so a long run shows where it is. */
export type Progress = (line: string) => void;

// ── Mankowska et al. (2014) ─────────────────────────────────────────────────

export interface BksRow {
  label: string;
  lowerBound: number | null;
  bestKnown: number | null;
  source: string;
  /** The components of the multi-neighbourhood SA solution (iolab-uniud) recomputed in bks.csv. */
  reference: { travel: number; totalTardiness: number; maxTardiness: number } | null;
}

/** bks.csv by instance file; empty cells are null. */
export function parseBks(text: string): Map<string, BksRow> {
  const [header, ...lines] = text.trim().split(/\r?\n/).map((l) => l.split(','));
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`bks.csv has no column ${name}`);
    return i;
  };
  const num = (cells: string[], name: string) => {
    const cell = cells[col(name)]?.trim() ?? '';
    return cell === '' ? null : Number(cell);
  };
  const out = new Map<string, BksRow>();
  for (const cells of lines) {
    const travel = num(cells, 'mnsa_travel');
    const total = num(cells, 'mnsa_total_tardiness');
    const max = num(cells, 'mnsa_max_tardiness');
    out.set(cells[col('instance_file')], {
      label: cells[col('label')],
      lowerBound: num(cells, 'lb_mankowska2014'),
      bestKnown: num(cells, 'best_known'),
      source: cells[col('best_known_source')] ?? '',
      reference: travel !== null && total !== null && max !== null ? { travel, totalTardiness: total, maxTardiness: max } : null,
    });
  }
  return out;
}

export interface MankowskaRow extends RunRow {
  label: string;
  objective: number | null;
  travel: number | null;
  totalTardiness: number | null;
  maxTardiness: number | null;
  bestKnown: number | null;
  bestKnownSource: string;
  lowerBound: number | null;
  reference: BksRow['reference'];
}

/** Published objectives carry two decimals: within half a cent is "at" the best known. */
export function atBest(objective: number | null, best: number | null): boolean {
  return objective !== null && best !== null && Math.round(objective * 100) <= Math.round(best * 100);
}

export async function runMankowska(opts: RunOptions, progress: Progress): Promise<MankowskaRow[]> {
  const bks = parseBks(await readExternal(`${MANKOWSKA_DIR}bks.csv`));
  const rows: MankowskaRow[] = [];
  for (const file of await filesIn(MANKOWSKA_DIR, /^Instanz.*\.txt$/)) {
    const known = bks.get(file);
    const label = known?.label ?? '';
    const family = label.replace(/\d+$/, '') || '?';
    const instance = await loadMankowska(file);
    const size = instance.patients.length;
    if (!selected(opts, family, size)) continue;
    const problem = convertMankowska(instance);
    const row: MankowskaRow = {
      ...baseRow(file.replace(/\.txt$/, ''), family, size, problem.visits.length),
      label,
      objective: null,
      travel: null,
      totalTardiness: null,
      maxTardiness: null,
      bestKnown: known?.bestKnown ?? null,
      bestKnownSource: known?.source ?? '',
      lowerBound: known?.lowerBound ?? null,
      reference: known?.reference ?? null,
    };
    try {
      const run = solveAndCheck(problem, secondsFor(size, opts.limits), opts.seed);
      fillRun(row, run);
      const e = evaluateMankowska(instance, run.schedule);
      row.objective = e.objective;
      row.travel = e.travel;
      row.totalTardiness = e.totalTardiness;
      row.maxTardiness = e.maxTardiness;
      row.ruleBreaks = e.violations;
      row.gap = gapPercent(e.objective, row.bestKnown);
    } catch (err) {
      row.error = (err as Error).message;
    }
    progress(`mankowska ${label || '-'} ${row.instance}: ${summary(row, row.objective)}`);
    rows.push(row);
  }
  return rows;
}

function summary(row: RunRow, objective: number | null): string {
  if (row.error) return `error: ${row.error}`;
  const gap = row.gap === null ? '' : ` (gap ${fixed(row.gap)} %)`;
  return `${fixed(objective)}${gap}, ${fixed(row.seconds, 1)} s, ${row.violations.length} violations, ${row.ruleBreaks.length} rule breaks`;
}

// ── UHHC (Ceschia et al.) ───────────────────────────────────────────────────

/** The measures of one set of routes over the converted patients. */
export interface UhhcSummary {
  /**
   * The instance's weights on what the conversion models: travel, tardiness, services by
   * a caregiver not preferred, optional patients left unserved (of the converted ones).
   * Waiting, idle time, overtime and lunch are left out: our shifts and breaks are hard.
   */
  cost: number;
  travel: number;
  totalTardiness: number;
  maxTardiness: number;
  preferredShare: number | null;
  services: number;
  unservedOptional: number;
}

export interface UhhcRow extends RunRow {
  patients: number;
  leftOut: UhhcLeftOut[];
  ours: UhhcSummary | null;
  /** The shipped simulated-annealing solution, restricted to the converted patients. */
  shipped: UhhcSummary | null;
  shippedFile: string | null;
  /**
   * Ours on the same work as the shipped solution: the optional patients it left unserved
   * taken out, so that travel and the preferred share compare like with like.
   */
  sameWork: UhhcSummary | null;
}

function uhhcSummary(instance: UhhcInstance, e: UhhcEvaluation, converted: Set<string>): UhhcSummary {
  const optional = new Set(instance.patients.filter((p) => p.optional).map((p) => p.id));
  const unservedOptional = e.unscheduledPatients.filter((p) => converted.has(p) && optional.has(p)).length;
  const w = e.weighted;
  return {
    cost: w.travel_time + w.total_tardiness + w.highest_tardiness + w.preferences + uhhcWeight(instance, 'optional_patients') * unservedOptional,
    travel: e.travel,
    totalTardiness: e.totalTardiness,
    maxTardiness: e.maxTardiness,
    preferredShare: e.preferredShare,
    services: e.services,
    unservedOptional,
  };
}

/**
 * A shipped solution cut down to the converted patients: their services, and lunches
 * taken at their homes or at a terminal; a lunch at a left-out patient's home is dropped,
 * which leaves the caregiver where they were.
 */
export function restrictSolution(solution: IolabSolution, leftOut: ReadonlySet<string>): IolabSolution {
  return {
    ...solution,
    routes: solution.routes.map((r) => ({ ...r, stops: r.stops.filter((s) => !leftOut.has(s.patient)) })),
  };
}

/** The problem without the given recipients and their visits. */
function withoutRecipients(problem: DayProblem, ids: ReadonlySet<string>): DayProblem {
  return {
    ...problem,
    recipients: problem.recipients.filter((r) => !ids.has(r.id)),
    visits: problem.visits.filter((v) => !ids.has(v.recipient)),
  };
}

export const uhhcFamily = (file: string) => (file.startsWith('i-') ? 'validation' : 'generated');

export async function runUhhc(opts: RunOptions, progress: Progress): Promise<UhhcRow[]> {
  const all = await filesIn(UHHC_DIR, /\.json$/);
  const rows: UhhcRow[] = [];
  for (const file of all.filter((f) => !f.startsWith('sol-'))) {
    const name = file.replace(/\.json$/, '');
    const instance = await loadUhhc(file);
    const { problem, leftOut } = convertUhhc(instance);
    const family = uhhcFamily(file);
    const size = problem.recipients.length;
    if (!selected(opts, family, size)) continue;
    const shippedFile = all.find((f) => f.startsWith(`sol-${name}-`)) ?? null;
    const row: UhhcRow = { ...baseRow(name, family, size, problem.visits.length), patients: instance.patients.length, leftOut, ours: null, shipped: null, shippedFile, sameWork: null };
    const converted = new Set(problem.recipients.map((r) => r.id));
    try {
      let unservedByShipped: Set<string> | null = null;
      if (shippedFile && converted.size > 0) {
        const solution = restrictSolution(await loadIolabSolution(UHHC_DIR + shippedFile), new Set(leftOut.map((l) => l.patient)));
        const e = evaluateUhhcSolution(instance, solution);
        row.shipped = uhhcSummary(instance, e, converted);
        unservedByShipped = new Set(e.unscheduledPatients.filter((p) => converted.has(p)));
      }
      if (problem.visits.length > 0) {
        const limit = secondsFor(size, opts.limits);
        const run = solveAndCheck(problem, limit, opts.seed);
        fillRun(row, run);
        const e = evaluateUhhcSchedule(instance, run.schedule);
        row.ours = uhhcSummary(instance, e, converted);
        row.ruleBreaks = e.violations;
        row.gap = row.shipped ? gapPercent(row.ours.cost, row.shipped.cost) : null;
        if (unservedByShipped && unservedByShipped.size > 0) {
          const same = solveAndCheck(withoutRecipients(problem, unservedByShipped), limit, opts.seed);
          row.violations = [...row.violations, ...same.violations];
          const served = new Set([...converted].filter((p) => !unservedByShipped.has(p)));
          const sameEvaluation = evaluateUhhcSchedule(instance, same.schedule);
          row.sameWork = uhhcSummary(instance, sameEvaluation, served);
          row.ruleBreaks = [...row.ruleBreaks, ...sameEvaluation.violations];
        }
      }
    } catch (err) {
      row.error = (err as Error).message;
    }
    progress(`uhhc ${name}: ${problem.visits.length === 0 ? 'nothing converted' : summary(row, row.ours?.cost ?? null)}`);
    rows.push(row);
  }
  return rows;
}

// ── Bredström & Rönnqvist (2008) ────────────────────────────────────────────

export interface BredstromRow extends RunRow {
  vehicles: number;
  synchronised: number;
  travel: number | null;
  /** The book's tour, timed and measured by the same evaluator: a yardstick, not an optimum. */
  book: number | null;
  bookRuleBreaks: string[];
}

export const bredstromFamily = (name: string) => /([A-Z])$/.exec(name)?.[1] ?? '?';

export async function runBredstrom(opts: RunOptions, progress: Progress): Promise<BredstromRow[]> {
  const all = await filesIn(BREDSTROM_DIR, /\.txt$/);
  const rows: BredstromRow[] = [];
  for (const file of all.filter((f) => f.startsWith('Bred_'))) {
    const name = file.replace(/\.txt$/, '');
    const instance = await loadBredstrom(file);
    const family = bredstromFamily(name);
    const size = instance.processing.length;
    if (!selected(opts, family, size)) continue;
    const problem = convertBredstrom(instance);
    const row: BredstromRow = {
      ...baseRow(name, family, size, problem.visits.length),
      vehicles: instance.vehicles,
      synchronised: instance.synchronised.length,
      travel: null,
      book: null,
      bookRuleBreaks: [],
    };
    try {
      const tourFile = all.find((f) => f === `tournee_${name}_GC.txt`);
      if (tourFile) {
        const book = evaluateBredstromRoutes(instance, timeBredstromTour(instance, await loadBredstromTour(tourFile)));
        row.book = book.travel;
        row.bookRuleBreaks = book.violations;
      }
      const run = solveAndCheck(problem, secondsFor(size, opts.limits), opts.seed);
      fillRun(row, run);
      const e = evaluateBredstrom(instance, run.schedule);
      row.travel = e.travel;
      row.ruleBreaks = e.violations;
      row.gap = gapPercent(e.travel, row.book);
    } catch (err) {
      row.error = (err as Error).message;
    }
    progress(`bredstrom ${name}: ${summary(row, row.travel)}`);
    rows.push(row);
  }
  return rows;
}

// ── Tables ──────────────────────────────────────────────────────────────────

export function fixed(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  const text = x.toFixed(digits);
  // A value that rounds to zero prints without a sign: "-0.00" reads as a finding.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

const share = (x: number | null | undefined) => (x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)} %`);
const raw = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(Math.round(x * 1e6) / 1e6));

/** A column: its printed text, and its CSV cell (raw numbers); `csvOnly` columns are not printed. */
export interface Column<R> {
  header: string;
  text: (r: R) => string;
  csv?: (r: R) => string;
  csvOnly?: boolean;
}

export function markdownTable<R>(columns: Column<R>[], rows: R[]): string {
  const shown = columns.filter((c) => !c.csvOnly);
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(shown.map((c) => c.header)), line(shown.map(() => '---')), ...rows.map((r) => line(shown.map((c) => c.text(r))))].join('\n');
}

function csvCell(text: string): string {
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvTable<R>(columns: Column<R>[], rows: R[]): string {
  const header = columns.map((c) => csvCell(c.header.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')));
  const body = rows.map((r) => columns.map((c) => csvCell((c.csv ?? c.text)(r))).join(','));
  return `${[header.join(','), ...body].join('\n')}\n`;
}

/** Violation counts by code, e.g. `dependency_gap:1;wrong_stop_travel:14`. */
export function violationCodes(violations: readonly Violation[]): string {
  const counts = new Map<string, number>();
  for (const v of violations) counts.set(v.code, (counts.get(v.code) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${code}:${n}`).join(';');
}

function runColumns<R extends RunRow>(): Column<R>[] {
  return [
    { header: 'seconds', text: (r) => fixed(r.seconds, 1), csv: (r) => raw(r.seconds) },
    { header: 'limit s', text: (r) => fixed(r.limitSeconds, 0), csv: (r) => raw(r.limitSeconds), csvOnly: true },
    { header: 'iterations', text: (r) => (r.iterations === null ? '-' : String(r.iterations)), csv: (r) => raw(r.iterations), csvOnly: true },
    { header: 'unassigned', text: (r) => (r.unassigned === null ? '-' : String(r.unassigned)), csv: (r) => raw(r.unassigned), csvOnly: true },
    { header: 'violations', text: (r) => (r.error ? 'error' : String(r.violations.length)) },
    { header: 'violation codes', text: (r) => violationCodes(r.violations), csvOnly: true },
    { header: 'rule breaks', text: (r) => (r.error ? 'error' : String(r.ruleBreaks.length)) },
    { header: 'error', text: (r) => r.error ?? '', csvOnly: true },
  ];
}

export const MANKOWSKA_COLUMNS: Column<MankowskaRow>[] = [
  { header: 'instance', text: (r) => `${r.label} ${r.instance.replace(/^Instanz(CPLEX|VNS)_HCSRP_/, '')}`.trim(), csv: (r) => r.instance },
  { header: 'label', text: (r) => r.label, csvOnly: true },
  { header: 'family', text: (r) => r.family, csvOnly: true },
  { header: 'patients', text: (r) => String(r.size) },
  { header: 'visits', text: (r) => String(r.visits), csvOnly: true },
  { header: 'objective', text: (r) => fixed(r.objective), csv: (r) => raw(r.objective) },
  { header: 'best known', text: (r) => `${fixed(r.bestKnown)}${r.bestKnownSource ? ` (${r.bestKnownSource})` : ''}`, csv: (r) => raw(r.bestKnown) },
  { header: 'best known source', text: (r) => r.bestKnownSource, csvOnly: true },
  { header: 'lower bound', text: (r) => fixed(r.lowerBound), csv: (r) => raw(r.lowerBound), csvOnly: true },
  { header: 'gap %', text: (r) => fixed(r.gap), csv: (r) => raw(r.gap) },
  { header: 'travel', text: (r) => fixed(r.travel), csv: (r) => raw(r.travel) },
  { header: 'tardiness', text: (r) => fixed(r.totalTardiness), csv: (r) => raw(r.totalTardiness) },
  { header: 'max tardiness', text: (r) => fixed(r.maxTardiness), csv: (r) => raw(r.maxTardiness) },
  {
    header: 'SA ref travel / tard. / max',
    text: (r) => (r.reference ? `${fixed(r.reference.travel)} / ${fixed(r.reference.totalTardiness)} / ${fixed(r.reference.maxTardiness)}` : '-'),
    csv: (r) => (r.reference ? `${raw(r.reference.travel)};${raw(r.reference.totalTardiness)};${raw(r.reference.maxTardiness)}` : ''),
  },
  ...runColumns<MankowskaRow>(),
];

export const UHHC_COLUMNS: Column<UhhcRow>[] = [
  { header: 'instance', text: (r) => r.instance },
  { header: 'family', text: (r) => r.family, csvOnly: true },
  { header: 'patients converted', text: (r) => `${r.size} of ${r.patients}`, csv: (r) => String(r.size) },
  { header: 'patients', text: (r) => String(r.patients), csvOnly: true },
  { header: 'visits', text: (r) => String(r.visits) },
  { header: 'objective', text: (r) => fixed(r.ours?.cost), csv: (r) => raw(r.ours?.cost) },
  { header: 'SA objective', text: (r) => fixed(r.shipped?.cost), csv: (r) => raw(r.shipped?.cost) },
  { header: 'gap %', text: (r) => fixed(r.gap), csv: (r) => raw(r.gap) },
  { header: 'travel', text: (r) => `${fixed(r.ours?.travel)} / ${fixed(r.shipped?.travel)}`, csv: (r) => raw(r.ours?.travel) },
  { header: 'SA travel', text: () => '', csv: (r) => raw(r.shipped?.travel), csvOnly: true },
  { header: 'tardiness', text: (r) => `${fixed(r.ours?.totalTardiness)} / ${fixed(r.shipped?.totalTardiness)}`, csv: (r) => raw(r.ours?.totalTardiness) },
  { header: 'SA tardiness', text: () => '', csv: (r) => raw(r.shipped?.totalTardiness), csvOnly: true },
  { header: 'max tardiness', text: () => '', csv: (r) => raw(r.ours?.maxTardiness), csvOnly: true },
  { header: 'SA max tardiness', text: () => '', csv: (r) => raw(r.shipped?.maxTardiness), csvOnly: true },
  { header: 'preferred share', text: (r) => `${share(r.ours?.preferredShare)} / ${share(r.shipped?.preferredShare)}`, csv: (r) => raw(r.ours?.preferredShare) },
  { header: 'SA preferred share', text: () => '', csv: (r) => raw(r.shipped?.preferredShare), csvOnly: true },
  { header: 'services', text: (r) => `${r.ours?.services ?? '-'} / ${r.shipped?.services ?? '-'}`, csv: (r) => raw(r.ours?.services) },
  { header: 'SA services', text: () => '', csv: (r) => raw(r.shipped?.services), csvOnly: true },
  { header: 'unserved optional', text: () => '', csv: (r) => raw(r.ours?.unservedOptional), csvOnly: true },
  { header: 'SA unserved optional', text: () => '', csv: (r) => raw(r.shipped?.unservedOptional), csvOnly: true },
  { header: 'left out', text: (r) => leftOutText(r.leftOut), csvOnly: true },
  { header: 'same work: travel', text: (r) => (r.sameWork ? `${fixed(r.sameWork.travel)} / ${fixed(r.shipped?.travel)}` : '-'), csv: (r) => raw(r.sameWork?.travel) },
  { header: 'same work: preferred share', text: (r) => (r.sameWork ? `${share(r.sameWork.preferredShare)} / ${share(r.shipped?.preferredShare)}` : '-'), csv: (r) => raw(r.sameWork?.preferredShare) },
  { header: 'same work: objective', text: () => '', csv: (r) => raw(r.sameWork?.cost), csvOnly: true },
  ...runColumns<UhhcRow>(),
];

export const BREDSTROM_COLUMNS: Column<BredstromRow>[] = [
  { header: 'instance', text: (r) => r.instance },
  { header: 'family', text: (r) => r.family, csvOnly: true },
  { header: 'visits', text: (r) => String(r.size) },
  { header: 'vehicles', text: (r) => String(r.vehicles) },
  { header: 'synchronised pairs', text: (r) => String(r.synchronised), csvOnly: true },
  { header: 'travel', text: (r) => fixed(r.travel), csv: (r) => raw(r.travel) },
  { header: 'book tour', text: (r) => fixed(r.book), csv: (r) => raw(r.book) },
  { header: 'gap %', text: (r) => fixed(r.gap), csv: (r) => raw(r.gap) },
  ...runColumns<BredstromRow>(),
];

/** `multiple_time_windows: p1 p2 …`, one group per reason. */
export function leftOutText(leftOut: readonly UhhcLeftOut[]): string {
  const byReason = new Map<string, string[]>();
  for (const l of leftOut) byReason.set(l.reason, [...(byReason.get(l.reason) ?? []), l.patient]);
  return [...byReason].map(([reason, ids]) => `${reason}: ${ids.join(' ')}`).join('; ');
}

export interface FamilyMean {
  family: string;
  instances: number;
  /** Mean gap over the family's rows that have one; null when none has. */
  meanGap: number | null;
  withGap: number;
  /** The same over rows the set's own evaluator finds no broken rule in. */
  meanGapValid: number | null;
  atBest: number;
  withViolations: number;
  withRuleBreaks: number;
}

/** Rows without checker violations, broken benchmark rules or errors. */
export const clean = (r: RunRow) => r.violations.length === 0 && r.ruleBreaks.length === 0 && r.error === null;

/**
 * Mean gap per family (and over all when there are several). `isAtBest` counts only clean
 * rows: a schedule that breaks a rule is not at the best known, whatever its objective.
 */
export function familyMeans<R extends RunRow>(rows: R[], isAtBest: (r: R) => boolean = () => false): FamilyMean[] {
  const families = [...new Set(rows.map((r) => r.family))];
  const meanOf = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const mean = (family: string, of: R[]): FamilyMean => {
    const gaps = of.flatMap((r) => (r.gap === null ? [] : [r.gap]));
    return {
      family,
      instances: of.length,
      meanGap: meanOf(gaps),
      withGap: gaps.length,
      meanGapValid: meanOf(of.flatMap((r) => (r.gap === null || r.ruleBreaks.length > 0 || r.error !== null ? [] : [r.gap]))),
      atBest: of.filter((r) => clean(r) && isAtBest(r)).length,
      withViolations: of.filter((r) => r.violations.length > 0 || r.error !== null).length,
      withRuleBreaks: of.filter((r) => r.ruleBreaks.length > 0).length,
    };
  };
  const out = families.map((f) => mean(f, rows.filter((r) => r.family === f)));
  if (families.length > 1) out.push(mean('all', rows));
  return out;
}

export const FAMILY_COLUMNS: Column<FamilyMean>[] = [
  { header: 'family', text: (m) => m.family },
  { header: 'instances', text: (m) => String(m.instances) },
  { header: 'with a reference', text: (m) => String(m.withGap) },
  { header: 'mean gap %', text: (m) => fixed(m.meanGap), csv: (m) => raw(m.meanGap) },
  { header: 'mean gap % without rule breaks', text: (m) => fixed(m.meanGapValid), csv: (m) => raw(m.meanGapValid) },
  { header: 'at best known', text: (m) => String(m.atBest) },
  { header: 'with checker violations', text: (m) => String(m.withViolations) },
  { header: 'with rule breaks', text: (m) => String(m.withRuleBreaks) },
];

/** The violations and rule breaks of each row, a few examples per code unless `all`. */
export function problemReport(rows: RunRow[], all: boolean): string {
  const lines: string[] = [];
  const examples = all ? Number.POSITIVE_INFINITY : 3;
  for (const r of rows) {
    if (r.error) lines.push(`- ${r.instance}: error: ${r.error}`);
    if (r.violations.length > 0) {
      lines.push(`- ${r.instance}: ${r.violations.length} checker violations (${violationCodes(r.violations).replace(/;/g, ', ')})`);
      const shown = new Map<string, number>();
      for (const v of r.violations) {
        const n = shown.get(v.code) ?? 0;
        if (n < examples) lines.push(`  - ${v.code}${v.path ? ` at ${v.path}` : ''}: ${v.message}`);
        shown.set(v.code, n + 1);
      }
    }
    if (r.ruleBreaks.length > 0) {
      lines.push(`- ${r.instance}: ${r.ruleBreaks.length} benchmark rule breaks`);
      for (const b of r.ruleBreaks.slice(0, all ? undefined : 5)) lines.push(`  - ${b}`);
      if (!all && r.ruleBreaks.length > 5) lines.push(`  - … and ${r.ruleBreaks.length - 5} more`);
    }
  }
  return lines.join('\n');
}
