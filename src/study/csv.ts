/**
 * The study as a table for a spreadsheet: one row per variant, then one per sweep value.
 * `sv` is what a Swedish Excel opens by a double click (semicolons, decimal commas, a UTF-8
 * byte-order mark so that å, ä and ö survive); `en` is commas and decimal points.
 */
import { ROLES } from '../model/schemas.ts';
import type { StudyMetrics, StudyResult } from './types.ts';

export const CSV_FORMATS = ['sv', 'en'] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];

type Cell = string | number | null | undefined;

/** Decimals kept per kind of number: shares and means to four, kilometres to metres, money to öre. */
const SHARE = 4;
const KM = 3;
const SEK = 2;

function metricCells(m: StudyMetrics, cost: number, period: boolean): Cell[] {
  const round = (n: number | null | undefined, digits: number) => (n === null || n === undefined ? null : Number(n.toFixed(digits)));
  return [
    m.visits,
    m.assigned,
    m.unassignedMandatory,
    round(m.contactShare, SHARE),
    round(m.contactReachableShare, SHARE),
    round(m.contactOrDeputyShare, SHARE),
    round(m.distinctStaffMean, SHARE),
    round(m.newStaffMean, SHARE),
    ...(period ? [round(m.U21401, SHARE)] : []),
    m.travelMinutes,
    m.serviceMinutes,
    m.paidMinutes,
    ...ROLES.map((role) => m.paidMinutesByRole[role] ?? 0),
    round(m.carKm, KM),
    round(cost, SEK),
  ];
}

/**
 * A text cell, quoted when it holds the separator, a quote or a line break. One that a
 * spreadsheet would read as a formula (=, +, -, @) starts with an apostrophe instead.
 */
function textCell(text: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function studyCsv(result: StudyResult, format: CsvFormat): string {
  const separator = format === 'sv' ? ';' : ',';
  const period = result.base.kind === 'period';
  const header = [
    'kind', 'id', 'label', 'sweepValue', 'applied',
    'visits', 'assigned', 'unassignedMandatory', 'contactShare', 'contactReachableShare', 'contactOrDeputyShare', 'distinctStaffMean', 'newStaffMean',
    ...(period ? ['U21401'] : []),
    'travelMinutes', 'serviceMinutes', 'paidMinutes', ...ROLES.map((role) => `paidMinutes.${role}`), 'carKm', 'costSek',
  ];
  const rows: Cell[][] = [
    ...result.variants.map((v) => ['variant', v.id, v.label, null, v.applied, ...metricCells(v.metrics, v.costSek, period)]),
    ...result.sweep.map((s) => ['sweep', result.sweepWeight, `${result.sweepWeight} = ${s.value}`, s.value, '', ...metricCells(s.metrics, s.costSek, period)]),
  ];
  const cell = (value: Cell): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return format === 'sv' ? String(value).replace('.', ',') : String(value);
    return textCell(value, separator);
  };
  const lines = [header, ...rows].map((row) => row.map(cell).join(separator));
  return `${format === 'sv' ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
