/** `kontinuitet kpi`: personalkontinuitet (Kolada) from a performed-visits log. */
import type { Command } from 'commander';
import { writeFileAtomic } from '../../io/index.ts';
import { InputError, type InputProblem } from '../../model/errors.ts';
import { beyond, limitOf } from '../../limits/index.ts';
import { DateString } from '../../model/schemas.ts';
import { DEFAULT_TIMEZONE, isValidZone } from '../../time/index.ts';
import {
  KPI_FORMATS,
  computeKpi,
  formatKpi,
  readRecipientsFile,
  readVisitLog,
  type KpiFormat,
  type KpiRecipientInfo,
  type PerformedRow,
} from '../../kpi/index.ts';
import { UsageError, runCommand } from '../../surface/run.ts';

interface KpiCliOptions {
  recipients: string;
  from: string;
  timezone: string;
  format: string;
  windows?: string;
  output?: string;
}

function checkOptions(opts: KpiCliOptions): { format: KpiFormat; windows?: number } {
  if (!DateString.safeParse(opts.from).success) throw new UsageError(`--from "${opts.from}" is not a date (YYYY-MM-DD)`);
  if (!isValidZone(opts.timezone)) throw new UsageError(`--timezone "${opts.timezone}" is not an IANA time zone`);
  if (!(KPI_FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(`--format "${opts.format}" is not one of ${KPI_FORMATS.join(', ')}`);
  }
  if (opts.windows === undefined) return { format: opts.format as KpiFormat };
  if (!/^[1-9]\d*$/.test(opts.windows)) throw new UsageError(`--windows "${opts.windows}" is not a whole number of windows (1 or more)`);
  if (Number(opts.windows) > limitOf('kpiWindows')) throw new UsageError(`--windows ${opts.windows} is ${beyond('kpiWindows')}`);
  return { format: opts.format as KpiFormat, windows: Number(opts.windows) };
}

/** Both files are read before failing, so one run reports every bad row of either; warnings (an encoding) go to stderr. */
async function readInputs(visits: string, opts: KpiCliOptions): Promise<[PerformedRow[], KpiRecipientInfo[]]> {
  const warnings: InputProblem[] = [];
  const [log, recipients] = await Promise.allSettled([readVisitLog(visits, opts.timezone, warnings), readRecipientsFile(opts.recipients, warnings)]);
  for (const w of warnings) process.stderr.write(`kontinuitet: warning ${w.path}: ${w.message}\n`);
  if (log.status === 'fulfilled' && recipients.status === 'fulfilled') return [log.value, recipients.value];
  const reasons = [log, recipients].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const other = reasons.find((r) => !(r instanceof InputError));
  if (other !== undefined || reasons.length === 1) throw other ?? reasons[0];
  throw new InputError(reasons.flatMap((r) => (r as InputError).problems), 'invalid input');
}

export function registerKpi(program: Command): void {
  program
    .command('kpi')
    .description('personalkontinuitet as Kolada measures it (U21401, U21402, U21436) from a visit log')
    .argument('<visits>', 'visit log: CSV (comma or semicolon) or JSON lines, one row per staff member per visit')
    .requiredOption('--recipients <file>', 'recipients file (CSV, JSON lines or JSON array): recipient, birthYear or age, team, contact')
    .requiredOption('--from <date>', 'first day of the first 14-day window (YYYY-MM-DD)')
    .option('--timezone <zone>', 'IANA time zone of local times and days', DEFAULT_TIMEZONE)
    .option('--format <format>', `output format: ${KPI_FORMATS.join(', ')}`, 'table')
    .option('--windows <n>', 'number of 14-day windows (default: as many whole windows as the log covers, at least one)')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .action((visits: string, opts: KpiCliOptions) =>
      runCommand(async () => {
        const { format, windows } = checkOptions(opts);
        const [log, recipients] = await readInputs(visits, opts);
        const report = computeKpi(log, recipients, { from: opts.from, timezone: opts.timezone, windows });
        const text = formatKpi(report, format);
        if (opts.output) await writeFileAtomic(opts.output, text);
        else process.stdout.write(text);
      }),
    );
}
