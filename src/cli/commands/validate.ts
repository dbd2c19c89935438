/** `kontinuitet validate`: every problem of every file, without solving anything. */
import type { Command } from 'commander';
import { readJsonFile, toJsonText } from '../../io/index.ts';
import { InputError, type InputProblem } from '../../model/errors.ts';
import { KNOWN_FORMATS, validateDocument } from '../../validate/index.ts';
import { EXIT_INPUT, EXIT_OK, runCommand } from '../../surface/run.ts';
import { dirname } from 'node:path';
import { checkStudy, inlineBase } from '../../study/index.ts';

export interface FileReport {
  file: string;
  /** The format recognised, or null when the file could not be read or named none. */
  format: string | null;
  ok: boolean;
  errors: number;
  warnings: number;
  problems: InputProblem[];
}

/** Reads and validates one file; a file that cannot be read or parsed is a failed report, not a throw. */
export async function validateFile(file: string): Promise<FileReport> {
  let data: unknown;
  try {
    data = await readJsonFile(file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { file, format: null, ok: false, errors: err.problems.length, warnings: 0, problems: err.problems };
  }
  const result = validateDocument(data);
  if (result.format === 'kontinuitet/study@1') return studyReport(file, data);
  const problems = result.ok ? result.warnings : result.problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { file, format: result.format, ok: result.ok, errors, warnings: problems.length - errors, problems };
}

/** A study's base and ops need the study's folder: its base (named by path) is read from there and every variant built. */
async function studyReport(file: string, data: unknown): Promise<FileReport> {
  const format = 'kontinuitet/study@1';
  try {
    const document = await inlineBase(data, dirname(file));
    const { warnings } = checkStudy(document.data, document);
    return { file, format, ok: true, errors: 0, warnings: warnings.length, problems: warnings };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const errors = err.problems.filter((p) => p.severity === 'error').length;
    return { file, format, ok: false, errors, warnings: err.problems.length - errors, problems: err.problems };
  }
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `file: ok (N warnings)`, or a summary line, then every problem as `  path: sentence`. */
export function formatReport(report: FileReport): string {
  const heading = report.ok
    ? `${report.file}: ok (${count(report.warnings, 'warning')})`
    : `${report.file}: invalid (${count(report.errors, 'error')}${report.warnings > 0 ? `, ${count(report.warnings, 'warning')}` : ''})`;
  const lines = report.problems.map((p) => `  ${p.severity === 'warning' ? 'warning ' : ''}${p.path}: ${p.message}`);
  return [heading, ...lines].join('\n') + '\n';
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check input files against the data contract and report every problem at once')
    .argument('<file...>', 'JSON documents; the "format" field says which kind each one is')
    .option('--json', 'print a machine-readable list of reports instead of text')
    .addHelpText(
      'after',
      [
        '',
        `Formats: ${KNOWN_FORMATS.join(', ')}.`,
        'Day and period problems are checked beyond their shape: duplicate ids, unknown',
        'references, times (the spring daylight-saving gap does not exist), windows, shifts and',
        'breaks in order, dependency cycles, the travel matrix, rosters and plans. Warnings',
        '(swapped coordinates, visits nobody is eligible for, contacts without a valid title',
        'proof, recipients without a contact) do not fail a file. Schedules, period schedules',
        'and KPI reports are checked for shape. A study is checked with its base (read relative to',
        'the study) and every variant built from it.',
        '',
        'Output: "file: ok (N warnings)", or every problem as "  path: sentence", warnings',
        'marked "warning". With --json: [{file, format, ok, errors, warnings, problems:',
        '[{path, message, severity, code}]}].',
        '',
        'Exit codes: 0 when no file has an error, 2 when any file has an error or cannot be',
        'read or parsed.',
      ].join('\n'),
    )
    .action((files: string[], opts: { json?: boolean }) =>
      runCommand(async () => {
        const reports: FileReport[] = [];
        for (const file of files) reports.push(await validateFile(file));
        process.stdout.write(opts.json ? toJsonText(reports) : reports.map(formatReport).join(''));
        return reports.every((r) => r.ok) ? EXIT_OK : EXIT_INPUT;
      }),
    );
}
