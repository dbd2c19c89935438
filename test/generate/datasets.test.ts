/**
 * The bundled datasets are exactly what `scripts/make-datasets.ts` writes. All seven files,
 * the district ones included, are regenerated in a child process (about five seconds).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DATASETS } from '../../src/generate/datasets.ts';
import { schemas } from '../../src/model/index.ts';

const root = resolve(import.meta.dirname, '../..');
const bundled = join(root, 'datasets');
let dir: string;
let run: ReturnType<typeof spawnSync>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kontinuitet-datasets-'));
  run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/make-datasets.ts'), '--out', dir], { cwd: root, encoding: 'utf8' });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const names = [
  'small-team-day.json',
  'full-team-day.json',
  'district-day.json',
  'team-period.json',
  'district-period.json',
  'planted-team-day.json',
  'planted-team-day.schedule.json',
];

describe('bundled datasets', () => {
  it('are all written by the script', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    expect(DATASETS.map((d) => d.command.match(/-o datasets\/(\S+)/)?.[1]).sort()).toEqual(names.filter((n) => !n.endsWith('.schedule.json')).sort());
  });

  it.each(names)('%s equals what the script regenerates', (name) => {
    expect(readFileSync(join(bundled, name), 'utf8') === readFileSync(join(dir, name), 'utf8')).toBe(true);
  });

  it('have the documented sizes and formats', () => {
    const read = (name: string) => JSON.parse(readFileSync(join(bundled, name), 'utf8'));
    const small = schemas.DayProblem.parse(read('small-team-day.json'));
    expect(small.staff).toHaveLength(8);
    expect(small.recipients).toHaveLength(40);
    const full = schemas.DayProblem.parse(read('full-team-day.json'));
    expect(full.visits.length).toBeGreaterThan(180);
    expect(full.visits.length).toBeLessThan(220);
    const district = schemas.DayProblem.parse(read('district-day.json'));
    expect(district.teams).toHaveLength(10);
    expect(district.visits.length).toBeGreaterThan(1800);
    const period = schemas.PeriodProblem.parse(read('team-period.json'));
    expect([period.startDate, period.days, period.teams.length]).toEqual(['2026-11-02', 14, 1]);
    const districtPeriod = schemas.PeriodProblem.parse(read('district-period.json'));
    expect([districtPeriod.days, districtPeriod.teams.length]).toEqual([14, 10]);
    const planted = schemas.Schedule.parse(read('planted-team-day.schedule.json'));
    const plantedProblem = schemas.DayProblem.parse(read('planted-team-day.json'));
    expect(planted.metrics.assigned).toBe(plantedProblem.visits.length);
    for (const name of names) expect(readFileSync(join(bundled, name)).length).toBeLessThan(4_000_000);
  });
});
