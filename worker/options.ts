/** The worker's command-line options, shared by `npm run worker` and `kontinuitet worker`. */
import type { Command } from 'commander';
import { UsageError } from '../src/cli/run.ts';
import { numberOption } from '../src/cli/options.ts';
import { redisUrl } from './connection.ts';
import { WORKER_DEFAULTS, type WorkerSettings } from './service.ts';

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

function name(value: string, flag: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(value)) throw new UsageError(`${flag} may hold letters, digits, ".", "_" and "-" only, not "${value}"`);
  return value;
}

export function workerSettings(flags: WorkerFlags, env: NodeJS.ProcessEnv = process.env): WorkerSettings {
  return {
    redisUrl: redisUrl(env),
    queue: name(flags.queue, '--queue'),
    prefix: name(flags.prefix, '--prefix'),
    concurrency: numberOption(flags.concurrency, '--concurrency', { integer: true, min: 1, max: MAX_CONCURRENCY }),
    graceMs: numberOption(flags.grace, '--grace', { min: 0, max: MAX_TIMER_MS / 1000, unit: 'seconds' }) * 1000,
    lockDurationMs: numberOption(flags.lockDuration, '--lock-duration', { integer: true, min: 1000, max: MAX_TIMER_MS, unit: 'ms' }),
    stalledIntervalMs: numberOption(flags.stalledInterval, '--stalled-interval', { integer: true, min: 100, max: MAX_TIMER_MS, unit: 'ms' }),
    name: flags.name,
  };
}
