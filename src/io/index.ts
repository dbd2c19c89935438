/** Files at the edge: JSON read with positions in its errors, writes that are all or nothing. */
import { readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, basename, join } from 'node:path';
import type { z } from 'zod';
import { InputError, fromZodIssues } from '../model/errors.ts';

/** Reads a file as UTF-8 text (BOM removed); a missing file is an input error. */
export async function readText(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'error'})`;
    throw new InputError([{ path, message: why, severity: 'error' }], `cannot read ${path}`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses JSON text; a syntax error names the file, line and column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    let where = file;
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split('\n').length;
      const column = Number(at[1]) - before.lastIndexOf('\n');
      where = `${file}:${line}:${column}`;
    }
    throw new InputError([{ path: where, message: `is not valid JSON (${message.replace(/^.*?: /, '')})`, severity: 'error' }], `cannot parse ${file}`);
  }
}

export async function readJsonFile(path: string): Promise<unknown> {
  return parseJsonText(await readText(path), path);
}

/** Checks a document against a schema; every shape problem at once, as an InputError. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new InputError(fromZodIssues(result.error.issues, data), `invalid ${what}`);
  return result.data;
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
