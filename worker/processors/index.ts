/**
 * The sandboxed processor: BullMQ runs it in a worker thread (loaded through
 * `../processor.mjs`), so the solver's blocking search never holds up the lock renewal,
 * stalled checks and Redis traffic of the worker's main thread.
 *
 * Failure semantics: invalid job data or an invalid problem → `UnrecoverableError` with
 * every validation message (failed at once, no retry); a cancel request → unrecoverable
 * `cancelled`; a shutdown past its grace period → the job goes back to the wait list
 * untouched; anything else is thrown as it is and retried with backoff.
 */
import type { SandboxedJob } from 'bullmq';
import { InputError } from '../../src/model/errors.ts';
import { CANCELLED_FAILURE, INPUT_FAILURE, SHUTDOWN_REASON, isJobName, parseJobData, type JobName } from '../jobs.ts';
import { kpiJob } from './kpi.ts';
import { planPeriodJob } from './period.ts';
import { UnrecoverableError, WaitingError } from './errors.ts';
import { pollingSignal } from './signal.ts';
import { solveDayJob, solveDistrictJob, solveTeamJob, type SolveContext } from './solve.ts';
import { replanDayJob } from './replan.ts';
import { studyJob, studyPlanJob } from './study.ts';

async function run(name: JobName, job: SandboxedJob, ctx: SolveContext): Promise<unknown> {
  switch (name) {
    case 'solve-day':
      return solveDayJob(parseJobData(name, job.data), ctx);
    case 'solve-team':
      return solveTeamJob(parseJobData(name, job.data), ctx);
    case 'solve-district':
      return solveDistrictJob(parseJobData(name, job.data), await job.getChildrenValues());
    case 'replan-day':
      return replanDayJob(parseJobData(name, job.data), ctx);
    case 'plan-period':
      return planPeriodJob(parseJobData(name, job.data), ctx);
    case 'kpi':
      return kpiJob(parseJobData(name, job.data));
    case 'study-plan':
      return studyPlanJob(parseJobData(name, job.data), ctx);
    case 'study':
      return studyJob(parseJobData(name, job.data), await job.getChildrenValues());
  }
}

/** The failure a job records for an invalid input: a heading, then one `path: message` line each. */
export function inputFailure(err: InputError): UnrecoverableError {
  const errors = err.problems.filter((p) => p.severity === 'error');
  const what = err.message.split('\n')[0].replace(/:$/, '').replace(/^invalid /, '');
  const lines = err.problems.map((p) => `\n  ${p.severity === 'warning' ? 'warning ' : ''}${p.path}: ${p.message}`).join('');
  const failure = new UnrecoverableError(`${INPUT_FAILURE}: ${what} (${errors.length} problem${errors.length === 1 ? '' : 's'})${lines}`);
  // Own properties cross the thread boundary; the worker logs the count, never the messages.
  return Object.assign(failure, { problemCount: errors.length });
}

export default async function processJob(job: SandboxedJob, token?: string, signal?: AbortSignal): Promise<unknown> {
  if (!isJobName(job.name)) throw new UnrecoverableError(`${INPUT_FAILURE}: unknown job name "${job.name}"`);
  const ctx: SolveContext = {
    signal: pollingSignal(signal),
    // Fields the solver left undefined (`team` of a one-team day) are left out, as JSON would.
    progress: (p) => void job.updateProgress(Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined))),
  };
  let result: unknown;
  try {
    result = await run(job.name, job, ctx);
  } catch (err) {
    throw err instanceof InputError ? inputFailure(err) : err;
  }
  if (signal?.aborted) {
    if (signal.reason === SHUTDOWN_REASON) {
      await job.moveToWait(token);
      throw new WaitingError();
    }
    throw new UnrecoverableError(`${CANCELLED_FAILURE}${signal.reason ? `: ${String(signal.reason)}` : ''}`);
  }
  return result;
}
