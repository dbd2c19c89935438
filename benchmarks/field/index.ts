/**
 * Published home-care benchmark sets, converted to `kontinuitet/day@1` and measured by
 * their own objectives. The raw files stay in `../shared/datasets-external/` (each folder's
 * SOURCE.md names origin and licence); these loaders read them from there.
 */
import { parseIolabSolution, parseJsonDocument, readExternal, type IolabSolution } from './common.ts';
import { parseMankowskaJson, parseMankowskaText, type MankowskaInstance } from './mankowska.ts';
import { parseUhhc, type UhhcInstance } from './uhhc.ts';
import { parseBredstrom, parseBredstromTour, type BredstromInstance, type BredstromTour } from './bredstrom.ts';

export * from './common.ts';
export * from './schedule.ts';
export * from './mankowska.ts';
export * from './uhhc.ts';
export * from './bredstrom.ts';
export * from './evaluate.ts';

export const MANKOWSKA_DIR = 'mankowska-2014/';
export const UHHC_DIR = 'uhhc-2025/';
export const BREDSTROM_DIR = 'bredstrom-2008/';

/** `InstanzCPLEX_HCSRP_10_1.txt` (text layout) or `.json` (the iolab-uniud copy). */
export async function loadMankowska(file: string): Promise<MankowskaInstance> {
  const text = await readExternal(MANKOWSKA_DIR + file);
  return file.endsWith('.json') ? parseMankowskaJson(parseJsonDocument(text, file), file) : parseMankowskaText(text, file);
}

/** A solution file of either iolab-uniud repository, e.g. `mankowska-2014/sol-…json`. */
export async function loadIolabSolution(path: string): Promise<IolabSolution> {
  return parseIolabSolution(parseJsonDocument(await readExternal(path), path), path);
}

export async function loadUhhc(file: string): Promise<UhhcInstance> {
  return parseUhhc(parseJsonDocument(await readExternal(UHHC_DIR + file), file), file);
}

/** The book's files are Latin-1 (French comments). */
export async function loadBredstrom(file: string): Promise<BredstromInstance> {
  return parseBredstrom(await readExternal(BREDSTROM_DIR + file, 'latin1'), file);
}

export async function loadBredstromTour(file: string): Promise<BredstromTour> {
  return parseBredstromTour(await readExternal(BREDSTROM_DIR + file, 'latin1'), file);
}
