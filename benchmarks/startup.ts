/**
 * `npm run bench:startup [-- --runs 20]`: how long `kontinuitet --version` takes to start,
 * from the sources through tsx (what the bin did before the build, and what the tests run)
 * against the built JavaScript the bin runs now. The two are run alternately in one run, so
 * both see the same machine load; the median of each and their ratio are reported.
 * Needs a current build (`npm run build`: the bin refuses an old one). Printed as markdown;
 * written to benchmarks/results/startup.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { toJsonText, writeFileAtomic } from '../src/io/index.ts';
import { median } from '../src/metrics/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WAYS = {
  tsx: ['--import', 'tsx', 'src/cli/main.ts'],
  built: ['bin/kontinuitet.js'],
} as const;
type Way = keyof typeof WAYS;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not ${values.runs}`);

function timeOnce(way: Way): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [...WAYS[way], '--version'], { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${way}: exit ${run.status}: ${run.stderr.trim()}`);
  return ms;
}

const times: Record<Way, number[]> = { tsx: [], built: [] };
// One unmeasured start of each warms the file system cache.
for (const way of Object.keys(WAYS) as Way[]) timeOnce(way);
for (let i = 0; i < runs; i++) for (const way of Object.keys(WAYS) as Way[]) times[way].push(timeOnce(way));

const summary = Object.fromEntries(
  (Object.keys(WAYS) as Way[]).map((way) => [way, { medianMs: Math.round(median(times[way])), minMs: Math.round(Math.min(...times[way])), maxMs: Math.round(Math.max(...times[way])) }]),
) as Record<Way, { medianMs: number; minMs: number; maxMs: number }>;
const ratio = Math.round((summary.tsx.medianMs / summary.built.medianMs) * 100) / 100;

console.log(`| \`kontinuitet --version\`, ${runs} runs each | median ms | min | max |\n|---|---:|---:|---:|`);
console.log(`| sources through tsx | ${summary.tsx.medianMs} | ${summary.tsx.minMs} | ${summary.tsx.maxMs} |`);
console.log(`| built JavaScript (bin/kontinuitet.js) | ${summary.built.medianMs} | ${summary.built.minMs} | ${summary.built.maxMs} |`);
console.log(`\ntsx / built: ${ratio}`);

await mkdir(new URL('./results/', import.meta.url), { recursive: true });
await writeFileAtomic(
  fileURLToPath(new URL('./results/startup.json', import.meta.url)),
  toJsonText({ date: new Date().toISOString(), node: process.version, cores: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100), runs, ...summary, ratio }),
);
