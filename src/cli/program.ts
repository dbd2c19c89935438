/** The `kontinuitet` program: every command, one file each under `commands/`. */
import { Command } from 'commander';
import { createRequire } from 'node:module';
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
import { registerReplan } from './commands/replan.ts';
import { registerStudy } from './commands/study.ts';

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
  registerReplan(program);
  registerPlanPeriod(program);
  registerCheck(program);
  registerWorker(program);
  registerEnqueue(program);
  registerBound(program);
  registerReport(program);
  registerStudy(program);
  return program;
}
