/**
 * `check` judges any schedule, also one another tool wrote or a person edited: its
 * `metrics`, `warnings`, `solver` and `explanations` are its claims, compared where given
 * and recomputed always. `validate` still holds a schedule document to FORMAT §2.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/check/index.ts';
import { checkSchedule as checkDocument } from '../../src/index.ts';
import { generateDay } from '../../src/generate/index.ts';
import type { CheckedSchedule, DayProblem, Schedule } from '../../src/model/types.ts';
import { solveDay } from '../../src/solver/index.ts';
import { runInProcess } from '../cli/in-process.ts';

const METRIC_FIELDS = [
  'visits',
  'assigned',
  'unassignedMandatory',
  'unassignedOptional',
  'contactShare',
  'contactOrDeputyShare',
  'contactReachableShare',
  'distinctStaffPerRecipient',
  'newStaffPerRecipient',
  'travelMinutes',
  'serviceMinutes',
  'waitMinutes',
  'lateMinutes',
  'maxLateMinutes',
  'byRecipient',
  'byStaff',
] as const;

let dir: string;
let problem: DayProblem;
let schedule: Schedule;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontinuitet-claims-'));
  problem = generateDay({ seed: 3, teams: 1, staffPerTeam: 5, recipientsPerTeam: 14 }).problem;
  // One recipient without a contact, so the schedule owes a no_contact warning.
  problem.recipients[0] = { ...problem.recipients[0], contact: null, contactWaived: false };
  schedule = solveDay(problem, { iterations: 80, seed: 1 });
});

afterAll(() => rm(dir, { recursive: true, force: true }));

function without<T extends object>(value: T, keys: readonly string[]): T {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k))) as T;
}

describe('checkSchedule on partial claims', () => {
  it('passes a schedule with any metrics left out, and compares the rest', () => {
    expect(checkSchedule(problem, schedule).violations).toEqual([]);
    fc.assert(
      fc.property(fc.subarray([...METRIC_FIELDS]), (dropped) => {
        const partial: CheckedSchedule = { ...schedule, metrics: without(schedule.metrics, dropped) };
        const result = checkSchedule(problem, partial);
        expect(result.violations).toEqual([]);
        expect(result.metrics).toEqual(checkSchedule(problem, schedule).metrics);
        expect(result.metricDiffs.filter((d) => dropped.some((f) => d.field.startsWith(f)))).toEqual([]);
      }),
      { seed: 14, numRuns: 30 },
    );
  });

  it('passes a schedule with no metrics, warnings, solver, explanations, date, timezone or unassigned list when all is placed', () => {
    const bare: CheckedSchedule = { format: 'kontinuitet/schedule@1', routes: schedule.routes, unassigned: schedule.unassigned };
    const result = checkSchedule(problem, bare);
    expect(result.violations).toEqual([]);
    expect(result.metricDiffs).toEqual([]);
    expect(result.metrics.assigned).toBe(schedule.metrics.assigned);
    const missing = checkSchedule(problem, { format: 'kontinuitet/schedule@1', routes: schedule.routes });
    expect(missing.violations.map((v) => v.code)).toEqual(schedule.unassigned.map(() => 'visit_missing'));
  });

  it('passes a schedule whose re-plan block another tool shaped otherwise: not a claim it judges', () => {
    const other = { ...schedule, replan: { frozen: ['v1'], changed: 3 } };
    expect(checkDocument(problem, other).violations).toEqual([]);
  });

  it('still holds every claim made: a wrong count, an empty warning list where warnings apply', () => {
    const wrong = checkSchedule(problem, { ...schedule, metrics: { visits: schedule.metrics.visits + 1 } });
    expect(wrong.violations.map((v) => v.code)).toEqual(['metric_mismatch']);
    expect(schedule.warnings.some((w) => w.code === 'no_contact')).toBe(true);
    const silent = checkSchedule(problem, { ...schedule, warnings: [] });
    expect(new Set(silent.violations.map((v) => v.code))).toEqual(new Set(['missing_warning']));
  });
});

describe('kontinuitet check and validate on a schedule without metrics', () => {
  it('check exits 0 with the recomputed metrics; a missing contactOrDeputyShare is no error', async () => {
    const problemFile = join(dir, 'problem.json');
    await writeFile(problemFile, JSON.stringify(problem));
    for (const [name, claimed] of [
      ['no-metrics.json', without(schedule, ['metrics', 'solver', 'explanations'])],
      ['no-share.json', { ...schedule, metrics: without(schedule.metrics, ['contactOrDeputyShare']) }],
      ['null-metrics.json', { ...schedule, metrics: null, solver: null, explanations: null }],
    ] as const) {
      const file = join(dir, name);
      await writeFile(file, JSON.stringify(claimed));
      const run = await runInProcess(['check', problemFile, file]);
      expect(run, name).toMatchObject({ code: 0, err: '' });
      expect(run.out).toMatch(/^ok\nvisits \d+, assigned \d+/);
    }
    const validated = await runInProcess(['validate', join(dir, 'no-metrics.json')]);
    expect(validated.code).toBe(2);
    expect(validated.out).toContain('metrics: is required (object)');
  });
});
