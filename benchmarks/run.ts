/**
 * `npm run bench [-- --quick] [-- --only micro|day|district|replan]`: the day-solver
 * benchmarks, printed as tables and written to benchmarks/results/day.json (day-<section>.json
 * for one section alone).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadDataset, microInsertion, qualityRun, type QualityResult } from './day.ts';
import { SEEDS, replanBenchmark, type ReplanRun, type ReplanScenario } from './replan.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const want = (section: string) => only === null || only === section;

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)} %`);
const num = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '-' : x.toFixed(digits));

const results: Record<string, unknown> = { date: new Date().toISOString(), quick, node: process.version };

if (want('micro')) {
  const micro = await microInsertion(loadDataset('full-team-day'), quick ? 1 : 3);
  results.micro = micro;
  console.log('\n## Insertion test (full team day, after construction)\n');
  console.log('| test | checks/s |\n|---|---|');
  console.log(`| slack-based O(1) | ${(micro.checksPerSecond / 1e6).toFixed(2)} M |`);
  console.log(`| re-time the route (baseline) | ${(micro.retimingChecksPerSecond / 1e6).toFixed(3)} M |`);
  console.log(`| ratio | ${micro.ratio.toFixed(1)}× |`);
}

function printQuality(rows: QualityResult[]): void {
  const times = Object.keys(rows[0]?.costAt ?? {});
  console.log(`\n| dataset | visits | staff | first schedule | ${times.map((t) => `cost ${t}`).join(' | ')} | 5 s vs longest | contact | reachable | contact/reachable | LP ceiling | contact/LP | unassigned | travel (base) | travel ratio | staff/recipient (base) | ratio | iterations | peak RSS | violations |`);
  console.log(`|${'---|'.repeat(19 + times.length)}`);
  for (const r of rows) {
    console.log(
      `| ${r.dataset} | ${r.visits} | ${r.staff} | ${num(r.firstFeasibleMs, 0)} ms | ${times.map((t) => num(r.costAt[t])).join(' | ')} | ${pct(r.gapAt5sToFinal)} | ${pct(r.contactShare)} | ${pct(r.contactReachableShare)} | ${num(r.contactVsCeiling, 3)} | ${pct(r.lpCeiling)} | ${num(r.contactVsLpCeiling, 3)} | ${r.unassigned} (${r.baseline.unassigned}) | ${r.travelMinutes} (${r.baseline.travelMinutes}) | ${num(r.travelRatio, 2)} | ${num(r.distinctStaffMean, 2)} (${num(r.baseline.distinctStaffMean, 2)}) | ${num(r.distinctRatio, 2)} | ${r.iterations} | ${r.peakRssMb} MB | ${r.violations} |`,
    );
  }
}

if (want('day')) {
  const seconds = quick ? 10 : 60;
  const rows = ['small-team-day', 'full-team-day'].map((name) => qualityRun(name, loadDataset(name), seconds));
  results.day = rows;
  console.log(`\n## Team days (${seconds} s each, seed 1; baseline = manual-like planner in brackets)`);
  printQuality(rows);
}

if (want('district')) {
  const seconds = quick ? 15 : 50;
  const row = qualityRun('district-day', loadDataset('district-day'), seconds, false);
  results.district = row;
  console.log(`\n## District day, team by team in one process (${seconds} s budget)`);
  printQuality([row]);
}

if (want('replan')) {
  const { publishedIterations, scenarios } = replanBenchmark(loadDataset('full-team-day'), quick);
  results.replan = scenarios;
  const long = scenarios[0].warm[2].seconds;
  const mean = (runs: ReplanRun[], of: (r: ReplanRun) => number) => runs.reduce((n, r) => n + of(r), 0) / runs.length;
  const both = (s: ReplanScenario, of: (r: ReplanRun) => number, digits = 1) => `${num(mean(s.warmSeeds, of), digits)} (${num(mean(s.coldSeeds, of), digits)})`;
  console.log(`\n## Re-plan after a sick call (full team day published at ${publishedIterations} iterations, seed 1; the nurse with most visits in the next four hours is sick from now)\n`);
  console.log('Cost of the warm re-plan over time (seed 1):\n');
  console.log(`| now | sick | freed visits | frozen stops | first answer | cost first | cost 1 s | cost 3 s | cost ${long} s | 3 s vs ${long} s |`);
  console.log(`|${'---|'.repeat(10)}`);
  for (const s of scenarios) {
    const [one, three, longest] = s.warm;
    console.log(`| ${s.now} | ${s.sick} | ${s.freedVisits} | ${s.frozenStops} | ${num(s.first.wallMs, 0)} ms | ${num(s.first.objective)} | ${num(one.objective)} | ${num(three.objective)} | ${num(longest.objective)} | ${pct(s.gap3sToLong)} |`);
  }
  console.log(`\nWarm re-plan against a cold re-solve of the same day as it now stands, 3 s each, mean over seeds ${SEEDS.join(', ')}: warm (cold).\n`);
  console.log('| now | changed visits (other staff, moved > 15 min or left out) | ratio | changed hands | moved at all | new faces | mandatory unassigned | contact share | violations | frozen kept |');
  console.log(`|${'---|'.repeat(10)}`);
  for (const s of scenarios) {
    const all = [s.first, ...s.warm, ...s.warmSeeds, ...s.coldSeeds];
    console.log(
      `| ${s.now} | ${both(s, (r) => r.changedVisits)} | ${num(s.changedRatio, 1)}× | ${both(s, (r) => r.changedStaffVisits)} | ${both(s, (r) => r.movedVisits)} | ${both(s, (r) => r.newFaces)} | ${both(s, (r) => r.unassignedMandatory)} | ${both(s, (r) => (r.contactShare ?? 0) * 100)} % | ${all.reduce((n, r) => n + r.violations, 0)} | ${all.every((r) => r.frozenKept) ? 'yes' : 'NO'} |`,
    );
  }
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
// One section alone gets a file of its own, so it never overwrites a whole run's results.
writeFileSync(new URL(`./results/day${quick ? '-quick' : ''}${only ? `-${only}` : ''}.json`, import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
