/**
 * Test support for the worker: whether Redis answers, worker processes started as
 * `npm run worker` starts them (their JSON log lines collected), and key cleanup.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { Schedule } from '../../src/model/types.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const REDIS_URL = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';

/** True when a Redis answers PING at `url` within a second or two. */
export async function redisAnswers(url = REDIS_URL): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * Decides, once per test file, whether the Redis tests run: skipped with a message when no
 * Redis answers locally, an error under CI=true (CI must run them).
 */
export async function requireRedisOrSkip(what: string): Promise<boolean> {
  if (await redisAnswers()) return true;
  const message = `${what}: no Redis answers at ${REDIS_URL}; start one with .ci/redis.sh (or set REDIS_URL)`;
  if (process.env.CI === 'true') throw new Error(`${message}. CI=true, so a missing Redis fails the run.`);
  console.warn(`SKIPPED ${message}`);
  return false;
}

/** A key prefix no other run shares. */
export function uniquePrefix(): string {
  return `kt-test-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix:`. */
export async function deleteKeys(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export type LogLine = Record<string, unknown> & { event?: string; jobId?: string };

/** A worker process started as `npm run worker` would, its stdout read as JSON lines. */
export class WorkerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: string[] = [];
  readonly logs: LogLine[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: { test: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];

  constructor(readonly name: string, args: string[]) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts', '--name', name, ...args], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL, NODE_ENV: 'production' },
    });
    let buffer = '';
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.trim() !== '') this.take(line);
      }
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => this.stderr.push(chunk));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  private take(line: string): void {
    this.lines.push(line);
    let parsed: LogLine;
    try {
      parsed = JSON.parse(line) as LogLine;
    } catch {
      return;
    }
    this.logs.push(parsed);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(parsed)) return true;
      w.resolve(parsed);
      return false;
    });
  }

  /** The first log line (already seen or coming) that passes `test`. */
  waitForLog(test: (l: LogLine) => boolean, timeoutMs = 30_000): Promise<LogLine> {
    const seen = this.logs.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no matching log line within ${timeoutMs} ms; stderr: ${this.stderr.join('')}`)), timeoutMs);
      this.waiters.push({ test, resolve: (l) => (clearTimeout(timer), resolve(l)) });
    });
  }

  ready(timeoutMs = 30_000): Promise<LogLine> {
    return this.waitForLog((l) => l.event === 'worker.ready', timeoutMs);
  }

  /** Sends a signal (if still running) and waits for the exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A schedule without its wall-clock seconds, the one field two identical solves may differ in. */
export function withoutSeconds(schedule: Schedule): unknown {
  const copy = JSON.parse(JSON.stringify(schedule)) as Schedule;
  if (copy.solver) delete copy.solver.seconds;
  return copy;
}
