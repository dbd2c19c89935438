/**
 * Deep or huge inputs are refused with a sentence naming the limit, never a stack overflow,
 * an out-of-memory or a hang (src/limits): on every command that reads JSON or CSV and in
 * the worker's job data. The fuzzer's minimal cases: a field nested a few thousand levels
 * deep, a 50,000-point area, `kpi --windows 100000000`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxedJob } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDay, generatePeriod } from '../../src/generate/index.ts';
import { computeKpi, parseVisitLog } from '../../src/kpi/index.ts';
import { LIMITS, valueLimitProblems } from '../../src/limits/index.ts';
import { InputError, preview } from '../../src/model/errors.ts';
import type { DayProblem } from '../../src/model/types.ts';
import { solveDay } from '../../src/solver/index.ts';
import { validateDocument } from '../../src/validate/index.ts';
import { parseJobData } from '../../worker/jobs.ts';
import processJob from '../../worker/processors/index.ts';
import { CRASH, runInProcess } from '../cli/in-process.ts';

/** A value nested `depth` lists deep around `inner`, built without recursion. */
function nested(depth: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** JSON text of `value` with the string "DEEP" replaced by a list nested `depth` deep: text, since JSON.stringify itself recurses. */
function withDeep(value: unknown, depth: number): string {
  return JSON.stringify(value).replace('"DEEP"', `${'['.repeat(depth)}1${']'.repeat(depth)}`);
}

/** A closed ring of `points` positions around the team's office. */
function ring(points: number, position: (lon: number, lat: number) => unknown = (lon, lat) => [lon, lat]): unknown[] {
  const out = Array.from({ length: points }, (_, i) => {
    const a = (2 * Math.PI * i) / points;
    return position(18.07 + 0.02 * Math.cos(a), 59.315 + 0.01 * Math.sin(a));
  });
  return [...out, out[0]];
}

let dir: string;
let day: DayProblem;
let dayFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontinuitet-limits-'));
  day = generateDay({ seed: 5, teams: 1, staffPerTeam: 3, recipientsPerTeam: 5 }).problem;
  dayFile = await file('day.json', day);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

let files = 0;
async function file(name: string, value: unknown): Promise<string> {
  const path = join(dir, `${files++}-${name}`);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

function deepDay(): string {
  return withDeep({ ...day, visits: [{ ...day.visits[0], durationMinutes: 'DEEP' }, ...day.visits.slice(1)] }, 5000);
}

describe('deep values', () => {
  it('are refused before zod with the path where the limit is crossed, iteratively (a million levels)', () => {
    for (const depth of [5000, 1_000_000]) {
      const found = valueLimitProblems({ visits: [{ window: nested(depth) }] });
      expect(found).toEqual([
        {
          path: `visits[0].window${'[0]'.repeat(LIMITS.depth.defaultValue - 3)}`,
          message: 'is nested more than 32 levels deep (KONTINUITET_MAX_DEPTH raises the limit)',
          severity: 'error',
          code: 'too_deep',
        },
      ]);
    }
  });

  it('are quoted by the error formatter in 40 characters, whatever their depth', () => {
    expect(preview(nested(100_000))).toBe(`${'['.repeat(37)}...`);
    expect(preview({ a: 'x'.repeat(1e6) })).toBe(`{"a":"${'x'.repeat(31)}...`);
  });

  it('exit 2 with a sentence on every command that reads a JSON document', async () => {
    const deep = await file('deep.json', deepDay());
    const schedule = solveDay(day, { iterations: 10, seed: 1 });
    const deepSchedule = await file('deep-schedule.json', withDeep({ ...schedule, metrics: { ...schedule.metrics, byStaff: 'DEEP' } }, 4000));
    const period = generatePeriod({ seed: 5, teams: 1, staffPerTeam: 3, recipientsPerTeam: 4, days: 2 }) as unknown as Record<string, unknown>;
    const deepPeriod = await file('deep-period.json', withDeep({ ...period, visitPlans: 'DEEP' }, 3000));
    const runs = [
      ['validate', deep],
      ['validate', deepSchedule],
      ['solve', deep, '-q'],
      ['check', deep, dayFile],
      ['check', dayFile, deepSchedule],
      ['plan-period', deepPeriod, '-q'],
      ['contacts', 'suggest', deepPeriod],
      // Refused on reading, before the queue is asked for.
      ['enqueue', deep, '--idempotent'],
    ];
    for (const args of runs) {
      const run = await runInProcess(args, { REDIS_URL: 'redis://127.0.0.1:1' });
      expect(run.code, args.join(' ')).toBe(2);
      expect(`${run.out}${run.err}`).toContain('is nested more than 32 levels deep (KONTINUITET_MAX_DEPTH raises the limit)');
      expect(`${run.out}${run.err}`).not.toMatch(CRASH);
    }
  });

  it('in a JSON-lines visit log are quoted, not recursed into', () => {
    const line = withDeep({ recipient: 'r1', staff: 'DEEP', start: '2026-11-23 08:00', end: '2026-11-23 08:30' }, 20_000);
    expect(() => parseVisitLog(`${line}\n`, 'log.jsonl', 'Europe/Stockholm')).toThrow(`log.jsonl:1: staff: ${'['.repeat(37)}... should be text`);
  });

  it('in the worker\'s job data are an input failure, not a crash', async () => {
    expect(() => parseJobData('solve-day', { problem: { format: 'kontinuitet/day@1', extra: nested(10_000) } })).toThrow(InputError);
    const job = { id: '1', name: 'solve-day', data: JSON.parse(`{"problem": ${deepDay()}}`), updateProgress: async () => undefined } as unknown as SandboxedJob;
    await expect(processJob(job)).rejects.toMatchObject({ name: 'UnrecoverableError', message: expect.stringContaining('is nested more than 32 levels deep') });
  });

  it('may be allowed by KONTINUITET_MAX_DEPTH, and a bad value of it is refused', async () => {
    const forty = await file('forty.json', { ...day, visits: [{ ...day.visits[0], durationMinutes: nested(40) }] });
    expect((await runInProcess(['validate', forty])).out).toContain('is nested more than 32 levels deep');
    const raised = await runInProcess(['validate', forty], { KONTINUITET_MAX_DEPTH: '64' });
    expect(raised.code).toBe(2);
    expect(raised.out).toContain('visits[0].durationMinutes: [[[[');
    const bad = await runInProcess(['validate', forty], { KONTINUITET_MAX_DEPTH: 'deep' });
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('KONTINUITET_MAX_DEPTH: "deep" is not a whole number of 1 or more') });
  });
});

describe('long lists', () => {
  const withArea = (area: unknown) => ({ ...day, teams: [{ ...day.teams[0], area }] });

  it('a 50,000-point area is walked and accepted; with its points as text every problem is listed', async () => {
    const valid = validateDocument(withArea({ type: 'Polygon', coordinates: [ring(50_000)] }));
    expect(valid.ok).toBe(true);
    const run = await runInProcess(['validate', '--json', await file('text-points.json', withArea({ type: 'Polygon', coordinates: [ring(50_000, (lon, lat) => [String(lon), String(lat)])] }))]);
    expect(run.code).toBe(2);
    const [report] = JSON.parse(run.out);
    expect(report.errors).toBe(100_002);
    expect(report.problems[0]).toMatchObject({ path: 'teams[0].area.coordinates[0][0][0]', message: expect.stringMatching(/^"18\.09" should be a number$/) });
    const objects = validateDocument(withArea({ type: 'MultiPolygon', coordinates: [[ring(60_000, (lon, lat) => ({ lon, lat }))]] }));
    expect(objects.ok).toBe(false);
  });

  it('past KONTINUITET_MAX_LIST_ITEMS a list, or an object\'s fields, are refused', async () => {
    const run = await runInProcess(['validate', await file('huge-ring.json', withArea({ type: 'Polygon', coordinates: [ring(100_000)] }))]);
    expect(run.code).toBe(2);
    expect(run.out).toContain('teams[0].area.coordinates[0]: has 100,001 items, more than the limit of 100,000 items (KONTINUITET_MAX_LIST_ITEMS raises it)');
    const wide = Object.fromEntries(Array.from({ length: 100_001 }, (_, i) => [`k${i}`, i]));
    expect(valueLimitProblems({ objective: wide })[0].message).toBe('has 100,001 fields, more than the limit of 100,000 items (KONTINUITET_MAX_LIST_ITEMS raises it)');
  });

  it('a day with more places or visits than the limits is refused with the limit named', async () => {
    const district = generateDay({ seed: 2, teams: 3, staffPerTeam: 10, recipientsPerTeam: 40 }).problem;
    const path = await file('district.json', district);
    expect((await runInProcess(['validate', path])).code).toBe(0);
    const places = await runInProcess(['solve', path, '-q'], { KONTINUITET_MAX_PLACES: '100' });
    expect(places.code).toBe(2);
    expect(places.err).toContain(`(document): holds ${3 + district.staff.length + district.recipients.length} teams, staff and recipients together, more than the limit of 100 teams, staff and recipients (KONTINUITET_MAX_PLACES raises it)`);
    const visits = await runInProcess(['validate', path], { KONTINUITET_MAX_VISITS_PER_DAY: '50' });
    expect(visits.out).toContain(`visits: has ${district.visits.length} visits, more than the limit of 50 visits (KONTINUITET_MAX_VISITS_PER_DAY raises it)`);
    const period = await file('period.json', generatePeriod({ seed: 2, teams: 1, staffPerTeam: 4, recipientsPerTeam: 10, days: 3 }));
    const perDay = await runInProcess(['plan-period', period, '-q'], { KONTINUITET_MAX_VISITS_PER_DAY: '5' });
    expect(perDay.err).toMatch(/\(document\): has \d+ visits on 2026-11-0\d, more than the limit of 5 visits/);
  });

  it('the generator refuses sizes past the places limit before building anything', async () => {
    const run = await runInProcess(['generate', 'day', '--teams', '60', '--staff', '200', '--recipients', '1000', '-o', join(dir, 'huge.json')]);
    expect(run).toMatchObject({ code: 2, err: expect.stringContaining('60 teams of 200 staff and 1000 recipients make up to 72,060 places, more than the limit of 4,000') });
  });
});

describe('input size', () => {
  it('a file past KONTINUITET_MAX_INPUT_MB is refused before it is read whole', async () => {
    const big = await file('big.csv', `recipient;staff;start;end\n${'r1;s1;2026-11-23 08:00;2026-11-23 08:30\n'.repeat(40_000)}`);
    const rec = await file('rec.csv', 'recipient;age\nr1;80\n');
    const run = await runInProcess(['kpi', big, '--recipients', rec, '--from', '2026-11-23'], { KONTINUITET_MAX_INPUT_MB: '1' });
    expect(run).toMatchObject({ code: 2, err: expect.stringContaining('big.csv: is more than the limit of 1 MB (KONTINUITET_MAX_INPUT_MB raises it)') });
    expect((await runInProcess(['validate', dayFile], { KONTINUITET_MAX_INPUT_MB: '1' })).code).toBe(0);
  });

  it('a job\'s visit log past the limit is refused as input', async () => {
    const job = { id: '1', name: 'kpi', data: { visitLog: 'x'.repeat(1.5 * 1024 * 1024), recipients: '', from: '2026-11-23' } } as unknown as SandboxedJob;
    process.env.KONTINUITET_MAX_INPUT_MB = '1';
    try {
      await expect(processJob(job)).rejects.toMatchObject({ name: 'UnrecoverableError', message: expect.stringContaining('(job data): is more than the limit of 1 MB') });
    } finally {
      delete process.env.KONTINUITET_MAX_INPUT_MB;
    }
  });
});

describe('KPI windows', () => {
  const log = 'recipient;staff;start;end\nr1;s1;2026-11-23 08:00;2026-11-23 08:30\n';

  it('kpi --windows 100000000 is refused at once with a sentence', async () => {
    const started = performance.now();
    const run = await runInProcess(['kpi', await file('log.csv', log), '--recipients', await file('r.csv', 'recipient;age\nr1;80\n'), '--from', '2026-11-23', '--windows', '100000000']);
    expect(run).toMatchObject({ code: 2, err: 'kontinuitet: --windows 100000000 is more than the limit of 260 windows (KONTINUITET_MAX_KPI_WINDOWS raises it)\n' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a log reaching decades past --from is refused by default, reported by window count when asked', () => {
    const rows = [
      { recipient: 'r1', staff: 's1', start: '2026-11-23T08:00:00+01:00', end: '2026-11-23T08:30:00+01:00' },
      { recipient: 'r1', staff: 's2', start: '2126-11-23T08:00:00+01:00', end: '2126-11-23T08:30:00+01:00' },
    ];
    expect(() => computeKpi(rows, [], { from: '2026-11-23' })).toThrow(/windows: the log runs to 2126-11-2\d, 2,608 windows from 2026-11-23: more than the limit of 260 windows/);
    expect(computeKpi(rows, [], { from: '2026-11-23', windows: 2 }).windows).toHaveLength(2);
    expect(() => computeKpi(rows, [], { from: '2026-11-23', windows: 261 })).toThrow('windows: 261 is more than the limit of 260 windows');
  });

  it('the worker refuses the same window count', async () => {
    const job = { id: '1', name: 'kpi', data: { visitLog: log, recipients: 'recipient;age\nr1;80\n', from: '2026-11-23', windows: 100_000_000 } } as unknown as SandboxedJob;
    await expect(processJob(job)).rejects.toMatchObject({ name: 'UnrecoverableError', message: expect.stringContaining('windows: 100,000,000 is more than the limit of 260 windows') });
  });
});
