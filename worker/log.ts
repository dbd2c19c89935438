/**
 * The worker's log: JSON lines (pino) on stdout that carry ids, counts and durations only.
 * Job data, results and failure messages may hold names, addresses and care needs, so
 * they never reach a log; a failure is logged by its error name and problem count, and its
 * full reason stays with the job in Redis.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    base: { service: 'kontinuitet-worker', pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The loggable identity of a job: ids and counters, nothing from its data. */
export interface JobRef {
  id?: string;
  name: string;
  attemptsMade: number;
  parentKey?: string;
}

export function jobFields(job: JobRef): Record<string, unknown> {
  const fields: Record<string, unknown> = { jobId: job.id, job: job.name, attemptsMade: job.attemptsMade };
  if (job.parentKey) fields.parent = job.parentKey;
  return fields;
}

/** Counts from a job's result: schedules give routes and unassigned visits, reports their windows. */
export function resultFields(result: unknown): Record<string, unknown> {
  if (result === null || typeof result !== 'object') return {};
  const r = result as Record<string, unknown>;
  const schedule = (r.schedule && typeof r.schedule === 'object' ? r.schedule : r) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  if (Array.isArray(schedule.routes)) fields.routes = schedule.routes.length;
  if (Array.isArray(schedule.unassigned)) fields.unassigned = schedule.unassigned.length;
  const solver = schedule.solver as Record<string, unknown> | undefined;
  if (solver && typeof solver.iterations === 'number') fields.iterations = solver.iterations;
  if (Array.isArray(r.windows)) fields.windows = r.windows.length;
  return fields;
}
