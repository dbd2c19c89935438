import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ROOT, cliArgs } from '../helpers/cli.ts';

describe('output into a pipe that closes early', () => {
  it('stops quietly, without a stack trace', () => {
    const command = [process.execPath, ...cliArgs(['solve', '--help'])].map((a) => `"${a}"`).join(' ');
    const result = spawnSync('sh', ['-c', `${command} | head -1`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout).toMatch(/^Usage: kontinuitet solve/);
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});
