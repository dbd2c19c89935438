/**
 * The CLI in this process: the commands registered as src/cli/main.ts registers them, run
 * through commander, stdout and stderr captured, the exit code as main.ts sets it.
 */
import { Command, CommanderError } from 'commander';
import { vi } from 'vitest';
import { registerCheck } from '../../src/cli/commands/check.ts';
import { registerContacts } from '../../src/cli/commands/contacts.ts';
import { registerEnqueue } from '../../src/cli/commands/enqueue.ts';
import { registerGenerate } from '../../src/cli/commands/generate.ts';
import { registerKpi } from '../../src/cli/commands/kpi.ts';
import { registerPlanPeriod } from '../../src/cli/commands/plan-period.ts';
import { registerSolve } from '../../src/cli/commands/solve.ts';
import { registerValidate } from '../../src/cli/commands/validate.ts';
import { EXIT_INPUT } from '../../src/cli/run.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `kontinuitet <args>`; `env` is set for the run only. */
export async function runInProcess(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const program = new Command('kontinuitet').exitOverride();
  for (const register of [registerValidate, registerGenerate, registerContacts, registerKpi, registerSolve, registerPlanPeriod, registerCheck, registerEnqueue]) {
    register(program);
  }
  program.commands.forEach((command) => command.exitOverride());
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
