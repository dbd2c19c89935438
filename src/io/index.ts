/**
 * Files at the edge: inputs read within their size limit and in the encoding they were
 * written in, JSON with a line and a column in its errors, writes that are all or nothing.
 */
import { open, rename, writeFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, basename, join } from 'node:path';
import { InputError, type InputProblem } from '../model/errors.ts';
import { beyond, maxInputBytes } from '../limits/index.ts';
import { EncodingError, decodeText, type DecodedText, type TextKind } from './encoding.ts';
import { findJsonSyntaxError } from './json-syntax.ts';

export { decodeText, EncodingError, type DecodedText, type TextKind } from './encoding.ts';
export { findJsonSyntaxError, lineAndColumn, type JsonSyntaxError } from './json-syntax.ts';

function unreadable(path: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'error'})`;
  return new InputError([{ path, message: why, severity: 'error' }], `cannot read ${path}`);
}

/** The bytes of a file, read in pieces so that a file (or pipe) past the size limit is refused before it fills memory. */
export async function readBytes(path: string): Promise<Buffer> {
  const limit = maxInputBytes();
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw unreadable(path, err);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(chunk, 0, chunk.length, null));
      } catch (err) {
        throw unreadable(path, err);
      }
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw new InputError([{ path, message: `is ${beyond('inputMegabytes')}`, severity: 'error', code: 'too_large' }], `cannot read ${path}`);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Text from bytes of the given kind (see ./encoding.ts); an encoding it cannot take is an input error. */
export function decodeInput(bytes: Uint8Array, file: string, kind: TextKind): DecodedText {
  try {
    return decodeText(bytes, file, kind);
  } catch (err) {
    if (err instanceof EncodingError) throw new InputError([err.problem], `cannot read ${file}`);
    throw err;
  }
}

/** A JSON document's text: UTF-8, one byte-order mark at most, removed. */
export async function readText(path: string): Promise<string> {
  return decodeInput(await readBytes(path), path, 'json').text;
}

/** A table's text (a visit log, a recipients file) and the warnings its encoding earned (Windows-1252, UTF-16). */
export async function readTableText(path: string): Promise<{ text: string; warnings: InputProblem[] }> {
  const { text, warnings } = decodeInput(await readBytes(path), path, 'table');
  return { text, warnings };
}

/** Parses JSON text; a syntax error names the file, line and column, and what was expected there. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    const found = findJsonSyntaxError(text);
    // The scanner agrees with JSON.parse on every text; should it not, the sentence still never quotes the text.
    const problem = found
      ? { path: `${file}:${found.line}:${found.column}`, message: `is not valid JSON: ${found.message}`, severity: 'error' as const, code: 'json_syntax' }
      : { path: file, message: 'is not valid JSON', severity: 'error' as const, code: 'json_syntax' };
    throw new InputError([problem], `cannot parse ${file}`);
  }
}

export async function readJsonFile(path: string): Promise<unknown> {
  return parseJsonText(await readText(path), path);
}

/** Writes via a temporary file and a rename, so a reader never sees half a file. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
