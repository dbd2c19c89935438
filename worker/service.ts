/**
 * The worker service: a BullMQ `Worker` on the kontinuitet queue whose processor runs in
 * worker threads (`useWorkerThreads`), so a blocking search never starves lock renewal.
 *
 * Shutdown (SIGTERM, SIGINT): the worker stops taking jobs and lets the running ones
 * finish; when the grace period ends first (or a second signal comes), they are cancelled
 * and put back on the wait list for another worker. A worker killed outright leaves its
 * jobs locked until `lockDuration` passes; the stalled-job check of any other worker then
 * puts them back (once: a job that stalls twice fails).
 */
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { checkRedisVersion, workerConnection } from './connection.ts';
import { KEEP_COMPLETED, KEEP_FAILED, SHUTDOWN_REASON, cancelChannel, describeRedis } from './jobs.ts';
import type { WorkerSettings } from './options.ts';
import { jobFields, resultFields, type Logger } from './log.ts';

/**
 * The processor BullMQ loads in each worker thread. Built (dist/worker/), the compiled
 * processor itself; run from source through tsx, a JavaScript shim that registers tsx in the
 * thread first, since a worker thread does not inherit the main thread's loader.
 */
export const PROCESSOR_FILE = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './processor.mjs' : './processors/index.js', import.meta.url));

/** Error fields safe to log: names and codes of infrastructure errors. */
function errorFields(err: Error & { code?: unknown; problemCount?: unknown }): Record<string, unknown> {
  const fields: Record<string, unknown> = { error: err.name };
  if (typeof err.code === 'string') fields.code = err.code;
  if (typeof err.problemCount === 'number') fields.problems = err.problemCount;
  return fields;
}

export class WorkerService {
  readonly worker: Worker;
  readonly name: string;
  private readonly connection: Redis;
  private readonly subscriber: Redis;
  private readonly log: Logger;
  private readonly settings: WorkerSettings;
  private readonly running = new Set<string>();
  private stopping: Promise<void> | null = null;
  private markStopped!: () => void;
  /** Resolves when a stop has finished and the connections are closed. */
  readonly stopped = new Promise<void>((resolve) => (this.markStopped = resolve));

  private constructor(settings: WorkerSettings, connection: Redis, subscriber: Redis, log: Logger) {
    this.settings = settings;
    this.connection = connection;
    this.subscriber = subscriber;
    this.log = log;
    this.name = settings.name ?? `${hostname()}:${process.pid}`;
    this.worker = new Worker(settings.queue, PROCESSOR_FILE, {
      connection,
      prefix: settings.prefix,
      name: this.name,
      concurrency: settings.concurrency,
      useWorkerThreads: true,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.stalledIntervalMs,
      maxStalledCount: 1,
      // Jobs added without retention by other producers still get the documented one.
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
      // Started by `start` once the cancel channel is subscribed, so no cancel request is missed.
      autorun: false,
    });
    this.watch();
  }

  /** Connects, checks the server and starts taking jobs. */
  static async start(settings: WorkerSettings, log: Logger): Promise<WorkerService> {
    const connection = workerConnection(settings.redisUrl);
    let reported = false;
    const onConnectError = (err: Error) => {
      if (reported) return;
      reported = true;
      log.warn({ event: 'redis.unreachable', redis: describeRedis(settings.redisUrl), ...errorFields(err) }, 'waiting for Redis');
    };
    connection.on('error', onConnectError);
    let redisVersion: string;
    try {
      redisVersion = await checkRedisVersion(connection);
    } catch (err) {
      connection.disconnect();
      throw err;
    }
    connection.off('error', onConnectError);
    const subscriber = connection.duplicate();
    const service = new WorkerService(settings, connection, subscriber, log);
    await subscriber.subscribe(cancelChannel(settings.prefix, settings.queue));
    await service.worker.waitUntilReady();
    service.worker.run().catch((err: Error) => log.error({ event: 'worker.error', ...errorFields(err), message: err.message }));
    log.info(
      {
        event: 'worker.ready',
        worker: service.name,
        queue: settings.queue,
        prefix: settings.prefix,
        concurrency: settings.concurrency,
        redis: describeRedis(settings.redisUrl),
        redisVersion,
      },
      'worker ready',
    );
    return service;
  }

  private watch(): void {
    const { worker, log } = this;
    worker.on('active', (job: Job) => {
      if (job.id) this.running.add(job.id);
      log.info({ event: 'job.active', ...jobFields(job) });
    });
    worker.on('completed', (job: Job, result: unknown) => {
      if (job.id) this.running.delete(job.id);
      const ms = job.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : undefined;
      log.info({ event: 'job.completed', ...jobFields(job), ms, ...resultFields(result) });
    });
    worker.on('failed', (job: Job | undefined, err: Error) => {
      if (job?.id) this.running.delete(job.id);
      // A job retried later has no finishedOn yet; a job failed for good has.
      const fields = job ? { ...jobFields(job), retry: !job.finishedOn } : {};
      log.warn({ event: 'job.failed', ...fields, ...errorFields(err) });
    });
    worker.on('stalled', (jobId: string) => log.warn({ event: 'job.stalled', jobId }));
    worker.on('lockRenewalFailed', (jobIds: string[]) => log.warn({ event: 'job.lock-lost', jobIds }));
    worker.on('error', (err: Error) => log.error({ event: 'worker.error', ...errorFields(err), message: err.message }));
    this.subscriber.on('message', (_channel: string, jobId: string) => {
      if (this.worker.cancelJob(jobId, 'by request')) log.info({ event: 'job.cancel', jobId });
    });
  }

  /** Job ids this worker is running now. */
  get active(): string[] {
    return [...this.running];
  }

  /** Stops taking jobs and waits for the running ones; a second call puts them back at once. */
  stop(reason: string): Promise<void> {
    if (this.stopping) {
      this.requeueRunning('second stop request');
      return this.stopping;
    }
    this.log.info({ event: 'worker.stopping', reason, graceMs: this.settings.graceMs, active: this.active });
    const grace = setTimeout(() => this.requeueRunning('grace period over'), this.settings.graceMs);
    this.stopping = (async () => {
      try {
        await this.worker.close();
      } finally {
        clearTimeout(grace);
        await this.subscriber.quit().catch(() => undefined);
        await this.connection.quit().catch(() => undefined);
        this.log.info({ event: 'worker.stopped' });
        this.markStopped();
      }
    })();
    return this.stopping;
  }

  private requeueRunning(why: string): void {
    if (this.running.size === 0) return;
    this.log.warn({ event: 'worker.requeue', why, jobIds: this.active });
    this.worker.cancelAllJobs(SHUTDOWN_REASON);
  }
}

/** Runs the service until SIGTERM or SIGINT; resolves with the exit code once it has stopped. */
export async function runWorker(settings: WorkerSettings, log: Logger): Promise<number> {
  let service: WorkerService | null = null;
  let signalled: string | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    signalled = signal;
    if (service) void service.stop(signal);
    else process.exit(0);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    try {
      service = await WorkerService.start(settings, log);
    } catch (err) {
      log.error({ event: 'worker.start-failed', ...errorFields(err as Error), message: (err as Error).message });
      return 1;
    }
    if (signalled) void service.stop(signalled);
    await service.stopped;
    return 0;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}
