/**
 * `kontinuitet study`: a manager's what-if (FORMAT §8). The study is checked in full before
 * anything is planned; every variant and sweep value is planned with the same budget and
 * seed; the result, the CSV and each plan's files are written only when all is done.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { toJsonText, writeFileAtomic } from '../../io/index.ts';
import { MAX_TIME_LIMIT_SECONDS_PER_DAY } from '../../limits/index.ts';
import { runCommand, UsageError } from '../../surface/run.ts';
import { ITERATIONS, SEED, optionalNumber } from '../../surface/options.ts';
import { percent } from '../../surface/format.ts';
import { checkStudy, readStudyFile, runStudy, type CheckedStudy, type PlannedPart, type StudyProgress } from '../../study/index.ts';
import { CSV_FORMATS, studyCsv, type CsvFormat } from '../../study/csv.ts';
import { NumberFormat, localeStyle } from '../../study/numbers.ts';
import { formatStudy, leftOutNote } from '../../study/table.ts';
import { TIME_LIMIT, progressLine } from './solve.ts';

interface StudyFlags {
  output?: string;
  outDir?: string;
  csv?: string;
  csvFormat: string;
  timeLimit?: string;
  seed?: string;
  iterations?: string;
  quiet?: boolean;
  json?: boolean;
}

/** Warnings shown before planning; `kontinuitet validate` lists them all. */
const MAX_WARNINGS = 20;

/** `1 min 20 s`, `45 s`. */
function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

function progressText(p: StudyProgress): string {
  const left = p.remainingMs === null ? 'estimating the time left' : `about ${duration(p.remainingMs)} left`;
  const at = `plan ${Math.min(p.solved + 1, p.solves)}/${p.solves} ${p.id}${p.date ? ` ${p.date}` : ''}`;
  return `${at}  ${Math.round(p.fraction * 100)} %  |  study ${Math.round(p.studyFraction * 100)} %, ${left}  |  ${progressLine(p.solve)}`;
}

function plannedText(p: PlannedPart & { seconds: number; index: number; parts: number }): string {
  const m = p.outcome.metrics;
  const note = leftOutNote(m);
  return (
    `planned ${p.index + 1}/${p.parts} ${p.id} in ${p.seconds.toFixed(1)} s: ${m.assigned}/${m.visits} visits, by contact ${percent(m.contactShare)}, ` +
    `travel ${m.travelMinutes} min, cost ${Math.round(p.outcome.costSek)} SEK${note ? `  ${note}` : ''}`
  );
}

/** Where outputs go must exist before minutes of planning, not be found missing after. */
async function checkWritable(file: string | undefined, flag: string): Promise<void> {
  if (file === undefined) return;
  const folder = dirname(file);
  const found = await stat(folder).catch(() => null);
  if (!found?.isDirectory()) throw new UsageError(`${flag} ${file}: the folder ${folder} does not exist`);
}

async function checkOutDir(dir: string | undefined): Promise<void> {
  if (dir === undefined) return;
  const found = await stat(dir).catch(() => null);
  if (found && !found.isDirectory()) throw new UsageError(`--out-dir ${dir} is a file, not a folder`);
  if (!found) await checkWritable(dir, '--out-dir');
}

/** For a period base `--time-limit` is per day, as `plan-period --time-limit-per-day` holds it. */
export function checkStudyTimeLimit(checked: CheckedStudy, seconds: number | undefined): void {
  if (checked.base.kind === 'period' && seconds !== undefined && seconds > MAX_TIME_LIMIT_SECONDS_PER_DAY) {
    throw new UsageError(`--time-limit is per day for a period base: at most ${MAX_TIME_LIMIT_SECONDS_PER_DAY} seconds, not ${seconds}`);
  }
}

export function registerStudy(program: Command): void {
  program
    .command('study')
    .description('Plan a study (kontinuitet/study@1): variants of a day or a period and a sweep of one weight, compared in one table')
    .argument('<study>', 'study JSON file; a base given as a path is read relative to it')
    .option('-o, --output <file>', 'write the result (kontinuitet/study-result@1) here (default: stdout)')
    .option('--out-dir <dir>', "write each variant's and sweep value's problem and plan here, to check or open on its own")
    .option('--csv <file>', 'write the table for a spreadsheet')
    .option('--csv-format <format>', `sv: semicolons and decimal commas, as a Swedish Excel opens it; en: commas and points`, 'sv')
    .option('-t, --time-limit <seconds>', "every plan's time limit, per day for a period (default: the study's options, else the base's, else 10, or 5 a day)")
    .option('-s, --seed <n>', "every plan's seed (default: the study's options, else the base's, else 1)")
    .option('-i, --iterations <n>', "every plan's iteration budget, per day for a period; with it the same seed gives the same result")
    .option('-q, --quiet', 'no progress and no table')
    .option('--json', 'progress as JSON lines on stderr, the table as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Ops: remove_staff, add_staff, service_assistants, travel_mode, objective, reassign_team,',
        'suggest_contacts, patch (FORMAT §8). Every variant gets the same budget and seed. The table',
        'shows a row per variant and its differences to the first; a variant that leaves mandatory',
        'visits out says so on its row. Numbers are Swedish when LC_ALL, LC_NUMERIC or LANG starts',
        'with "sv".',
        '',
        'Exit codes: 0 done (also when a variant leaves visits out), 1 internal failure, 2 invalid',
        'study or usage; then nothing is written.',
      ].join('\n'),
    )
    .action((file: string, flags: StudyFlags) =>
      runCommand(async () => {
        const timeLimitSeconds = optionalNumber(flags.timeLimit, '--time-limit', TIME_LIMIT);
        const iterations = optionalNumber(flags.iterations, '--iterations', ITERATIONS);
        const seed = optionalNumber(flags.seed, '--seed', SEED);
        if (!(CSV_FORMATS as readonly string[]).includes(flags.csvFormat)) throw new UsageError(`--csv-format must be sv or en, not "${flags.csvFormat}"`);
        await checkWritable(flags.output, '--output');
        await checkWritable(flags.csv, '--csv');
        await checkOutDir(flags.outDir);
        const document = await readStudyFile(file);
        const checked = checkStudy(document.data, document);
        checkStudyTimeLimit(checked, timeLimitSeconds);

        const log = (line: string) => {
          if (!flags.quiet) process.stderr.write(`${line}\n`);
        };
        const shown = checked.warnings.slice(0, MAX_WARNINGS);
        for (const w of shown) log(flags.json ? JSON.stringify({ warning: w }) : `warning ${w.path}: ${w.message}`);
        if (checked.warnings.length > shown.length && !flags.json) log(`… and ${checked.warnings.length - shown.length} more warnings (kontinuitet validate ${file} lists them all)`);

        const tty = process.stderr.isTTY && !flags.json;
        let lastLine = 0;
        const run = runStudy(checked, {
          timeLimitSeconds,
          seed,
          iterations,
          progressEveryMs: tty ? 250 : 1000,
          onProgress: flags.quiet
            ? undefined
            : (p) => {
                if (flags.json) log(JSON.stringify({ progress: p }));
                else if (tty) process.stderr.write(`\r\x1b[K${progressText(p)}`);
                else if (p.elapsedMs - lastLine >= 5000) {
                  lastLine = p.elapsedMs;
                  log(progressText(p));
                }
              },
          onPlanned: (p) => {
            if (flags.quiet) return;
            if (tty) process.stderr.write('\r\x1b[K');
            log(flags.json ? JSON.stringify({ planned: { id: p.id, seconds: p.seconds, ...p.outcome } }) : plannedText(p));
          },
        });

        const { result, planned } = run;
        if (flags.outDir) {
          await mkdir(flags.outDir, { recursive: true });
          for (const part of planned) {
            const kind = part.plan.kind === 'day' ? 'schedule' : 'period-schedule';
            await writeFileAtomic(join(flags.outDir, `${part.id}.problem.json`), toJsonText(part.problem.problem));
            await writeFileAtomic(join(flags.outDir, `${part.id}.${kind}.json`), toJsonText(part.plan.schedule));
          }
        }
        if (flags.csv) await writeFileAtomic(flags.csv, studyCsv(result, flags.csvFormat as CsvFormat));
        const text = toJsonText(result);
        if (flags.output) await writeFileAtomic(flags.output, text);
        else process.stdout.write(text);
        if (!flags.quiet) {
          const out = flags.output ? process.stdout : process.stderr;
          out.write(flags.json ? `${JSON.stringify({ variants: result.variants, sweep: result.sweep })}\n` : formatStudy(result, new NumberFormat(localeStyle())));
        }
      }),
    );
}
