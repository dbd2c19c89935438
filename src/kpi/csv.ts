/**
 * A small RFC 4180 reader for what time-registration systems and a Swedish Excel export:
 * comma or semicolon separated (told apart by the header row), quoted fields with doubled
 * quotes and separators or line breaks inside, CRLF or LF, a UTF-8 BOM, blank lines.
 * Every record keeps the physical line it starts on, so problems can name `file:line`.
 */
import type { InputProblem } from '../model/errors.ts';

export type CsvSeparator = ',' | ';';

export interface CsvRecord {
  /** Physical line (1-based) the record starts on. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  separator: CsvSeparator;
  header: CsvRecord;
  records: CsvRecord[];
}

/**
 * The separator of the header row: the one of `;` and `,` that occurs more often outside
 * quotes; a tie (a one-column header) means comma.
 */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === '\n' || c === '\r') break;
    else if (c === ',') commas++;
    else if (c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Splits the text into records; an unclosed quote is a problem at the line its record starts on. */
export function parseCsv(text: string, file: string, problems: InputProblem[]): CsvTable | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator = detectSeparator(body);
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;

  const endRecord = () => {
    fields.push(field);
    // Blank lines, and rows of bare separators as spreadsheets leave them, carry no data.
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quoted = false;
  };

  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inQuotes) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else if (c === '\r' || c === '\n') {
        if (c === '\r' && body[i + 1] === '\n') i++;
        field += '\n';
        line++;
      } else {
        field += c;
      }
    } else if (c === '"' && !quoted && field.trim() === '') {
      inQuotes = true;
      quoted = true;
      field = '';
    } else if (c === separator) {
      fields.push(field);
      field = '';
      quoted = false;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (inQuotes) {
    problems.push({ path: `${file}:${recordLine}`, message: 'a quoted field is never closed (a " is missing)', severity: 'error' });
    return undefined;
  }
  endRecord();

  const [header, ...rest] = records;
  if (!header) {
    problems.push({ path: `${file}:1`, message: 'the file is empty; a header row is expected', severity: 'error' });
    return undefined;
  }
  return { separator, header, records: rest };
}
