import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';

const DAY = 'datasets/small-team-day.json';
let dir: string;
let published: string;
let firstStaff: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kontinuitet-replan-'));
  published = join(dir, 'published.json');
  const solved = runCli(['solve', DAY, '-o', published, '--iterations', '300', '--seed', '2', '--quiet']);
  expect(solved.status).toBe(0);
  firstStaff = JSON.parse(readFileSync(published, 'utf8')).routes[0].staff;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function changesFile(name: string, body: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}

describe('kontinuitet replan', () => {
  it('re-plans a sick call at 10:15, writes the new schedule and the day as it now stands, which check accepts', () => {
    const changes = changesFile('sick.json', { format: 'kontinuitet/changes@1', now: '10:15', changes: [{ type: 'staff_absent', staff: firstStaff }] });
    const out = join(dir, 'new.json');
    const now = join(dir, 'now.json');
    const result = runCli(['replan', DAY, published, changes, '-o', out, '--problem-out', now, '--iterations', '300', '--seed', '1']);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Re-plan 2026-11-23 at 10:15');
    expect(result.stdout).toMatch(/frozen \(begun before 10:15\)\s+\d+ stops/);
    expect(result.stdout).toContain(`${firstStaff} (absent from 10:15): `);
    const schedule = JSON.parse(readFileSync(out, 'utf8'));
    expect(schedule.replan.now).toBe('2026-11-23T10:15:00+01:00');
    expect(schedule.replan.absent).toEqual([{ staff: firstStaff, from: '2026-11-23T10:15:00+01:00' }]);
    const checked = runCli(['check', now, out]);
    expect(checked.stdout).toMatch(/^ok/);
    expect(checked.status).toBe(0);
    expect(runCli(['validate', now, changes]).status).toBe(0);
  });

  it('takes --now over the file, prints the summary as JSON, and gives the same schedule for the same seed and iterations', () => {
    const changes = changesFile('none.json', { format: 'kontinuitet/changes@1', now: '09:00', changes: [] });
    const args = ['replan', DAY, published, changes, '--now', '2026-11-23T13:00:00+01:00', '--iterations', '200', '--seed', '3', '--json'];
    const a = runCli(args);
    const b = runCli(args);
    expect(a.status).toBe(0);
    const strip = (text: string) => ({ ...JSON.parse(text), solver: undefined });
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
    const summary = JSON.parse(a.stderr.trim().split('\n').at(-1)!);
    expect(summary.replan).toMatchObject({ now: '2026-11-23T13:00:00+01:00', changedStaffVisits: 0, movedVisits: 0, newlyUnassigned: [] });
  });

  it('refuses bad changes with exit 2, the file and path of each problem, and writes nothing', () => {
    const begun = JSON.parse(readFileSync(published, 'utf8')).routes[0].stops[0].visit;
    const changes = changesFile('bad.json', {
      format: 'kontinuitet/changes@1',
      now: '12:00',
      changes: [
        { type: 'visit_cancelled', visit: 'v999' },
        { type: 'visit_changed', visit: begun, durationMinutes: 10 },
        { type: 'staff_absent', staff: 'nobody', from: '25:00' },
      ],
    });
    const out = join(dir, 'never.json');
    const result = runCli(['replan', DAY, published, changes, '-o', out, '--problem-out', join(dir, 'never-now.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${changes} changes[2].from: "25:00" is not a time`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(dir, 'never-now.json'))).toBe(false);

    const shaped = changesFile('refs.json', {
      format: 'kontinuitet/changes@1',
      now: '12:00',
      changes: [
        { type: 'visit_cancelled', visit: 'v999' },
        { type: 'visit_changed', visit: begun, durationMinutes: 10 },
      ],
    });
    const refused = runCli(['replan', DAY, published, shaped, '-o', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${shaped} changes[0].visit: "v999" is not a visit of the day`);
    expect(refused.stderr).toMatch(new RegExp(`changes\\[1\\]\\.visit: "${begun}" began at \\d\\d:\\d\\d, before now \\(12:00\\): its stop is frozen, so it cannot be changed`));
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a bad --now before reading anything', () => {
    const result = runCli(['replan', DAY, published, 'missing.json', '--now', '9.15']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--now "9.15" is not a time');
  });
});
