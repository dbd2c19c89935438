/** `kontinuitet worker`, `enqueue` and `queue` as a user runs them, against a real Redis. */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { generateDay } from '../../src/generate/index.ts';
import { solveDay } from '../../src/solver/index.ts';
import { replanDay } from '../../src/replan/index.ts';
import type { Schedule } from '../../src/model/types.ts';
import { REDIS_URL, ROOT, deleteKeys, requireRedisOrSkip, uniquePrefix, until, withoutSeconds } from './helpers.ts';
import { cliArgs, startCli } from '../helpers/cli.ts';

function kontinuitet(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, cliArgs(args), {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, REDIS_URL, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('kontinuitet enqueue without a server', () => {
  it('refuses bad usage with exit 2 before touching Redis', () => {
    const unreachable = { REDIS_URL: 'redis://127.0.0.1:1' };
    expect(kontinuitet(['enqueue', 'x.json', '--job', 'solve-week'], unreachable)).toMatchObject({ code: 2, stderr: expect.stringContaining('--job must be one of') });
    expect(kontinuitet(['enqueue', 'x.json', '--job', 'kpi', '--from', '2026-11-02'], unreachable)).toMatchObject({ code: 2, stderr: expect.stringContaining('--recipients') });
    expect(kontinuitet(['enqueue', 'x.json', '--job', 'replan-day', '--published', 'p.json'], unreachable)).toMatchObject({ code: 2, stderr: expect.stringContaining('a replan-day job needs --changes') });
    expect(kontinuitet(['enqueue', 'x.json', '--changes', 'c.json'], unreachable)).toMatchObject({ code: 2, stderr: expect.stringContaining('--changes applies to replan-day jobs only') });
  });

  it('says plainly, with exit 1, when Redis cannot be reached', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'enqueue-'));
    try {
      const file = join(dir, 'day.json');
      await writeFile(file, JSON.stringify(generateDay({ seed: 1, teams: 1, staffPerTeam: 2, recipientsPerTeam: 2 }).problem));
      const run = kontinuitet(['enqueue', file], { REDIS_URL: 'redis://:hunter2@127.0.0.1:1/0' });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('kontinuitet: cannot reach Redis at 127.0.0.1:1/0 (REDIS_URL): connect ECONNREFUSED 127.0.0.1:1\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const redisUp = await requireRedisOrSkip('enqueue/queue CLI tests');

describe.skipIf(!redisUp)('kontinuitet worker, enqueue and queue on Redis', () => {
  const prefix = uniquePrefix();
  const target = ['--prefix', prefix, '--queue', 'cli'];
  let dir: string;
  let dayFile: string;
  let badFile: string;
  let worker: ChildProcess;
  let workerOut = '';
  const { problem } = generateDay({ seed: 31, teams: 2, staffPerTeam: 3, recipientsPerTeam: 6 });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'enqueue-'));
    dayFile = join(dir, 'day.json');
    badFile = join(dir, 'bad.json');
    await writeFile(dayFile, JSON.stringify(problem));
    await writeFile(badFile, JSON.stringify({ ...problem, visits: [{ ...problem.visits[0], durationMinutes: -5 }, ...problem.visits.slice(1)] }));
    worker = startCli(['worker', ...target, '--name', 'cli-worker'], { env: { ...process.env, REDIS_URL } });
    worker.stdout!.setEncoding('utf8').on('data', (chunk: string) => (workerOut += chunk));
    await until('the worker to be ready', () => workerOut.includes('"worker.ready"'), 30_000);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    if (worker.exitCode === null) worker.kill('SIGKILL');
    await deleteKeys(prefix);
  });

  it('enqueue --wait prints the job id and progress, and writes the schedule', { timeout: 60_000 }, () => {
    const out = join(dir, 'schedule.json');
    const run = kontinuitet(['enqueue', dayFile, ...target, '--wait', '-o', out, '--iterations', '4000', '--seed', '2', '--time-limit', '60']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^job \d+\n/);
    expect(run.stderr).toMatch(/it \d+ {2}cost [\d.]+ {2}contact [\d.]+ % {2}unassigned \d+ {2}team T[12]/);
    return readFile(out, 'utf8').then((text) => {
      const local = solveDay(problem, { iterations: 4000, seed: 2, timeLimitMs: 60_000 });
      expect(withoutSeconds(JSON.parse(text) as Schedule)).toEqual(withoutSeconds(local));
    });
  });

  it('enqueue prints only the id without --wait; queue status counts the job', { timeout: 60_000 }, async () => {
    const run = kontinuitet(['enqueue', dayFile, ...target, '--iterations', '20', '--idempotent']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^solve-day-[0-9a-f]{40}\n$/);
    const again = kontinuitet(['enqueue', dayFile, ...target, '--iterations', '20', '--idempotent']);
    expect(again.stdout).toBe(run.stdout);
    expect(again.stderr).toContain('already in the queue; not added again');
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('cli', { connection, prefix });
    try {
      await until('the job to complete', async () => (await queue.getJobCountByTypes('completed')) >= 2, 30_000, 200);
    } finally {
      await queue.close();
      await connection.quit();
    }
    const status = JSON.parse(kontinuitet(['queue', 'status', ...target, '--json']).stdout);
    expect(status).toMatchObject({ queue: 'cli', prefix, workers: 1, paused: false, counts: { completed: 2, failed: 0, waiting: 0, active: 0 } });
    const text = kontinuitet(['queue', 'status', ...target]);
    expect(text.stdout).toMatch(/^queue cli \(prefix kt-test-[\w-]+\) at 127\.0\.0\.1:6379\n {2}waiting +0\n/);
  });

  it('enqueue --wait exits 2 with the validation messages of an invalid problem', { timeout: 60_000 }, () => {
    const run = kontinuitet(['enqueue', badFile, ...target, '--wait', '--iterations', '10']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/failed: invalid input: day problem \(1 problem\)\n {2}visits\[0\]\.durationMinutes: /);
    expect(kontinuitet(['enqueue', badFile, ...target, '--job', 'solve-district'])).toMatchObject({ code: 2, stderr: expect.stringContaining('visits[0].durationMinutes') });
    expect(kontinuitet(['queue', 'cancel', 'nope', ...target])).toMatchObject({ code: 2, stdout: 'no job nope in the queue\n' });
  });

  it('enqueue --job solve-district --wait writes the merged district schedule', { timeout: 60_000 }, async () => {
    const out = join(dir, 'district.json');
    const run = kontinuitet(['enqueue', dayFile, ...target, '--job', 'solve-district', '--wait', '-q', '-o', out, '--iterations', '200']);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    const local = solveDay(problem, { iterations: 200 });
    const { solver: _a, ...merged } = withoutSeconds(JSON.parse(await readFile(out, 'utf8')) as Schedule) as Schedule;
    const { solver: _b, ...inProcess } = withoutSeconds(local) as Schedule;
    expect(merged).toEqual(inProcess);
  });

  it('enqueue --job replan-day --wait writes the re-planned schedule, as replanDay makes it in process', { timeout: 60_000 }, async () => {
    const published = solveDay(problem, { iterations: 200, seed: 1, timeLimitMs: 60_000 });
    const changes = { format: 'kontinuitet/changes@1' as const, now: '11:00', changes: [{ type: 'staff_absent' as const, staff: published.routes[0].staff }] };
    const publishedFile = join(dir, 'published.json');
    const changesFile = join(dir, 'changes.json');
    await writeFile(publishedFile, JSON.stringify(published));
    await writeFile(changesFile, JSON.stringify(changes));
    const out = join(dir, 'replanned.json');
    const run = kontinuitet(['enqueue', dayFile, ...target, '--job', 'replan-day', '--published', publishedFile, '--changes', changesFile, '--wait', '-o', out, '--iterations', '150', '--seed', '3']);
    expect(run.code, run.stderr).toBe(0);
    const local = replanDay(problem, published, changes, { iterations: 150, seed: 3 });
    expect(withoutSeconds(JSON.parse(await readFile(out, 'utf8')) as Schedule)).toEqual(withoutSeconds(local.schedule));
  });

  it('kontinuitet worker stops on SIGTERM with exit 0', { timeout: 30_000 }, async () => {
    const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workerOut.trim().split('\n').map((l) => (JSON.parse(l) as { event: string }).event)).toContain('worker.stopped');
  });
});
