/**
 * `kontinuitet study` end to end: the table (Swedish or English numbers by the locale, a
 * row that says when mandatory visits are left out), the result, the CSV for a Swedish or
 * an English spreadsheet, `--out-dir` plans that `kontinuitet check` passes, JSON progress,
 * and an invalid study refused with its paths and nothing written.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { day, near, nurse, recipient, visit } from '../builders.ts';
import { runCli } from '../helpers/cli.ts';
import { checkSchedule } from '../../src/check/index.ts';
import { schemas } from '../../src/model/index.ts';
import type { DayProblem, Schedule } from '../../src/model/types.ts';

/** Two staff, two long visits at the same hour: without s2 one of them cannot be made. */
const base = day({
  staff: [nurse('s1'), nurse('s2', { role: 'care_aide', titleProof: null })],
  recipients: [recipient('r1', { contact: 's1' }), recipient('r2', { contact: 's2', location: near(3, -2) }), recipient('r3', { contact: 's1', location: near(-2, 1) })],
  visits: [
    visit('v1', 'r1', '08:00', '08:10', 120),
    visit('v2', 'r2', '08:00', '08:10', 120),
    visit('v3', 'r3', '12:00', '14:00', 30, { type: 'service' }),
    visit('v4', 'r2', '13:00', '15:00', 45),
  ],
});

const study = {
  format: 'kontinuitet/study@1',
  base: 'day.json',
  costs: { carSekPerKm: 3 },
  variants: [
    { id: 'today', label: 'Som idag' },
    { id: 'minus1', label: 'En färre', apply: [{ op: 'remove_staff', staff: ['s2'] }] },
    { id: 'car', label: 'Bil', apply: [{ op: 'travel_mode', mode: 'car' }] },
  ],
  sweep: { weight: 'notContact', values: [0, 120] },
};

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kt-study-cli-'));
  writeFileSync(join(dir, 'day.json'), JSON.stringify(base));
  writeFileSync(join(dir, 'study.json'), JSON.stringify(study));
  return dir;
}

/** The locale is the test's to set: LC_ALL and LC_NUMERIC win over LANG. */
function env(lang: string): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_NUMERIC: _numeric, ...rest } = process.env;
  return { ...rest, LANG: lang };
}

const BUDGET = ['--iterations', '60', '--time-limit', '300', '--seed', '2'];

describe('kontinuitet study', () => {
  it('writes the result, a Swedish CSV and every plan, and shows the table in Swedish numbers', () => {
    const dir = folder();
    const run = runCli(['study', join(dir, 'study.json'), '-o', join(dir, 'result.json'), '--csv', join(dir, 'table.csv'), '--out-dir', join(dir, 'plans'), ...BUDGET], { env: env('sv_SE.UTF-8') });
    expect(run.status, run.stderr).toBe(0);

    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
    expect(schemas.StudyResult.safeParse(result).success).toBe(true);
    expect(result.variants.map((v: { id: string }) => v.id)).toEqual(['today', 'minus1', 'car']);
    expect(result.costs.carSekPerKm).toBe(3);
    const [today, minus1] = result.variants;
    expect(today.metrics.unassignedMandatory).toBe(0);
    expect(minus1.metrics.unassignedMandatory).toBeGreaterThan(0);

    const lines = run.stdout.split('\n');
    const row = lines.find((l) => l.startsWith('En färre'))!;
    expect(row).toContain(`! ${minus1.metrics.unassignedMandatory} mandatory visit`);
    expect(row).toMatch(/left out, \d+ more than Som idag$/);
    expect(lines.find((l) => l.startsWith('Som idag'))).not.toContain('mandatory');
    expect(lines[lines.indexOf(row) + 1]).toMatch(/^ {2}vs Som idag/);
    expect(run.stdout).toMatch(/\d,\d %/);
    expect(run.stdout).toContain('Sweep of notContact');
    expect(run.stdout).toContain('minus1: 1 staff removed: s2');

    const csv = readFileSync(join(dir, 'table.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFkind;id;label;sweepValue;applied;visits;')).toBe(true);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(1 + 3 + 2);
    expect(rows[1].split(';').slice(0, 3)).toEqual(['variant', 'today', 'Som idag']);
    expect(rows[4].split(';').slice(0, 4)).toEqual(['sweep', 'notContact', 'notContact = 0', '0']);
    expect(rows.some((r) => /;\d+,\d+;/.test(r))).toBe(true);

    const files = readdirSync(join(dir, 'plans')).sort();
    const stems = ['car', 'minus1', 'sweep-notContact-0', 'sweep-notContact-120', 'today'];
    expect(files).toEqual(stems.flatMap((s) => [`${s}.problem.json`, `${s}.schedule.json`]));
    for (const stem of stems) {
      const problem = JSON.parse(readFileSync(join(dir, 'plans', `${stem}.problem.json`), 'utf8')) as DayProblem;
      const schedule = JSON.parse(readFileSync(join(dir, 'plans', `${stem}.schedule.json`), 'utf8')) as Schedule;
      const check = checkSchedule(problem, schedule);
      expect(check.violations, stem).toEqual([]);
      expect(check.metricDiffs, stem).toEqual([]);
      expect(problem.options).toEqual({ timeLimitSeconds: 300, seed: 2, iterations: 60 });
    }
    const checked = runCli(['check', join(dir, 'plans', 'minus1.problem.json'), join(dir, 'plans', 'minus1.schedule.json')]);
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
  });

  it('writes an English CSV and English numbers where the locale is not Swedish', () => {
    const dir = folder();
    const run = runCli(['study', join(dir, 'study.json'), '-o', join(dir, 'result.json'), '--csv', join(dir, 'table.csv'), '--csv-format', 'en', ...BUDGET], { env: env('en_GB.UTF-8') });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\d\.\d %/);
    expect(run.stdout).not.toMatch(/\d,\d %/);
    const csv = readFileSync(join(dir, 'table.csv'), 'utf8');
    expect(csv.startsWith('kind,id,label,sweepValue,applied,visits,')).toBe(true);
    expect(csv).not.toContain(';');
    expect(csv).toMatch(/,\d+\.\d+,/);
  });

  it('reports progress and the table as JSON with --json', () => {
    const dir = folder();
    const run = runCli(['study', join(dir, 'study.json'), '--json', ...BUDGET], { env: env('sv_SE.UTF-8') });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, { id?: string; studyFraction?: number }>);
    expect(lines.filter((l) => l.planned).map((l) => l.planned.id)).toEqual(['today', 'minus1', 'car', 'sweep-notContact-0', 'sweep-notContact-120']);
    expect(lines.some((l) => l.progress && typeof l.progress.studyFraction === 'number')).toBe(true);
    // Without -o the result goes to stdout, followed by the table as one JSON line.
    expect(JSON.parse(run.stdout.slice(0, run.stdout.lastIndexOf('\n{'))).format).toBe('kontinuitet/study-result@1');
  });

  it('refuses an invalid study with every path, exit 2, and writes nothing', () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'study.json'),
      JSON.stringify({ ...study, variants: [...study.variants, { id: 'bad', apply: [{ op: 'remove_staff', staff: ['s1', 's99'] }, { op: 'reassign_team', recipients: ['r1'], team: 'T5' }] }] }),
    );
    writeFileSync(join(dir, 'missing-base.json'), JSON.stringify({ ...study, base: 'nowhere.json' }));
    for (const [file, expected] of [
      ['study.json', ['variants[3].apply[0].staff[1]: "s99" is not a staff member of the base', 'variants[3].apply[1].team: "T5" is not a team of the base']],
      ['missing-base.json', [`base (nowhere.json): ${join(dir, 'nowhere.json')}: no such file`]],
    ] as const) {
      const run = runCli(['study', join(dir, file), '-o', join(dir, 'result.json'), '--csv', join(dir, 'table.csv'), '--out-dir', join(dir, 'plans'), ...BUDGET]);
      expect(run.status).toBe(2);
      for (const line of expected) expect(run.stderr).toContain(line);
      for (const out of ['result.json', 'table.csv', 'plans']) expect(existsSync(join(dir, out))).toBe(false);
    }
    const validated = runCli(['validate', join(dir, 'study.json')]);
    expect(validated.status).toBe(2);
    expect(validated.stdout).toContain('variants[3].apply[0].staff[1]: "s99" is not a staff member of the base');
  });
});
