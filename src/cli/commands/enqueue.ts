/**
 * `kontinuitet enqueue`: puts a job on the worker queue (Redis from REDIS_URL), and with
 * `--wait` follows its progress and writes its result; `kontinuitet queue status|cancel`.
 */
import type { Command } from 'commander';
import { readJsonFile, readTableText, toJsonText, writeFileAtomic } from '../../io/index.ts';
import { assertValueLimits, limitOf } from '../../limits/index.ts';
import { ITERATIONS, SEED, optionalNumber, queueName } from '../../surface/options.ts';
import { TIME_LIMIT_PER_DAY } from './plan-period.ts';
import { DateString, TIME_PATTERN } from '../../model/schemas.ts';
import { DEFAULT_TIMEZONE, isValidZone } from '../../time/index.ts';
import type { SolveProgress } from '../../solver/index.ts';
import { DEFAULT_PREFIX, DEFAULT_QUEUE, INPUT_FAILURE, JOB_STATES, PUBLIC_JOBS, describeRedis, redisUrl, type PublicJobName } from '../../../worker/jobs.ts';
import type { JobData, QueueClient, QueueTarget } from '../../../worker/producer.ts';
import { EXIT_INPUT, EXIT_INTERNAL, runCommand, UsageError } from '../../surface/run.ts';
import { TIME_LIMIT, progressLine } from './solve.ts';
import { checkStudyTimeLimit } from './study.ts';
import { checkStudy, readStudyFile } from '../../study/index.ts';

interface TargetFlags {
  queue: string;
  prefix: string;
}

interface EnqueueFlags extends TargetFlags {
  job: string;
  wait?: boolean;
  output?: string;
  timeLimit?: string;
  seed?: string;
  iterations?: string;
  idempotent?: boolean;
  recipients?: string;
  from?: string;
  timezone: string;
  windows?: string;
  published?: string;
  changes?: string;
  now?: string;
  quiet?: boolean;
}

function withTarget(command: Command): Command {
  return command
    .option('--queue <name>', 'queue name', DEFAULT_QUEUE)
    .option('--prefix <prefix>', 'Redis key prefix of the queue', DEFAULT_PREFIX)
    .addHelpText('after', '\nRedis comes from REDIS_URL (default redis://127.0.0.1:6379).');
}

function target(flags: TargetFlags): QueueTarget {
  return { redisUrl: redisUrl(), queue: queueName(flags.queue, '--queue'), prefix: queueName(flags.prefix, '--prefix') };
}

async function jobData(name: PublicJobName, file: string, flags: EnqueueFlags): Promise<JobData[PublicJobName]> {
  if (name === 'kpi') {
    for (const flag of ['timeLimit', 'seed', 'iterations'] as const) {
      if (flags[flag] !== undefined) throw new UsageError(`--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} does not apply to a kpi job`);
    }
    if (!flags.recipients) throw new UsageError('a kpi job needs --recipients <file>');
    if (!flags.from) throw new UsageError('a kpi job needs --from <date>');
    if (!DateString.safeParse(flags.from).success) throw new UsageError(`--from "${flags.from}" is not a date (YYYY-MM-DD)`);
    if (!isValidZone(flags.timezone)) throw new UsageError(`--timezone "${flags.timezone}" is not an IANA time zone`);
    const windows = optionalNumber(flags.windows, '--windows', { integer: true, min: 1, max: limitOf('kpiWindows'), unit: 'windows' });
    const [visitLog, recipients] = await Promise.all([readTableText(file), readTableText(flags.recipients)]);
    for (const w of [...visitLog.warnings, ...recipients.warnings]) process.stderr.write(`kontinuitet: warning ${w.path}: ${w.message}\n`);
    return { visitLog: visitLog.text, recipients: recipients.text, from: flags.from, timezone: flags.timezone, ...(windows ? { windows } : {}) };
  }
  for (const flag of ['recipients', 'from', 'windows'] as const) {
    if (flags[flag] !== undefined) throw new UsageError(`--${flag} applies to kpi jobs only`);
  }
  if (name !== 'replan-day') {
    for (const flag of ['published', 'changes', 'now'] as const) {
      if (flags[flag] !== undefined) throw new UsageError(`--${flag} applies to replan-day jobs only`);
    }
  } else {
    if (!flags.published) throw new UsageError('a replan-day job needs --published <schedule.json>');
    if (!flags.changes) throw new UsageError('a replan-day job needs --changes <changes.json>');
    if (flags.now !== undefined && !TIME_PATTERN.test(flags.now)) throw new UsageError(`--now "${flags.now}" is not a time ("HH:MM", "HH:MM+1" or ISO 8601)`);
  }
  const settings = {
    timeLimitSeconds: optionalNumber(flags.timeLimit, '--time-limit', name === 'plan-period' ? TIME_LIMIT_PER_DAY : TIME_LIMIT),
    iterations: optionalNumber(flags.iterations, '--iterations', ITERATIONS),
    seed: optionalNumber(flags.seed, '--seed', SEED),
  };
  const given = <T extends object>(fields: T): Partial<T> => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
  if (name === 'study') {
    // Its base is read relative to the study, and the whole study checked, before anything is queued.
    const document = await readStudyFile(file);
    checkStudyTimeLimit(checkStudy(document.data, document), settings.timeLimitSeconds);
    return { study: document.data as Record<string, unknown>, ...given(settings) };
  }
  const problem = (await readJsonFile(file)) as Record<string, unknown>;
  // Before anything walks it (the content hash of --idempotent recurses); the worker validates the rest.
  assertValueLimits(problem, file);
  if (name === 'plan-period') {
    return { problem, ...given({ timeLimitSecondsPerDay: settings.timeLimitSeconds, iterationsPerDay: settings.iterations, seed: settings.seed }) };
  }
  if (name === 'replan-day') {
    const [schedule, changes] = (await Promise.all([readJsonFile(flags.published!), readJsonFile(flags.changes!)])) as Record<string, unknown>[];
    assertValueLimits(schedule, flags.published!);
    assertValueLimits(changes, flags.changes!);
    return { problem, schedule, changes, ...given({ ...settings, now: flags.now }) };
  }
  return { problem, ...given(settings) };
}

/** Redis errors get one plain line; the queue is not ours to diagnose further. */
/** BullMQ and ioredis load only for the commands that talk to Redis: every other command starts without them. */
async function queueClient(where: QueueTarget): Promise<QueueClient> {
  const { QueueClient } = await import('../../../worker/producer.ts');
  return new QueueClient(where);
}

async function reachable(client: QueueClient, url: string): Promise<boolean> {
  try {
    await client.ping();
    return true;
  } catch (err) {
    const cause = client.connectionError ?? (err as Error);
    process.stderr.write(`kontinuitet: cannot reach Redis at ${describeRedis(url)} (REDIS_URL): ${cause.message}\n`);
    return false;
  }
}

/** The solve command's progress line; a study's leads with the part, a period's with the day being planned. */
function progressPrinter(quiet: boolean | undefined): ((p: SolveProgress & { date?: string; variant?: string }) => void) | undefined {
  if (quiet) return undefined;
  const tty = process.stderr.isTTY;
  return (p) => {
    const line = `${p.variant ? `${p.variant}  ` : ''}${p.date ? `${p.date}  ` : ''}${progressLine(p)}`;
    process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
  };
}

export function registerEnqueue(program: Command): void {
  withTarget(program.command('enqueue'))
    .description('Put a job on the kontinuitet worker queue; print its id, or with --wait its progress and result')
    .argument('<input>', 'day problem JSON (solve-day, solve-district, replan-day), period problem JSON (plan-period), study JSON (study) or visit log (kpi)')
    .option('--job <name>', `job to run: ${PUBLIC_JOBS.join(', ')}`, 'solve-day')
    .option('--wait', 'wait for the job: progress on stderr, the result to --output or stdout')
    .option('-o, --output <file>', 'with --wait, write the result here')
    .option('-t, --time-limit <seconds>', "search time limit, per day for plan-period and a period's study (default: the problem's options)")
    .option('-s, --seed <n>', 'random seed (same seed and --iterations give the same schedule)')
    .option('-i, --iterations <n>', "iteration budget, per day for plan-period and a period's study")
    .option('--idempotent', 'derive the job id from the content: an identical job still in Redis is not added again')
    .option('--recipients <file>', 'kpi: recipients file')
    .option('--from <date>', 'kpi: first day of the first 14-day window (YYYY-MM-DD)')
    .option('--timezone <zone>', 'kpi: IANA time zone of local times', DEFAULT_TIMEZONE)
    .option('--windows <n>', 'kpi: number of 14-day windows')
    .option('--published <file>', 'replan-day: the schedule published for the day')
    .option('--changes <file>', 'replan-day: what happened since (kontinuitet/changes@1)')
    .option('--now <time>', 'replan-day: the time of the re-plan instead of the changes\' "now"')
    .option('-q, --quiet', 'no progress lines')
    .addHelpText(
      'after',
      '\nWithout --wait the job id is printed on stdout. With --wait it goes to stderr, and the exit code is\n' +
        "the job's: 0 completed, 2 failed for invalid input, 1 any other failure.",
    )
    .action((file: string, flags: EnqueueFlags) =>
      runCommand(async () => {
        if (!(PUBLIC_JOBS as readonly string[]).includes(flags.job)) throw new UsageError(`--job must be one of ${PUBLIC_JOBS.join(', ')}, not "${flags.job}"`);
        if (flags.output && !flags.wait) throw new UsageError('--output needs --wait');
        const name = flags.job as PublicJobName;
        const where = target(flags);
        const data = await jobData(name, file, flags);
        const client = await queueClient(where);
        try {
          if (!(await reachable(client, where.redisUrl))) return EXIT_INTERNAL;
          if (flags.wait) await client.events();
          const added = await client.add(name, data, { idempotent: flags.idempotent });
          if (!flags.wait) {
            process.stdout.write(`${added.id}\n`);
            if (added.existing) process.stderr.write(`kontinuitet: an identical job ${added.id} is already in the queue; not added again\n`);
            return;
          }
          process.stderr.write(`job ${added.id}${added.existing ? ' (identical job already in the queue; not added again)' : ''}\n`);
          const printer = progressPrinter(flags.quiet);
          const outcome = await client.wait(added.id, printer, added.children);
          if (printer && process.stderr.isTTY) process.stderr.write('\n');
          if (outcome.state === 'failed') {
            process.stderr.write(`kontinuitet: job ${added.id} failed: ${outcome.reason}\n`);
            return outcome.reason.startsWith(INPUT_FAILURE) ? EXIT_INPUT : EXIT_INTERNAL;
          }
          const text = toJsonText(outcome.value);
          if (flags.output) await writeFileAtomic(flags.output, text);
          else process.stdout.write(text);
        } finally {
          await client.close();
        }
      }),
    );

  const queue = program.command('queue').description('Look at or act on the kontinuitet worker queue');
  withTarget(queue.command('status'))
    .description('Jobs waiting, active, completed and failed, and the workers connected')
    .option('--json', 'as one JSON object')
    .action((flags: TargetFlags & { json?: boolean }) =>
      runCommand(async () => {
        const where = target(flags);
        const client = await queueClient(where);
        try {
          if (!(await reachable(client, where.redisUrl))) return EXIT_INTERNAL;
          const status = await client.status();
          if (flags.json) {
            process.stdout.write(`${JSON.stringify({ queue: where.queue, prefix: where.prefix, ...status })}\n`);
            return;
          }
          const lines = [`queue ${where.queue} (prefix ${where.prefix}) at ${describeRedis(where.redisUrl)}${status.paused ? ', paused' : ''}`];
          for (const state of JOB_STATES) lines.push(`  ${state.padEnd(17)}${String(status.counts[state]).padStart(7)}`);
          lines.push(`  ${'workers'.padEnd(17)}${String(status.workers).padStart(7)}`);
          process.stdout.write(`${lines.join('\n')}\n`);
        } finally {
          await client.close();
        }
      }),
    );
  withTarget(queue.command('cancel'))
    .description('Cancel a job: remove it if not started, stop it (failed as "cancelled", no retry) if running')
    .argument('<id>', 'job id, as enqueue printed it')
    .action((id: string, flags: TargetFlags) =>
      runCommand(async () => {
        const where = target(flags);
        const client = await queueClient(where);
        try {
          if (!(await reachable(client, where.redisUrl))) return EXIT_INTERNAL;
          const result = await client.cancel(id);
          const said = {
            removed: `job ${id} removed before it started`,
            signalled: `job ${id} is running; its worker was asked to stop it`,
            finished: `job ${id} has already finished; nothing to cancel`,
            missing: `no job ${id} in the queue`,
          }[result];
          process.stdout.write(`${said}\n`);
          return result === 'missing' ? EXIT_INPUT : undefined;
        } finally {
          await client.close();
        }
      }),
    );
}
