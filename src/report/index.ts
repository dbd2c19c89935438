/**
 * The HTML report: any of our documents (with the problem it needs) becomes one
 * self-contained page that opens offline under a strict content-security policy.
 * Reading and checking happen first and throw `InputError` naming file and JSON path; the
 * page is written only from documents that passed.
 */
import { readJsonFile } from '../io/index.ts';
import { InputError } from '../model/errors.ts';
import { KNOWN_FORMATS } from '../validate/index.ts';
import { loadAssets } from './assets.ts';
import { page } from './html.ts';
import { DEFAULT_LANGUAGE, Texts, type Language } from './i18n.ts';
import { problemAt } from '../validate/documents.ts';
import { paletteCss, patternDefs } from './prepare/palette.ts';
import { VIEWS, viewFor, type ReportFiles, type ReportInput, type ReportView } from './views/index.ts';
import { UsageError } from '../surface/run.ts';

export { LANGUAGES, DEFAULT_LANGUAGE, isLanguage, type Language } from './i18n.ts';
export { VIEWS, type ReportFiles, type ReportInput } from './views/index.ts';
export { printPdf, findBrowser } from './pdf.ts';

export interface ReportOptions {
  lang?: Language;
}

/** A loaded document and the view that shows it. */
export interface LoadedReport {
  view: ReportView<unknown>;
  model: unknown;
}

const REPORTABLE = [...new Set(VIEWS.map((v) => `"${v.format}"`))].join(', ');

function refuse(file: string, path: string, message: string): never {
  throw new InputError([problemAt(file, path, message)], `cannot report on ${file}`);
}

/** `--published` and `--changes` describe one re-plan: one without the other is a usage error. */
function refuseHalfAReplan(files: ReportFiles): void {
  if ((files.published === undefined) !== (files.changes === undefined)) {
    throw new UsageError(`--published and --changes go together: a re-plan's new schedule is shown with the schedule it replaced and what changed (give both, or neither)`);
  }
}

/** Picks the view of the document and holds the document (and its problem) to it. */
export function loadReport(input: ReportInput): LoadedReport {
  const { files, document } = input;
  refuseHalfAReplan(files);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    refuse(files.document, '(document)', `is not a kontinuitet document: expected a JSON object with a "format" field, one of ${REPORTABLE}`);
  }
  const format = (document as Record<string, unknown>).format;
  const view = viewFor(format, document as Record<string, unknown>);
  if (!view) {
    const known = typeof format === 'string' && KNOWN_FORMATS.includes(format);
    refuse(
      files.document,
      'format',
      known
        ? `"${format}" is an input, not a result: solve or plan it first, then report the result (one of ${REPORTABLE})`
        : `${JSON.stringify(format) ?? 'missing'} is not a document the report shows (one of ${REPORTABLE})`,
    );
  }
  if (view.problem && input.problem === undefined) {
    refuse(files.document, 'format', `a ${view.kind} document needs ${view.problem.what} (${view.problem.format}): give it with --problem`);
  }
  if (files.published !== undefined && !view.takesChanges) {
    throw new UsageError(
      `--published and --changes go with the new schedule of a re-plan (a kontinuitet/schedule@1 with a "replan" block, as kontinuitet replan writes it), and ${files.document} is not one`,
    );
  }
  if (!view.problem && files.problem !== undefined) {
    refuse(files.problem, '(document)', `is not needed: a ${view.kind} document is reported on its own (leave out --problem)`);
  }
  return { view, model: view.load(input) };
}

/** Reads the files named on the command line and loads them. */
export async function readReport(files: ReportFiles): Promise<LoadedReport> {
  refuseHalfAReplan(files); // before any file is read: a usage error, not a missing file
  // One after the other: the first unreadable file, in the order given, is the one named.
  const read = async (file: string | undefined) => (file === undefined ? undefined : readJsonFile(file));
  const document = await readJsonFile(files.document);
  const problem = await read(files.problem);
  const published = await read(files.published);
  const changes = await read(files.changes);
  return loadReport({ files, document, problem, published, changes });
}

export function renderReport(loaded: LoadedReport, options: ReportOptions = {}): string {
  const texts = new Texts(options.lang ?? DEFAULT_LANGUAGE);
  const view = loaded.view.render(loaded.model, texts);
  const assets = loadAssets();
  return page({
    lang: texts.lang,
    title: view.title,
    subtitle: view.subtitle,
    body: `${patternDefs()}\n${view.body}`,
    css: `${assets.css}\n${paletteCss()}`,
    scripts: assets.scripts,
    generated: texts.t.generated,
  });
}
