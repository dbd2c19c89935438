/** `kontinuitet check` in process: output and exit codes (0 ok, 1 violation, 2 bad input). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerCheck } from '../../src/cli/commands/check.ts';
import { baseProblem, baseSchedule, routeOf } from './fixtures.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontinuitet-check-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function file(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

async function run(...args: string[]): Promise<{ code: number | undefined; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  const program = new Command('kontinuitet').exitOverride();
  registerCheck(program);
  await program.parseAsync(['check', ...args], { from: 'user' });
  const code = process.exitCode === undefined ? undefined : Number(process.exitCode);
  vi.restoreAllMocks();
  return { code, out, err };
}

describe('kontinuitet check', () => {
  it('prints ok and the recomputed metrics for a valid schedule, exit 0', async () => {
    const { code, out } = await run(await file('p.json', baseProblem()), await file('s.json', baseSchedule()));
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('ok');
    expect(out).toContain('contactShare 0.667, contactOrDeputyShare 1, contactReachableShare 1');
    expect(out).toContain('median 1.5');
  });

  it('prints every violation as "code path: sentence", exit 1', async () => {
    const schedule = baseSchedule();
    routeOf(schedule, 's2').breaks = [];
    schedule.metrics.contactShare = 0.5;
    const { code, out } = await run(await file('p.json', baseProblem()), await file('s.json', schedule));
    expect(code).toBe(1);
    expect(out).toMatch(/^missing_break routes\[1\]\.breaks: s2 has visits but takes no 15 min break between 10:30 and 12:00\n/);
    expect(out).toContain('note metrics.contactShare: reported 0.5, recomputed 0.6666666666666666');
  });

  it('--json gives ok, violations, metrics and metricDiffs', async () => {
    const schedule = baseSchedule();
    schedule.date = '2026-11-24';
    const { code, out } = await run(await file('p.json', baseProblem()), await file('s.json', schedule), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.ok).toBe(false);
    expect(report.violations).toEqual([{ code: 'date_mismatch', path: 'date', message: 'the schedule is for 2026-11-24 but the problem is for 2026-11-23', ids: [] }]);
    expect(report.metrics.travelMinutes).toBe(59);
    expect(report.metricDiffs).toEqual([]);
  });

  it('a schedule of the wrong shape is invalid input, exit 2, with the path', async () => {
    const schedule = baseSchedule() as unknown as { routes: { stops: Record<string, unknown>[] }[] };
    delete schedule.routes[0].stops[0].start;
    const { code, out, err } = await run(await file('p.json', baseProblem()), await file('s.json', schedule));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('routes[0].stops[0].start');
  });

  it('a schedule time that is not a real date is invalid input, exit 2', async () => {
    const schedule = baseSchedule();
    schedule.routes[0].end = '2026-11-31T10:23:00+01:00';
    const { code, err } = await run(await file('p.json', baseProblem()), await file('s.json', schedule));
    expect(code).toBe(2);
    expect(err).toContain('routes[0].end');
  });

  it('an invalid problem is invalid input, exit 2', async () => {
    const problem = baseProblem() as unknown as { visits: { window: { end: string } }[] };
    problem.visits[0].window.end = '25:00';
    const { code, err } = await run(await file('p.json', problem), await file('s.json', baseSchedule()));
    expect(code).toBe(2);
    expect(err).toContain('visits[0].window.end');
  });

  it('a missing or unparsable file is invalid input, exit 2', async () => {
    expect((await run(join(dir, 'nope.json'), await file('s.json', baseSchedule()))).code).toBe(2);
    expect((await run(await file('p.json', baseProblem()), await file('bad.json', '{"routes": ['))).code).toBe(2);
  });
});
