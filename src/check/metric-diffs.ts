/**
 * Reported metrics against recomputed ones. A schedule's metrics are its claims: each field
 * it gives is compared, one it leaves out is not. Every difference is listed; those in
 * counts and minute totals, which leave no room for reading, are violations too.
 */
import type { CheckedSchedule, Metrics } from '../model/types.ts';
import { NUMBER_TOLERANCE, TIME_TOLERANCE, type Violations } from './violations.ts';

export interface MetricDiff {
  field: string;
  reported: unknown;
  recomputed: unknown;
}

const COUNTS = ['visits', 'assigned', 'unassignedMandatory', 'unassignedOptional', 'borrowedVisits'] as const;
const MINUTES = ['travelMinutes', 'serviceMinutes', 'waitMinutes', 'lateMinutes', 'maxLateMinutes'] as const;
const SHARES = ['contactShare', 'contactOrDeputyShare', 'contactReachableShare'] as const;

/** `stops` scales the tolerance of minute figures read back from written times. */
export function diffMetrics(claimed: CheckedSchedule['metrics'], recomputed: Metrics, stops: number, out: Violations): MetricDiff[] {
  const diffs: MetricDiff[] = [];
  const reported = claimed ?? {};
  const minuteTolerance = TIME_TOLERANCE * Math.max(1, stops);
  const compare = (field: string, a: unknown, b: unknown, tolerance: number): boolean => {
    if (a === undefined || same(a, b, tolerance)) return true;
    diffs.push({ field, reported: a, recomputed: b });
    return false;
  };

  for (const key of COUNTS) {
    if (!compare(key, reported[key], recomputed[key], 0)) {
      out.add('metric_mismatch', `metrics.${key}`, `metrics.${key} is ${reported[key]}, but the schedule has ${recomputed[key]}`, []);
    }
  }
  for (const key of MINUTES) {
    if (!compare(key, reported[key], recomputed[key], minuteTolerance)) {
      out.add('metric_mismatch', `metrics.${key}`, `metrics.${key} is ${reported[key]}, but the routes give ${round(recomputed[key])}`, []);
    }
  }
  for (const key of SHARES) compare(key, reported[key], recomputed[key], NUMBER_TOLERANCE);
  for (const key of ['mean', 'median', 'max'] as const) {
    compare(`distinctStaffPerRecipient.${key}`, reported.distinctStaffPerRecipient?.[key], recomputed.distinctStaffPerRecipient[key], NUMBER_TOLERANCE);
  }
  compare('newStaffPerRecipient', reported.newStaffPerRecipient, recomputed.newStaffPerRecipient, NUMBER_TOLERANCE);

  for (const table of ['byRecipient', 'byStaff', 'byTeam'] as const) {
    if (reported[table] === undefined) continue;
    const mine = keyed(recomputed[table]);
    const theirs = keyed(reported[table]);
    for (const [id, row] of theirs) {
      const own = mine.get(id);
      if (!own) {
        diffs.push({ field: `${table}.${id}`, reported: row, recomputed: null });
        continue;
      }
      for (const [field, value] of Object.entries(row)) {
        if (field === 'id') continue;
        compare(`${table}.${id}.${field}`, value, own[field], field.endsWith('Minutes') ? minuteTolerance : NUMBER_TOLERANCE);
      }
    }
    for (const [id, row] of mine) {
      if (!theirs.has(id) && Number(row.visits) > 0) diffs.push({ field: `${table}.${id}`, reported: null, recomputed: row });
    }
  }
  return diffs;
}

/** §6.14: rows come as an object keyed by id or as a list of rows with an `id`. */
function keyed(rows: Metrics['byRecipient'] | Metrics['byStaff'] | Metrics['byTeam'] | undefined): Map<string, Record<string, unknown>> {
  if (!rows) return new Map();
  if (Array.isArray(rows)) return new Map(rows.map((row) => [row.id, row as Record<string, unknown>]));
  return new Map(Object.entries(rows as Record<string, Record<string, unknown>>));
}

function same(a: unknown, b: unknown, tolerance: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= tolerance;
  return a === b;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
