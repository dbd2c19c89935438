/** `kontinuitet report`: one self-contained, offline HTML page of a schedule, a re-plan, a period or a KPI report. */
import type { Command } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/index.ts';
import { DEFAULT_LANGUAGE, LANGUAGES, findBrowser, isLanguage, printPdf, readReport, renderReport } from '../../report/index.ts';
import { UsageError, runCommand } from '../../surface/run.ts';

interface ReportFlags {
  problem?: string;
  published?: string;
  changes?: string;
  output?: string;
  lang: string;
  pdf?: string;
  browser?: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('one self-contained HTML page (Gantt, map, continuity charts) of a schedule, a re-plan (before and after), a period schedule, a KPI report or a study result')
    .argument('<document>', 'a schedule (kontinuitet/schedule@1), a period schedule (kontinuitet/period-schedule@1), a KPI report (kontinuitet/kpi@1) or a study result (kontinuitet/study-result@1)')
    .option('--problem <file>', 'the problem the document was planned from: the day problem of a schedule (of a re-plan: the day as it now stands, or the original day with --published and --changes), the period problem of a period schedule')
    .option('--published <file>', "with --changes, for a re-plan's new schedule: the schedule it replaced (shown before and after)")
    .option('--changes <file>', 'with --published: what happened since (kontinuitet/changes@1)')
    .option('-o, --output <file>', 'write the page here (default: stdout, unless --pdf is given)')
    .option('--lang <language>', `labels, numbers and dates: ${LANGUAGES.join(' or ')}`, DEFAULT_LANGUAGE)
    .option('--pdf <file>', 'also print the page to a PDF with a headless Chromium or Chrome')
    .option('--browser <path>', 'the browser for --pdf (default: chromium, chromium-browser, google-chrome on PATH)')
    .addHelpText('after', '\nExit codes: 0 done, 1 internal failure, 2 invalid input or usage (nothing is written).')
    .action((document: string, flags: ReportFlags) =>
      runCommand(async () => {
        if (!isLanguage(flags.lang)) throw new UsageError(`--lang "${flags.lang}" is not one of ${LANGUAGES.join(', ')}`);
        const browser = flags.pdf === undefined ? null : findBrowser(flags.browser);
        if (flags.pdf !== undefined && browser === null) {
          throw new UsageError(
            flags.browser ? `--browser "${flags.browser}" is not an executable file` : '--pdf needs Chromium or Chrome: none found on PATH (give one with --browser)',
          );
        }
        const html = renderReport(await readReport({ document, problem: flags.problem, published: flags.published, changes: flags.changes }), { lang: flags.lang });
        if (flags.output) await writeFileAtomic(flags.output, html);
        else if (flags.pdf === undefined) process.stdout.write(html);
        if (flags.pdf === undefined || browser === null) return;
        if (flags.output) return printPdf(flags.output, flags.pdf, browser);
        const dir = await mkdtemp(join(tmpdir(), 'kontinuitet-report-'));
        try {
          const file = join(dir, 'report.html');
          await writeFileAtomic(file, html);
          await printPdf(file, flags.pdf, browser);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
    );
}
