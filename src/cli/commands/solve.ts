/** `kontinuitet solve`: a day problem in, a schedule out, progress on stderr. */
import type { Command } from 'commander';
import { readJsonFile, toJsonText, writeFileAtomic } from '../../io/index.ts';
import { loadDayProblem } from '../../validate/index.ts';
import { DEFAULT_SEED, DEFAULT_TIME_LIMIT_SECONDS, solveDayWithStats, type SolveProgress } from '../../solver/index.ts';
import type { Schedule } from '../../model/types.ts';
import { runCommand } from '../../surface/run.ts';
import { ITERATIONS, SEED, optionalNumber, type NumberRange } from '../../surface/options.ts';
import { MAX_TIME_LIMIT_SECONDS } from '../../limits/index.ts';
import { formatSummary } from '../summary.ts';
import { percent } from '../../surface/format.ts';

export const TIME_LIMIT: NumberRange = { above: 0, max: MAX_TIME_LIMIT_SECONDS, unit: 'seconds' };

interface SolveFlags {
  output?: string;
  timeLimit?: string;
  seed?: string;
  iterations?: string;
  quiet?: boolean;
  json?: boolean;
  wholeDistrict?: boolean;
}

export function progressLine(p: SolveProgress): string {
  return (
    `${(p.elapsedMs / 1000).toFixed(1)}s  it ${p.iterations}  cost ${p.bestCost.toFixed(1)}  ` +
    `contact ${percent(p.contactShare)}  unassigned ${p.unassigned}${p.team ? `  team ${p.team}` : ''}`
  );
}

/**
 * Live progress of a search on stderr: one rewritten line on a terminal, a line a second
 * otherwise, JSON lines with `--json`, nothing with `--quiet`.
 */
export function searchProgress(flags: { quiet?: boolean; json?: boolean }): { onProgress?: (p: SolveProgress) => void; progressEveryMs: number; tty: boolean } {
  const tty = process.stderr.isTTY && !flags.json;
  const onProgress = flags.quiet
    ? undefined
    : (p: SolveProgress) => {
        if (flags.json) process.stderr.write(`${JSON.stringify({ progress: p })}\n`);
        else if (tty) process.stderr.write(`\r\x1b[K${progressLine(p)}`);
        else process.stderr.write(`${progressLine(p)}\n`);
      };
  return { onProgress, progressEveryMs: tty ? 250 : 1000, tty };
}

export function registerSolve(program: Command): void {
  program
    .command('solve')
    .description('Build a day schedule (kontinuitet/schedule@1) from a day problem (kontinuitet/day@1)')
    .argument('<problem>', 'day problem JSON file')
    .option('-o, --output <file>', 'write the schedule here (default: stdout)')
    .option('-t, --time-limit <seconds>', `search time limit in seconds (default: the problem's options.timeLimitSeconds, else ${DEFAULT_TIME_LIMIT_SECONDS})`)
    .option('-s, --seed <n>', `random seed; the same seed and --iterations give the same schedule (default: the problem's options.seed, else ${DEFAULT_SEED})`)
    .option('-i, --iterations <n>', "iteration budget; stops at whichever of this and the time limit comes first (default: the problem's options.iterations, else none)")
    .option('-q, --quiet', 'no progress and no summary')
    .option('--json', 'progress as JSON lines on stderr, summary as JSON')
    .option('--whole-district', 'solve a multi-team day as one instance instead of team by team')
    .addHelpText('after', '\nExit codes: 0 done (also with unassigned visits), 1 internal failure, 2 invalid input or usage.')
    .action((file: string, flags: SolveFlags) =>
      runCommand(async () => {
        const timeLimit = optionalNumber(flags.timeLimit, '--time-limit', TIME_LIMIT);
        const iterations = optionalNumber(flags.iterations, '--iterations', ITERATIONS);
        const seed = optionalNumber(flags.seed, '--seed', SEED);
        const { problem, warnings } = loadDayProblem(await readJsonFile(file));
        if (!flags.quiet) {
          for (const w of warnings) process.stderr.write(flags.json ? `${JSON.stringify({ warning: w })}\n` : `warning ${w.path}: ${w.message}\n`);
        }
        const { onProgress, progressEveryMs, tty } = searchProgress(flags);
        const { schedule } = solveDayWithStats(problem, {
          timeLimitMs: timeLimit === undefined ? undefined : timeLimit * 1000,
          iterations,
          seed,
          onProgress,
          progressEveryMs,
          byTeam: !flags.wholeDistrict,
        });
        if (tty) process.stderr.write('\n');
        const text = toJsonText(schedule);
        if (flags.output) await writeFileAtomic(flags.output, text);
        else process.stdout.write(text);
        if (!flags.quiet) {
          const out = flags.output ? process.stdout : process.stderr;
          out.write(flags.json ? `${JSON.stringify(summaryObject(schedule))}\n` : formatSummary(problem, schedule));
        }
      }),
    );
}

function summaryObject(schedule: Schedule) {
  const { byRecipient: _r, byStaff: _s, ...metrics } = schedule.metrics;
  return { metrics, solver: schedule.solver, unassigned: schedule.unassigned.length, explanations: schedule.explanations?.length ?? 0 };
}
