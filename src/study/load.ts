/** A study file read from disk, its base named by path read too, relative to the study's folder. */
import { dirname, resolve } from 'node:path';
import { InputError, type InputProblem } from '../model/errors.ts';
import { readJsonFile } from '../io/index.ts';
import { isPlainObject } from '../validate/schema-walk.ts';

export interface StudyDocument {
  /** The study with its base inline, unless the base could not be read. */
  data: unknown;
  /** The base's path as the study gives it, or null for an inline base. */
  baseName: string | null;
  /** Why the base file could not be read, at the path `base (<name>)`; `checkStudy` reports them with the rest. */
  baseProblems: InputProblem[];
}

/** Inlines a base given as a path, resolved against `folder`. */
export async function inlineBase(data: unknown, folder: string): Promise<StudyDocument> {
  if (!isPlainObject(data) || typeof data.base !== 'string' || data.base === '') return { data, baseName: null, baseProblems: [] };
  const name = data.base;
  const file = resolve(folder, name);
  try {
    return { data: { ...data, base: await readJsonFile(file) }, baseName: name, baseProblems: [] };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    // The reader names the file (and the line and column of a syntax error) in each path.
    const baseProblems = err.problems.map((p) => ({ ...p, path: `base (${name})`, message: `${p.path === file ? file : p.path}: ${p.message}` }));
    return { data, baseName: name, baseProblems };
  }
}

export async function readStudyFile(file: string): Promise<StudyDocument> {
  return inlineBase(await readJsonFile(file), dirname(file));
}
