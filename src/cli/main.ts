/** The `kontinuitet` command line: one file per command under `commands/`. */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { EXIT_INPUT } from './run.ts';
import { registerValidate } from './commands/validate.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerContacts } from './commands/contacts.ts';
import { registerKpi } from './commands/kpi.ts';
import { registerCheck } from './commands/check.ts';
import { registerSolve } from './commands/solve.ts';
import { registerPlanPeriod } from './commands/plan-period.ts';
import { registerWorker } from './commands/worker.ts';
import { registerEnqueue } from './commands/enqueue.ts';
import { registerBound } from './commands/bound.ts';
import { registerReport } from './commands/report.ts';

// By the package's own name (its `exports` lists package.json), so it resolves from src/ and dist/ alike.
const { version } = createRequire(import.meta.url)('kontinuitet/package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('kontinuitet')
    .description('Continuity-first scheduling for Swedish home care (hemtjänst)')
    .version(version)
    .showHelpAfterError()
    .exitOverride();
  registerValidate(program);
  registerGenerate(program);
  registerContacts(program);
  registerKpi(program);
  registerSolve(program);
  registerPlanPeriod(program);
  registerCheck(program);
  registerWorker(program);
  registerEnqueue(program);
  registerBound(program);
  registerReport(program);
  return program;
}

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
