/**
 * Readers of the analyst's files (FORMAT §4): a visit log and a recipients file, each as
 * CSV, JSON lines or (recipients) a JSON array. Every bad row is reported at once as
 * `file:line: column: sentence`, and nothing is returned when any is bad.
 */
import { readTableText } from '../io/index.ts';
import { InputError, preview, type InputProblem } from '../model/errors.ts';
import { LOG_VISIT_TYPES, ROLES } from '../model/schemas.ts';
import type { Role } from '../model/types.ts';
import { TimeError, parseInstant, zoneOf } from '../time/index.ts';
import { readTabular, type Tabular, type TabularRow } from './tabular.ts';
import type { KpiRecipientInfo, LogVisitType, PerformedRow } from './types.ts';

const LOG_COLUMNS = ['recipient', 'staff', 'start', 'end', 'type', 'staffRole', 'team'] as const;
const LOG_REQUIRED = ['recipient', 'staff', 'start', 'end'] as const;
const RECIPIENT_COLUMNS = ['recipient', 'birthYear', 'age', 'team', 'contact'] as const;

const BIRTH_YEAR_RANGE = [1880, 2100] as const;
const AGE_RANGE = [0, 130] as const;

const describe = preview;

/** Reads one row's values and reports its problems under `file:line: column`. */
class RowReader {
  problemCount = 0;
  constructor(
    private readonly file: string,
    private readonly row: TabularRow,
    private readonly problems: InputProblem[],
    /** Columns already reported missing from the header: not reported again per row. */
    private readonly missing: ReadonlySet<string>,
  ) {}

  fail(column: string, message: string): void {
    this.problems.push({ path: `${this.file}:${this.row.line}: ${column}`, message, severity: 'error' });
    this.problemCount++;
  }

  /** Trimmed text; undefined when absent or empty. Whole JSON numbers are accepted as their digits. */
  text(column: string, required: boolean): string | undefined {
    if (this.missing.has(column)) return undefined;
    const value = this.row.values.get(column);
    let text: string | undefined;
    if (typeof value === 'string') text = value.trim() === '' ? undefined : value.trim();
    else if (typeof value === 'number' && Number.isInteger(value)) text = String(value);
    else if (value !== undefined && value !== null) {
      this.fail(column, `${describe(value)} should be text`);
      return undefined;
    }
    if (text === undefined && required) this.fail(column, this.row.values.has(column) ? 'is empty; a value is required' : 'is required');
    return text;
  }

  instant(column: string, zone: ReturnType<typeof zoneOf>): { text: string; ms: number } | undefined {
    const text = this.text(column, true);
    if (text === undefined) return undefined;
    try {
      return { text, ms: parseInstant(text, zone) };
    } catch (err) {
      if (!(err instanceof TimeError)) throw err;
      this.fail(column, `${err.message} (ISO 8601 or YYYY-MM-DD HH:MM[:SS] expected)`);
      return undefined;
    }
  }

  oneOf<T extends string>(column: string, allowed: readonly T[], what: string): T | undefined {
    const text = this.text(column, false);
    if (text === undefined) return undefined;
    if ((allowed as readonly string[]).includes(text)) return text as T;
    this.fail(column, `"${text}" is not ${what} (one of ${allowed.join(', ')})`);
    return undefined;
  }

  wholeNumber(column: string, [min, max]: readonly [number, number], what: string): number | undefined {
    if (this.missing.has(column)) return undefined;
    const value = this.row.values.get(column);
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!Number.isInteger(n)) {
      this.fail(column, `${describe(typeof value === 'string' ? value.trim() : value)} is not ${what}`);
      return undefined;
    }
    if (n < min || n > max) {
      this.fail(column, `${n} is not ${what} between ${min} and ${max}`);
      return undefined;
    }
    return n;
  }
}

/** Problems in file order: structural ones are found before the rows are read. */
function inLineOrder(problems: InputProblem[], file: string): InputProblem[] {
  const lineOf = (p: InputProblem) => Number(/^:(\d+)/.exec(p.path.slice(file.length))?.[1] ?? 0);
  return problems.map((p, i) => ({ p, i, line: lineOf(p) })).sort((a, b) => a.line - b.line || a.i - b.i).map(({ p }) => p);
}

/** Required columns a CSV header lacks, each reported once at the header line. */
function missingColumns(table: Tabular, file: string, required: readonly string[], problems: InputProblem[]): Set<string> {
  const missing = new Set<string>();
  if (table.kind !== 'csv' || !table.hasHeader) return missing;
  for (const column of required) {
    if (table.columns.has(column)) continue;
    missing.add(column);
    problems.push({ path: `${file}:${table.headerLine}: ${column}`, message: 'the header row has no such column', severity: 'error' });
  }
  return missing;
}

/** Parses a visit log's text; local times are read in `timezone`. Throws `InputError` listing every bad row. */
export function parseVisitLog(text: string, file: string, timezone: string): PerformedRow[] {
  const zone = zoneOf(timezone);
  const problems: InputProblem[] = [];
  const table = readTabular(text, file, LOG_COLUMNS, problems);
  const missing = missingColumns(table, file, LOG_REQUIRED, problems);
  const rows: PerformedRow[] = [];
  for (const raw of table.rows) {
    const row = new RowReader(file, raw, problems, missing);
    const recipient = row.text('recipient', true);
    const staff = row.text('staff', true);
    const start = row.instant('start', zone);
    const end = row.instant('end', zone);
    const type = row.oneOf<LogVisitType>('type', LOG_VISIT_TYPES, 'a visit type');
    const staffRole = row.oneOf<Role>('staffRole', ROLES, 'a staff role');
    const team = row.text('team', false);
    if (start && end && end.ms < start.ms) row.fail('end', `"${end.text}" is before start "${start.text}"`);
    if (row.problemCount > 0 || recipient === undefined || staff === undefined || !start || !end) continue;
    const performed: PerformedRow = { recipient, staff, startMs: start.ms, endMs: end.ms, line: raw.line };
    if (type !== undefined) performed.type = type;
    if (staffRole !== undefined) performed.staffRole = staffRole;
    if (team !== undefined) performed.team = team;
    rows.push(performed);
  }
  if (problems.length > 0) throw new InputError(inLineOrder(problems, file), `invalid visit log ${file}`);
  return rows;
}

/** Parses a recipients file's text. Throws `InputError` listing every bad row. */
export function parseRecipients(text: string, file: string): KpiRecipientInfo[] {
  const problems: InputProblem[] = [];
  const table = readTabular(text, file, RECIPIENT_COLUMNS, problems);
  const missing = missingColumns(table, file, ['recipient'], problems);
  if (table.kind === 'csv' && table.hasHeader && !table.columns.has('birthYear') && !table.columns.has('age')) {
    problems.push({ path: `${file}:${table.headerLine}: birthYear`, message: 'the header row has neither a "birthYear" nor an "age" column', severity: 'error' });
  }
  const firstLine = new Map<string, number>();
  const recipients: KpiRecipientInfo[] = [];
  for (const raw of table.rows) {
    const row = new RowReader(file, raw, problems, missing);
    const id = row.text('recipient', true);
    if (id !== undefined) {
      const first = firstLine.get(id);
      if (first !== undefined) row.fail('recipient', `"${id}" is listed again (first on line ${first})`);
      else firstLine.set(id, raw.line);
    }
    const birthYear = row.wholeNumber('birthYear', BIRTH_YEAR_RANGE, 'a birth year');
    const age = row.wholeNumber('age', AGE_RANGE, 'an age in whole years');
    const team = row.text('team', false);
    const contact = row.text('contact', false);
    if (row.problemCount > 0 || id === undefined) continue;
    const info: KpiRecipientInfo = { id, team: team ?? null, contact: contact ?? null };
    if (birthYear !== undefined) info.birthYear = birthYear;
    if (age !== undefined) info.age = age;
    recipients.push(info);
  }
  if (problems.length > 0) throw new InputError(inLineOrder(problems, file), `invalid recipients file ${file}`);
  return recipients;
}

/**
 * Reads a visit log (CSV, `.jsonl`/`.ndjson` or JSON lines by content). A file that is not
 * UTF-8 is read as Windows-1252 (or UTF-16 by its mark), and `warnings` hears of it.
 */
export async function readVisitLog(path: string, timezone: string, warnings: InputProblem[] = []): Promise<PerformedRow[]> {
  const { text, warnings: found } = await readTableText(path);
  warnings.push(...found);
  return parseVisitLog(text, path, timezone);
}

/** Reads a recipients file (CSV, JSON lines or a JSON array), its encoding as for `readVisitLog`. */
export async function readRecipientsFile(path: string, warnings: InputProblem[] = []): Promise<KpiRecipientInfo[]> {
  const { text, warnings: found } = await readTableText(path);
  warnings.push(...found);
  return parseRecipients(text, path);
}
