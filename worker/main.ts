/** The worker process (`npm run worker`): takes kontinuitet jobs from Redis until SIGTERM. */
import { Command, CommanderError } from 'commander';
import { EXIT_INPUT, runCommand } from '../src/surface/run.ts';
import { createLogger } from './log.ts';
import { addWorkerOptions, workerSettings, type WorkerFlags } from './options.ts';
import { runWorker } from './service.ts';

const program = addWorkerOptions(new Command('kontinuitet-worker'))
  .description('Run a kontinuitet worker: solve-day, solve-district, plan-period and kpi jobs from a BullMQ queue on Redis')
  .showHelpAfterError()
  .exitOverride()
  .action((flags: WorkerFlags) => runCommand(() => runWorker(workerSettings(flags), createLogger())));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  process.exitCode = err.exitCode === 0 ? 0 : EXIT_INPUT;
}
