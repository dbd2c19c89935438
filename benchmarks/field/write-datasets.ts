/**
 * Writes the small converted instances kept in `datasets/field/`, so that they can be
 * tried without the published files beside the repository:
 *   npx tsx benchmarks/field/write-datasets.ts
 * Bredström & Rönnqvist is not among them: its only public copy is under GPL-3.0.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toJsonText, writeFileAtomic } from '../../src/io/index.ts';
import type { DayProblem } from '../../src/model/types.ts';
import { convertMankowska, convertUhhc, loadMankowska, loadUhhc } from './index.ts';

export const FIELD_DATASETS_DIR = new URL('../../datasets/field/', import.meta.url);

/** File name → converted problem, as `datasets/field/` holds them. */
export async function fieldDatasets(): Promise<Record<string, DayProblem>> {
  return {
    'mankowska-2014-10_1.day.json': convertMankowska(await loadMankowska('InstanzCPLEX_HCSRP_10_1.txt')),
    'uhhc-2025-i-134.day.json': convertUhhc(await loadUhhc('i-134.json')).problem,
  };
}

async function main(): Promise<void> {
  await mkdir(FIELD_DATASETS_DIR, { recursive: true });
  for (const [name, problem] of Object.entries(await fieldDatasets())) {
    const path = fileURLToPath(new URL(name, FIELD_DATASETS_DIR));
    await writeFileAtomic(path, toJsonText(problem));
    console.log(`wrote ${path}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
