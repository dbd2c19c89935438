/**
 * The CLI in this process: the program main.ts runs (`buildProgram`), stdout and stderr
 * captured, the exit code as main.ts sets it.
 */
import { CommanderError } from 'commander';
import { vi } from 'vitest';
import { buildProgram } from '../../src/cli/program.ts';
import { EXIT_INPUT } from '../../src/surface/run.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `kontinuitet <args>`; `env` is set for the run only. */
export async function runInProcess(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const program = buildProgram();
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  const before = process.exitCode;
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'kontinuitet', ...args]);
    return { code: Number(process.exitCode ?? 0), out, err };
  } catch (error) {
    if (error instanceof CommanderError) return { code: error.exitCode === 0 ? 0 : EXIT_INPUT, out, err };
    throw error;
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = before;
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A stack trace or an internal error in output: never for any input. */
export const CRASH = /internal error|\n\s+at [^\n]*\(|RangeError|TypeError|Maximum call stack/;
