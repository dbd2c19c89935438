/**
 * A KPI report (`kontinuitet/kpi@1`) prepared for drawing: the Kolada figures per window,
 * and for the window shown in full the distribution of distinct staff per counted
 * recipient, overall and per team. Pure; the numbers are the report's own.
 */
import type { KpiGroup, KpiReport, KpiWindow } from '../../model/types.ts';

export interface Histogram {
  /** `null` for all teams together. */
  team: string | null;
  /** Distinct staff counts 1…max, and how many counted recipients met that many. */
  bins: number[];
  counts: number[];
}

export interface KpiModel {
  windows: KpiWindow[];
  /** The window shown in full: the last whole one, else the last. */
  shown: KpiWindow;
  histograms: Histogram[];
  teams: { id: string; group: KpiGroup }[];
}

/** Counts of `values` at 1…max (at least 1…`minBins`). */
export function histogram(values: readonly number[], minBins = 1): { bins: number[]; counts: number[] } {
  const max = Math.max(minBins, ...values);
  const bins = Array.from({ length: max }, (_, i) => i + 1);
  const counts = bins.map(() => 0);
  for (const v of values) if (v >= 1) counts[v - 1] += 1;
  return { bins, counts };
}

export function prepareKpi(report: KpiReport): KpiModel {
  const whole = report.windows.filter((w) => !w.partial);
  const shown = whole.length > 0 ? whole[whole.length - 1] : report.windows[report.windows.length - 1];
  const counted = Object.values(shown.byRecipient).filter((r) => r.counted);
  const max = Math.max(1, ...counted.map((r) => r.distinctStaff));
  const teams = Object.keys(shown.byTeam).sort();
  const histograms: Histogram[] = [
    { team: null, ...histogram(counted.map((r) => r.distinctStaff), max) },
    ...(teams.length > 1 ? teams.map((team) => ({ team, ...histogram(counted.filter((r) => r.team === team).map((r) => r.distinctStaff), max) })) : []),
  ];
  return { windows: report.windows, shown, histograms, teams: teams.map((id) => ({ id, group: shown.byTeam[id] })) };
}
