import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

describe('output into a pipe that closes early', () => {
  it('stops quietly, without a stack trace', () => {
    const bin = join(root, 'bin/kontinuitet.js');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" solve --help | head -1`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout).toMatch(/^Usage: kontinuitet solve/);
    expect(result.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});
