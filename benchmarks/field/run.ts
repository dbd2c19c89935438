/**
 * `npm run bench:field [-- --quick] [-- --set mankowska,uhhc,bredstrom] [-- --family A,B]
 * [-- --seconds-per-size 10:5,25:10,50:20] [-- --seed 1] [-- --all-violations]`
 *
 * Solves every published instance present in `../shared/datasets-external/`, checks each
 * schedule, measures it with its set's own evaluator, prints one Markdown table per set
 * with the mean gap per family, and writes the same as CSV to
 * `benchmarks/results/field-<set>[-<tag>].csv` (a tag for `--quick` and family filters, so
 * a partial run never overwrites the full one). See benchmarks/field/README.md.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../src/surface/run.ts';
import { writeFileAtomic } from '../../src/io/index.ts';
import {
  BREDSTROM_COLUMNS,
  FAMILY_COLUMNS,
  MANKOWSKA_COLUMNS,
  UHHC_COLUMNS,
  atBest,
  csvTable,
  familyMeans,
  fixed,
  leftOutText,
  markdownTable,
  parseRunOptions,
  problemReport,
  runBredstrom,
  runMankowska,
  runUhhc,
  type Column,
  type FieldSet,
  type RunOptions,
  type RunRow,
} from './runner.ts';

const RESULTS_DIR = new URL('../results/', import.meta.url);

function resultFile(set: FieldSet, opts: RunOptions): string {
  const tags = [...(opts.quick ? ['quick'] : []), ...(opts.families ? [opts.families.join('-')] : [])];
  return fileURLToPath(new URL(`field-${set}${tags.length ? `-${tags.join('-')}` : ''}.csv`, RESULTS_DIR));
}

async function report<R extends RunRow>(set: FieldSet, title: string, columns: Column<R>[], rows: R[], opts: RunOptions, isAtBest?: (r: R) => boolean, notes: string[] = []): Promise<void> {
  if (rows.length === 0) return;
  const out: string[] = [`\n## ${title}\n`, markdownTable(columns, rows), '', markdownTable(FAMILY_COLUMNS, familyMeans(rows, isAtBest))];
  for (const note of notes) out.push('', note);
  const problems = problemReport(rows, opts.allViolations);
  if (problems) out.push('', 'Violations and rule breaks:', problems);
  console.log(out.join('\n'));
  const path = resultFile(set, opts);
  await writeFileAtomic(path, csvTable(columns, rows));
  console.log(`\n(written to ${path})`);
}

await runCommand(async () => {
  const opts = parseRunOptions(process.argv.slice(2));
  await mkdir(RESULTS_DIR, { recursive: true });
  const limits = opts.limits.map((l) => `${l.size}:${l.seconds}`).join(',');
  console.log(`# Field benchmarks${opts.quick ? ' (quick)' : ''}: seed ${opts.seed}, seconds per size ${limits}${opts.families ? `, families ${opts.families.join(',')}` : ''}`);
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  let failed = false;
  const note = (rows: RunRow[]) => {
    if (rows.some((r) => r.error !== null)) failed = true;
  };
  for (const set of opts.sets) {
    if (set === 'mankowska') {
      const rows = await runMankowska(opts, progress);
      note(rows);
      await report(set, 'Mankowska, Meisel & Bierwirth (2014): (travel + total tardiness + max tardiness) / 3', MANKOWSKA_COLUMNS, rows, opts, (r) => atBest(r.objective, r.bestKnown), [
        'Best known from bks.csv (source: lb = Mankowska lower bound, fo = fix-and-optimize, brkga, mnsa = multi-neighbourhood SA); "SA ref" is the MNSA solution\'s own travel / total / max tardiness.',
      ]);
    } else if (set === 'uhhc') {
      const rows = await runUhhc(opts, progress);
      note(rows);
      const leftOut = rows
        .filter((r) => r.leftOut.length > 0)
        .map((r) => `- ${r.instance}: ${r.leftOut.length === r.patients ? `all ${r.patients} patients left out (${[...new Set(r.leftOut.map((l) => l.reason))].join(', ')})` : `${r.leftOut.length} of ${r.patients} patients left out (${leftOutText(r.leftOut)})`}`);
      await report(set, 'UHHC (Ceschia et al.): ours / the shipped SA solution on the converted patients', UHHC_COLUMNS, rows, opts, (r) => atBest(r.ours?.cost ?? null, r.shipped?.cost ?? null), [
        'A visit has one time window: patients with several are left out. "At best known": at or below the SA solution\'s objective.',
        'Objective: the instance\'s weights on travel, tardiness, preference misses and unserved optional patients (waiting, idle, overtime and lunch not modelled). The SA solution is restricted to the converted patients: a yardstick, since it was optimised with the others in it.',
        ...(leftOut.length ? [['Left out:', ...leftOut].join('\n')] : []),
      ]);
    } else {
      const rows = await runBredstrom(opts, progress);
      note(rows);
      await report(set, 'Bredström & Rönnqvist (2008): travel', BREDSTROM_COLUMNS, rows, opts, (r) => atBest(r.travel, r.book), [
        "The book tour (Lacomme et al.'s initial giant-tour solution, timed here) is a yardstick, not an optimum; only Bred_01S ships one. \"At best known\": at or below it.",
      ]);
    }
  }
  console.log(`\nTotal ${fixed((performance.now() - started) / 60000, 1)} minutes.`);
  return failed ? 1 : 0;
});
