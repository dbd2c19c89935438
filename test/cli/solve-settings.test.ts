import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED, DEFAULT_TIME_LIMIT_SECONDS, resolveSolveSettings } from '../../src/solver/settings.ts';
import { ROOT as root, runCli } from '../helpers/cli.ts';

const run = (...args: string[]) => runCli(args);

describe('solve settings (FORMAT §6 rule 21)', () => {
  it('take the caller first, then the problem options, then the defaults', () => {
    expect(resolveSolveSettings({}, undefined)).toMatchObject({ timeLimitMs: DEFAULT_TIME_LIMIT_SECONDS * 1000, seed: DEFAULT_SEED, iterations: undefined });
    expect(resolveSolveSettings({}, { timeLimitSeconds: 1, seed: 7, iterations: 50 })).toMatchObject({
      timeLimitMs: 1000,
      seed: 7,
      iterations: 50,
      sources: { timeLimit: 'problem', seed: 'problem', iterations: 'problem' },
    });
    expect(resolveSolveSettings({ seed: 3, timeLimitMs: 250 }, { timeLimitSeconds: 1, seed: 7 })).toMatchObject({ timeLimitMs: 250, seed: 3, sources: { seed: 'caller' } });
    expect(resolveSolveSettings({}, {}, { timeLimitSeconds: 5 }).timeLimitMs).toBe(5000);
  });

  it('kontinuitet solve honours the problem options unless the command line says otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kontinuitet-settings-'));
    try {
      const problem = JSON.parse(readFileSync(join(root, 'datasets/small-team-day.json'), 'utf8'));
      problem.options = { timeLimitSeconds: 1, seed: 7 };
      const file = join(dir, 'day.json');
      writeFileSync(file, JSON.stringify(problem));
      const out = join(dir, 'schedule.json');
      const solved = run('solve', file, '-o', out, '--quiet');
      expect(solved.status).toBe(0);
      const schedule = JSON.parse(readFileSync(out, 'utf8'));
      expect(schedule.solver.seed).toBe(7);
      // One second of search (the default would be ten); construction and output add a little.
      expect(schedule.solver.seconds).toBeGreaterThan(0.9);
      expect(schedule.solver.seconds).toBeLessThan(3);
      const overridden = run('solve', file, '-o', out, '--quiet', '--seed', '2', '--iterations', '50');
      expect(overridden.status).toBe(0);
      const again = JSON.parse(readFileSync(out, 'utf8'));
      expect(again.solver.seed).toBe(2);
      expect(again.solver.iterations).toBe(50);
      const help = run('solve', '--help');
      expect(help.stdout.replace(/\s+/g, ' ')).toContain("default: the problem's options.timeLimitSeconds, else 10");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
