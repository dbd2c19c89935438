/** `kontinuitet replan`: the day problem, its published schedule and what happened since; a new schedule out. */
import type { Command } from 'commander';
import { readJsonFile, toJsonText, writeFileAtomic } from '../../io/index.ts';
import { inFile, loadChanges, loadDayProblem, parseShape } from '../../validate/index.ts';
import { schemas } from '../../model/index.ts';
import { DEFAULT_REPLAN_SECONDS, replanDay } from '../../replan/index.ts';
import { DEFAULT_SEED } from '../../solver/index.ts';
import { TIME_PATTERN } from '../../model/schemas.ts';
import { UsageError, runCommand } from '../../surface/run.ts';
import { ITERATIONS, SEED, optionalNumber } from '../../surface/options.ts';
import { TIME_LIMIT, searchProgress } from './solve.ts';
import { formatReplanSummary } from '../summary.ts';

interface ReplanFlags {
  output?: string;
  problemOut?: string;
  timeLimit?: string;
  seed?: string;
  iterations?: string;
  now?: string;
  quiet?: boolean;
  json?: boolean;
}

export function registerReplan(program: Command): void {
  program
    .command('replan')
    .description('Re-plan a day after a sick call or a new visit: the past stays, the rest keeps to the published schedule where it can (kontinuitet/changes@1)')
    .argument('<problem>', 'the day problem (kontinuitet/day@1) the schedule was published for')
    .argument('<published>', 'the published schedule (kontinuitet/schedule@1)')
    .argument('<changes>', 'what happened since (kontinuitet/changes@1)')
    .option('-o, --output <file>', 'write the new schedule here (default: stdout)')
    .option('--problem-out <file>', 'also write the day as it now stands (kontinuitet/day@1): what the new schedule is checked against')
    .option('--now <time>', 'the time of the re-plan ("HH:MM" or ISO 8601), instead of the changes\' "now"')
    .option('-t, --time-limit <seconds>', `search time limit in seconds (default: the problem's options.timeLimitSeconds, else ${DEFAULT_REPLAN_SECONDS})`)
    .option('-s, --seed <n>', `random seed (default: the problem's options.seed, else ${DEFAULT_SEED})`)
    .option('-i, --iterations <n>', "iteration budget; with --seed the same new schedule every time (default: the problem's options.iterations, else none)")
    .option('-q, --quiet', 'no progress and no summary')
    .option('--json', 'progress as JSON lines on stderr, summary as JSON')
    .addHelpText('after', '\nExit codes: 0 done (also with unassigned visits), 1 internal failure, 2 invalid input or usage (nothing is written).')
    .action((problemFile: string, publishedFile: string, changesFile: string, flags: ReplanFlags) =>
      runCommand(async () => {
        const timeLimit = optionalNumber(flags.timeLimit, '--time-limit', TIME_LIMIT);
        const iterations = optionalNumber(flags.iterations, '--iterations', ITERATIONS);
        const seed = optionalNumber(flags.seed, '--seed', SEED);
        if (flags.now !== undefined && !TIME_PATTERN.test(flags.now)) throw new UsageError(`--now "${flags.now}" is not a time ("HH:MM", "HH:MM+1" or ISO 8601)`);
        const [problemData, publishedData, changesData] = await Promise.all([readJsonFile(problemFile), readJsonFile(publishedFile), readJsonFile(changesFile)]);
        const { problem, warnings } = inFile(problemFile, 'day problem', () => loadDayProblem(problemData));
        const published = inFile(publishedFile, 'schedule', () => parseShape(schemas.CheckedSchedule, publishedData, 'schedule'));
        const changes = inFile(changesFile, 'changes', () => loadChanges(changesData));
        if (!flags.quiet) {
          for (const w of [...warnings, ...changes.warnings]) process.stderr.write(flags.json ? `${JSON.stringify({ warning: w })}\n` : `warning ${w.path}: ${w.message}\n`);
        }
        const { onProgress, progressEveryMs, tty } = searchProgress(flags);
        const { schedule, day } = replanDay(problem, published, changes.changes, {
          timeLimitMs: timeLimit === undefined ? undefined : timeLimit * 1000,
          iterations,
          seed,
          now: flags.now,
          onProgress,
          progressEveryMs,
          names: { problem: problemFile, published: publishedFile, changes: changesFile },
        });
        if (tty) process.stderr.write('\n');
        if (flags.problemOut) await writeFileAtomic(flags.problemOut, toJsonText(day));
        const text = toJsonText(schedule);
        if (flags.output) await writeFileAtomic(flags.output, text);
        else process.stdout.write(text);
        if (!flags.quiet) {
          const out = flags.output ? process.stdout : process.stderr;
          const { reassigned, ...counts } = schedule.replan;
          out.write(flags.json ? `${JSON.stringify({ replan: counts, reassigned, unassigned: schedule.unassigned })}\n` : formatReplanSummary(day, schedule));
        }
      }),
    );
}
