/** `kontinuitet worker`: runs a queue worker in this process until SIGTERM (see worker/). */
import type { Command } from 'commander';
import { createLogger } from '../../../worker/log.ts';
import { addWorkerOptions, workerSettings, type WorkerFlags } from '../../../worker/options.ts';
import { runWorker } from '../../../worker/service.ts';
import { runCommand } from '../run.ts';

export function registerWorker(program: Command): void {
  addWorkerOptions(program.command('worker'))
    .description('Take solve-day, solve-district, plan-period and kpi jobs from the kontinuitet queue on Redis until SIGTERM')
    .action((flags: WorkerFlags) => runCommand(() => runWorker(workerSettings(flags), createLogger())));
}
