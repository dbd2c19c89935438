/**
 * The study as the terminal shows it: one row per variant with its metrics, a second line
 * with the differences to the first variant, a note on the row of a variant that leaves
 * mandatory visits out; then the sweep (contact share against travel at each weight value)
 * and what each variant changed.
 */
import type { NumberFormat } from './numbers.ts';
import { travelPerPoint } from './tradeoff.ts';
import type { StudyMetrics, StudyResult } from './types.ts';

interface Column {
  header: string;
  show: (f: NumberFormat, m: StudyMetrics, cost: number) => string;
  diff: (f: NumberFormat, m: StudyMetrics, cost: number, first: StudyMetrics, firstCost: number) => string;
  periodOnly?: boolean;
}

const count = (header: string, pick: (m: StudyMetrics) => number): Column => ({
  header,
  show: (f, m) => f.number(pick(m)),
  diff: (f, m, _c, first) => f.signed(pick(m) - pick(first)),
});
const share = (header: string, pick: (m: StudyMetrics) => number | null): Column => ({
  header,
  show: (f, m) => f.percent(pick(m)),
  diff: (f, m, _c, first) => f.points(pick(m), pick(first)),
});
const mean = (header: string, pick: (m: StudyMetrics) => number | null | undefined, digits: number, periodOnly = false): Column => ({
  header,
  periodOnly,
  show: (f, m) => f.number(pick(m), digits),
  diff: (f, m, _c, first) => {
    const a = pick(m);
    const b = pick(first);
    return a === null || a === undefined || b === null || b === undefined ? '-' : f.signed(a - b, digits);
  },
});

const COLUMNS: Column[] = [
  count('made', (m) => m.assigned),
  count('left out', (m) => m.unassignedMandatory),
  share('contact', (m) => m.contactShare),
  share('reachable', (m) => m.contactReachableShare),
  share('contact/deputy', (m) => m.contactOrDeputyShare),
  mean('staff/recipient', (m) => m.distinctStaffMean, 2),
  mean('new/recipient', (m) => m.newStaffMean, 2),
  mean('U21401', (m) => m.U21401, 2, true),
  count('travel min', (m) => m.travelMinutes),
  count('service min', (m) => m.serviceMinutes),
  mean('paid h', (m) => m.paidMinutes / 60, 1),
  mean('car km', (m) => m.carKm, 1),
  {
    header: 'cost SEK',
    show: (f, _m, cost) => f.number(cost),
    diff: (f, _m, cost, _first, firstCost) => f.signed(cost - firstCost),
  },
];

/** Cells laid out in columns, two spaces apart: numbers right-aligned, the columns in `left` left-aligned. */
function layout(rows: string[][], left: ReadonlySet<number> = new Set([0])): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows.map((row) => row.map((cell, c) => (left.has(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd());
}

const LABEL_WIDTH = 28;

function clip(text: string): string {
  return text.length > LABEL_WIDTH ? `${text.slice(0, LABEL_WIDTH - 1)}…` : text;
}

/**
 * "! 9 mandatory visits left out" on a variant's row, and how many more than the first
 * variant: a staffing cut that drops care must not pass unseen.
 */
export function leftOutNote(m: StudyMetrics, first?: { label: string; metrics: StudyMetrics }): string {
  const n = m.unassignedMandatory;
  if (n === 0) return '';
  const more = first && first.metrics !== m && n > first.metrics.unassignedMandatory ? `, ${n - first.metrics.unassignedMandatory} more than ${first.label}` : '';
  return `! ${n} mandatory visit${n === 1 ? '' : 's'} left out${more}`;
}

export function formatStudy(result: StudyResult, f: NumberFormat): string {
  const columns = COLUMNS.filter((c) => !c.periodOnly || result.base.kind === 'period');
  const [first] = result.variants;
  const rows: string[][] = [['variant', ...columns.map((c) => c.header), '']];
  result.variants.forEach((v, i) => {
    rows.push([clip(v.label), ...columns.map((c) => c.show(f, v.metrics, v.costSek)), leftOutNote(v.metrics, first)]);
    if (i > 0) rows.push([`  vs ${clip(first.label)}`, ...columns.map((c) => c.diff(f, v.metrics, v.costSek, first.metrics, first.costSek)), '']);
  });
  const what = result.base.kind === 'day' ? `day ${result.base.date}` : `period of ${result.base.days} days from ${result.base.date}`;
  const budget = `${f.number(result.options.timeLimitSeconds, -1)} s${result.base.kind === 'period' ? ' a day' : ''}${result.options.iterations === undefined ? '' : ` or ${f.number(result.options.iterations)} iterations`}, seed ${result.options.seed}`;
  let out = `\nStudy of the ${what}: ${result.variants.length} variant${result.variants.length === 1 ? '' : 's'}, each planned with ${budget}\n`;
  out += `${layout(rows, new Set([0, columns.length + 1])).join('\n')}\n`;
  if (result.sweep.length > 0) out += `\n${formatSweep(result, f)}`;
  out += '\nWhat each variant changed\n';
  for (const v of result.variants) out += `  ${v.id}: ${v.applied}\n`;
  return out;
}

/**
 * The trade-off curve: one plan of the base per value of the weight, and what each step up
 * costs in travel for each percentage point of contact share it buys.
 */
function formatSweep(result: StudyResult, f: NumberFormat): string {
  const rows: string[][] = [[result.sweepWeight ?? 'value', 'contact', 'contact/deputy', 'staff/recipient', 'travel min', 'left out', 'cost SEK', 'travel min per +1 pp contact']];
  const perPoint = travelPerPoint(result.sweep.map((s) => s.metrics));
  result.sweep.forEach((s, i) => {
    rows.push([
      f.number(s.value, -1),
      f.percent(s.metrics.contactShare),
      f.percent(s.metrics.contactOrDeputyShare),
      f.number(s.metrics.distinctStaffMean, 2),
      f.number(s.metrics.travelMinutes),
      f.number(s.metrics.unassignedMandatory),
      f.number(s.costSek),
      f.number(perPoint[i], 1),
    ]);
  });
  return `Sweep of ${result.sweepWeight}: the base planned once per value\n${layout(rows).join('\n')}\n`;
}
