/**
 * The worker service against a real Redis: worker processes started as `npm run worker`
 * starts them, jobs added through the producer, results compared with in-process solves.
 * Every run uses its own key prefix and deletes its keys afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { generateDay } from '../../src/generate/index.ts';
import { solveDay } from '../../src/solver/index.ts';
import { replanDay } from '../../src/replan/index.ts';
import { checkSchedule } from '../../src/check/index.ts';
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import { JOB_OPTIONS } from '../../worker/jobs.ts';
import { QueueClient } from '../../worker/producer.ts';
import { REDIS_URL, WorkerProcess, deleteKeys, requireRedisOrSkip, uniquePrefix, until, withoutSeconds } from './helpers.ts';

const redisUp = await requireRedisOrSkip('worker tests');
const prefix = uniquePrefix();

/** Names of recipients and staff in a problem: none of them may ever reach a log. */
function personalNames(problem: DayProblem): string[] {
  return [...problem.staff, ...problem.recipients].flatMap((p) => (p.name ? [p.name] : []));
}

describe.skipIf(!redisUp)('worker service on Redis', () => {
  afterAll(async () => {
    await deleteKeys(prefix);
  });

  describe('two worker processes', () => {
    const queueName = 'shared';
    let workers: WorkerProcess[];
    let client: QueueClient;
    const names = new Set<string>();

    beforeAll(async () => {
      workers = ['worker-a', 'worker-b'].map((name) => new WorkerProcess(name, ['--prefix', prefix, '--queue', queueName]));
      client = new QueueClient({ redisUrl: REDIS_URL, queue: queueName, prefix });
      await Promise.all(workers.map((w) => w.ready()));
    });

    afterAll(async () => {
      await client.close();
      const exits = await Promise.all(workers.map((w) => w.stop('SIGTERM')));
      expect(exits.map((e) => e.code)).toEqual([0, 0]);
    });

    it('completes 200 small solve-day jobs across both, each equal to an in-process solve', { timeout: 100_000 }, async () => {
      const problems = Array.from({ length: 40 }, (_, k) => generateDay({ seed: 100 + k, teams: 1, staffPerTeam: 2, recipientsPerTeam: 4 }).problem);
      for (const p of problems) for (const n of personalNames(p)) names.add(n);
      const specs = Array.from({ length: 200 }, (_, i) => ({ problem: problems[i % 40], seed: Math.floor(i / 40) + 1, iterations: 30 }));
      const jobs = await client.queue.addBulk(specs.map((s) => ({ name: 'solve-day', data: { ...s, timeLimitSeconds: 120 }, opts: JOB_OPTIONS })));

      await until('200 completed jobs', async () => (await client.queue.getJobCountByTypes('completed', 'failed')) >= 200, 80_000, 250);
      expect(await client.queue.getJobCountByTypes('failed')).toBe(0);

      const done = await Promise.all(jobs.map((j) => Job.fromId(client.queue, j.id!)));
      expect(new Set(done.map((j) => j!.processedBy))).toEqual(new Set(['worker-a', 'worker-b']));
      specs.forEach((s, i) => {
        const local = solveDay(s.problem, { seed: s.seed, iterations: s.iterations, timeLimitMs: 120_000 });
        expect(withoutSeconds(done[i]!.returnvalue as Schedule), `job ${i}`).toEqual(withoutSeconds(local));
      });
    });

    it('merges a solve-district flow into one schedule that passes the checker', { timeout: 60_000 }, async () => {
      const { problem } = generateDay({ seed: 7, teams: 3, staffPerTeam: 3, recipientsPerTeam: 8 });
      for (const n of personalNames(problem)) names.add(n);
      const added = await client.add('solve-district', { problem, seed: 4, iterations: 300, timeLimitSeconds: 120 });
      expect(added.children).toHaveLength(3);

      const outcome = await client.wait(added.id);
      expect(outcome.state).toBe('completed');
      const merged = (outcome as { value: Schedule }).value;
      const check = checkSchedule(problem, merged);
      expect(check.violations).toEqual([]);
      expect(check.metricDiffs).toEqual([]);

      // The district through the queue is the district solved team by team in process.
      const local = solveDay(problem, { seed: 4, iterations: 300, timeLimitMs: 120_000 });
      const { solver: mergedSolver, ...mergedRest } = withoutSeconds(merged) as Schedule;
      const { solver: localSolver, ...localRest } = withoutSeconds(local) as Schedule;
      expect(mergedRest).toEqual(localRest);
      expect(mergedSolver?.iterations).toBe(localSolver?.iterations);
      expect(mergedSolver?.objective).toBeCloseTo(localSolver!.objective!, 2);
      expect(mergedSolver?.contactCeiling).toBeCloseTo(localSolver!.contactCeiling!, 9);
      expect(new Set(merged.routes.map((r) => problem.staff.find((s) => s.id === r.staff)!.team))).toEqual(new Set(['T1', 'T2', 'T3']));
    });

    it('re-plans a day on the queue as in process, and fails bad changes once with their paths', { timeout: 60_000 }, async () => {
      const { problem } = generateDay({ seed: 11, teams: 1, staffPerTeam: 4, recipientsPerTeam: 10 });
      for (const n of personalNames(problem)) names.add(n);
      const published = solveDay(problem, { seed: 1, iterations: 100, timeLimitMs: 120_000 });
      const sick = published.routes[0].staff;
      const changes = { format: 'kontinuitet/changes@1' as const, now: '10:30', changes: [{ type: 'staff_absent' as const, staff: sick }] };
      const added = await client.add('replan-day', { problem, schedule: published, changes, seed: 5, iterations: 150, timeLimitSeconds: 120 });
      const outcome = await client.wait(added.id);
      expect(outcome.state).toBe('completed');
      const remote = (outcome as { value: Schedule & { replan: unknown } }).value;
      const local = replanDay(problem, published, changes, { seed: 5, iterations: 150, timeLimitMs: 120_000 });
      expect(withoutSeconds(remote)).toEqual(withoutSeconds(local.schedule));
      expect(checkSchedule(local.day, remote).violations).toEqual([]);

      const bad = await client.add('replan-day', { problem, schedule: published, changes: { ...changes, changes: [{ type: 'visit_cancelled', visit: 'nope' }] } });
      const failed = await client.wait(bad.id);
      expect(failed.state).toBe('failed');
      expect((failed as { reason: string }).reason).toMatch(/^invalid input: /);
      expect((failed as { reason: string }).reason).toContain('changes changes[0].visit: "nope" is not a visit of the day');
    });

    it('fails an invalid problem once, with its validation messages, without retrying', { timeout: 30_000 }, async () => {
      const { problem } = generateDay({ seed: 3, teams: 1, staffPerTeam: 2, recipientsPerTeam: 3 });
      const broken = { ...problem, visits: problem.visits.map((v, i) => (i === 1 ? { ...v, window: { ...v.window, end: '25:00' } } : v)) };
      const job = await client.queue.add('solve-day', { problem: broken, iterations: 10 }, JOB_OPTIONS);
      const badData = await client.queue.add('solve-day', { problem, iterations: -3 }, JOB_OPTIONS);

      for (const [added, path] of [[job, 'visits[1].window.end'], [badData, 'iterations']] as const) {
        const outcome = await client.wait(added.id!);
        expect(outcome.state).toBe('failed');
        expect((outcome as { reason: string }).reason).toMatch(/^invalid input: /);
        expect((outcome as { reason: string }).reason).toContain(path);
        const failed = await Job.fromId(client.queue, added.id!);
        expect(await failed!.getState()).toBe('failed');
        expect(failed!.attemptsMade).toBe(1);
        expect(failed!.opts.attempts).toBe(3);
      }
    });

    it('cancels a running job at once (failed as cancelled, not retried) and removes a waiting one', { timeout: 40_000 }, async () => {
      const { problem } = generateDay({ seed: 5, teams: 1, staffPerTeam: 5, recipientsPerTeam: 20 });
      const events = await client.events();
      const running = await client.add('solve-day', { problem, iterations: 50_000_000, timeLimitSeconds: 120 });
      await new Promise<void>((resolve) => {
        const onProgress = ({ jobId }: { jobId: string }) => jobId === running.id && (events.off('progress', onProgress), resolve());
        events.on('progress', onProgress);
      });
      const asked = Date.now();
      expect(await client.cancel(running.id)).toBe('signalled');
      const outcome = await client.wait(running.id);
      expect(Date.now() - asked).toBeLessThan(5000);
      expect(outcome).toEqual({ state: 'failed', reason: 'cancelled: by request' });
      expect((await Job.fromId(client.queue, running.id))!.attemptsMade).toBe(1);

      const later = await client.queue.add('solve-day', { problem, iterations: 10 }, { ...JOB_OPTIONS, delay: 60_000 });
      expect(await client.cancel(later.id!)).toBe('removed');
      expect(await Job.fromId(client.queue, later.id!)).toBeUndefined();
      expect(await client.cancel('no-such-job')).toBe('missing');
    });

    it('adds an identical idempotent job only once', { timeout: 30_000 }, async () => {
      const { problem } = generateDay({ seed: 9, teams: 1, staffPerTeam: 2, recipientsPerTeam: 3 });
      const first = await client.add('solve-day', { problem, seed: 2, iterations: 20 }, { idempotent: true });
      const reordered = Object.fromEntries(Object.entries(problem).reverse()) as unknown as DayProblem;
      const again = await client.add('solve-day', { iterations: 20, seed: 2, problem: reordered }, { idempotent: true });
      const other = await client.add('solve-day', { problem, seed: 3, iterations: 20 }, { idempotent: true });
      expect(first.existing).toBe(false);
      expect(again).toEqual({ id: first.id, existing: true, children: [] });
      expect(other.id).not.toBe(first.id);
      expect((await client.wait(first.id)).state).toBe('completed');
    });

    it('logs JSON lines with ids and counts only, never a name from the problems', () => {
      const lines = workers.flatMap((w) => w.lines);
      expect(lines.length).toBeGreaterThan(400);
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      const text = lines.join('\n');
      expect(names.size).toBeGreaterThan(50);
      for (const name of names) expect(text.includes(name), name).toBe(false);
      expect(text).not.toMatch(/"(lat|lon|location|name|problem|data|stops)":/);
      const failed = workers.flatMap((w) => w.logs).filter((l) => l.event === 'job.failed');
      expect(failed.length).toBeGreaterThan(0);
      for (const l of failed) expect(Object.keys(l).sort()).toEqual(expect.arrayContaining(['jobId', 'job', 'error']));
    });
  });

  describe('losing a worker loses no job', () => {
    const queueName = 'fragile';
    // Short locks so a killed worker's job is taken over in seconds rather than 30.
    const fast = ['--prefix', prefix, '--queue', queueName, '--lock-duration', '2000', '--stalled-interval', '1000'];
    const { problem } = generateDay({ seed: 11, teams: 1, staffPerTeam: 6, recipientsPerTeam: 24 });
    // About three seconds of search: long enough to be stopped in the middle.
    const long = { problem, seed: 5, iterations: 60_000, timeLimitSeconds: 300 };
    let reference: unknown;
    let connections: Redis[];
    let queue: Queue;
    let events: QueueEvents;
    const started: WorkerProcess[] = [];
    const start = (name: string, extra: string[] = []) => {
      const w = new WorkerProcess(name, [...fast, ...extra]);
      started.push(w);
      return w;
    };
    const progressOf = (id: string) =>
      new Promise<void>((resolve) => {
        const onProgress = ({ jobId }: { jobId: string }) => jobId === id && (events.off('progress', onProgress), resolve());
        events.on('progress', onProgress);
      });

    beforeAll(async () => {
      connections = [0, 1].map(() => new Redis(REDIS_URL, { maxRetriesPerRequest: null }));
      queue = new Queue(queueName, { connection: connections[0], prefix });
      events = new QueueEvents(queueName, { connection: connections[1], prefix });
      await events.waitUntilReady();
      reference = withoutSeconds(solveDay(problem, { seed: long.seed, iterations: long.iterations, timeLimitMs: 300_000 }));
    });

    afterAll(async () => {
      await Promise.all(started.map((w) => w.stop('SIGKILL')));
      await events.close();
      await queue.close();
      await Promise.all(connections.map((c) => c.quit()));
    });

    it('completes, on another worker, the job of a worker killed with SIGKILL mid-search', { timeout: 60_000 }, async () => {
      const doomed = start('doomed');
      await doomed.ready();
      const job = await queue.add('solve-day', long, JOB_OPTIONS);
      await progressOf(job.id!);
      expect((await Job.fromId(queue, job.id!))!.processedBy).toBe('doomed');
      doomed.child.kill('SIGKILL');
      expect((await doomed.exited).signal).toBe('SIGKILL');

      const rescuer = start('rescuer');
      const value = (await job.waitUntilFinished(events, 45_000)) as Schedule;
      expect(withoutSeconds(value)).toEqual(reference);
      const done = await Job.fromId(queue, job.id!);
      expect(done!.processedBy).toBe('rescuer');
      expect(done!.attemptsStarted).toBe(2);
      await rescuer.waitForLog((l) => l.event === 'job.completed' && l.jobId === job.id);
      expect((await rescuer.stop('SIGTERM')).code).toBe(0);
    });

    it('on SIGTERM finishes the running job, takes no other, and exits 0', { timeout: 60_000 }, async () => {
      const leaving = start('leaving');
      await leaving.ready();
      const gaps: number[] = [];
      let last = 0;
      const running = await queue.add('solve-day', long, JOB_OPTIONS);
      const onProgress = ({ jobId }: { jobId: string }) => {
        if (jobId !== running.id) return;
        const now = Date.now();
        if (last) gaps.push(now - last);
        last = now;
      };
      events.on('progress', onProgress);
      const next = await queue.add('solve-day', long, JOB_OPTIONS);
      await progressOf(running.id!);
      leaving.child.kill('SIGTERM');

      const value = (await running.waitUntilFinished(events, 45_000)) as Schedule;
      events.off('progress', onProgress);
      expect(withoutSeconds(value)).toEqual(reference);
      expect((await leaving.exited).code).toBe(0);
      expect(await next.getState()).toBe('waiting');
      expect((await Job.fromId(queue, next.id!))!.attemptsStarted).toBe(0);
      // Progress reaches Redis at least about once a second (the solver reports every 500 ms).
      expect(gaps.length).toBeGreaterThan(1);
      expect(Math.max(...gaps)).toBeLessThan(1500);
    });

    it('on SIGTERM past the grace period puts the running job back, and another worker completes it', { timeout: 60_000 }, async () => {
      const [waiting] = await queue.getJobs(['waiting']);
      expect(waiting).toBeDefined();
      const hasty = start('hasty', ['--grace', '0.2']);
      await progressOf(waiting.id!);
      hasty.child.kill('SIGTERM');
      expect((await hasty.exited).code).toBe(0);
      const back = await Job.fromId(queue, waiting.id!);
      expect(await back!.getState()).toBe('waiting');
      expect(back!.attemptsMade).toBe(0);
      expect(await queue.getJobCountByTypes('failed')).toBe(0);

      const finisher = start('finisher');
      const value = (await back!.waitUntilFinished(events, 45_000)) as Schedule;
      expect(withoutSeconds(value)).toEqual(reference);
      expect((await Job.fromId(queue, waiting.id!))!.processedBy).toBe('finisher');
      expect((await finisher.stop('SIGTERM')).code).toBe(0);
    });
  });
});
