/**
 * The command line as tests run it: the sources through tsx, never a build, so a test can
 * never judge a stale `dist/` (test/package runs the built bin on its own).
 */
import { spawn, spawnSync, type SpawnOptionsWithoutStdio, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** `node` arguments that run `kontinuitet <args>` from the sources. */
export function cliArgs(args: readonly string[]): string[] {
  return ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args];
}

/** Runs `kontinuitet <args>` to its end, in the repository root by default. */
export function runCli(args: readonly string[], options: Partial<SpawnSyncOptionsWithStringEncoding> = {}) {
  return spawnSync(process.execPath, cliArgs(args), { cwd: ROOT, timeout: 120_000, ...options, encoding: 'utf8' });
}

/** Starts `kontinuitet <args>` (a worker, a waiting producer) and returns the child. */
export function startCli(args: readonly string[], options: SpawnOptionsWithoutStdio = {}) {
  return spawn(process.execPath, cliArgs(args), { cwd: ROOT, ...options });
}
