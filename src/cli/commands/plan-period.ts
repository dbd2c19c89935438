/** `kontinuitet plan-period`: a 14-day (1–31 day) period planned day by day, with the KPI. */
import type { Command } from 'commander';
import { readJsonFile, toJsonText, writeFileAtomic } from '../../io/index.ts';
import { loadPeriodProblem } from '../../validate/index.ts';
import { planPeriod, LOOK_AHEAD_SHARE } from '../../period/index.ts';
import { runCommand } from '../../surface/run.ts';
import { ITERATIONS, SEED, optionalNumber, type NumberRange } from '../../surface/options.ts';
import { MAX_TIME_LIMIT_SECONDS_PER_DAY } from '../../limits/index.ts';
import { progressLine } from './solve.ts';
import { percent } from '../../surface/format.ts';

interface PlanFlags {
  output?: string;
  timeLimitPerDay?: string;
  iterationsPerDay?: string;
  seed?: string;
  history: boolean;
  lookAhead: boolean;
  circle: boolean;
  lookAheadShare?: string;
  quiet?: boolean;
  json?: boolean;
}

export const TIME_LIMIT_PER_DAY: NumberRange = { above: 0, max: MAX_TIME_LIMIT_SECONDS_PER_DAY, unit: 'seconds' };
/** A hundred times `newStaff` per new face is past any trade-off the look-ahead is for. */
const LOOK_AHEAD_SHARE_RANGE: NumberRange = { min: 0, max: 100 };

export function registerPlanPeriod(program: Command): void {
  program
    .command('plan-period')
    .description('Plan a period (kontinuitet/period@1) day by day, carrying who met whom, and report the KPI')
    .argument('<period>', 'period problem JSON file')
    .option('-o, --output <file>', 'write the period schedule here (default: stdout)')
    .option('--time-limit-per-day <seconds>', 'search time per day (default: the period\'s options, else 5)')
    .option('--iterations-per-day <n>', 'iteration budget per day (deterministic with --seed)')
    .option('-s, --seed <n>', 'random seed')
    .option('--no-history', 'plan each day without the staff met on earlier days')
    .option('--no-look-ahead', 'do not prefer new faces who return on the recipient\'s coming days')
    .option('--no-circle', 'plan once, without keeping each recipient to the circle of staff a first plan shows (by default a third of each day\'s budget goes to that first plan)')
    .option('--look-ahead-share <share>', `how strongly look-ahead charges a new face, as a share of the newStaff weight (default ${LOOK_AHEAD_SHARE})`)
    .option('-q, --quiet', 'no progress and no summary')
    .option('--json', 'progress as JSON lines on stderr')
    .action((file: string, flags: PlanFlags) =>
      runCommand(async () => {
        const timeLimit = optionalNumber(flags.timeLimitPerDay, '--time-limit-per-day', TIME_LIMIT_PER_DAY);
        const iterations = optionalNumber(flags.iterationsPerDay, '--iterations-per-day', ITERATIONS);
        const lookAheadShare = optionalNumber(flags.lookAheadShare, '--look-ahead-share', LOOK_AHEAD_SHARE_RANGE);
        const seed = optionalNumber(flags.seed, '--seed', SEED);
        const { problem, warnings } = loadPeriodProblem(await readJsonFile(file));
        const log = (line: string) => {
          if (!flags.quiet) process.stderr.write(`${line}\n`);
        };
        for (const w of warnings) log(flags.json ? JSON.stringify({ warning: w }) : `warning ${w.path}: ${w.message}`);
        let lastProgress = 0;
        const result = planPeriod(problem, {
          timeLimitMsPerDay: timeLimit === undefined ? undefined : timeLimit * 1000,
          iterationsPerDay: iterations,
          seed,
          history: flags.history,
          lookAhead: flags.lookAhead,
          circle: flags.circle,
          lookAheadShare,
          onProgress: (date, p) => {
            if (flags.json) log(JSON.stringify({ date, progress: p }));
            else if (p.elapsedMs - lastProgress >= 1000) {
              lastProgress = p.elapsedMs;
              log(`  ${date}  ${progressLine(p)}`);
            }
          },
          onDay: ({ date, index, days, pass, schedule }) => {
            lastProgress = 0;
            const m = schedule.metrics;
            const which = flags.circle ? `plan ${pass}/2, ` : '';
            log(
              flags.json
                ? JSON.stringify({ day: date, index, days, pass, contactShare: m.contactShare, unassigned: schedule.unassigned.length, travelMinutes: m.travelMinutes })
                : `${which}day ${index + 1}/${days} ${date}: ${m.assigned}/${m.visits} visits, by contact ${percent(m.contactShare)}, unassigned ${schedule.unassigned.length}, travel ${m.travelMinutes} min`,
            );
          },
        });
        const text = toJsonText(result);
        if (flags.output) await writeFileAtomic(flags.output, text);
        else process.stdout.write(text);
        for (const w of result.kpi.windows) {
          const k = w.kolada;
          log(
            `KPI ${w.from} – ${w.to}${w.partial ? ' (partial)' : ''}: U21401 ${k.U21401?.toFixed(2) ?? '-'}, U21402 ${k.U21402 ?? '-'}, U21436 ${k.U21436?.toFixed(1) ?? '-'} %, ` +
              `${w.overall.recipients} recipients counted, ${w.overall.excluded} left out`,
          );
        }
      }),
    );
}
