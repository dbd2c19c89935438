/**
 * Planning the parts of a checked study: each variant's problem built with the engine's
 * hooks and solved (a day) or planned (a period, with the history, look-ahead and circles
 * `plan-period` uses), each sweep value's base solved with that weight, every plan with the
 * same budget and seed. In process and in a worker's child job alike, so that both give the
 * same plans under an iteration budget.
 */
import { InputError } from '../model/errors.ts';
import type { DayProblem } from '../model/types.ts';
import { resolveSolveSettings, solveDayWithStats, type SolveProgress, type SolveSettings } from '../solver/index.ts';
import { DEFAULT_DAY_SECONDS, planPeriod } from '../period/index.ts';
import { CIRCLE, CIRCLE_FIRST_SHARE } from '../period/plan.ts';
import { ProblemList } from '../validate/problems.ts';
import type { CheckedStudy } from './check.ts';
import { partId } from './check.ts';
import { suggestContactsOp } from './contacts.ts';
import { resolveCosts, type ResolvedCosts } from './cost.ts';
import { studyEntry, plannedServiceMinutes } from './metrics.ts';
import { buildVariant, UNCHANGED } from './ops.ts';
import type { StudyBase, StudyMetrics, StudyPart, StudyPlan, StudyVariant } from './types.ts';

/** The caller's budget and seed; each wins over the study's `options` (FORMAT rule 21). */
export interface StudyCaller {
  /** Per day for a period base. */
  timeLimitSeconds?: number;
  seed?: number;
  /** Per day for a period base. */
  iterations?: number;
}

/** The caller's value, else the study's `options`, else the base's, else the default (5 s a day for a period, as `plan-period`). */
export function studySettings(checked: CheckedStudy, caller: StudyCaller): SolveSettings {
  const given = checked.study.options;
  const seconds = caller.timeLimitSeconds ?? given?.timeLimitSeconds;
  return resolveSolveSettings(
    { timeLimitMs: seconds === undefined ? undefined : seconds * 1000, seed: caller.seed ?? given?.seed, iterations: caller.iterations ?? given?.iterations },
    checked.base.problem.options,
    checked.base.kind === 'period' ? { timeLimitSeconds: DEFAULT_DAY_SECONDS } : {},
  );
}

/** The settings as a problem's `options`, written into every plan's problem so that each one re-solves alike on its own. */
export function settingsAsOptions(settings: SolveSettings): NonNullable<DayProblem['options']> {
  return { timeLimitSeconds: settings.timeLimitMs / 1000, seed: settings.seed, ...(settings.iterations === undefined ? {} : { iterations: settings.iterations }) };
}

/** What one part adds to the result: the variant's `applied` (null for a sweep value), its metrics and cost. */
export interface PartOutcome {
  part: number;
  applied: string | null;
  metrics: StudyMetrics;
  costSek: number;
}

export interface PlannedPart {
  outcome: PartOutcome;
  /** The file stem of the part: the variant's id, or `sweep-<weight>-<value>`. */
  id: string;
  problem: StudyBase;
  plan: StudyPlan;
}

export interface PlanProgress {
  /** The part being planned, or `base` for the base plan a count removal ranks staff by. */
  id: string;
  /** Share of this plan done, 0 to 1. */
  fraction: number;
  solve: SolveProgress;
  /** The day being planned, for a period. */
  date?: string;
}

export interface PlannerRun {
  signal?: AbortSignal;
  progressEveryMs?: number;
  onProgress?: (p: PlanProgress) => void;
}

/** A count removal ranks staff by the base plan. */
function needsBasePlan(variant: StudyVariant): boolean {
  return (variant.apply ?? []).some((op) => op.op === 'remove_staff' && op.count !== undefined);
}

function unchanged(variant: StudyVariant): boolean {
  return (variant.apply ?? []).length === 0;
}

/** How many plans a study solves: one a part, and the base plan when a count removal needs it and no variant is the base itself. */
export function solvesOf(checked: CheckedStudy): number {
  const { variants } = checked.study;
  return checked.parts.length + (variants.some(needsBasePlan) && !variants.some(unchanged) ? 1 : 0);
}

export class StudyPlanner {
  readonly settings: SolveSettings;
  readonly costs: ResolvedCosts;
  /** Plans solved so far; a variant without ops reuses the base plan and solves nothing. */
  solves = 0;
  private readonly checked: CheckedStudy;
  private readonly run: PlannerRun;
  private readonly base: StudyBase;
  private basePlanned: StudyPlan | null = null;

  constructor(checked: CheckedStudy, caller: StudyCaller, run: PlannerRun = {}) {
    this.checked = checked;
    this.run = run;
    this.settings = studySettings(checked, caller);
    this.costs = resolveCosts(checked.study.costs);
    this.base = { ...checked.base, problem: { ...checked.base.problem, options: settingsAsOptions(this.settings) } } as StudyBase;
  }

  /** The base planned with the study's budget, once. */
  basePlan(id = 'base'): StudyPlan {
    this.basePlanned ??= this.solve(this.base, id);
    return this.basePlanned;
  }

  plan(index: number): PlannedPart {
    const part = this.checked.parts[index];
    const id = partId(this.checked.study, part);
    const { problem, applied } = part.kind === 'variant' ? this.variantProblem(part.index) : { problem: this.sweepProblem(part.index), applied: null };
    const plan = part.kind === 'variant' && unchanged(this.checked.study.variants[part.index]) ? this.basePlan(id) : this.solve(problem, id);
    return { outcome: { part: index, applied, ...studyEntry(problem, plan, this.costs) }, id, problem, plan };
  }

  private variantProblem(index: number): { problem: StudyBase; applied: string } {
    const variant = this.checked.study.variants[index];
    if (unchanged(variant)) return { problem: this.base, applied: UNCHANGED };
    const problems = new ProblemList();
    const plannedMinutes = needsBasePlan(variant) ? plannedServiceMinutes(this.basePlan(`base for ${variant.id}`)) : null;
    const built = buildVariant(this.checked.base, variant, ['variants', index], settingsAsOptions(this.settings), { plannedMinutes, suggest: suggestContactsOp }, problems, this.checked.baseWarnings);
    // Only what the check could not see: an op naming staff a count removal took.
    if (built === null) throw new InputError(problems.all(), 'invalid study');
    return { problem: { kind: this.base.kind, problem: built.problem } as StudyBase, applied: built.applied };
  }

  private sweepProblem(index: number): StudyBase {
    const { weight, values } = this.checked.study.sweep!;
    const problem = this.base.problem;
    return { kind: this.base.kind, problem: { ...problem, objective: { ...problem.objective, [weight]: values[index] } } } as StudyBase;
  }

  private solve(problem: StudyBase, id: string): StudyPlan {
    const { timeLimitMs, seed, iterations } = this.settings;
    const { signal, progressEveryMs, onProgress } = this.run;
    /** Share of one solve (a day, or a period's day) done: by time, or by iterations when that budget is given. */
    const within = (p: SolveProgress, share: number) =>
      Math.min(0.99, Math.max(p.elapsedMs / (timeLimitMs * share), iterations === undefined ? 0 : p.iterations / (iterations * share)));
    let plan: StudyPlan;
    if (problem.kind === 'day') {
      const { schedule } = solveDayWithStats(problem.problem, {
        timeLimitMs,
        seed,
        iterations,
        signal,
        progressEveryMs,
        onProgress: onProgress && ((p) => onProgress({ id, fraction: within(p, 1), solve: p })),
      });
      plan = { kind: 'day', schedule };
    } else {
      const days = problem.problem.days;
      // With circles a first plan takes CIRCLE_FIRST_SHARE of each day's budget (src/period/plan.ts).
      const passShare = (completed: number) => (CIRCLE ? (completed < days ? CIRCLE_FIRST_SHARE : 1 - CIRCLE_FIRST_SHARE) : 1);
      let done = 0;
      let completed = 0;
      const schedule = planPeriod(problem.problem, {
        timeLimitMsPerDay: timeLimitMs,
        iterationsPerDay: iterations,
        seed,
        signal,
        onProgress: onProgress && ((date, p) => onProgress({ id, date, fraction: Math.min(0.99, done + (within(p, passShare(completed)) * passShare(completed)) / days), solve: p })),
        onDay: () => {
          done += passShare(completed) / days;
          completed++;
        },
      });
      plan = { kind: 'period', schedule };
    }
    this.solves++;
    return plan;
  }
}
