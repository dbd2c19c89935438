import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerValidate } from '../../src/cli/commands/validate.ts';
import { validDay, validPeriod } from './fixtures.ts';
import { runCli as runKontinuitet } from '../helpers/cli.ts';

let dir: string;
const files: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kontinuitet-validate-'));
  const write = (name: string, text: string) => {
    files[name] = join(dir, name);
    writeFileSync(files[name], text);
  };
  write('day.json', JSON.stringify(validDay()));
  write('period.json', JSON.stringify(validPeriod()));
  const warned = validDay();
  warned.recipients[2].contactWaived = false;
  write('warned.json', JSON.stringify(warned));
  const broken = validDay();
  broken.staff[1].team = 'T9';
  broken.visits[0].window.end = '07:00';
  broken.visits[2].dependsOn[0].visit = 'v3';
  broken.recipients[2].contactWaived = false;
  write('broken.json', JSON.stringify(broken));
  write('shape.json', JSON.stringify({ ...validDay(), visits: [{ id: 'v1' }] }));
  write('syntax.json', '{\n  "format": "kontinuitet/day@1",\n  "date": 2026-11-23\n}\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command in this process, through commander as main.ts wires it. */
async function runInProcess(args: string[]): Promise<{ code: number; out: string }> {
  const program = new Command('kontinuitet').exitOverride();
  registerValidate(program);
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'kontinuitet', 'validate', ...args]);
    return { code: Number(process.exitCode ?? 0), out };
  } finally {
    write.mockRestore();
    process.exitCode = before;
  }
}

describe('kontinuitet validate (in process)', () => {
  it('prints ok for valid files and exits 0', async () => {
    const { code, out } = await runInProcess([files['day.json'], files['period.json']]);
    expect(code).toBe(0);
    expect(out).toBe(`${files['day.json']}: ok (0 warnings)\n${files['period.json']}: ok (0 warnings)\n`);
  });

  it('lists warnings under an ok file and still exits 0', async () => {
    const { code, out } = await runInProcess([files['warned.json']]);
    expect(code).toBe(0);
    expect(out).toBe(
      `${files['warned.json']}: ok (1 warning)\n  warning recipients[2].contact: recipient r3 has no contact (fast omsorgskontakt) and the contact was not waived\n`,
    );
  });

  it('lists every problem of a broken file and exits 2', async () => {
    const { code, out } = await runInProcess([files['day.json'], files['broken.json']]);
    expect(code).toBe(2);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe(`${files['day.json']}: ok (0 warnings)`);
    expect(lines[1]).toBe(`${files['broken.json']}: invalid (3 errors, 1 warning)`);
    expect(lines.slice(2)).toEqual([
      '  staff[1].team: "T9" names no team (teams: "T1")',
      '  visits[2].dependsOn[0].visit: "v3" is the visit itself; a visit cannot depend on itself',
      '  visits[0].window.end: "07:00" is before the window start "08:00"',
      '  warning recipients[2].contact: recipient r3 has no contact (fast omsorgskontakt) and the contact was not waived',
    ]);
  });

  it('prints a machine-readable list with --json', async () => {
    const { code, out } = await runInProcess(['--json', files['shape.json'], files['day.json']]);
    expect(code).toBe(2);
    const reports = JSON.parse(out);
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({ file: files['shape.json'], format: 'kontinuitet/day@1', ok: false, errors: 3, warnings: 0 });
    expect(reports[0].problems.map((p: { path: string }) => p.path)).toEqual(['visits[0].recipient', 'visits[0].durationMinutes', 'visits[0].window']);
    expect(reports[1]).toEqual({ file: files['day.json'], format: 'kontinuitet/day@1', ok: true, errors: 0, warnings: 0, problems: [] });
  });

  it('reports a file that cannot be read or parsed, and goes on with the rest', async () => {
    const missing = join(dir, 'missing.json');
    const { code, out } = await runInProcess([missing, files['syntax.json'], files['day.json']]);
    expect(code).toBe(2);
    expect(out).toContain(`${missing}: invalid (1 error)\n  ${missing}: no such file\n`);
    expect(out).toMatch(new RegExp(`syntax\\.json:3:\\d+: is not valid JSON`));
    expect(out).toContain(`${files['day.json']}: ok (0 warnings)`);
  });
});

function runCli(args: string[]) {
  return runKontinuitet(['validate', ...args], { timeout: 60_000 });
}

describe('kontinuitet validate (the installed command)', () => {
  it('exits 0 on a valid file', () => {
    const run = runCli([files['day.json']]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${files['day.json']}: ok (0 warnings)\n`);
  });

  it('exits 2 on a broken file, listing every problem and no stack trace', () => {
    const run = runCli([files['broken.json'], files['syntax.json']]);
    expect(run.status).toBe(2);
    for (const fragment of ['staff[1].team: ', 'visits[2].dependsOn[0].visit: ', 'visits[0].window.end: ', 'warning recipients[2].contact: ', 'is not valid JSON']) {
      expect(run.stdout).toContain(fragment);
    }
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain('Error');
  });

  it('describes itself in --help', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: kontinuitet validate [options] <file...>');
    expect(run.stdout).toContain('--json');
    expect(run.stdout).toContain('Exit codes: 0 when no file has an error, 2 when any file has an error');
  });
});
