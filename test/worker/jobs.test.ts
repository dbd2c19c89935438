/**
 * The worker's pieces that need no Redis: job data shapes, content ids, the processor's
 * failure semantics run in process, the district split and merge, options and log fields.
 */
import { describe, expect, it } from 'vitest';
import type { SandboxedJob } from 'bullmq';
import { generateDay } from '../../src/generate/index.ts';
import { solveDay } from '../../src/solver/index.ts';
import { InputError } from '../../src/model/errors.ts';
import type { DayProblem, KpiReport, Schedule } from '../../src/model/types.ts';
import { UsageError } from '../../src/surface/run.ts';
import { addDays } from '../../src/time/index.ts';
import { contentJobId, describeRedis, parseJobData, INPUT_FAILURE, SHUTDOWN_REASON } from '../../worker/jobs.ts';
import processJob, { inputFailure } from '../../worker/processors/index.ts';
import { districtResults, solveDistrictJob, solveTeamJob, type TeamResult } from '../../worker/processors/solve.ts';
import { districtParts } from '../../worker/district.ts';
import { DEFAULT_SEARCH_PARAMS } from '../../src/solver/params.ts';
import { versionAtLeast } from '../../worker/connection.ts';
import { workerSettings, type WorkerFlags } from '../../worker/options.ts';
import { WORKER_DEFAULTS } from '../../worker/options.ts';
import { jobFields, resultFields } from '../../worker/log.ts';
import { withoutSeconds } from './helpers.ts';

/** What BullMQ hands a sandboxed processor, with the calls it made recorded. */
function sandboxedJob(name: string, data: unknown, children: Record<string, unknown> = {}) {
  const calls = { progress: [] as unknown[], movedToWait: [] as (string | undefined)[] };
  const job = {
    id: '1',
    name,
    data,
    updateProgress: async (p: unknown) => void calls.progress.push(p),
    moveToWait: async (token?: string) => void calls.movedToWait.push(token),
    getChildrenValues: async () => children,
  } as unknown as SandboxedJob;
  return { job, calls };
}

const small = () => generateDay({ seed: 21, teams: 1, staffPerTeam: 2, recipientsPerTeam: 4 }).problem;

describe('job data', () => {
  it('gives the same content id whatever the key order, another for other content', () => {
    const problem = small();
    const id = contentJobId('solve-day', { problem, seed: 1, iterations: 5 });
    const reordered = Object.fromEntries(Object.entries(problem).reverse());
    expect(contentJobId('solve-day', { iterations: 5, problem: reordered, seed: 1 })).toBe(id);
    expect(contentJobId('solve-day', { problem, seed: 2, iterations: 5 })).not.toBe(id);
    expect(contentJobId('kpi', { problem, seed: 1, iterations: 5 })).not.toBe(id);
    expect(id).toMatch(/^solve-day-[0-9a-f]{40}$/);
  });

  it('rejects bad job data with every problem and its path', () => {
    expect(() => parseJobData('solve-day', { problem: small(), iteration: 5, seed: 1.5 })).toThrow(InputError);
    try {
      parseJobData('solve-day', { iteration: 5, seed: 1.5 });
    } catch (err) {
      const paths = (err as InputError).problems.map((p) => p.path).sort();
      expect(paths).toEqual(['(document)', 'problem', 'seed']);
      expect((err as InputError).problems.find((p) => p.path === '(document)')!.message).toContain('"iteration"');
    }
  });

  it('formats an input failure as a heading and one line per problem', () => {
    const failure = inputFailure(
      new InputError(
        [
          { path: 'visits[3].window.end', message: '"25:00" is not a time', severity: 'error' },
          { path: 'staff[0].nickname', message: 'unknown field', severity: 'warning' },
        ],
        'invalid day problem',
      ),
    );
    expect(failure.name).toBe('UnrecoverableError');
    expect(failure.message).toBe(`${INPUT_FAILURE}: day problem (1 problem)\n  visits[3].window.end: "25:00" is not a time\n  warning staff[0].nickname: unknown field`);
    expect((failure as unknown as { problemCount: number }).problemCount).toBe(1);
  });
});

describe('the processor, run in process', () => {
  it('solves a solve-day job as solveDay does, reporting the CLI progress fields', async () => {
    const problem = generateDay({ seed: 4, teams: 1, staffPerTeam: 4, recipientsPerTeam: 14 }).problem;
    const { job, calls } = sandboxedJob('solve-day', JSON.parse(JSON.stringify({ problem, seed: 3, iterations: 3000, timeLimitSeconds: 60 })));
    const result = (await processJob(job, 'token')) as Schedule;
    expect(withoutSeconds(result)).toEqual(withoutSeconds(solveDay(problem, { seed: 3, iterations: 3000, timeLimitMs: 60_000 })));
    expect(calls.progress.length).toBeGreaterThan(0);
    expect(Object.keys(calls.progress.at(-1) as object).sort()).toEqual(['bestCost', 'contactShare', 'elapsedMs', 'iterations', 'unassigned']);
    expect((calls.progress.at(-1) as { iterations: number }).iterations).toBe(3000);
  });

  it('fails an invalid problem, bad data, a district added without its flow and an unknown job name as unrecoverable', async () => {
    const problem = small();
    const broken = { ...problem, staff: [{ ...problem.staff[0], shift: { start: '07:00', end: '31:00' } }, ...problem.staff.slice(1)] };
    for (const [name, data, text] of [
      ['solve-day', { problem: broken }, 'staff[0].shift.end'],
      ['solve-day', { problem, iterations: 0 }, 'iterations'],
      ['kpi', { visitLog: 'recipient,staff,start,end\nr1,s1,yesterday,2026-11-02 08:00\n', recipients: 'recipient,age\nr1,80\n', from: '2026-11-02' }, 'visitLog:2: start'],
      ['solve-district', { problem }, '(children): expected 1 team results, got 0'],
      ['solve-week', {}, 'unknown job name "solve-week"'],
    ] as const) {
      const error = await processJob(sandboxedJob(name, data).job).catch((e: Error) => e);
      expect(error, name).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('UnrecoverableError');
      expect((error as Error).message.startsWith(INPUT_FAILURE)).toBe(true);
      expect((error as Error).message).toContain(text);
    }
  });

  it('throws an unexpected error as it is, so BullMQ retries it with backoff', async () => {
    const { job } = sandboxedJob('solve-district', { problem: small() });
    (job as unknown as { getChildrenValues: () => Promise<never> }).getChildrenValues = () => Promise.reject(new Error('TimeoutError: getChildrenValues timed out'));
    const error = (await processJob(job).catch((e: Error) => e)) as Error;
    expect(error.name).toBe('Error');
    expect(error.message).toContain('timed out');
  });

  it('stops on a cancel: unrecoverable "cancelled", or back to the wait list when the worker shuts down', async () => {
    const problem = small();
    const data = { problem, iterations: 1_000_000_000, timeLimitSeconds: 60 };
    const cancelled = new AbortController();
    cancelled.abort('by request');
    const started = performance.now();
    const error = (await processJob(sandboxedJob('solve-day', data).job, 'tok', cancelled.signal).catch((e: Error) => e)) as Error;
    expect(performance.now() - started).toBeLessThan(5000);
    expect([error.name, error.message]).toEqual(['UnrecoverableError', 'cancelled: by request']);

    const shutdown = new AbortController();
    shutdown.abort(SHUTDOWN_REASON);
    const { job, calls } = sandboxedJob('solve-day', data);
    const waiting = (await processJob(job, 'tok-2', shutdown.signal).catch((e: Error) => e)) as Error;
    expect(waiting.name).toBe('WaitingError');
    expect(calls.movedToWait).toEqual(['tok-2']);
  });

  it('computes a kpi job from the texts of a visit log and a recipients file', async () => {
    const lines = ['recipient,staff,start,end'];
    for (let day = 0; day < 14; day++) {
      const date = addDays('2026-11-02', day);
      lines.push(`r1,a,${date} 08:00,${date} 08:30`, `r1,${day % 2 ? 'b' : 'c'},${date} 18:00,${date} 18:30`);
    }
    const { job } = sandboxedJob('kpi', { visitLog: lines.join('\n'), recipients: 'recipient,birthYear\nr1,1938\n', from: '2026-11-02' });
    const report = (await processJob(job)) as KpiReport;
    expect(report.format).toBe('kontinuitet/kpi@1');
    expect(report.windows[0].overall.recipients).toBe(1);
    expect(report.windows[0].overall.mean).toBe(3);
  });
});

describe('the district flow', () => {
  const { problem } = generateDay({ seed: 8, teams: 3, staffPerTeam: 3, recipientsPerTeam: 7 });

  it('splits a district into teams with their shares of the budget', () => {
    const parts = districtParts(problem, { iterations: 1000, timeLimitSeconds: 9, seed: 2 });
    expect(parts.map((p) => p.data.team)).toEqual(['T1', 'T2', 'T3']);
    expect(parts.map((p) => p.data.part)).toEqual([0, 1, 2]);
    const visits = parts.map((p) => (p.data.problem as DayProblem).visits.length);
    expect(visits.reduce((a, b) => a + b, 0)).toBe(problem.visits.length);
    parts.forEach((p, i) => {
      expect(p.data.iterations).toBe(Math.round((1000 * visits[i]) / problem.visits.length));
      // The teams share the time limit less what lending keeps.
      expect(p.data.timeLimitSeconds).toBeCloseTo((9 * (1 - DEFAULT_SEARCH_PARAMS.lendingShare) * visits[i]) / problem.visits.length, 9);
      expect(p.data.seed).toBe(2);
    });
  });

  it('keeps a day with a dependency across teams in one part', () => {
    const [a, b] = [problem.visits.find((v) => problem.recipients.find((r) => r.id === v.recipient)!.team === 'T1')!, problem.visits.find((v) => problem.recipients.find((r) => r.id === v.recipient)!.team === 'T2')!];
    const linked: DayProblem = { ...problem, visits: problem.visits.map((v) => (v.id === a.id ? { ...v, dependsOn: [{ visit: b.id }] } : v)) };
    const parts = districtParts(linked, { iterations: 100 });
    expect(parts).toHaveLength(1);
    expect(parts[0].data.iterations).toBe(100);
    expect(parts[0].data.team).toBe('T1+T2+T3');
  });

  it('merges team schedules, solved in any order, into what solveDay gives in process, lending included', () => {
    const parts = districtParts(problem, { iterations: 400, timeLimitSeconds: 60, seed: 6 });
    const results: TeamResult[] = [...parts].reverse().map((p) => solveTeamJob(JSON.parse(JSON.stringify(p.data)), { progress: () => undefined }));
    // Teams of three staff leave visits out: the parent lends, as solveDay does.
    expect(results.some((r) => r.outcome.unassigned.length > 0)).toBe(true);
    const asChildren = Object.fromEntries(results.map((r, i) => [`bull:kontinuitet:${i}`, JSON.parse(JSON.stringify(r))]));
    const merged = solveDistrictJob({ problem, iterations: 400, timeLimitSeconds: 60, seed: 6 }, asChildren);
    const local = solveDay(problem, { iterations: 400, timeLimitMs: 60_000, seed: 6 });
    const { solver: a, ...mergedRest } = withoutSeconds(merged) as Schedule;
    const { solver: b, ...localRest } = withoutSeconds(local) as Schedule;
    expect(mergedRest).toEqual(localRest);
    expect(Object.keys(a!)).toEqual(Object.keys(b!));
    expect(a!.iterations).toBe(b!.iterations);
    expect(a!.objective).toBeCloseTo(b!.objective!, 2);
    expect(a!.contactCeiling).toBeCloseTo(b!.contactCeiling!, 9);
    expect(() => districtResults(Object.fromEntries(Object.entries(asChildren).slice(1)), 3)).toThrow(/expected 3 team results, got 2 \(2 distinct\): add a district as a flow/);
  });
});

describe('worker options and logs', () => {
  const flags = (over: Partial<WorkerFlags> = {}): WorkerFlags => ({
    concurrency: '1',
    queue: WORKER_DEFAULTS.queue,
    prefix: WORKER_DEFAULTS.prefix,
    grace: '25',
    lockDuration: '30000',
    stalledInterval: '30000',
    ...over,
  });

  it('reads the options and REDIS_URL, and refuses bad values', () => {
    expect(workerSettings(flags({ concurrency: '2', grace: '0.5' }), {})).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', concurrency: 2, graceMs: 500, queue: 'kontinuitet', prefix: 'bull' });
    expect(workerSettings(flags(), { REDIS_URL: 'rediss://:pw@cache:6380/1' }).redisUrl).toBe('rediss://:pw@cache:6380/1');
    expect(() => workerSettings(flags({ concurrency: '0' }), {})).toThrow(UsageError);
    expect(() => workerSettings(flags({ concurrency: '1.5' }), {})).toThrow(/--concurrency must be a whole number/);
    expect(() => workerSettings(flags({ queue: 'a:b' }), {})).toThrow(/--queue/);
    expect(() => workerSettings(flags({ lockDuration: '10' }), {})).toThrow(/--lock-duration/);
  });

  it('names a Redis server without its password', () => {
    expect(describeRedis('redis://user:s3cret@db.local:6380/2')).toBe('db.local:6380/2');
    expect(describeRedis('rediss://:s3cret@cache')).toBe('rediss://cache:6379');
    expect(describeRedis('not a url')).toBe('(unreadable REDIS_URL)');
  });

  it('compares Redis versions', () => {
    expect(versionAtLeast('7.0.15', '6.2.0')).toBe(true);
    expect(versionAtLeast('6.2', '6.2.0')).toBe(true);
    expect(versionAtLeast('6.0.16', '6.2.0')).toBe(false);
    expect(versionAtLeast('10.0.0', '6.2.0')).toBe(true);
  });

  it('logs a job by ids and a result by counts, nothing from either', () => {
    const problem = small();
    const schedule = solveDay(problem, { iterations: 20 });
    const fields = { ...jobFields({ id: '7', name: 'solve-day', attemptsMade: 1, parentKey: 'bull:kontinuitet:3' }), ...resultFields(schedule) };
    expect(fields).toEqual({ jobId: '7', job: 'solve-day', attemptsMade: 1, parent: 'bull:kontinuitet:3', routes: schedule.routes.length, unassigned: schedule.unassigned.length, iterations: 20 });
    expect(resultFields({ team: 'T1', part: 0, objective: 1, schedule })).toEqual({ routes: schedule.routes.length, unassigned: schedule.unassigned.length, iterations: 20 });
  });
});
