import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT as root, runCli } from '../helpers/cli.ts';

const run = (...args: string[]) => runCli(args);

describe('kontinuitet end to end', () => {
  it('validates every bundled dataset', () => {
    const files = [
      ...readdirSync(join(root, 'datasets')).filter((f) => f.endsWith('.json')).map((f) => join('datasets', f)),
      ...readdirSync(join(root, 'datasets/field')).filter((f) => f.endsWith('.json')).map((f) => join('datasets/field', f)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(9);
    const result = run('validate', ...files);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(0);
    for (const f of files) expect(result.stdout).toContain(`${f}: ok`);
  });

  it('solves a bundled day, and the checker accepts the schedule; a tampered one exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontinuitet-e2e-'));
    try {
      const out = join(dir, 'schedule.json');
      const solved = run('solve', 'datasets/small-team-day.json', '-o', out, '--iterations', '300', '--seed', '4');
      expect(solved.status).toBe(0);
      expect(solved.stdout).toContain('visits assigned');
      const checked = run('check', 'datasets/small-team-day.json', out);
      expect(checked.stdout).toMatch(/^ok/);
      expect(checked.status).toBe(0);

      const schedule = JSON.parse(readFileSync(out, 'utf8'));
      const stop = schedule.routes[0].stops[0];
      stop.start = stop.arrival.replace(/T\d\d:\d\d/, 'T05:00');
      writeFileSync(out, JSON.stringify(schedule));
      const broken = run('check', 'datasets/small-team-day.json', out);
      expect(broken.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a broken problem with every problem listed, exit 2 and nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontinuitet-e2e-'));
    try {
      const problem = JSON.parse(readFileSync(join(root, 'datasets/small-team-day.json'), 'utf8'));
      problem.visits[3].window.end = '25:00';
      problem.staff[0].team = 'T404';
      const file = join(dir, 'broken.json');
      writeFileSync(file, JSON.stringify(problem));
      const out = join(dir, 'never.json');
      const result = run('solve', file, '-o', out);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('visits[3].window.end');
      expect(() => readFileSync(out)).toThrow();
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
