/** `kontinuitet generate`: realistic seeded day and period problems for a Södermalm-like district. */
import { Command, Option } from 'commander';
import { generateDay, generatePeriod, PRESETS, DEFAULT_DAY_DATE, DEFAULT_PERIOD_START, DEFAULT_PERIOD_DAYS, type PeriodOptions, type PresetName } from '../../generate/index.ts';
import { toJsonText, writeFileAtomic } from '../../io/index.ts';
import { UsageError, runCommand } from '../../surface/run.ts';

interface GenerateFlags {
  preset: PresetName;
  seed?: string;
  teams?: string;
  staff?: string;
  recipients?: string;
  date?: string;
  days?: string;
  timezone?: string;
  planted?: string;
  output: string;
}

function wholeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text)) throw new UsageError(`${flag} must be a whole number (got "${text}")`);
  return Number(text);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The generator's options from the flags: the preset, then any explicit size. */
function generateOptions(kind: 'day' | 'period', flags: Omit<GenerateFlags, 'output'>): PeriodOptions {
  const preset = PRESETS[flags.preset];
  if (kind === 'period' && flags.planted !== undefined) throw new UsageError('--planted is for day problems only');
  if (kind === 'day' && flags.days !== undefined) throw new UsageError('--days is for period problems only');
  const opts: PeriodOptions = {
    seed: wholeNumber(flags.seed, '--seed') ?? 1,
    teams: wholeNumber(flags.teams, '--teams') ?? preset.teams,
    staffPerTeam: wholeNumber(flags.staff, '--staff') ?? preset.staffPerTeam,
    recipientsPerTeam: wholeNumber(flags.recipients, '--recipients') ?? preset.recipientsPerTeam,
    ...(flags.timezone !== undefined ? { timezone: flags.timezone } : {}),
    ...(kind === 'day' && flags.date !== undefined ? { date: flags.date } : {}),
    ...(kind === 'period' && flags.date !== undefined ? { startDate: flags.date } : {}),
    ...(kind === 'period' && flags.days !== undefined ? { days: wholeNumber(flags.days, '--days') } : {}),
    ...(flags.planted !== undefined ? { planted: true } : {}),
  };
  return opts;
}

/** Runs the generator; its range checks become usage errors (exit 2, nothing written). */
function generate<T>(make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write a realistic, seeded day or period problem for a Södermalm-like district of Stockholm')
    .argument('<kind>', 'what to generate: "day" (kontinuitet/day@1) or "period" (kontinuitet/period@1)')
    .addOption(new Option('--preset <name>', 'sizes to start from').choices(Object.keys(PRESETS)).default('full-team'))
    .option('--seed <n>', 'seed of the generator; the same seed and options give the same bytes (default 1)')
    .option('--teams <n>', 'number of teams (overrides the preset)')
    .option('--staff <n>', 'staff per team working on a day (overrides the preset)')
    .option('--recipients <n>', 'recipients per team (overrides the preset)')
    .option('--date <YYYY-MM-DD>', `plan date of a day (default ${DEFAULT_DAY_DATE}) or first day of a period (default ${DEFAULT_PERIOD_START})`)
    .option('--days <n>', `days in a period, 1–31 (default ${DEFAULT_PERIOD_DAYS})`)
    .option('--timezone <zone>', 'IANA time zone (default Europe/Stockholm)')
    .option('--planted <file>', 'day only: build a hidden feasible schedule first, derive the windows and contacts from it, and write it to <file>')
    .requiredOption('-o, --output <file>', 'where to write the problem (written atomically)')
    .addHelpText(
      'after',
      [
        '',
        'Presets:',
        ...Object.entries(PRESETS).map(([name, p]) => `  ${name.padEnd(11)} ${p.description}`),
        '',
        'Teams cover adjacent areas of Södermalm (lat 59.31–59.32, lon 18.03–18.11) and walk;',
        'some staff bike. A period team has about 1.5 × the staff of a day: rotas with every',
        'other weekend off, weekend helpers and sick days. datasets/README.md describes the',
        'model and its parameters.',
        '',
        'A one-line summary goes to stderr. Exit codes: 0 done, 2 bad usage (nothing written).',
      ].join('\n'),
    )
    .action((kind: string, flags: GenerateFlags) =>
      runCommand(async () => {
        if (kind !== 'day' && kind !== 'period') throw new UsageError(`generate needs "day" or "period", not "${kind}"`);
        const opts = generateOptions(kind, flags);
        if (kind === 'period') {
          const problem = generate(() => generatePeriod(opts));
          await writeFileAtomic(flags.output, toJsonText(problem));
          process.stderr.write(
            `kontinuitet: wrote ${flags.output}: period ${problem.startDate} + ${plural(problem.days, 'day')} (seed ${opts.seed}): ` +
              `${plural(problem.teams.length, 'team')}, ${problem.staff.length} staff, ${plural(problem.recipients.length, 'recipient')}, ` +
              `${plural(problem.visitPlans?.length ?? 0, 'visit plan')}, ${plural(problem.visits?.length ?? 0, 'one-off visit')}\n`,
          );
          return;
        }
        const { problem, planted } = generate(() => generateDay(opts));
        if (planted && flags.planted) await writeFileAtomic(flags.planted, toJsonText(planted));
        await writeFileAtomic(flags.output, toJsonText(problem));
        const share = planted?.metrics.contactShare;
        process.stderr.write(
          `kontinuitet: wrote ${flags.output}: day ${problem.date} (seed ${opts.seed}): ${plural(problem.teams.length, 'team')}, ` +
            `${problem.staff.length} staff, ${plural(problem.recipients.length, 'recipient')}, ${plural(problem.visits.length, 'visit')}` +
            (planted ? `; planted schedule ${flags.planted} (${plural(planted.routes.length, 'route')}, contact share ${share === null || share === undefined ? 'n/a' : share.toFixed(2)})` : '') +
            '\n',
        );
      }),
    );
}
