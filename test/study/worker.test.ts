/**
 * A study on the queue against a real Redis: a flow of one child per variant and sweep value
 * over two worker processes, whose result equals the in-process one under an iteration
 * budget, with progress per child; an invalid study is refused before any job is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Job } from 'bullmq';
import { generateDay } from '../../src/generate/index.ts';
import { InputError } from '../../src/model/errors.ts';
import { checkStudy, runStudy } from '../../src/study/index.ts';
import { QueueClient } from '../../worker/producer.ts';
import { REDIS_URL, WorkerProcess, deleteKeys, requireRedisOrSkip, uniquePrefix } from '../worker/helpers.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';

const redisUp = await requireRedisOrSkip('study flow tests');
const prefix = uniquePrefix();

describe.skipIf(!redisUp)('a study as a BullMQ flow', () => {
  const queueName = 'studies';
  let workers: WorkerProcess[];
  let client: QueueClient;
  const { problem: base } = generateDay({ seed: 8, teams: 2, staffPerTeam: 4, recipientsPerTeam: 9 });
  const study = {
    format: 'kontinuitet/study@1',
    base,
    variants: [
      { id: 'today' },
      { id: 'minus2', apply: [{ op: 'remove_staff', count: 2 }] },
      { id: 'bike', apply: [{ op: 'travel_mode', mode: 'bike', team: 'T1' }] },
      { id: 'fok', apply: [{ op: 'suggest_contacts' }] },
    ],
    sweep: { weight: 'notContact', values: [0, 120] },
  };
  const settings = { iterations: 200, timeLimitSeconds: 600, seed: 4 };

  beforeAll(async () => {
    workers = ['study-a', 'study-b'].map((name) => new WorkerProcess(name, ['--prefix', prefix, '--queue', queueName]));
    client = new QueueClient({ redisUrl: REDIS_URL, queue: queueName, prefix });
    await Promise.all(workers.map((w) => w.ready()));
  });

  afterAll(async () => {
    await client.close();
    await Promise.all(workers.map((w) => w.stop('SIGTERM')));
    await deleteKeys(prefix);
  });

  it('plans each part in a child on either worker and assembles the in-process result', { timeout: 90_000 }, async () => {
    const progressed = new Set<string>();
    await client.events();
    const added = await client.add('study', { study, ...settings });
    expect(added.children).toHaveLength(6);
    const outcome = await client.wait(added.id, (p) => progressed.add((p as { variant?: string }).variant ?? ''), added.children);
    expect(outcome.state).toBe('completed');

    const local = runStudy(checkStudy(study), settings).result;
    expect((outcome as { value: unknown }).value).toEqual(local);

    const children = await Promise.all(added.children.map((id) => Job.fromId(client.queue, id)));
    expect(children.map((c) => (c!.data as { id: string }).id)).toEqual(['today', 'minus2', 'bike', 'fok', 'sweep-notContact-0', 'sweep-notContact-120']);
    expect(new Set(children.map((c) => c!.processedBy))).toEqual(new Set(['study-a', 'study-b']));
    expect(progressed).toEqual(new Set(['today', 'base for minus2', 'minus2', 'bike', 'fok', 'sweep-notContact-0', 'sweep-notContact-120']));
  });

  it('is what `enqueue --job study --wait` adds, its base read relative to the study file', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-study-enqueue-'));
    writeFileSync(join(dir, 'day.json'), JSON.stringify(base));
    writeFileSync(join(dir, 'study.json'), JSON.stringify({ ...study, base: 'day.json', variants: study.variants.slice(0, 2), sweep: undefined }));
    const run = runCli(['enqueue', join(dir, 'study.json'), '--job', 'study', '--wait', '--prefix', prefix, '--queue', queueName, '--iterations', '80', '-o', join(dir, 'result.json')]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(result.format).toBe('kontinuitet/study-result@1');
    expect(result.variants.map((v: { id: string }) => v.id)).toEqual(['today', 'minus2']);
    expect(run.stderr).toMatch(/^minus2 {2}/m);
  });

  it('refuses a study with an op naming unknown staff before adding any job', async () => {
    const before = await client.queue.getJobCounts();
    const bad = { ...study, variants: [{ id: 'cut', apply: [{ op: 'remove_staff', staff: ['nobody'] }] }] };
    const refused = await client.add('study', { study: bad }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).problems.map((p) => p.path)).toEqual(['variants[0].apply[0].staff[0]']);
    expect(await client.queue.getJobCounts()).toEqual(before);
  });
});
