/** Exit codes (FORMAT §5): 0 done, 1 internal failure, 2 bad usage or invalid input. */
import { InputError } from '../model/errors.ts';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

/** A usage error: wrong flags or arguments; reported in one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function reportInputError(err: InputError, stream: NodeJS.WritableStream = process.stderr): void {
  const errors = err.problems.filter((p) => p.severity === 'error');
  const heading = err.message.split('\n')[0].replace(/:$/, '');
  stream.write(`kontinuitet: ${heading} (${errors.length} problem${errors.length === 1 ? '' : 's'})\n`);
  for (const p of err.problems) stream.write(`  ${p.severity === 'warning' ? 'warning ' : ''}${p.path}: ${p.message}\n`);
}

/** Runs a command body and maps what it throws onto the exit codes, never a stack trace for bad input. */
export async function runCommand(body: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await body()) ?? EXIT_OK;
  } catch (err) {
    if (err instanceof InputError) {
      reportInputError(err);
      process.exitCode = EXIT_INPUT;
    } else if (err instanceof UsageError) {
      process.stderr.write(`kontinuitet: ${err.message}\n`);
      process.exitCode = EXIT_INPUT;
    } else {
      process.stderr.write(`kontinuitet: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  }
}
