/**
 * `npm run bench:worker [-- --quick]`: the worker service against in-process solving
 * (a benchmark, not a test). Needs a Redis (REDIS_URL, default 127.0.0.1:6379).
 *
 * 1. The bundled district day (datasets/district-day.json, ten teams): solved in process
 *    team by team, then as a `solve-district` flow through two worker processes
 *    (concurrency 1 each, threads warmed up), from `add` to the merged schedule. Same
 *    seed and iteration budget (no time limit binds), so both give the same schedule;
 *    the ratio is in-process seconds over queue seconds, each the best of two rounds after
 *    a warm-up round; CPU seconds (all processes involved) are reported beside it.
 * 2. Small jobs: 200 `solve-day` jobs of a two-person team with a 30-iteration budget,
 *    through the same two workers, as jobs per second from the first `add` to the last
 *    completion.
 *
 * Printed as markdown; written to benchmarks/results/worker.json (worker-quick.json).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { DayProblem, Schedule } from '../src/model/types.ts';
import { solveDay } from '../src/solver/index.ts';
import { generateDay } from '../src/generate/index.ts';
import { checkSchedule } from '../src/check/index.ts';
import { toJsonText, writeFileAtomic } from '../src/io/index.ts';
import { redisUrl } from '../worker/jobs.ts';
import { JOB_OPTIONS } from '../worker/jobs.ts';
import { QueueClient } from '../worker/producer.ts';
import { ownCpuSeconds, processCpuSeconds, redisReachable, startWorker, warmUp } from './processes.ts';

const SEED = 1;
const NO_TIME_LIMIT_SECONDS = 24 * 3600;
const SMALL_JOBS = 200;

interface Budget {
  districtIterations: number;
}
const FULL: Budget = { districtIterations: 40_000 };
const QUICK: Budget = { districtIterations: 10_000 };

async function completedCount(client: QueueClient): Promise<number> {
  return client.queue.getJobCountByTypes('completed', 'failed');
}

async function waitForCount(client: QueueClient, count: number): Promise<void> {
  while ((await completedCount(client)) < count) await new Promise((r) => setTimeout(r, 20));
}

function withoutSeconds(schedule: Schedule): string {
  return JSON.stringify({ ...schedule, solver: { ...schedule.solver, seconds: 0 } });
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const budget = quick ? QUICK : FULL;
  const url = redisUrl();
  if (!(await redisReachable(url, 'bench:worker'))) return;

  const district = JSON.parse(readFileSync(new URL('../datasets/district-day.json', import.meta.url), 'utf8')) as DayProblem;
  const started = performance.now();
  const settings = { seed: SEED, iterations: budget.districtIterations };
  const prefix = `kt-bench-${randomBytes(4).toString('hex')}`;
  const queue = 'bench';
  const names = ['bench-a', 'bench-b'];
  const workers = names.map((name) => startWorker(name, prefix, queue));
  const client = new QueueClient({ redisUrl: url, queue, prefix });
  try {
    await Promise.all(workers.map((w) => w.ready));
    const tiny = Array.from({ length: 40 }, (_, k) => generateDay({ seed: 500 + k, teams: 1, staffPerTeam: 2, recipientsPerTeam: 4 }).problem);
    await warmUp(client, tiny[0], names);
    // Each worker thread is a V8 isolate of its own that warms up by itself, so round 0 (not
    // timed) gives both sides the same warm-up. The machine is shared: each side then runs
    // twice, alternating, and keeps its best time.
    let inProcessSeconds = Infinity;
    let queueSeconds = Infinity;
    let inProcessCpu = Infinity;
    let queueCpu: number | null = Infinity;
    let local: Schedule | null = null;
    let merged: Schedule | null = null;
    for (let round = 0; round <= 2; round++) {
      process.stderr.write(`round ${round}${round === 0 ? ' (warm-up)' : ''}: district day in process, ${budget.districtIterations} iterations ...\n`);
      const t0 = performance.now();
      const cpu0 = ownCpuSeconds();
      local = solveDay(district, { ...settings, timeLimitMs: NO_TIME_LIMIT_SECONDS * 1000 });
      if (round > 0) {
        inProcessSeconds = Math.min(inProcessSeconds, (performance.now() - t0) / 1000);
        inProcessCpu = Math.min(inProcessCpu, ownCpuSeconds() - cpu0);
      }

      process.stderr.write(`round ${round}: district day as a solve-district flow through two workers ...\n`);
      const t1 = performance.now();
      const cpuBefore = [ownCpuSeconds(), ...workers.map((w) => processCpuSeconds(w.child.pid!))];
      const added = await client.add('solve-district', { problem: district, ...settings, timeLimitSeconds: NO_TIME_LIMIT_SECONDS });
      const outcome = await client.wait(added.id);
      const cpuAfter = [ownCpuSeconds(), ...workers.map((w) => processCpuSeconds(w.child.pid!))];
      if (round > 0) {
        queueSeconds = Math.min(queueSeconds, (performance.now() - t1) / 1000);
        // Producer (validation, split, Redis) plus both workers, main threads and solver threads.
        const used = cpuAfter.map((after, i) => (after === null || cpuBefore[i] === null ? null : after - cpuBefore[i]!));
        queueCpu = used.includes(null) || queueCpu === null ? null : Math.min(queueCpu, used.reduce((a, b) => a! + b!, 0)!);
      }
      if (outcome.state !== 'completed') throw new Error(`the district flow failed: ${outcome.reason}`);
      merged = outcome.value as Schedule;
    }
    const violations = checkSchedule(district, merged!).violations.length;
    const { solver: _m, ...mergedRest } = JSON.parse(withoutSeconds(merged!)) as Schedule;
    const { solver: _l, ...localRest } = JSON.parse(withoutSeconds(local!)) as Schedule;
    const sameSchedule = JSON.stringify(mergedRest) === JSON.stringify(localRest);

    process.stderr.write(`two workers: ${SMALL_JOBS} small solve-day jobs ...\n`);
    const before = await completedCount(client);
    const t2 = performance.now();
    await client.queue.addBulk(
      Array.from({ length: SMALL_JOBS }, (_, i) => ({ name: 'solve-day', data: { problem: tiny[i % tiny.length], seed: 1 + Math.floor(i / tiny.length), iterations: 30 }, opts: JOB_OPTIONS })),
    );
    await waitForCount(client, before + SMALL_JOBS);
    const smallSeconds = (performance.now() - t2) / 1000;
    const t3 = performance.now();
    for (let i = 0; i < SMALL_JOBS; i++) solveDay(tiny[i % tiny.length], { seed: 1 + Math.floor(i / tiny.length), iterations: 30 });
    const smallInProcessSeconds = (performance.now() - t3) / 1000;

    const result = {
      loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
      cores: availableParallelism(),
      district: {
        visits: district.visits.length,
        teams: district.teams.length,
        iterations: budget.districtIterations,
        inProcessSeconds: Number(inProcessSeconds.toFixed(2)),
        twoWorkersSeconds: Number(queueSeconds.toFixed(2)),
        ratio: Number((inProcessSeconds / queueSeconds).toFixed(2)),
        inProcessCpuSeconds: Number(inProcessCpu.toFixed(2)),
        twoWorkersCpuSeconds: queueCpu === null ? null : Number(queueCpu.toFixed(2)),
        sameSchedule,
        violations,
      },
      smallJobs: {
        jobs: SMALL_JOBS,
        visitsPerJob: Math.round(tiny.reduce((n, p) => n + p.visits.length, 0) / tiny.length),
        iterations: 30,
        seconds: Number(smallSeconds.toFixed(2)),
        jobsPerSecond: Number((SMALL_JOBS / smallSeconds).toFixed(1)),
        inProcessJobsPerSecond: Number((SMALL_JOBS / smallInProcessSeconds).toFixed(1)),
      },
    };
    const d = result.district;
    process.stdout.write(
      [
        `## Worker service${quick ? ' (quick)' : ''}`,
        '',
        '| run | seconds |',
        '|---|---:|',
        `| district day in process, team by team (${d.teams} teams, ${d.visits} visits, ${d.iterations} iterations) | ${d.inProcessSeconds} |`,
        `| the same as a solve-district flow through two workers | ${d.twoWorkersSeconds} |`,
        `| ratio in-process / two workers | ${d.ratio} |`,
        `| CPU seconds in process / producer and both workers | ${d.inProcessCpuSeconds} / ${d.twoWorkersCpuSeconds ?? 'n/a'} |`,
        '',
        `Best of two rounds each after a warm-up round; ${result.cores} cores, load average ${result.loadAverage.join(' ')} at the end.`,
        '',
        `Same schedule as in process: ${d.sameSchedule ? 'yes' : 'NO'}; checker violations: ${d.violations}.`,
        '',
        `Small jobs: ${SMALL_JOBS} solve-day jobs (${result.smallJobs.visitsPerJob} visits, 30 iterations) through two workers in ${result.smallJobs.seconds} s: ` +
          `${result.smallJobs.jobsPerSecond} jobs/s (one process solving them in a loop: ${result.smallJobs.inProcessJobsPerSecond}/s).`,
        '',
      ].join('\n'),
    );
    await mkdir(new URL('./results/', import.meta.url), { recursive: true });
    const file = fileURLToPath(new URL(`./results/worker${quick ? '-quick' : ''}.json`, import.meta.url));
    await writeFileAtomic(file, toJsonText({ date: new Date().toISOString(), quick, node: process.version, seconds: Math.round((performance.now() - started) / 1000), ...result }));
  } finally {
    await client.queue.obliterate({ force: true }).catch(() => undefined);
    await client.close();
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.child.exitCode === null ? w.child.on('exit', r) : r(null)))));
  }
}

await main();
