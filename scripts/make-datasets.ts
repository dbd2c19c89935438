/**
 * Writes every bundled dataset (datasets/README.md describes them):
 *   npx tsx scripts/make-datasets.ts [--out DIR]
 * DIR defaults to the repository's datasets/ folder. Files are written atomically.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATASETS } from '../src/generate/datasets.ts';
import { writeFileAtomic } from '../src/io/index.ts';

function outDir(argv: readonly string[]): string {
  const at = argv.indexOf('--out');
  if (at >= 0) {
    const dir = argv[at + 1];
    if (!dir) throw new Error('--out needs a directory');
    return resolve(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'datasets');
}

const dir = outDir(process.argv.slice(2));
await mkdir(dir, { recursive: true });
for (const dataset of DATASETS) {
  for (const [name, text] of Object.entries(dataset.files())) {
    await writeFileAtomic(join(dir, name), text);
    process.stderr.write(`wrote ${join(dir, name)} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB)\n`);
  }
}
