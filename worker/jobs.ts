/**
 * The queue's contract: its name, the job names, the zod shape of each job's data and
 * result, and the options every job is added with (retries, backoff, retention). Both the
 * producer side (CLI, scripts, other systems) and the processors read them from here.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { JobsOptions, KeepJobs } from 'bullmq';
import { InputError, fromZodIssues } from '../src/model/errors.ts';
import { MAX_TIME_LIMIT_SECONDS, MAX_TIME_LIMIT_SECONDS_PER_DAY, assertValueLimits, beyond, maxInputBytes } from '../src/limits/index.ts';

/** Default queue name; every job kind shares it, so any worker runs any job. */
export const DEFAULT_QUEUE = 'kontinuitet';
/** BullMQ's own default key prefix, so dashboards find the queue without configuration. */
export const DEFAULT_PREFIX = 'bull';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The Redis server: `REDIS_URL`, else the default. */
export function redisUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.REDIS_URL?.trim();
  return url ? url : DEFAULT_REDIS_URL;
}

/** `host:port/db` of a Redis URL, without user or password: safe for logs and messages. */
export function describeRedis(url: string): string {
  try {
    const u = new URL(url);
    const db = u.pathname.replace(/^\//, '');
    return `${u.protocol === 'rediss:' ? 'rediss://' : ''}${u.hostname}:${u.port || '6379'}${db ? `/${db}` : ''}`;
  } catch {
    return '(unreadable REDIS_URL)';
  }
}

/** The states `queue status` counts, in the order a job passes through them. */
export const JOB_STATES = ['waiting', 'prioritized', 'delayed', 'active', 'waiting-children', 'completed', 'failed'] as const;

/** Job names a producer may add. `solve-team` and `study-plan` are internal: the children of a `solve-district` and a `study` flow. */
export const PUBLIC_JOBS = ['solve-day', 'solve-district', 'replan-day', 'plan-period', 'kpi', 'study'] as const;
export type PublicJobName = (typeof PUBLIC_JOBS)[number];
export type JobName = PublicJobName | 'solve-team' | 'study-plan';

const solveSettings = {
  /** Search time limit; default the problem's `options.timeLimitSeconds`, else 10 s. */
  timeLimitSeconds: z.number().positive().max(MAX_TIME_LIMIT_SECONDS).optional(),
  /** Iteration budget: with it, the same seed gives the same schedule on any worker. */
  iterations: z.number().int().positive().optional(),
  seed: z.number().int().optional(),
};

/** A `kontinuitet/day@1` document, checked in full by the processor (FORMAT §1). */
const DayDocument = z.looseObject({});

export const SolveDayData = z.strictObject({
  problem: DayDocument,
  ...solveSettings,
  /** Solve a multi-team day team by team (default) or as one instance. */
  byTeam: z.boolean().optional(),
});
export type SolveDayData = z.infer<typeof SolveDayData>;

/**
 * A re-plan (FORMAT §7): the day problem, the schedule published for it and what happened
 * since, each checked in full by the processor; the result is the new schedule.
 */
export const ReplanDayData = z.strictObject({
  problem: DayDocument,
  schedule: z.looseObject({}),
  changes: z.looseObject({}),
  ...solveSettings,
  /** The time of the re-plan instead of the changes' `now`. */
  now: z.string().optional(),
});
export type ReplanDayData = z.infer<typeof ReplanDayData>;

/** The parent of a district flow: the whole day, whose children solved one team each. */
export const SolveDistrictData = z.strictObject({ problem: DayDocument, ...solveSettings });
export type SolveDistrictData = z.infer<typeof SolveDistrictData>;

/**
 * One team of a district day. Its budget is the team's share (by visits) of the district's,
 * as `solveDay` gives it in process, so a district flow and an in-process solve agree.
 */
export const SolveTeamData = z.strictObject({
  problem: DayDocument,
  team: z.string().min(1),
  part: z.number().int().nonnegative(),
  parts: z.number().int().positive(),
  timeLimitSeconds: z.number().positive(),
  iterations: z.number().int().positive().optional(),
  seed: z.number().int(),
});
export type SolveTeamData = z.infer<typeof SolveTeamData>;

/** What a `solve-team` child returns to its parent: the team's outcome (`TeamOutcome` of src/solver), exact plan and objective included. */
export const TeamResultShape = z.object({
  part: z.number().int().nonnegative(),
  outcome: z.looseObject({
    team: z.string(),
    routes: z.array(z.any()),
    unassigned: z.array(z.any()),
    explanations: z.array(z.any()),
    plan: z.array(z.looseObject({ staff: z.string(), nodes: z.array(z.any()) })),
    objective: z.number(),
    iterations: z.number().int().nonnegative(),
    firstFeasibleMs: z.number(),
    elapsedMs: z.number(),
    ceiling: z.object({ visits: z.number().int().nonnegative(), bound: z.number().nonnegative() }),
  }),
});

/** A `kontinuitet/period@1` document planned day by day (FORMAT §3); budgets are per day. */
export const PlanPeriodData = z.strictObject({
  problem: z.looseObject({}),
  /** Search time per day; default the period's `options.timeLimitSeconds`, else 5 s. */
  timeLimitSecondsPerDay: z.number().positive().max(MAX_TIME_LIMIT_SECONDS_PER_DAY).optional(),
  iterationsPerDay: z.number().int().positive().optional(),
  seed: z.number().int().optional(),
  /** Carry each day's staff into the next day's history (default true). */
  history: z.boolean().optional(),
  /** Prefer new faces who return on the recipient's coming days (default true). */
  lookAhead: z.boolean().optional(),
  /** Keep each recipient to the circle of staff a first plan shows (default true). */
  circle: z.boolean().optional(),
});
export type PlanPeriodData = z.infer<typeof PlanPeriodData>;

/** Visit log and recipients file as their text (CSV, JSON lines), read as `kontinuitet kpi` reads files. */
export const KpiData = z.strictObject({
  visitLog: z.string(),
  recipients: z.string(),
  from: z.string(),
  timezone: z.string().optional(),
  windows: z.number().int().positive().optional(),
});
export type KpiData = z.infer<typeof KpiData>;

/**
 * A study (FORMAT §8) with its base inline, checked in full by the producer and by each job.
 * The caller's budget and seed win over the study's `options`; per day for a period base.
 */
export const StudyData = z.strictObject({ study: z.looseObject({}), ...solveSettings });
export type StudyData = z.infer<typeof StudyData>;

/** One part of a study flow (a variant, or a value of the sweep), planned by any worker. */
export const StudyPartData = z.strictObject({
  study: z.looseObject({}),
  part: z.number().int().nonnegative(),
  parts: z.number().int().positive(),
  /** The part's id (a variant's id, `sweep-<weight>-<value>`), for progress and logs. */
  id: z.string().min(1),
  ...solveSettings,
});
export type StudyPartData = z.infer<typeof StudyPartData>;

/** What a `study-plan` child returns to its parent: the part's outcome (`PartOutcome` of src/study). */
export const StudyPartResultShape = z.object({
  part: z.number().int().nonnegative(),
  applied: z.string().nullable(),
  metrics: z.looseObject({}),
  costSek: z.number(),
});

export const DATA_SCHEMAS = {
  'solve-day': SolveDayData,
  'solve-district': SolveDistrictData,
  'solve-team': SolveTeamData,
  'replan-day': ReplanDayData,
  'plan-period': PlanPeriodData,
  kpi: KpiData,
  study: StudyData,
  'study-plan': StudyPartData,
} as const satisfies Record<JobName, z.ZodType>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(DATA_SCHEMAS, name);
}

/**
 * Checks a job's data against its shape and the input limits (src/limits: depth and list
 * lengths first, so nothing recursive meets a value nested thousands deep; then its size,
 * as the CLI holds a file to it); every problem at once, as an `InputError`.
 */
export function parseJobData<N extends JobName>(name: N, data: unknown): z.infer<(typeof DATA_SCHEMAS)[N]> {
  assertValueLimits(data, `${name} job data`);
  if (Buffer.byteLength(JSON.stringify(data) ?? '') > maxInputBytes()) {
    throw new InputError([{ path: '(job data)', message: `is ${beyond('inputMegabytes')}`, severity: 'error', code: 'too_large' }], `invalid ${name} job data`);
  }
  const result = DATA_SCHEMAS[name].safeParse(data);
  if (!result.success) throw new InputError(fromZodIssues(result.error.issues, data), `invalid ${name} job data`);
  return result.data as z.infer<(typeof DATA_SCHEMAS)[N]>;
}

/**
 * Retention: a finished job is kept for its result (and a failed one for its reason) by
 * age in seconds and by count, whichever removes first. BullMQ trims when another job
 * finishes, so an idle queue keeps its last jobs beyond their age.
 */
export const KEEP_COMPLETED: KeepJobs = { age: 24 * 3600, count: 1000 };
export const KEEP_FAILED: KeepJobs = { age: 7 * 24 * 3600, count: 5000 };

/** An unexpected failure is retried twice, 5 s then 10 s later; an invalid input fails at once. */
export const JOB_ATTEMPTS = 3;
export const JOB_BACKOFF = { type: 'exponential', delay: 5000 } as const;

export const JOB_OPTIONS: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: JOB_BACKOFF,
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
};

/** The first line of the reason of a job failed for invalid input; the rest lists `path: message`. */
export const INPUT_FAILURE = 'invalid input';
/** The reason of a job stopped by `kontinuitet queue cancel`. */
export const CANCELLED_FAILURE = 'cancelled';
/** The cancel reason a stopping worker gives its running jobs: they go back to the wait list. */
export const SHUTDOWN_REASON = 'worker shutting down';

/** Pub/sub channel on which producers ask the workers to stop a running job. */
export function cancelChannel(prefix: string, queue: string): string {
  return `${prefix}:${queue}:cancel`;
}

/** JSON with object keys sorted, so equal documents hash alike whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A job id from the job's name and content: a re-sent identical job maps onto the first. */
export function contentJobId(name: string, data: unknown): string {
  return `${name}-${createHash('sha256').update(canonicalJson(data)).digest('hex').slice(0, 40)}`;
}
