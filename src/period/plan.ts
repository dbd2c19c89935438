/**
 * Period planning (FORMAT §3, §6.18): expand the period into days and plan them in
 * order, each day's staff carried into the next day's `recentStaff`. With look-ahead,
 * a recipient meeting someone new today is steered towards staff who will also work on
 * the recipient's coming days of the same 14-day window: today's deputy who returns
 * tomorrow beats a stranger who never comes back, because the KPI counts faces.
 */
import type { DayProblem, KpiReport, PeriodProblem, PeriodSchedule, Schedule } from '../model/types.ts';
import { resolveSolveSettings, resolveWeights, solveDay, type SolveProgress } from '../solver/index.ts';
import { isEligible } from '../rules/eligibility.ts';
import { shiftCovers } from '../rules/coverage.ts';
import { computeKpi, MIN_AGE, type KpiRecipientInfo } from '../kpi/index.ts';
import type { PerformedRow } from '../kpi/types.ts';
import { DEFAULT_TIMEZONE, daysBetween } from '../time/index.ts';
import { expandPeriod, MemoClock } from './expand.ts';
import { StaffHistory } from './history.ts';

export interface PlanPeriodOptions {
  /** Search time per day (default: the period's `options.timeLimitSeconds`, else 5 s). */
  timeLimitMsPerDay?: number;
  iterationsPerDay?: number;
  seed?: number;
  /** Carry each day's staff into the next day's history (default true). */
  history?: boolean;
  /** Prefer new faces who return on the recipient's coming days (default true). */
  lookAhead?: boolean;
  /** How strongly look-ahead charges a new face, as a share of `newStaff` (default `LOOK_AHEAD_SHARE`). */
  lookAheadShare?: number;
  signal?: AbortSignal;
  onProgress?: (date: string, p: SolveProgress) => void;
  onDay?: (day: { date: string; index: number; days: number; problem: DayProblem; schedule: Schedule }) => void;
}

export const DEFAULT_DAY_SECONDS = 5;
/**
 * Share of `newStaff` charged for a new face by how little of the recipient's coming care they
 * can do. On the bundled periods (benchmarks/period.ts budgets) 5 against 0.6 lowers planned
 * U21401 from 10.56 to 9.94 (team, three seeds) and 10.98 to 10.54 (district), at up to 1.4
 * points of contactShare and about 2–3 % more unassigned visits; 3 gains less, and 8 no more
 * on the team period.
 */
export const LOOK_AHEAD_SHARE = 5;
const WINDOW_DAYS = 14;

/** For each day: recipient → staff → how many of that recipient's visits the staff member could make. */
interface DayCoverage {
  visits: Map<string, number>;
  byStaff: Map<string, Map<string, number>>;
}

function coverageOf(day: DayProblem): DayCoverage {
  const clock = new MemoClock(day.date, day.timezone ?? DEFAULT_TIMEZONE);
  const recipients = new Map(day.recipients.map((r) => [r.id, r]));
  const shifts = day.staff.map((s) => ({ staff: s, start: clock.minutes(s.shift.start), end: clock.minutes(s.shift.end) }));
  const visits = new Map<string, number>();
  const byStaff = new Map<string, Map<string, number>>();
  for (const v of day.visits) {
    const recipient = recipients.get(v.recipient)!;
    visits.set(v.recipient, (visits.get(v.recipient) ?? 0) + 1);
    const lo = clock.minutes(v.window.start);
    const hi = clock.minutes(v.window.end);
    let row = byStaff.get(v.recipient);
    if (!row) byStaff.set(v.recipient, (row = new Map()));
    for (const { staff, start, end } of shifts) {
      if (!shiftCovers(start, end, lo, hi, v.durationMinutes)) continue;
      if (!isEligible(staff, v, recipient)) continue;
      row.set(staff.id, (row.get(staff.id) ?? 0) + 1);
    }
  }
  return { visits, byStaff };
}

/** The first-meeting cost for day `index`: `charge` scaled by how little of the rest of the window s can cover. */
function lookAheadCost(day: DayProblem, coverage: DayCoverage[], index: number, startDate: string, charge: number) {
  const windowEnd = Math.min(coverage.length - 1, index + WINDOW_DAYS - 1 - (daysBetween(startDate, day.date) % WINDOW_DAYS));
  const recent = new Map(day.recipients.map((r) => [r.id, new Set((r.recentStaff ?? []).map((e) => e.staff))]));
  const memo = new Map<string, number>();
  return (recipientId: string, staffId: string): number => {
    if (recent.get(recipientId)?.has(staffId)) return 0;
    const key = `${recipientId}\u0000${staffId}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let total = 0;
    let covered = 0;
    for (let d = index + 1; d <= windowEnd; d++) {
      total += coverage[d].visits.get(recipientId) ?? 0;
      covered += coverage[d].byStaff.get(recipientId)?.get(staffId) ?? 0;
    }
    const cost = total === 0 ? 0 : charge * (1 - covered / total);
    memo.set(key, cost);
    return cost;
  };
}

/** The KPI of a planned period: one row per staff member per planned visit. */
export function plannedKpi(period: PeriodProblem, days: readonly Schedule[]): KpiReport {
  const roles = new Map(period.staff.map((s) => [s.id, s.role]));
  const visitTypes = new Map<string, string | undefined>();
  for (const plan of period.visitPlans ?? []) visitTypes.set(plan.id, plan.type);
  for (const v of period.visits ?? []) visitTypes.set(v.id, v.type);
  const rows: PerformedRow[] = [];
  for (const day of days) {
    for (const route of day.routes) {
      for (const stop of route.stops) {
        const type = visitTypes.get(stop.visit.split('@')[0]) ?? visitTypes.get(stop.visit);
        rows.push({
          recipient: stop.recipient,
          staff: route.staff,
          startMs: Date.parse(stop.start),
          endMs: Date.parse(stop.end),
          type: (type ?? 'personal_care') as PerformedRow['type'],
          staffRole: roles.get(route.staff),
        });
      }
    }
  }
  // A period carries no ages: recipients without a birthYear are taken as 65 or older,
  // the home-care population the indicator measures.
  const recipients: KpiRecipientInfo[] = period.recipients.map((r) => ({
    id: r.id,
    team: r.team ?? null,
    contact: r.contact ?? null,
    ...(r.birthYear !== undefined ? { birthYear: r.birthYear } : { age: MIN_AGE }),
  }));
  return computeKpi(rows, recipients, { from: period.startDate, timezone: period.timezone ?? DEFAULT_TIMEZONE });
}

/** Plans a validated period (`loadPeriodProblem` validates at the edge). */
export function planPeriod(period: PeriodProblem, options: PlanPeriodOptions = {}): PeriodSchedule {
  const days = expandPeriod(period);
  const { timeLimitMs, seed, iterations } = resolveSolveSettings(
    { timeLimitMs: options.timeLimitMsPerDay, seed: options.seed, iterations: options.iterationsPerDay },
    period.options,
    { timeLimitSeconds: DEFAULT_DAY_SECONDS },
  );
  const useHistory = options.history !== false;
  const lookAhead = options.lookAhead !== false;
  const history = new StaffHistory(period.recipients);
  const coverage = lookAhead ? days.map(coverageOf) : [];
  const lookAheadShare = options.lookAheadShare ?? LOOK_AHEAD_SHARE;
  if (!Number.isFinite(lookAheadShare) || lookAheadShare < 0) throw new RangeError(`lookAheadShare must not be negative, not ${lookAheadShare}`);
  const newFaceCharge = lookAheadShare * resolveWeights(period.objective).newStaff;
  const schedules: Schedule[] = [];
  days.forEach((plain, index) => {
    if (options.signal?.aborted) return;
    const day: DayProblem = useHistory ? { ...plain, recipients: history.recipientsOn(plain.recipients, plain.date) } : plain;
    const schedule = solveDay(day, {
      timeLimitMs,
      iterations,
      seed,
      signal: options.signal,
      meetCost: lookAhead ? lookAheadCost(day, coverage, index, period.startDate, newFaceCharge) : undefined,
      onProgress: options.onProgress ? (p) => options.onProgress!(day.date, p) : undefined,
    });
    if (useHistory) history.record(schedule);
    schedules.push(schedule);
    options.onDay?.({ date: day.date, index, days: days.length, problem: day, schedule });
  });
  return {
    format: 'kontinuitet/period-schedule@1',
    startDate: period.startDate,
    timezone: period.timezone ?? DEFAULT_TIMEZONE,
    days: schedules,
    kpi: plannedKpi(period, schedules),
  };
}
