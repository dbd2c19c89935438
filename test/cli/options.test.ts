/**
 * Every numeric option of every command refuses an absurd value in one sentence with exit 2
 * before it reads or computes anything: a time limit of 1e308 seconds would be a hang, a
 * window count of 100,000,000 an out-of-memory, a seed past 2^53 not the number written.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDay, generatePeriod } from '../../src/generate/index.ts';
import { workerSettings, type WorkerFlags } from '../../worker/options.ts';
import { WORKER_DEFAULTS } from '../../worker/options.ts';
import { CRASH, runInProcess } from './in-process.ts';

let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontinuitet-options-'));
  const write = async (name: string, text: string) => {
    files[name] = join(dir, name);
    await writeFile(files[name], text);
  };
  await write('day.json', JSON.stringify(generateDay({ seed: 1, teams: 1, staffPerTeam: 2, recipientsPerTeam: 3 }).problem));
  await write('period.json', JSON.stringify(generatePeriod({ seed: 1, teams: 1, staffPerTeam: 2, recipientsPerTeam: 3, days: 2 })));
  await write('log.csv', 'recipient;staff;start;end\nr1;s1;2026-11-23 08:00;2026-11-23 08:30\n');
  await write('recipients.csv', 'recipient;age\nr1;80\n');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const ABSURD = ['1e308', '-1', '0', 'NaN', 'Infinity', '9007199254740993', '1.5', '', 'ten'];

describe('absurd option values', () => {
  const commands: Array<{ args: () => string[]; flag: string; accepts?: string[] }> = [
    { args: () => ['solve', files['day.json'], '-q'], flag: '--time-limit', accepts: ['1.5'] },
    { args: () => ['solve', files['day.json'], '-q'], flag: '--iterations' },
    { args: () => ['solve', files['day.json'], '-q'], flag: '--seed', accepts: ['-1', '0'] },
    { args: () => ['plan-period', files['period.json'], '-q', '--iterations-per-day', '5'], flag: '--time-limit-per-day', accepts: ['1.5'] },
    { args: () => ['plan-period', files['period.json'], '-q'], flag: '--iterations-per-day' },
    { args: () => ['plan-period', files['period.json'], '-q'], flag: '--seed', accepts: ['-1', '0'] },
    { args: () => ['plan-period', files['period.json'], '-q'], flag: '--look-ahead-share', accepts: ['0', '1.5'] },
    { args: () => ['kpi', files['log.csv'], '--recipients', files['recipients.csv'], '--from', '2026-11-23'], flag: '--windows' },
    { args: () => ['contacts', 'suggest', files['period.json']], flag: '--max-per-contact' },
    { args: () => ['contacts', 'suggest', files['period.json']], flag: '--max-per-deputy' },
    { args: () => ['contacts', 'suggest', files['period.json']], flag: '--max-distance-km', accepts: ['0', '1.5'] },
    { args: () => ['contacts', 'suggest', files['period.json']], flag: '--keep-current-bonus', accepts: ['0', '1.5'] },
    { args: () => ['generate', 'day', '-o', join(dir, 'out.json')], flag: '--teams' },
    { args: () => ['generate', 'day', '-o', join(dir, 'out.json')], flag: '--staff' },
    { args: () => ['generate', 'day', '-o', join(dir, 'out.json')], flag: '--recipients', accepts: ['0'] },
    { args: () => ['generate', 'day', '-o', join(dir, 'out.json')], flag: '--seed', accepts: ['-1', '0'] },
    { args: () => ['generate', 'period', '-o', join(dir, 'out.json')], flag: '--days' },
    { args: () => ['enqueue', files['day.json']], flag: '--time-limit', accepts: ['1.5'] },
    { args: () => ['enqueue', files['day.json']], flag: '--iterations' },
    { args: () => ['enqueue', files['day.json']], flag: '--seed', accepts: ['-1', '0'] },
    { args: () => ['enqueue', files['log.csv'], '--job', 'kpi', '--recipients', files['recipients.csv'], '--from', '2026-11-23'], flag: '--windows' },
  ];

  it.each(commands.map((c, i) => [i, c.flag, c] as const))('%i: %s', async (_i, _flag, { args, flag, accepts = [] }) => {
    for (const value of ABSURD.filter((v) => !accepts.includes(v))) {
      const run = await runInProcess([...args(), flag, value], { REDIS_URL: 'redis://127.0.0.1:1' });
      expect(run.code, `${flag} ${value}`).toBe(2);
      expect(run.err, `${flag} ${value}`).toMatch(new RegExp(`^kontinuitet: (${flag}|teams|staff per team|recipients per team|days|seed) .*\\n$`));
      expect(run.err).not.toMatch(CRASH);
      expect(run.out).toBe('');
    }
  });

  it('says the range in the sentence', async () => {
    expect((await runInProcess(['solve', files['day.json'], '-q', '--time-limit', '1e308'])).err).toBe(
      'kontinuitet: --time-limit must be a number of seconds more than 0 and at most 86,400, not "1e308"\n',
    );
    expect((await runInProcess(['plan-period', files['period.json'], '-q', '--time-limit-per-day', '7200'])).err).toBe(
      'kontinuitet: --time-limit-per-day must be a number of seconds more than 0 and at most 3,600, not "7200"\n',
    );
  });

  it('the worker refuses absurd concurrency and timers', () => {
    const flags = (over: Partial<WorkerFlags>): WorkerFlags => ({
      concurrency: '1',
      queue: WORKER_DEFAULTS.queue,
      prefix: WORKER_DEFAULTS.prefix,
      grace: '30',
      lockDuration: '30000',
      stalledInterval: '30000',
      ...over,
    });
    for (const over of [{ concurrency: '100000' }, { grace: '1e308' }, { lockDuration: '1e15' }, { stalledInterval: '99999999999' }, { concurrency: '1.5' }]) {
      expect(() => workerSettings(flags(over), {})).toThrow(/must be a whole number|must be a number/);
    }
    expect(workerSettings(flags({}), {}).concurrency).toBe(1);
  });

  it('a problem asking for a search longer than a day is refused by validation', async () => {
    const path = join(dir, 'long.json');
    await writeFile(path, JSON.stringify({ ...generateDay({ seed: 1, teams: 1, staffPerTeam: 2, recipientsPerTeam: 3 }).problem, options: { timeLimitSeconds: 1e300 } }));
    const run = await runInProcess(['validate', path]);
    expect(run.code).toBe(2);
    expect(run.out).toContain('options.timeLimitSeconds: 1e+300 should be at most 86400');
  });
});
