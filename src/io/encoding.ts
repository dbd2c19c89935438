/**
 * Text from bytes, in the encoding it was written in, or a sentence that names it.
 *
 * - JSON documents (problems, schedules, job data) are UTF-8 (FORMAT conventions); one
 *   byte-order mark is allowed. UTF-16, UTF-32, two marks, or bytes that are not UTF-8 (a
 *   Windows-1252 "å" in an id) are refused with the encoding named, never read as garbage.
 * - Tables (visit logs, recipients files) are what time-registration systems and Excel
 *   export. Swedish Excel's "CSV (semikolonavgränsad)" writes Windows-1252, so a table that
 *   is not UTF-8 is read as Windows-1252, with a warning that says so; UTF-16 with a mark
 *   (Excel's "Unicode text") is read as UTF-16, also with a warning.
 * - A file with NUL bytes that is neither (an .xlsx workbook, a PDF) is not text at all.
 */
import type { InputProblem } from '../model/errors.ts';
import { lineAndColumn } from './json-syntax.ts';

export type TextKind = 'json' | 'table';

export interface DecodedText {
  text: string;
  /** The encoding read: `UTF-8`, `Windows-1252` or `UTF-16LE`/`UTF-16BE`. */
  encoding: string;
  warnings: InputProblem[];
}

/** Thrown for bytes that cannot be taken as text of their kind; `problem` says why. */
export class EncodingError extends Error {
  readonly problem: InputProblem;
  constructor(problem: InputProblem) {
    super(problem.message);
    this.name = 'EncodingError';
    this.problem = problem;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** The UTF-16 byte order of a file without a mark, guessed from the NUL bytes ASCII text leaves in every other byte. */
function unmarkedUtf16(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 1024);
  if (sample < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = sample / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'UTF-16LE';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'UTF-16BE';
  return null;
}

/** Offset of the first byte that breaks UTF-8, or -1 when all of it is UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

const WINDOWS_1252 = new TextDecoder('windows-1252');
/** Bytes Windows-1252 leaves undefined: a file holding them was written in yet another encoding. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Line and column of a byte offset, and the word around it as Windows-1252 reads it ("Åsa"). */
function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number; word: string } {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const before = WINDOWS_1252.decode(bytes.subarray(0, offset));
  const { line } = lineAndColumn(before, before.length);
  const column = WINDOWS_1252.decode(bytes.subarray(lineStart, offset)).length + 1;
  const isWordByte = (b: number) => b > 0x20 && b !== 0x22 && b !== 0x2c && b !== 0x3b && b !== 0x3a && b !== 0x7b && b !== 0x7d;
  let from = offset;
  while (from > lineStart && offset - from < 20 && isWordByte(bytes[from - 1])) from--;
  let to = offset + 1;
  while (to < bytes.length && to - offset < 20 && isWordByte(bytes[to])) to++;
  return { line, column, word: WINDOWS_1252.decode(bytes.subarray(from, to)) };
}

function problem(file: string, message: string, severity: 'error' | 'warning' = 'error', code = 'encoding'): InputProblem {
  return { path: file, message, severity, code };
}

/**
 * The text of `bytes` read from `file`, for a JSON document or a table; throws
 * `EncodingError` when the bytes are not text of that kind.
 */
export function decodeText(bytes: Uint8Array, file: string, kind: TextKind): DecodedText {
  const fix = kind === 'json' ? 'JSON documents are UTF-8: save the file as UTF-8' : 'save it as "CSV UTF-8"';
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new EncodingError(problem(file, `is UTF-32 (it starts with a UTF-32 byte-order mark), not UTF-8; ${fix}`));
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new EncodingError(problem(file, `is a ZIP archive (an Excel workbook, .xlsx?), not a text file; ${kind === 'json' ? 'a JSON document was expected' : 'save the sheet as "CSV UTF-8"'}`));
  }
  const marked = startsWith(bytes, [0xff, 0xfe]) ? 'UTF-16LE' : startsWith(bytes, [0xfe, 0xff]) ? 'UTF-16BE' : null;
  const utf16 = marked ?? unmarkedUtf16(bytes);
  if (utf16) {
    const order = `${utf16 === 'UTF-16LE' ? 'little' : 'big'}-endian, ${marked ? 'with' : 'without'} a byte-order mark`;
    if (kind === 'json') throw new EncodingError(problem(file, `is UTF-16 (${order}), not UTF-8; ${fix}`));
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new EncodingError(problem(file, `looks like UTF-16 (${order}) but is not valid UTF-16; ${fix}`));
    }
    return { text, encoding: utf16, warnings: [problem(file, `is UTF-16 (${order}); read as such (${fix} to avoid this warning)`, 'warning')] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const at = placeOf(bytes, nul);
    throw new EncodingError(problem(file, `is not a text file: it holds a NUL byte at line ${at.line}, column ${at.column}`));
  }

  let start = 0;
  let marks = 0;
  while (startsWith(bytes, UTF8_BOM, start)) {
    start += 3;
    marks++;
  }
  const warnings: InputProblem[] = [];
  if (marks > 1) {
    if (kind === 'json') throw new EncodingError(problem(file, `starts with ${marks} UTF-8 byte-order marks where one at most is allowed (the file was saved "with BOM" more than once); remove the extra marks`));
    warnings.push(problem(file, `starts with ${marks} UTF-8 byte-order marks; the extra ones are ignored`, 'warning'));
  }
  const body = bytes.subarray(start);
  const invalid = firstInvalidUtf8(body);
  if (invalid === -1) return { text: new TextDecoder('utf-8').decode(body), encoding: 'UTF-8', warnings };

  const at = placeOf(body, invalid);
  const reads = `line ${at.line}, column ${at.column} reads ${JSON.stringify(at.word)} in Windows-1252`;
  const foreign = body.findIndex((b) => UNDEFINED_IN_1252.has(b));
  if (kind === 'json' || foreign !== -1 || marks > 0) {
    const guess = foreign === -1 && marks === 0 ? `it looks like Windows-1252 (${reads})` : 'it is in neither UTF-8 nor Windows-1252';
    throw new EncodingError(problem(file, `is not UTF-8: the byte at line ${at.line}, column ${at.column} is not UTF-8 text; ${guess}; ${fix}`));
  }
  warnings.push(
    problem(
      file,
      `is not UTF-8; read as Windows-1252, the encoding of Excel's "CSV (semikolonavgränsad)" (${reads}); ${fix} to avoid this warning`,
      'warning',
    ),
  );
  return { text: WINDOWS_1252.decode(body), encoding: 'Windows-1252', warnings };
}
