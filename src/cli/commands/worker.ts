/** `kontinuitet worker`: runs a queue worker in this process until SIGTERM (see worker/). */
import type { Command } from 'commander';
import { addWorkerOptions, workerSettings, type WorkerFlags } from '../../../worker/options.ts';
import { PUBLIC_JOBS } from '../../../worker/jobs.ts';
import { runCommand } from '../../surface/run.ts';

export function registerWorker(program: Command): void {
  addWorkerOptions(program.command('worker'))
    .description(`Take ${PUBLIC_JOBS.join(', ')} jobs from the kontinuitet queue on Redis until SIGTERM`)
    .action((flags: WorkerFlags) =>
      runCommand(async () => {
        const settings = workerSettings(flags);
        // BullMQ, ioredis and pino load only when a worker runs: every other command starts without them.
        const [{ runWorker }, { createLogger }] = await Promise.all([import('../../../worker/service.ts'), import('../../../worker/log.ts')]);
        return runWorker(settings, createLogger());
      }),
    );
}
