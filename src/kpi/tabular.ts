/**
 * Rows of a CSV, JSON-lines or JSON-array file as one shape: each row's physical line and
 * its values under canonical column names (matched case-insensitively, trimmed). Columns
 * we do not know are ignored: exports carry many.
 */
import { extname } from 'node:path';
import { InputError, type InputProblem } from '../model/errors.ts';
import { findJsonSyntaxError, parseJsonText } from '../io/index.ts';
import { parseCsv } from './csv.ts';

export type TabularKind = 'csv' | 'jsonl' | 'json';

export interface TabularRow {
  line: number;
  values: Map<string, unknown>;
}

export interface Tabular {
  kind: TabularKind;
  /** Line of the header row (CSV) or 1. */
  headerLine: number;
  /** False when a CSV file has no usable header row (already reported). */
  hasHeader: boolean;
  /** Canonical columns named in the CSV header; for JSON, every known key seen. */
  columns: Set<string>;
  rows: TabularRow[];
}

/** `.jsonl`/`.ndjson` are JSON lines; otherwise the first character decides: `{` JSON lines, `[` a JSON array, else CSV. */
export function tabularKind(text: string, file: string): TabularKind {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.[0];
  if (first === '{') return 'jsonl';
  if (first === '[') return 'json';
  return 'csv';
}

function columnLookup(columns: readonly string[]): Map<string, string> {
  return new Map(columns.map((c) => [c.toLowerCase(), c]));
}

function problem(path: string, message: string): InputProblem {
  return { path, message, severity: 'error' };
}

function fromCsv(text: string, file: string, lookup: Map<string, string>, problems: InputProblem[]): Tabular {
  const table = parseCsv(text, file, problems);
  if (!table) return { kind: 'csv', headerLine: 1, hasHeader: false, columns: new Set(), rows: [] };
  const positions = new Map<string, number>();
  table.header.fields.forEach((name, index) => {
    const canonical = lookup.get(name.trim().toLowerCase());
    if (!canonical) return;
    if (positions.has(canonical)) {
      problems.push(problem(`${file}:${table.header.line}: ${canonical}`, `the column appears more than once in the header (fields ${positions.get(canonical)! + 1} and ${index + 1})`));
    } else {
      positions.set(canonical, index);
    }
  });
  const width = table.header.fields.length;
  const rows: TabularRow[] = [];
  for (const record of table.records) {
    if (record.fields.length > width && record.fields.slice(width).some((f) => f.trim() !== '')) {
      problems.push(problem(`${file}:${record.line}`, `the row has ${record.fields.length} fields but the header has ${width}`));
      continue;
    }
    const values = new Map<string, unknown>();
    for (const [canonical, index] of positions) values.set(canonical, record.fields[index] ?? '');
    rows.push({ line: record.line, values });
  }
  return { kind: 'csv', headerLine: table.header.line, hasHeader: true, columns: new Set(positions.keys()), rows };
}

function objectRow(value: unknown, line: number, file: string, lookup: Map<string, string>, columns: Set<string>, problems: InputProblem[]): TabularRow | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(problem(`${file}:${line}`, 'is not a JSON object'));
    return undefined;
  }
  const values = new Map<string, unknown>();
  for (const [key, v] of Object.entries(value)) {
    const canonical = lookup.get(key.trim().toLowerCase());
    if (!canonical) continue;
    if (values.has(canonical)) {
      problems.push(problem(`${file}:${line}: ${canonical}`, 'is given twice (keys differ only in case or spaces)'));
      continue;
    }
    values.set(canonical, v);
    columns.add(canonical);
  }
  return { line, values };
}

function fromJsonLines(text: string, file: string, lookup: Map<string, string>, problems: InputProblem[]): Tabular {
  const columns = new Set<string>();
  const rows: TabularRow[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const source = index === 0 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (source.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      const found = findJsonSyntaxError(source);
      problems.push(problem(found ? `${file}:${line}:${found.column}` : `${file}:${line}`, `is not valid JSON${found ? `: ${found.message}` : ''}`));
      return;
    }
    const row = objectRow(value, line, file, lookup, columns, problems);
    if (row) rows.push(row);
  });
  return { kind: 'jsonl', headerLine: 1, hasHeader: true, columns, rows };
}

/** The line on which each top-level element of a JSON array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/\s/.test(c) && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

function fromJsonArray(text: string, file: string, lookup: Map<string, string>, problems: InputProblem[]): Tabular {
  const columns = new Set<string>();
  let data: unknown;
  try {
    data = parseJsonText(text, file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    for (const found of err.problems) problems.push(found);
    return { kind: 'json', headerLine: 1, hasHeader: true, columns, rows: [] };
  }
  if (!Array.isArray(data)) {
    problems.push(problem(file, 'is not a JSON array of rows'));
    return { kind: 'json', headerLine: 1, hasHeader: true, columns, rows: [] };
  }
  const lines = elementLines(text);
  const rows: TabularRow[] = [];
  data.forEach((value, index) => {
    const row = objectRow(value, lines[index] ?? 1, file, lookup, columns, problems);
    if (row) rows.push(row);
  });
  return { kind: 'json', headerLine: 1, hasHeader: true, columns, rows };
}

/** Reads rows under the given canonical column names; problems are collected, never thrown. */
export function readTabular(text: string, file: string, columns: readonly string[], problems: InputProblem[]): Tabular {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lookup = columnLookup(columns);
  switch (tabularKind(body, file)) {
    case 'jsonl':
      return fromJsonLines(body, file, lookup, problems);
    case 'json':
      return fromJsonArray(body, file, lookup, problems);
    default:
      return fromCsv(body, file, lookup, problems);
  }
}
