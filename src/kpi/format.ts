/**
 * The KPI report for people and spreadsheets: `json` is the report itself, `csv` one row
 * per window and group (overall, then each team) at full precision, `table` a readable
 * summary rounded to one decimal.
 */
import { toJsonText } from '../io/index.ts';
import { KPI_EXCLUSION_REASONS } from '../model/schemas.ts';
import type { KpiGroup, KpiReport, KpiWindow } from '../model/types.ts';

export type KpiFormat = 'table' | 'json' | 'csv';
export const KPI_FORMATS: readonly KpiFormat[] = ['table', 'json', 'csv'];

const CSV_HEADER = [
  'window_from',
  'window_to',
  'partial',
  'group',
  'team',
  'recipients',
  'excluded',
  ...KPI_EXCLUSION_REASONS.map((r) => `excluded_${r}`),
  'U21401_mean',
  'U21402_median',
  'U21436_percent_over20',
  'min',
  'max',
  'over20',
  'shareOver20',
  'contactShare',
];

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function percentOver20(group: KpiGroup): number | null {
  return group.recipients === 0 ? null : (100 * group.over20) / group.recipients;
}

function csvRow(window: KpiWindow, level: 'overall' | 'team', team: string | null, group: KpiGroup): string {
  return [
    window.from,
    window.to,
    window.partial,
    level,
    team,
    group.recipients,
    group.excluded,
    ...KPI_EXCLUSION_REASONS.map((r) => group.excludedByReason[r] ?? 0),
    group.mean,
    group.median,
    percentOver20(group),
    group.min,
    group.max,
    group.over20,
    group.shareOver20,
    group.contactShare,
  ]
    .map(csvField)
    .join(',');
}

function toCsv(report: KpiReport): string {
  const lines = [CSV_HEADER.join(',')];
  for (const window of report.windows) {
    lines.push(csvRow(window, 'overall', null, window.overall));
    for (const [team, group] of Object.entries(window.byTeam)) lines.push(csvRow(window, 'team', team, group));
  }
  return `${lines.join('\n')}\n`;
}

function shown(value: number | null, suffix = ''): string {
  if (value === null) return '-';
  return `${Number.isInteger(value) ? String(value) : value.toFixed(1)}${suffix}`;
}

function reasons(group: KpiGroup): string {
  const parts = KPI_EXCLUSION_REASONS.filter((r) => group.excludedByReason[r]).map((r) => `${r} ${group.excludedByReason[r]}`);
  return parts.length === 0 ? String(group.excluded) : `${group.excluded} (${parts.join(', ')})`;
}

/** Columns padded to their widest cell: numbers to the right, the first and last to the left. */
function layout(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const last = widths.length - 1;
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 || c === last ? cell.padEnd(c === last ? 0 : widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

function windowTable(window: KpiWindow): string[] {
  const o = window.overall;
  const lines = [
    `Window ${window.from} to ${window.to}${window.partial ? ' (partial: the log does not cover all 14 days)' : ''}`,
    `  U21401 mean distinct staff:     ${shown(window.kolada.U21401)}`,
    `  U21402 median distinct staff:   ${shown(window.kolada.U21402)}`,
    `  U21436 % with over 20 staff:    ${shown(window.kolada.U21436)}`,
    `  Recipients counted ${o.recipients}, excluded ${reasons(o)}`,
    '',
  ];
  const header = ['group', 'counted', 'mean', 'median', 'min', 'max', 'over 20', '% over 20', 'contact share', 'excluded'];
  const row = (name: string, g: KpiGroup) => [
    name,
    String(g.recipients),
    shown(g.mean),
    shown(g.median),
    shown(g.min),
    shown(g.max),
    String(g.over20),
    shown(percentOver20(g)),
    g.contactShare === null ? '-' : shown(100 * g.contactShare, '%'),
    reasons(g),
  ];
  const rows = [header, row('overall', o), ...Object.entries(window.byTeam).map(([team, g]) => row(`team ${team}`, g))];
  return [...lines, ...layout(rows).map((l) => `  ${l}`)];
}

function toTable(report: KpiReport): string {
  const lines = [`Personalkontinuitet (Kolada method), ${report.timezone}, from ${report.from}`, ''];
  report.windows.forEach((window, i) => {
    if (i > 0) lines.push('');
    lines.push(...windowTable(window));
  });
  return `${lines.join('\n')}\n`;
}

export function formatKpi(report: KpiReport, format: KpiFormat): string {
  switch (format) {
    case 'json':
      return toJsonText(report);
    case 'csv':
      return toCsv(report);
    case 'table':
      return toTable(report);
  }
}
