import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeriodProblem } from '../../src/model/types.ts';
import { everyDay, period, periodStaff as staff, plan, recipient } from '../builders.ts';
import { runInProcess } from './in-process.ts';

const START = '2026-11-02';
const ward: PeriodProblem = period({
  startDate: START,
  days: 14,
  staff: [staff('am', { roster: everyDay(START, 14, '07:00', '15:00') }), staff('pm', { roster: everyDay(START, 14, '14:00', '22:00') })],
  recipients: [recipient('r1'), recipient('r2', { excludedStaff: ['pm'] })],
  visitPlans: [plan('p1', 'r1'), plan('p2', 'r1', { window: { start: '19:00', end: '20:00' } }), plan('q1', 'r2'), plan('q2', 'r2', { window: { start: '19:00', end: '20:00' } })],
});

let dir: string;
let out: string;
let err: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bound-cli-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command in process; its output lands in `out` and `err`. */
async function run(...args: string[]): Promise<number> {
  const result = await runInProcess(['bound', ...args]);
  out = result.out;
  err = result.err;
  return result.code;
}

async function input(content: unknown): Promise<string> {
  const file = join(dir, 'period.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe('kontinuitet bound', () => {
  it('prints the floor per team and overall, names visits no one can make, and writes JSON with -o', async () => {
    const target = join(dir, 'floor.json');
    expect(await run(await input(ward), '-o', target)).toBe(0);
    // r1 needs am and pm; r2 excluded pm, so its evening visits have no one and it keeps one morning a day.
    expect(out).toMatch(/overall\s+1\s+2\.00\s+2\.0\s+2–2\s+0/);
    expect(out).toMatch(/r2: q2@2026-11-02, q2@2026-11-03/);
    const floor = JSON.parse(await readFile(target, 'utf8'));
    expect(floor.format).toBe('kontinuitet/floor@1');
    expect(floor.windows[0].byRecipient.r1).toMatchObject({ counted: true, floor: 2, staff: ['am', 'pm'] });
    expect(floor.windows[0].byRecipient.r2).toMatchObject({ counted: false, reason: 'too_few_visits', floor: 1 });
  });

  it('prints JSON with --json', async () => {
    expect(await run(await input(ward), '--json')).toBe(0);
    expect(JSON.parse(out).windows[0].overall).toMatchObject({ recipients: 1, mean: 2 });
  });

  it('reports invalid input with its paths, exit 2, nothing written', async () => {
    const bad = { ...ward, staff: [{ ...ward.staff[0], roster: [{ date: START, shift: { start: '25:00', end: '15:00' } }] }] };
    const target = join(dir, 'floor.json');
    expect(await run(await input(bad), '-o', target)).toBe(2);
    expect(err).toMatch(/staff\[0\]\.roster\[0\]\.shift\.start/);
    expect(err).not.toMatch(/at .*\.ts:\d+/);
    expect(out).toBe('');
    expect(await readdir(dir)).toEqual(['period.json']);
    expect(await run(join(dir, 'missing.json'))).toBe(2);
  });
});
