import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerGenerate } from '../../src/cli/commands/generate.ts';
import { generateDay, generatePeriod, PRESETS } from '../../src/generate/index.ts';
import { toJsonText } from '../../src/io/index.ts';
import { runCli } from '../helpers/cli.ts';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kontinuitet-generate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `kontinuitet generate …` in this process, through commander as main.ts wires it. */
async function generate(args: string[]): Promise<{ code: number; err: string }> {
  const program = new Command('kontinuitet').exitOverride();
  registerGenerate(program);
  let err = '';
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'kontinuitet', 'generate', ...args]);
    return { code: Number(process.exitCode ?? 0), err };
  } finally {
    write.mockRestore();
    process.exitCode = before;
  }
}

describe('kontinuitet generate', () => {
  it('writes the same bytes as generateDay, with the planted schedule, and one summary line', async () => {
    const out = join(dir, 'day.json');
    const schedule = join(dir, 'day.schedule.json');
    const { code, err } = await generate(['day', '--preset', 'small-team', '--seed', '5', '--planted', schedule, '-o', out]);
    expect(code).toBe(0);
    const made = generateDay({ seed: 5, ...PRESETS['small-team'], planted: true });
    expect(readFileSync(out, 'utf8')).toBe(toJsonText(made.problem));
    expect(readFileSync(schedule, 'utf8')).toBe(toJsonText(made.planted));
    expect(err.split('\n')).toHaveLength(2);
    expect(err).toMatch(/^kontinuitet: wrote .*day\.json: day 2026-11-23 \(seed 5\): 1 team, 8 staff, \d+ recipients, \d+ visits; planted schedule/);
  });

  it('lets explicit sizes override the preset and writes periods', async () => {
    const out = join(dir, 'period.json');
    const { code, err } = await generate(['period', '--preset', 'district', '--teams', '2', '--staff', '4', '--recipients', '6', '--date', '2026-12-07', '--days', '3', '-o', out]);
    expect(code).toBe(0);
    const expected = generatePeriod({ seed: 1, teams: 2, staffPerTeam: 4, recipientsPerTeam: 6, startDate: '2026-12-07', days: 3 });
    expect(readFileSync(out, 'utf8')).toBe(toJsonText(expected));
    expect(err).toMatch(/period 2026-12-07 \+ 3 days \(seed 1\): 2 teams/);
  });

  it('rejects bad usage with exit 2 and writes nothing', async () => {
    const out = join(dir, 'never.json');
    for (const args of [
      ['day', '--seed', 'seven', '-o', out],
      ['day', '--teams', '0', '-o', out],
      ['day', '--date', '2026-02-30', '-o', out],
      ['day', '--days', '3', '-o', out],
      ['period', '--planted', join(dir, 'never.schedule.json'), '-o', out],
      ['week', '-o', out],
    ]) {
      const { code, err } = await generate(args);
      expect(code).toBe(2);
      expect(err).toMatch(/^kontinuitet: /);
      expect(existsSync(out)).toBe(false);
    }
    expect(existsSync(join(dir, 'never.schedule.json'))).toBe(false);
  });

  it('is wired into the kontinuitet program with its help', () => {
    const run = runCli(['generate', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--planted <file>');
    expect(run.stdout).toContain('small-team');
  });
});
