/** Worker processes for the queue benchmarks: started as `npm run worker` starts them, warmed up, their CPU time read. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { DayProblem } from '../src/model/types.ts';
import { JOB_OPTIONS } from '../worker/jobs.ts';
import type { QueueClient } from '../worker/producer.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** False, with a line saying so and exit code 1, when no Redis answers at `url`. */
export async function redisReachable(url: string, what: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    process.stderr.write(`${what} needs a Redis at ${url} (start one with .ci/redis.sh)\n`);
    process.exitCode = 1;
    return false;
  } finally {
    probe.disconnect();
  }
}

export function startWorker(name: string, prefix: string, queue: string): { child: ChildProcessWithoutNullStreams; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts', '--prefix', prefix, '--queue', queue, '--name', name], { cwd: ROOT, env: process.env });
  child.stderr.pipe(process.stderr);
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('"worker.ready"')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
  });
  return { child, ready };
}

/** CPU seconds a process has used (user + system, all its threads), from /proc; null elsewhere. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, in USER_HZ (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Runs tiny jobs until both workers have taken one, so their worker threads are up. */
export async function warmUp(client: QueueClient, problem: DayProblem, names: readonly string[]): Promise<void> {
  const seen = new Set<string>();
  while (seen.size < names.length) {
    const jobs = await client.queue.addBulk(names.map(() => ({ name: 'solve-day', data: { problem, iterations: 5 }, opts: JOB_OPTIONS })));
    for (const job of jobs) {
      await job.waitUntilFinished(await client.events());
      const done = await client.queue.getJob(job.id!);
      if (done?.processedBy) seen.add(done.processedBy);
    }
  }
}

