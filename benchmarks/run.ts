/**
 * `npm run bench [-- --quick] [-- --only micro|day|district]`: the day-solver
 * benchmarks, printed as tables and written to benchmarks/results/day.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadDataset, microInsertion, qualityRun, type QualityResult } from './day.ts';

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

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/day${quick ? '-quick' : ''}.json`, import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
