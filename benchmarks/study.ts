/**
 * `npm run bench:study [-- --quick]`: the example study (datasets/district-day.study.json:
 * the district day, five variants and six sweep values, eleven plans) in one process against
 * the same study as a flow through one and through two worker processes (concurrency 1 each,
 * threads warmed up), and the trade-off curve of `notContact` over three seeds. A benchmark,
 * not a test; needs a Redis (REDIS_URL, default 127.0.0.1:6379).
 *
 * Every plan has the same iteration budget and no binding time limit, so the three runs do
 * the same work and must give the same result (checked). Wall seconds are from the first
 * `add` to the assembled result; CPU seconds are this process's and the workers' (main and
 * solver threads, from /proc). Printed as markdown; written to benchmarks/results/study.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { toJsonText, writeFileAtomic } from '../src/io/index.ts';
import { generateDay } from '../src/generate/index.ts';
import { checkStudy, readStudyFile, runStudy, type StudyResult } from '../src/study/index.ts';
import { travelPerPoint } from '../src/study/tradeoff.ts';
import { redisUrl } from '../worker/jobs.ts';
import { QueueClient } from '../worker/producer.ts';
import { ownCpuSeconds, processCpuSeconds, redisReachable, startWorker, warmUp } from './processes.ts';

const NO_TIME_LIMIT_SECONDS = 24 * 3600;
/** About the iterations a 10 s plan of the district day reaches on this machine. */
const FULL = { iterations: 60_000, sweepSeeds: [1, 2, 3], sweepValues: [0, 15, 30, 60, 120, 240, 480] };
const QUICK = { iterations: 3_000, sweepSeeds: [1], sweepValues: [0, 60, 240] };

interface Timing {
  seconds: number;
  cpuSeconds: number | null;
}

async function throughWorkers(count: number, study: Record<string, unknown>, settings: object, reference: StudyResult): Promise<Timing> {
  const prefix = `kt-bench-study-${randomBytes(4).toString('hex')}`;
  const queue = 'bench-study';
  const names = Array.from({ length: count }, (_, i) => `study-${i + 1}`);
  const workers = names.map((name) => startWorker(name, prefix, queue));
  const client = new QueueClient({ redisUrl: redisUrl(), queue, prefix });
  try {
    await Promise.all(workers.map((w) => w.ready));
    await warmUp(client, generateDay({ seed: 1, teams: 1, staffPerTeam: 2, recipientsPerTeam: 4 }).problem, names);
    process.stderr.write(`the example study as a flow through ${count} worker${count === 1 ? '' : 's'} ...\n`);
    const cpuBefore = [ownCpuSeconds(), ...workers.map((w) => processCpuSeconds(w.child.pid!))];
    const t0 = performance.now();
    const added = await client.add('study', { study, ...settings });
    const outcome = await client.wait(added.id);
    const seconds = (performance.now() - t0) / 1000;
    const cpuAfter = [ownCpuSeconds(), ...workers.map((w) => processCpuSeconds(w.child.pid!))];
    if (outcome.state !== 'completed') throw new Error(`the study flow failed: ${outcome.reason}`);
    if (JSON.stringify(outcome.value) !== JSON.stringify(reference)) throw new Error(`the flow through ${count} workers gave another result than the process`);
    const used = cpuAfter.map((after, i) => (after === null || cpuBefore[i] === null ? null : after - cpuBefore[i]!));
    return { seconds, cpuSeconds: used.includes(null) ? null : used.reduce((a, b) => a! + b!, 0) };
  } finally {
    await client.queue.obliterate({ force: true }).catch(() => undefined);
    await client.close();
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.child.exitCode === null ? w.child.on('exit', r) : r(null)))));
  }
}

/** The base planned once per value and seed; contact share and travel averaged over the seeds. */
function sweepCurve(base: unknown, values: number[], seeds: number[], iterations: number) {
  const runs = seeds.map((seed) => {
    process.stderr.write(`sweep of notContact, seed ${seed} ...\n`);
    const study = { format: 'kontinuitet/study@1', base, variants: [{ id: 'base' }], sweep: { weight: 'notContact', values } };
    return runStudy(checkStudy(study), { iterations, seed, timeLimitSeconds: NO_TIME_LIMIT_SECONDS }).result.sweep;
  });
  const mean = (pick: (k: number, run: StudyResult['sweep']) => number) => (k: number) => runs.reduce((sum, run) => sum + pick(k, run), 0) / runs.length;
  const contact = mean((k, run) => run[k].metrics.contactShare ?? 0);
  const contactOrDeputy = mean((k, run) => run[k].metrics.contactOrDeputyShare ?? 0);
  const travel = mean((k, run) => run[k].metrics.travelMinutes);
  const distinct = mean((k, run) => run[k].metrics.distinctStaffMean);
  const leftOut = mean((k, run) => run[k].metrics.unassignedMandatory);
  const perPoint = travelPerPoint(values.map((_, k) => ({ contactShare: contact(k), travelMinutes: travel(k) })));
  return values.map((value, k) => {
    return {
      value,
      contactShare: Number(contact(k).toFixed(4)),
      contactOrDeputyShare: Number(contactOrDeputy(k).toFixed(4)),
      travelMinutes: Number(travel(k).toFixed(1)),
      distinctStaffMean: Number(distinct(k).toFixed(3)),
      unassignedMandatory: Number(leftOut(k).toFixed(1)),
      /** Travel minutes this step adds for each percentage point of contact share it gains. */
      travelPerPoint: perPoint[k] === null ? null : Number(perPoint[k]!.toFixed(1)),
    };
  });
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const budget = quick ? QUICK : FULL;
  if (!(await redisReachable(redisUrl(), 'bench:study'))) return;
  const started = performance.now();
  const file = fileURLToPath(new URL('../datasets/district-day.study.json', import.meta.url));
  const document = await readStudyFile(file);
  const checked = checkStudy(document.data, document);
  const settings = { iterations: budget.iterations, timeLimitSeconds: NO_TIME_LIMIT_SECONDS };

  process.stderr.write(`the example study in process, ${budget.iterations} iterations a plan ...\n`);
  const cpu0 = ownCpuSeconds();
  const t0 = performance.now();
  const { result } = runStudy(checked, settings);
  const inProcess: Timing = { seconds: (performance.now() - t0) / 1000, cpuSeconds: ownCpuSeconds() - cpu0 };
  const study = document.data as Record<string, unknown>;
  const oneWorker = await throughWorkers(1, study, settings, result);
  const twoWorkers = await throughWorkers(2, study, settings, result);
  const sweep = sweepCurve(study.base, budget.sweepValues, budget.sweepSeeds, budget.iterations);

  const round = (t: Timing) => ({ seconds: Number(t.seconds.toFixed(1)), cpuSeconds: t.cpuSeconds === null ? null : Number(t.cpuSeconds.toFixed(1)) });
  const out = {
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    cores: availableParallelism(),
    plans: checked.parts.length,
    iterations: budget.iterations,
    inProcess: round(inProcess),
    oneWorker: round(oneWorker),
    twoWorkers: round(twoWorkers),
    ratioOneToTwoWorkers: Number((oneWorker.seconds / twoWorkers.seconds).toFixed(2)),
    ratioInProcessToTwoWorkers: Number((inProcess.seconds / twoWorkers.seconds).toFixed(2)),
    sameResult: true,
    result: result.variants.map((v) => ({ id: v.id, ...v.metrics, costSek: v.costSek })),
    sweep: { weight: 'notContact', seeds: budget.sweepSeeds, curve: sweep },
  };
  const cpu = (t: { cpuSeconds: number | null }) => (t.cpuSeconds === null ? 'n/a' : t.cpuSeconds);
  process.stdout.write(
    [
      `## Study${quick ? ' (quick)' : ''}: ${out.plans} plans of the district day, ${out.iterations} iterations each`,
      '',
      '| run | wall s | CPU s |',
      '|---|---:|---:|',
      `| in one process | ${out.inProcess.seconds} | ${cpu(out.inProcess)} |`,
      `| flow, one worker | ${out.oneWorker.seconds} | ${cpu(out.oneWorker)} |`,
      `| flow, two workers | ${out.twoWorkers.seconds} | ${cpu(out.twoWorkers)} |`,
      '',
      `One worker / two workers: ${out.ratioOneToTwoWorkers}; in process / two workers: ${out.ratioInProcessToTwoWorkers}. ` +
        `${out.cores} cores, load average ${out.loadAverage.join(' ')} at the end. The same result all three ways.`,
      '',
      `### Sweep of notContact (mean of seeds ${budget.sweepSeeds.join(', ')})`,
      '',
      '| notContact | contact | contact or deputy | staff per recipient | travel min | mandatory left out | travel min per +1 pp contact |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      ...sweep.map((s) => `| ${s.value} | ${(s.contactShare * 100).toFixed(1)} % | ${(s.contactOrDeputyShare * 100).toFixed(1)} % | ${s.distinctStaffMean} | ${s.travelMinutes} | ${s.unassignedMandatory} | ${s.travelPerPoint ?? '–'} |`),
      '',
    ].join('\n'),
  );
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  const target = fileURLToPath(new URL(`./results/study${quick ? '-quick' : ''}.json`, import.meta.url));
  await writeFileAtomic(target, toJsonText({ date: new Date().toISOString(), quick, node: process.version, seconds: Math.round((performance.now() - started) / 1000), ...out }));
}

await main();
