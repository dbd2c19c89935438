/** The `kontinuitet` command line: runs the program (`program.ts`) on the process's arguments. */
import { CommanderError } from 'commander';
import { EXIT_INPUT } from '../surface/run.ts';
import { buildProgram } from './program.ts';

export async function main(argv: string[]): Promise<void> {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
  }
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : EXIT_INPUT;
      return;
    }
    throw err;
  }
}

await main(process.argv);
