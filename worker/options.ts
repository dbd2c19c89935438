/** The worker's command-line options, shared by `npm run worker` and `kontinuitet worker`. */
import type { Command } from 'commander';
import { numberOption, queueName } from '../src/surface/options.ts';
import { DEFAULT_PREFIX, DEFAULT_QUEUE, redisUrl } from './jobs.ts';

export interface WorkerSettings {
  redisUrl: string;
  queue: string;
  prefix: string;
  /** Jobs run at once, each in its own worker thread; about one per core suits the solver. */
  concurrency: number;
  /** How long a shutdown waits for running jobs before it puts them back on the queue. */
  graceMs: number;
  /** A job's lock lasts this long and is renewed at half of it; a dead worker's job waits this long. */
  lockDurationMs: number;
  /** How often this worker looks for jobs whose worker died. */
  stalledIntervalMs: number;
  /** Shown as the job's `processedBy`; default `host:pid`. */
  name?: string;
}

export const WORKER_DEFAULTS = {
  queue: DEFAULT_QUEUE,
  prefix: DEFAULT_PREFIX,
  concurrency: 1,
  graceMs: 25_000,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
} as const;

export interface WorkerFlags {
  concurrency: string;
  queue: string;
  prefix: string;
  grace: string;
  lockDuration: string;
  stalledInterval: string;
  name?: string;
}

export function addWorkerOptions(command: Command): Command {
  return command
    .option('-c, --concurrency <n>', 'jobs run at once, each in its own worker thread', String(WORKER_DEFAULTS.concurrency))
    .option('--queue <name>', 'queue name', WORKER_DEFAULTS.queue)
    .option('--prefix <prefix>', 'Redis key prefix of the queue', WORKER_DEFAULTS.prefix)
    .option('--grace <seconds>', 'on SIGTERM, how long running jobs may finish before they go back to the queue', String(WORKER_DEFAULTS.graceMs / 1000))
    .option('--lock-duration <ms>', "a job's lock; a killed worker's job is taken over after about this long", String(WORKER_DEFAULTS.lockDurationMs))
    .option('--stalled-interval <ms>', 'how often to look for jobs of killed workers', String(WORKER_DEFAULTS.stalledIntervalMs))
    .option('--name <name>', "this worker's name in jobs' processedBy (default host:pid)")
    .addHelpText(
      'after',
      '\nRedis comes from REDIS_URL (default redis://127.0.0.1:6379; password and TLS through the URL).\n' +
        'Logs are JSON lines on stdout carrying ids only.',
    );
}

/** Node's timers hold at most 2^31 − 1 ms; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Each job runs in its own worker thread, and threads cost memory. */
const MAX_CONCURRENCY = 256;

export function workerSettings(flags: WorkerFlags, env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  return {
    redisUrl: redisUrl(env),
    queue: queueName(flags.queue, '--queue'),
    prefix: queueName(flags.prefix, '--prefix'),
    concurrency: numberOption(flags.concurrency, '--concurrency', { integer: true, min: 1, max: MAX_CONCURRENCY }),
    graceMs: numberOption(flags.grace, '--grace', { min: 0, max: MAX_TIMER_MS / 1000, unit: 'seconds' }) * 1000,
    lockDurationMs: numberOption(flags.lockDuration, '--lock-duration', { integer: true, min: 1000, max: MAX_TIMER_MS, unit: 'ms' }),
    stalledIntervalMs: numberOption(flags.stalledInterval, '--stalled-interval', { integer: true, min: 100, max: MAX_TIMER_MS, unit: 'ms' }),
    name: flags.name,
  };
}
