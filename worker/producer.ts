/**
 * The producer side of the queue: add jobs (a district day as a flow of one child per
 * team), follow their progress, read the queue's counts and cancel a job.
 */
import { FlowProducer, Job, Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadDayProblem } from '../src/validate/index.ts';
import type { SolveProgress } from '../src/solver/index.ts';
import { producerConnection } from './connection.ts';
import {
  JOB_OPTIONS,
  JOB_STATES,
  cancelChannel,
  contentJobId,
  parseJobData,
  type KpiData,
  type PlanPeriodData,
  type PublicJobName,
  type ReplanDayData,
  type SolveDayData,
  type SolveDistrictData,
  type StudyData,
} from './jobs.ts';
import { districtParts } from './district.ts';
import { studyParts } from './study.ts';
import { checkStudy } from '../src/study/check.ts';

export interface QueueTarget {
  redisUrl: string;
  queue: string;
  prefix: string;
}

export interface AddOptions {
  /** Derive the job id from the content, so an identical job already in Redis is not added again. */
  idempotent?: boolean;
}

export interface Added {
  id: string;
  /** True when an identical job was already in Redis (only with `idempotent`). */
  existing: boolean;
  /** Ids of a district flow's team jobs, in team order. */
  children: string[];
}

export type Outcome = { state: 'completed'; value: unknown } | { state: 'failed'; reason: string };

export type JobData = {
  'solve-day': SolveDayData;
  'solve-district': SolveDistrictData;
  'replan-day': ReplanDayData;
  'plan-period': PlanPeriodData;
  kpi: KpiData;
  study: StudyData;
};


/** Jobs by state, as BullMQ names the states, the workers connected now, and whether the queue is paused. */
export interface QueueStatus {
  counts: Record<(typeof JOB_STATES)[number], number>;
  workers: number;
  paused: boolean;
}

export type CancelResult = 'removed' | 'signalled' | 'finished' | 'missing';

export class QueueClient {
  readonly queue: Queue;
  private readonly target: QueueTarget;
  private readonly connection: Redis;
  private flow: FlowProducer | null = null;
  private queueEvents: QueueEvents | null = null;
  private eventsConnection: Redis | null = null;
  /** The last error of a connection to Redis, kept for the message when a command fails. */
  connectionError: Error | null = null;

  constructor(target: QueueTarget) {
    this.target = target;
    this.connection = producerConnection(target.redisUrl);
    this.connection.on('error', (err: Error) => (this.connectionError = err));
    this.queue = new Queue(target.queue, { connection: this.connection, prefix: target.prefix });
    this.queue.on('error', (err: Error) => (this.connectionError = err));
  }

  /** Throws when Redis cannot be reached (the producer connection gives up after a few tries). */
  async ping(): Promise<void> {
    await this.connection.ping();
  }

  /** Adds a job; a `solve-district` job becomes a flow of one `solve-team` child per team, a `study` one of one `study-plan` child per plan. */
  async add<N extends PublicJobName>(name: N, data: JobData[N], opts: AddOptions = {}): Promise<Added> {
    if (name === 'solve-district') return this.addDistrict(data as SolveDistrictData, opts);
    if (name === 'study') return this.addStudy(data as StudyData, opts);
    const checked = parseJobData(name, data);
    const jobId = opts.idempotent ? contentJobId(name, checked) : undefined;
    if (jobId && (await Job.fromId(this.queue, jobId))) return { id: jobId, existing: true, children: [] };
    const job = await this.queue.add(name, checked, jobId ? { ...JOB_OPTIONS, jobId } : JOB_OPTIONS);
    return { id: job.id!, existing: false, children: [] };
  }

  /**
   * The district flow: the day is validated and split here (`splitByTeam`), each team a
   * child job any worker may take; the parent, holding the whole day, runs once every
   * child has finished and merges them. A child that fails for good fails the parent.
   */
  private async addDistrict(data: SolveDistrictData, opts: AddOptions): Promise<Added> {
    const checked = parseJobData('solve-district', data);
    const { problem } = loadDayProblem(checked.problem);
    return this.addFlow('solve-district', checked, districtParts(problem, checked), opts);
  }

  /**
   * The study flow: the study is checked in full here (every variant built as far as data
   * allows, so an op naming unknown staff fails before any plan), each variant and sweep
   * value a child any worker may take; the parent assembles the result from their outcomes.
   */
  private async addStudy(data: StudyData, opts: AddOptions): Promise<Added> {
    const checked = parseJobData('study', data);
    return this.addFlow('study', checked, studyParts(checkStudy(checked.study), checked), opts);
  }

  /** A parent and its children (each with a `part` number) as one flow; the children's ids come back in part order. */
  private async addFlow(name: 'solve-district' | 'study', data: object, parts: readonly { name: string; data: { part: number } }[], opts: AddOptions): Promise<Added> {
    const parentId = opts.idempotent ? contentJobId(name, data) : undefined;
    if (parentId) {
      const existing = await Job.fromId(this.queue, parentId);
      if (existing) {
        const deps = await existing.getDependencies();
        const keys = [...Object.keys(deps.processed ?? {}), ...(deps.unprocessed ?? [])];
        return { id: parentId, existing: true, children: keys.map(idOfKey) };
      }
    }
    const { queue: queueName, prefix } = this.target;
    if (!this.flow) {
      this.flow = new FlowProducer({ connection: this.connection, prefix });
      this.flow.on('error', (err: Error) => (this.connectionError = err));
    }
    const node = await this.flow.add({
      name,
      queueName,
      prefix,
      data,
      opts: parentId ? { ...JOB_OPTIONS, jobId: parentId } : JOB_OPTIONS,
      children: parts.map((part) => ({
        name: part.name,
        queueName,
        prefix,
        data: part.data,
        opts: { ...JOB_OPTIONS, failParentOnFailure: true, ...(parentId ? { jobId: `${parentId}-${part.data.part}` } : {}) },
      })),
    });
    const children = (node.children ?? []).map((c) => ({ id: c.job.id!, part: (c.job.data as { part: number }).part }));
    children.sort((a, b) => a.part - b.part);
    return { id: node.job.id!, existing: false, children: children.map((c) => c.id) };
  }

  /** Listens for the queue's events; call before adding a job whose progress is wanted. */
  async events(): Promise<QueueEvents> {
    if (!this.queueEvents) {
      this.eventsConnection = producerConnection(this.target.redisUrl, true);
      this.eventsConnection.on('error', (err: Error) => (this.connectionError = err));
      this.queueEvents = new QueueEvents(this.target.queue, { connection: this.eventsConnection, prefix: this.target.prefix });
      this.queueEvents.on('error', (err: Error) => (this.connectionError = err));
      await this.queueEvents.waitUntilReady();
    }
    return this.queueEvents;
  }

  /** Waits until a job finishes; `onProgress` hears it and the jobs in `also` (a flow's children). */
  async wait(id: string, onProgress?: (p: SolveProgress, jobId: string) => void, also: readonly string[] = []): Promise<Outcome> {
    const events = await this.events();
    const job = await Job.fromId(this.queue, id);
    if (!job) return { state: 'failed', reason: `job ${id} is not in the queue (never added, or removed after its retention time)` };
    const followed = new Set([id, ...also]);
    const listener = ({ jobId, data }: { jobId: string; data: unknown }) => {
      if (onProgress && followed.has(jobId) && data !== null && typeof data === 'object') onProgress(data as SolveProgress, jobId);
    };
    events.on('progress', listener);
    try {
      return { state: 'completed', value: await job.waitUntilFinished(events) };
    } catch (err) {
      return { state: 'failed', reason: (err as Error).message };
    } finally {
      events.off('progress', listener);
    }
  }

  async status(): Promise<QueueStatus> {
    const counts = await this.queue.getJobCounts(...JOB_STATES);
    return {
      counts: Object.fromEntries(JOB_STATES.map((state) => [state, counts[state] ?? 0])) as QueueStatus['counts'],
      workers: await this.queue.getWorkersCount(),
      paused: await this.queue.isPaused(),
    };
  }

  /**
   * Stops a job: one not yet started is removed; a running one is signalled, and the
   * worker running it stops its search and fails it as `cancelled` (no retry). A district
   * cancels its unfinished teams, which fails the district.
   */
  async cancel(id: string): Promise<CancelResult> {
    const job = await Job.fromId(this.queue, id);
    if (!job) return 'missing';
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') return 'finished';
    if (state === 'active') {
      await this.connection.publish(cancelChannel(this.target.prefix, this.target.queue), id);
      return 'signalled';
    }
    if (state === 'waiting-children') {
      const { unprocessed = [] } = await job.getDependencies();
      const results = await Promise.all(unprocessed.map((key) => this.cancel(idOfKey(key))));
      if (results.includes('signalled')) return 'signalled';
    }
    await job.remove();
    return 'removed';
  }

  async close(): Promise<void> {
    await this.queueEvents?.close();
    await this.eventsConnection?.quit().catch(() => undefined);
    await this.flow?.close();
    await this.queue.close();
    await this.connection.quit().catch(() => undefined);
  }
}

/** The job id at the end of a `prefix:queue:id` key (prefix and queue hold no colons). */
function idOfKey(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1);
}
