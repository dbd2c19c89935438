/**
 * Period planning (FORMAT §3, §6.18): expand the period into days and plan them in
 * order, each day's staff carried into the next day's `recentStaff`. With look-ahead,
 * a recipient meeting someone new today is steered towards staff who will also work on
 * the recipient's coming days of the same 14-day window: today's deputy who returns
 * tomorrow beats a stranger who never comes back, because the KPI counts faces. With
 * circles, the period is planned twice: a first plan on part of the budget shows who can be
 * sent to whom, and the second keeps each recipient to that small circle (`circle.ts`).
 */
import type { DayProblem, KpiReport, PeriodProblem, PeriodSchedule, Schedule } from '../model/types.ts';
import { resolveSolveSettings, resolveWeights, solveDay, type MeetCost, type SolveProgress } from '../solver/index.ts';
import { isEligible } from '../rules/eligibility.ts';
import { shiftCovers } from '../rules/coverage.ts';
import { computeKpi, MIN_AGE, type KpiRecipientInfo } from '../kpi/index.ts';
import type { PerformedRow } from '../kpi/types.ts';
import { DEFAULT_TIMEZONE, MemoClock, daysBetween } from '../time/index.ts';
import { expandPeriod } from './expand.ts';
import { circlesOf } from './circle.ts';
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
  /** Lend other teams' staff for visits a team leaves out (default true; see `SolveDayOptions.lend`). */
  lend?: boolean;
  /**
   * Plan twice and keep each recipient to the circle the first plan shows (`circle.ts`),
   * the first plan taking `CIRCLE_FIRST_SHARE` of each day's budget (default true).
   */
  circle?: boolean;
  /** What a visit by someone outside the recipient's circle costs (default `CIRCLE_OUTSIDE`). */
  circleOutside?: number;
  /** How strongly look-ahead charges a new face, as a share of `newStaff` (default `LOOK_AHEAD_SHARE`). */
  lookAheadShare?: number;
  signal?: AbortSignal;
  onProgress?: (date: string, p: SolveProgress) => void;
  /** Each planned day; `pass` is 1 for the first plan of a circle run, else 2 (the plan returned). */
  onDay?: (day: { date: string; index: number; days: number; pass: 1 | 2; problem: DayProblem; schedule: Schedule }) => void;
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
/**
 * Circles (`circle.ts`): the staff who made 80 % of a recipient's visits in the first plan, at
 * most 5, the contact first; a visit by someone else costs 150 (beyond the contact's 60: the
 * KPI counts every face, so a one-off visitor costs more than a longer walk). The first plan
 * takes a third of the budget, so a circle run costs what one plan does. On the team period at
 * 3,000 iterations a day: U21401 9.93 with look-ahead alone, 9.64 with circles at the same
 * budget (11.26 and 9.82 at 1,000). With a full first plan at 1,000 a day, an outside cost of
 * 40 gave 10.53, 80 gave 9.82, 150 gave 9.68 and 300 gave 10.10; a share of 0.85 or 0.9 and
 * circles of six to eight, 0.1 to 0.4 more than 0.8 and five.
 */
export const CIRCLE = true;
export const CIRCLE_RULE = { share: 0.8, size: 5 } as const;
export const CIRCLE_OUTSIDE = 150;
export const CIRCLE_FIRST_SHARE = 1 / 3;
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
  const budget = resolveSolveSettings(
    { timeLimitMs: options.timeLimitMsPerDay, seed: options.seed, iterations: options.iterationsPerDay },
    period.options,
    { timeLimitSeconds: DEFAULT_DAY_SECONDS },
  );
  const lookAheadShare = options.lookAheadShare ?? LOOK_AHEAD_SHARE;
  if (!Number.isFinite(lookAheadShare) || lookAheadShare < 0) throw new RangeError(`lookAheadShare must not be negative, not ${lookAheadShare}`);
  const coverage = options.lookAhead !== false ? days.map(coverageOf) : null;
  const plan = (pass: 1 | 2, share: number, visitCost?: MeetCost) =>
    planDays(period, days, pass, options, {
      timeLimitMs: Math.max(1, budget.timeLimitMs * share),
      iterations: budget.iterations === undefined ? undefined : Math.max(1, Math.round(budget.iterations * share)),
      seed: budget.seed,
      meetCharge: lookAheadShare * resolveWeights(period.objective).newStaff,
      coverage,
      visitCost,
    });
  let schedules: Schedule[];
  if (options.circle ?? CIRCLE) {
    const circles = circlesOf(period.recipients, plan(1, CIRCLE_FIRST_SHARE), CIRCLE_RULE);
    const outside = options.circleOutside ?? CIRCLE_OUTSIDE;
    schedules = plan(2, 1 - CIRCLE_FIRST_SHARE, (recipient, staff) => (circles.get(recipient)?.has(staff) === false ? outside : 0));
  } else {
    schedules = plan(2, 1);
  }
  return {
    format: 'kontinuitet/period-schedule@1',
    startDate: period.startDate,
    timezone: period.timezone ?? DEFAULT_TIMEZONE,
    days: schedules,
    kpi: plannedKpi(period, schedules),
  };
}

interface PassSettings {
  timeLimitMs: number;
  iterations: number | undefined;
  seed: number;
  /** `newStaff` × the look-ahead share: what a new face who never returns costs. */
  meetCharge: number;
  /** Look-ahead's coverage of each day, or null without look-ahead. */
  coverage: DayCoverage[] | null;
  visitCost?: MeetCost;
}

/** One plan of the period's days in order, history carried from day to day. */
function planDays(period: PeriodProblem, days: readonly DayProblem[], pass: 1 | 2, options: PlanPeriodOptions, settings: PassSettings): Schedule[] {
  const useHistory = options.history !== false;
  const history = new StaffHistory(period.recipients);
  const { coverage } = settings;
  const schedules: Schedule[] = [];
  days.forEach((plain, index) => {
    if (options.signal?.aborted) return;
    const day: DayProblem = useHistory ? { ...plain, recipients: history.recipientsOn(plain.recipients, plain.date) } : plain;
    const schedule = solveDay(day, {
      timeLimitMs: settings.timeLimitMs,
      iterations: settings.iterations,
      seed: settings.seed,
      signal: options.signal,
      meetCost: coverage ? lookAheadCost(day, coverage, index, period.startDate, settings.meetCharge) : undefined,
      visitCost: settings.visitCost,
      lend: options.lend,
      onProgress: options.onProgress ? (p) => options.onProgress!(day.date, p) : undefined,
    });
    if (useHistory) history.record(schedule);
    schedules.push(schedule);
    options.onDay?.({ date: day.date, index, days: days.length, pass, problem: day, schedule });
  });
  return schedules;
}
