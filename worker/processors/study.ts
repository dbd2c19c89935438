/**
 * A study on a worker: each `study-plan` child plans one part of the study (a variant or a
 * sweep value) exactly as `kontinuitet study` plans it in process; the `study` parent
 * assembles the result from its children's outcomes.
 */
import { InputError } from '../../src/model/errors.ts';
import { StudyPlanner, checkStudy, resolveCosts, studyResult, studySettings, type PartOutcome, type StudyResult } from '../../src/study/index.ts';
import { StudyPartResultShape, type StudyData, type StudyPartData } from '../jobs.ts';
import { PROGRESS_EVERY_MS, type JobProgress, type SolveContext } from './solve.ts';

/** A child's progress: the solver's fields, the part and how far its plan is. */
export type StudyJobProgress = JobProgress & { variant: string; fraction: number };

function caller(data: Pick<StudyData, 'timeLimitSeconds' | 'iterations' | 'seed'>) {
  return { timeLimitSeconds: data.timeLimitSeconds, iterations: data.iterations, seed: data.seed };
}

/** The variant a part plans, if it plans one: the only variant its child needs built in the check. */
function variantOf(study: Record<string, unknown>, part: number): number[] {
  const variants = Array.isArray(study.variants) ? study.variants.length : 0;
  return part < variants ? [part] : [];
}

export function studyPlanJob(data: StudyPartData, ctx: SolveContext): PartOutcome {
  const checked = checkStudy(data.study, {}, { build: variantOf(data.study, data.part) });
  if (data.parts !== checked.parts.length || data.part >= checked.parts.length) {
    throw new InputError([{ path: 'part', message: `${data.part} of ${data.parts} is not a part of this study, which has ${checked.parts.length}`, severity: 'error' }], 'invalid study-plan job');
  }
  const planner = new StudyPlanner(checked, caller(data), {
    signal: ctx.signal,
    progressEveryMs: PROGRESS_EVERY_MS,
    onProgress: (p) => {
      const progress: StudyJobProgress = { ...p.solve, date: p.date, variant: p.id, fraction: p.fraction };
      ctx.progress(progress);
    },
  });
  return planner.plan(data.part).outcome;
}

/**
 * The result from the children's outcomes. A part missing or doubled means the job was not
 * added as the flow `QueueClient.add` builds: an input error, not worth a retry.
 */
export function studyJob(data: StudyData, childValues: Record<string, unknown>): StudyResult {
  const checked = checkStudy(data.study, {}, { build: [] });
  const outcomes = Object.values(childValues).map((v) => StudyPartResultShape.parse(v) as PartOutcome);
  const seen = new Set(outcomes.map((o) => o.part));
  const expected = checked.parts.length;
  if (outcomes.length !== expected || seen.size !== expected) {
    const message = `expected ${expected} plans, got ${outcomes.length} (${seen.size} distinct): add a study as a flow (kontinuitet enqueue --job study)`;
    throw new InputError([{ path: '(children)', message, severity: 'error' }], 'invalid study job');
  }
  return studyResult(checked, studySettings(checked, caller(data)), resolveCosts(checked.study.costs), outcomes);
}
