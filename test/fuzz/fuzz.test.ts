/**
 * Our own structured fuzzer (seeded, so a failure repeats): a few hundred damaged copies of
 * generated documents — fields deleted, nulled, of the wrong type, huge numbers, long
 * strings, values nested thousands deep, duplicated items, unknown fields — and damaged
 * bytes (cut off, a byte dropped or inserted, Windows-1252 and UTF-16 text, two byte-order
 * marks) go through the CLI's read-and-validate path in this process, and a handful through
 * the real `kontinuitet` binary. Every run must end in exit 0 (the damage left a valid
 * document) or 2 with every problem at a JSON path or file position and a sentence; never a
 * stack trace, never exit 1; and every schedule a damaged but valid day gets passes the checker.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../helpers/cli.ts';
import { checkSchedule } from '../../src/check/index.ts';
import { generateDay, generatePeriod } from '../../src/generate/index.ts';
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import { Random } from '../../src/random/index.ts';
import { solveDay } from '../../src/solver/index.ts';
import { validateDayProblem } from '../../src/validate/index.ts';
import { CRASH, runInProcess, type CliRun } from '../cli/in-process.ts';

type Json = any;

const SEED = 20_261_025;
const DEEP = '\u0001deep';

/** Every place a value sits in `root`: its holder and key. Iterative. */
function slots(root: Json): { holder: Json; key: string | number }[] {
  const out: { holder: Json; key: string | number }[] = [];
  const pending: Json[] = [root];
  while (pending.length > 0) {
    const holder = pending.pop();
    if (holder === null || typeof holder !== 'object') continue;
    const keys: (string | number)[] = Array.isArray(holder) ? holder.map((_, i) => i) : Object.keys(holder);
    for (const key of keys) {
      out.push({ holder, key });
      pending.push(holder[key]);
    }
  }
  return out;
}

const WRONG = [0, -1, 1.5, -0.5, '', 'x', true, false, [], {}, '25:00', '24:00', '02:00+2', '2026-02-30', '2026-10-25T02:30', '2026-03-29T02:30', 'T9', '\ud800', 'a\u0000b'];
const HUGE = [1e308, -1e308, 2 ** 53 + 2, 1e21, Number.MAX_SAFE_INTEGER, 86_401, 1e9];
const FIELDS = ['lockedstart', 'staffcount', 'shift', 'roster', 'breaks', 'valueOf', '__proto__', 'x'.repeat(500)];

/** One structured change to a copy of `base`, described for the failure message. */
function mutate(base: Json, random: Random): { value: Json; what: string } {
  const value = structuredClone(base);
  const all = slots(value);
  const { holder, key } = random.pick(all);
  const op = random.int(0, 9);
  switch (op) {
    case 0:
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key];
      return { value, what: `delete ${String(key)}` };
    case 1:
      holder[key] = null;
      return { value, what: `null ${String(key)}` };
    case 2:
    case 3:
      holder[key] = structuredClone(random.pick(WRONG));
      return { value, what: `wrong type at ${String(key)}: ${JSON.stringify(holder[key])}` };
    case 4:
      holder[key] = random.pick(HUGE);
      return { value, what: `huge number at ${String(key)}` };
    case 5:
      holder[key] = random.chance(0.5) ? 'å'.repeat(20_000) : Array.from({ length: 5000 }, (_, i) => i);
      return { value, what: `long value at ${String(key)}` };
    case 6:
      holder[key] = DEEP;
      return { value, what: `nested 5000 deep at ${String(key)}` };
    case 7: {
      const list = random.pick(all.filter((s) => Array.isArray(s.holder[s.key]) && s.holder[s.key].length > 0));
      const items = list.holder[list.key];
      items.push(structuredClone(random.pick(items)));
      return { value, what: `duplicate item in ${String(list.key)}` };
    }
    case 8: {
      const objects = all.filter((s) => s.holder[s.key] !== null && typeof s.holder[s.key] === 'object' && !Array.isArray(s.holder[s.key]));
      const target = objects.length > 0 ? random.pick(objects).holder : value;
      const object = Array.isArray(target) ? value : target;
      Object.defineProperty(object, random.pick(FIELDS), { value: random.pick(WRONG), enumerable: true, configurable: true, writable: true });
      return { value, what: 'unknown field' };
    }
    default: {
      const other = random.pick(all);
      const swap = holder[key];
      holder[key] = structuredClone(other.holder[other.key]);
      other.holder[other.key] = swap;
      return { value, what: `swap ${String(key)} and ${String(other.key)}` };
    }
  }
}

function jsonText(value: Json): string {
  return JSON.stringify(value, null, 1).replace(JSON.stringify(DEEP), `${'['.repeat(5000)}1${']'.repeat(5000)}`);
}

/** One change to the bytes of a document's text. */
function damageBytes(text: string, random: Random): { bytes: Buffer; what: string } {
  const bytes = Buffer.from(text);
  const at = random.int(0, bytes.length - 1);
  switch (random.int(0, 6)) {
    case 0:
      return { bytes: bytes.subarray(0, at), what: `cut at byte ${at}` };
    case 1:
      return { bytes: Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]), what: `byte ${at} dropped` };
    case 2:
      return { bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from([random.int(0, 255)]), bytes.subarray(at)]), what: `byte inserted at ${at}` };
    case 3:
      return { bytes: Buffer.from(text.replace(/[a-z]/, 'å'), 'latin1'), what: 'Windows-1252 text' };
    case 4:
      return { bytes: Buffer.from(`\ufeff${text}`, 'utf16le'), what: 'UTF-16 text' };
    case 5:
      return { bytes: Buffer.from(`\ufeff\ufeff${text}`), what: 'two byte-order marks' };
    default:
      return { bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from(random.pick(['}', ']', ',', '"', ':', 'NaN', '\u201c', '\\'])), bytes.subarray(at)]), what: `junk at ${at}` };
  }
}

/** Exit 0, or 2 with every problem at a path with a sentence; never a crash. */
function expectHandled(run: CliRun, what: string, codes: readonly number[] = [0, 2]): void {
  const output = `${run.out}${run.err}`;
  expect(output, what).not.toMatch(CRASH);
  expect(output, what).not.toContain('\ufffd');
  expect(codes, `${what}: exit ${run.code}\n${run.err.slice(0, 400)}`).toContain(run.code);
}

function runBinary(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = startCli(args);
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    child.on('close', (status) => done({ status, output }));
  });
}

let dir: string;
let day: DayProblem;
let schedule: Schedule;
let period: Json;
let dayFile: string;
let count = 0;

async function file(bytes: Buffer | string, extension = 'json'): Promise<string> {
  const path = join(dir, `${count++}.${extension}`);
  await writeFile(path, bytes);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontinuitet-fuzz-'));
  day = generateDay({ seed: 3, teams: 2, staffPerTeam: 3, recipientsPerTeam: 5 }).problem;
  schedule = solveDay(day, { iterations: 30, seed: 1 });
  period = generatePeriod({ seed: 3, teams: 1, staffPerTeam: 3, recipientsPerTeam: 4, days: 2 });
  dayFile = await file(JSON.stringify(day));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('fuzz (seeded)', () => {
  it('damaged day problems: validate reports every problem at a path, and a valid one solves to a schedule the checker passes', async () => {
    const random = new Random(SEED).fork('day');
    const codes = new Map<number, number>();
    let solved = 0;
    for (let i = 0; i < 300; i++) {
      const damaged = random.chance(0.75) ? mutate(day, random) : null;
      const { bytes, what } = damaged ? { bytes: Buffer.from(jsonText(damaged.value)), what: damaged.what } : damageBytes(JSON.stringify(day, null, 1), random);
      const path = await file(bytes);
      const run = await runInProcess(['validate', '--json', path]);
      expectHandled(run, what);
      codes.set(run.code, (codes.get(run.code) ?? 0) + 1);
      const [report] = JSON.parse(run.out);
      expect(report.ok, what).toBe(run.code === 0);
      for (const problem of report.problems) {
        expect(problem.path, what).toMatch(/\S/);
        expect(problem.message, what).toMatch(/\S/);
      }
      if (run.code === 0 && solved < 20) {
        solved++;
        const solve = await runInProcess(['solve', path, '-q', '--iterations', '15', '--time-limit', '5']);
        expectHandled(solve, what, [0]);
        const validated = validateDayProblem(JSON.parse(bytes.toString('utf8')));
        if (!validated.ok) throw new Error(`${what}: validate passed, the validator did not`);
        expect(checkSchedule(validated.value, JSON.parse(solve.out)).violations, what).toEqual([]);
      }
    }
    expect(codes.get(2)).toBeGreaterThan(150);
    expect(codes.get(0)).toBeGreaterThan(5);
    expect(solved).toBeGreaterThan(5);
  });

  it('damaged schedules: check ends in 0, 1 (a violation) or 2, never a crash', async () => {
    const random = new Random(SEED).fork('schedule');
    for (let i = 0; i < 80; i++) {
      const damaged = random.chance(0.8) ? mutate(schedule, random) : null;
      const { bytes, what } = damaged ? { bytes: Buffer.from(jsonText(damaged.value)), what: damaged.what } : damageBytes(JSON.stringify(schedule), random);
      const run = await runInProcess(['check', dayFile, await file(bytes), '--json']);
      expectHandled(run, what, [0, 1, 2]);
      if (run.code !== 2) expect(JSON.parse(run.out).violations.length > 0, what).toBe(run.code === 1);
    }
  });

  it('damaged periods: validate, and a few plan-period runs', async () => {
    const random = new Random(SEED).fork('period');
    let planned = 0;
    for (let i = 0; i < 50; i++) {
      const damaged = random.chance(0.8) ? mutate(period, random) : null;
      const { bytes, what } = damaged ? { bytes: Buffer.from(jsonText(damaged.value)), what: damaged.what } : damageBytes(JSON.stringify(period), random);
      const path = await file(bytes);
      const run = await runInProcess(['validate', path]);
      expectHandled(run, what);
      if (planned < 4 && (run.code === 0 || i % 10 === 0)) {
        planned++;
        expectHandled(await runInProcess(['plan-period', path, '-q', '--iterations-per-day', '5']), what);
      }
    }
  });

  it('damaged visit logs: kpi ends in 0 or 2 with file:line positions', async () => {
    const random = new Random(SEED).fork('log');
    const rows = schedule.routes.flatMap((r) => r.stops.map((s) => `${s.recipient};${r.staff};${s.start.slice(0, 16).replace('T', ' ')};${s.end.slice(0, 16).replace('T', ' ')};Hemtjänst Söder`));
    const log = `recipient;staff;start;end;team\n${rows.join('\n')}\n`;
    const recipients = await file(`recipient;birthYear\n${day.recipients.map((r) => `${r.id};1940`).join('\n')}\n`, 'csv');
    for (let i = 0; i < 80; i++) {
      const { bytes, what } = damageBytes(log, random);
      const run = await runInProcess(['kpi', await file(bytes, 'csv'), '--recipients', recipients, '--from', day.date, '--format', 'json']);
      expectHandled(run, what);
      if (run.code === 2) expect(run.err, what).toMatch(/\.csv(:\d+)?: /);
    }
  });

  it('the real binary: deep, cut-off, UTF-16 and absurd options each exit 2 with a sentence', async () => {
    const deep = await file(`{"format": "kontinuitet/day@1", "date": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const cut = await file(JSON.stringify(day).slice(0, 1000));
    const utf16 = await file(Buffer.from(`\ufeff${JSON.stringify(schedule)}`, 'utf16le'));
    const runs: Array<[string[], RegExp]> = [
      [['validate', deep], /is nested more than 32 levels deep/],
      [['solve', cut, '-q'], /:1:1001: is not valid JSON: the file ends in the middle of/],
      [['check', dayFile, utf16], /is UTF-16 \(little-endian, with a byte-order mark\), not UTF-8/],
      [['kpi', dayFile, '--recipients', dayFile, '--from', '2026-11-23', '--windows', '100000000'], /--windows 100000000 is more than the limit of 260 windows/],
    ];
    // At once: each start of the binary costs a few seconds of loading.
    const results = await Promise.all(runs.map(([args]) => runBinary(args)));
    results.forEach((run, i) => {
      const [args, message] = runs[i];
      expect(run.status, `${args.join(' ')}\n${run.output}`).toBe(2);
      expect(run.output).toMatch(message);
      expect(run.output).not.toMatch(CRASH);
    });
  });
});
