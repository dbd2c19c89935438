/**
 * Same-day re-planning (FORMAT §7): the day as it now stands (`now.ts`), solved starting
 * from the published schedule, with the stability weights keeping every visit that need
 * not move where it was. The new schedule's `replan` block says what moved; `reassigned`
 * (our addition) says for every visit that changed hands who took it and why.
 */
import type { Changes, CheckedSchedule, DayProblem, ReplanSummary, Schedule } from '../model/types.ts';
import { InputError, type InputProblem } from '../model/errors.ts';
import { refuseMismatches, scheduleMismatches, validateDayProblem } from '../validate/index.ts';
import { finishDay, resolveSolveSettings, solveTeam, type PlannedRoute, type SearchParams, type SolveProgress } from '../solver/index.ts';
import { dayAsItNowStands, type DayNow, type InputNames } from './now.ts';
import { describeChanges } from './describe.ts';

export { dayAsItNowStands, type DayNow, type InputNames, type PublishedVisit } from './now.ts';
export { knownStaff, newFaces, type NewFace, type Reassignment, type Taker } from './describe.ts';

/** A scheduler on the phone waits seconds: the warm start is there at once, the rest is polish. */
export const DEFAULT_REPLAN_SECONDS = 3;

export interface ReplanOptions {
  /** Default: the problem's `options.timeLimitSeconds`, else `DEFAULT_REPLAN_SECONDS` (FORMAT rule 21). */
  timeLimitMs?: number;
  iterations?: number;
  seed?: number;
  /** Overrides the changes' `now` (a `Time` of the plan date). */
  now?: string;
  /**
   * Start from the published schedule and keep it steady (default true). False plans the day
   * as it now stands from its frozen part alone, without the stability weights: the cold
   * re-solve the benchmark compares with.
   */
  warmStart?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: SolveProgress) => void;
  progressEveryMs?: number;
  params?: Partial<SearchParams>;
  /** How the inputs are named in messages (the command line gives file names). */
  names?: InputNames;
}

export interface Replan {
  /** The new schedule, with its `replan` block. */
  schedule: Schedule & { replan: ReplanSummary };
  /** The day as it now stands: what the new schedule is valid for (`kontinuitet check`). */
  day: DayProblem;
}

/** Problems of the day as it now stands are problems of the inputs it came from: their paths, not the day's. */
function inInputs(problems: InputProblem[], origin: DayNow['origin']): InputProblem[] {
  return problems.map((p) => {
    const m = /^(staff|visits)\[(\d+)\](?:\.([A-Za-z]+))?(.*)$/.exec(p.path);
    if (!m) return p;
    const i = Number(m[2]);
    const field = m[3] === undefined ? '' : `.${m[3]}`;
    const changedBy = m[1] === 'visits' && m[3] !== undefined ? origin.fields.get(`${origin.visitIds[i]}.${m[3]}`) : undefined;
    if (changedBy) return { ...p, path: `${changedBy}${m[4]}` };
    const from = (m[1] === 'staff' ? origin.staff : origin.visits)[i];
    return from === undefined ? p : { ...p, path: `${from}${field}${m[4]}` };
  });
}

/**
 * The day as it now stands, validated: the published schedule held to the day problem, the
 * changes applied, and the result a valid day problem. Every problem is an `InputError` at a
 * path of the inputs. What `replanDay` solves, and what the report holds a new schedule to.
 */
export function checkedDayNow(
  problem: DayProblem,
  published: CheckedSchedule,
  changes: Changes,
  options: Pick<ReplanOptions, 'names' | 'now'> = {},
): { now: DayNow; day: DayProblem } {
  const names = options.names ?? { problem: '', published: '', changes: '' };
  refuseMismatches(
    scheduleMismatches(published, problem, { file: names.published, prefix: '', problemFile: names.problem || 'the day problem' }),
    names.published || 'the published schedule',
    names.problem || 'the day problem',
  );
  const now = dayAsItNowStands(problem, published, changes, names, options.now ?? changes.now);
  const checked = validateDayProblem(now.day);
  if (!checked.ok) throw new InputError(inInputs(checked.problems, now.origin), 'the changes leave an invalid day');
  return { now, day: checked.value };
}

/** Re-plans a validated day (`loadDayProblem`), its published schedule and the changes (`loadChanges`). */
export function replanDay(problem: DayProblem, published: CheckedSchedule, changes: Changes, options: ReplanOptions = {}): Replan {
  const { now, day } = checkedDayNow(problem, published, changes, options);
  const { timeLimitMs, iterations, seed } = resolveSolveSettings(options, day.options, { timeLimitSeconds: DEFAULT_REPLAN_SECONDS });
  const warm = options.warmStart !== false;
  const t0 = performance.now();
  // One search over the whole day, also a district's: measured against team by team with
  // lending (README "Re-planning the day"), it places more of the freed care in the same time.
  const outcome = solveTeam(day, {
    timeLimitMs,
    iterations,
    seed,
    signal: options.signal,
    params: options.params,
    progressEveryMs: options.progressEveryMs,
    onProgress: options.onProgress,
    passed: now.passed,
    warmStart: warm ? now.plan : frozenPart(now),
    objective: warm ? undefined : { ...day.objective, changedStaff: 0, movedStartMinute: 0 },
  });
  const { schedule } = finishDay(day, [outcome], { seed, searchSeconds: (performance.now() - t0) / 1000 });
  const { summary, explanations } = describeChanges(day, now, published, schedule);
  return { schedule: { ...schedule, explanations, replan: summary }, day };
}

/** The published routes cut to what cannot change: frozen stops and breaks already taken. */
function frozenPart(now: DayNow): PlannedRoute[] {
  return now.plan.map((route) => ({
    staff: route.staff,
    nodes: route.nodes.filter((node) => ('visit' in node ? now.frozen.get(node.visit)?.includes(route.staff) === true : node.start < now.now)),
  }));
}
