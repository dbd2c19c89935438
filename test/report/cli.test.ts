import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toJsonText } from '../../src/io/index.ts';
import { plannedPeriod, solvedDay } from './fixtures.ts';
import { runCli } from '../helpers/cli.ts';

const run = (...args: string[]) => runCli(args, { timeout: 240_000 });

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kontinuitet-report-'));
  const { problem, schedule } = solvedDay(21);
  writeFileSync(file('day.json'), toJsonText(problem));
  writeFileSync(file('schedule.json'), toJsonText(schedule));
  const period = plannedPeriod(22);
  writeFileSync(file('period.json'), toJsonText(period.period));
  writeFileSync(file('period-schedule.json'), toJsonText(period.schedule));
  writeFileSync(file('kpi.json'), toJsonText(period.schedule.kpi));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit 2, a sentence on stderr naming `where`, no stack trace, and no output file. */
function expectRefused(result: ReturnType<typeof run>, where: RegExp, out: string): void {
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(where);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

describe('kontinuitet report', () => {
  it('writes one page for a schedule, a period schedule and a KPI report, in Swedish by default and in English', () => {
    const day = run('report', file('schedule.json'), '--problem', file('day.json'), '-o', file('day.html'));
    expect(day.stderr).toBe('');
    expect(day.status).toBe(0);
    const html = readFileSync(file('day.html'), 'utf8');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('omsorgskontakten');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/);
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);

    const period = run('report', file('period-schedule.json'), '--problem', file('period.json'), '-o', file('period.html'), '--lang', 'en');
    expect(period.status).toBe(0);
    expect(readFileSync(file('period.html'), 'utf8')).toContain('<html lang="en">');

    const kpi = run('report', file('kpi.json'));
    expect(kpi.status).toBe(0);
    expect(kpi.stdout).toMatch(/^<!doctype html>/);
    expect(kpi.stdout).toContain('U21401');
  });

  it('reports on the bundled planted schedule', () => {
    const out = file('planted.html');
    const result = run('report', 'datasets/planted-team-day.schedule.json', '--problem', 'datasets/planted-team-day.json', '-o', out);
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('data-key="contactShare"');
  });

  it('refuses a document that is not ours, naming the file and path', () => {
    writeFileSync(file('other.json'), JSON.stringify({ format: 'someone/else@1' }));
    expectRefused(run('report', file('other.json'), '-o', file('x.html')), /other\.json format: "someone\/else@1" is not a document the report shows/, file('x.html'));
    writeFileSync(file('list.json'), '[1, 2]');
    expectRefused(run('report', file('list.json'), '-o', file('x.html')), /list\.json \(document\): is not a kontinuitet document/, file('x.html'));
    expectRefused(run('report', file('day.json'), '-o', file('x.html')), /day\.json format: "kontinuitet\/day@1" is an input, not a result/, file('x.html'));
  });

  it('refuses a schedule without its problem, and a KPI report with one', () => {
    expectRefused(run('report', file('schedule.json'), '-o', file('x.html')), /schedule\.json format: a day document needs its day problem \(kontinuitet\/day@1\): give it with --problem/, file('x.html'));
    expectRefused(run('report', file('kpi.json'), '--problem', file('day.json'), '-o', file('x.html')), /day\.json \(document\): is not needed/, file('x.html'));
    expectRefused(run('report', file('period-schedule.json'), '--problem', file('day.json'), '-o', file('x.html')), /day\.json format: "kontinuitet\/day@1" is not one of "kontinuitet\/period@1"/, file('x.html'));
  });

  it('refuses a problem that does not match the schedule: unknown staff and visits, by path', () => {
    const schedule = JSON.parse(readFileSync(file('schedule.json'), 'utf8'));
    schedule.routes[1].staff = 'ghost';
    schedule.routes[0].stops[0].visit = 'v-missing';
    writeFileSync(file('tampered.json'), JSON.stringify(schedule));
    const result = run('report', file('tampered.json'), '--problem', file('day.json'), '-o', file('x.html'));
    expectRefused(result, /tampered\.json routes\[1\]\.staff: "ghost" is not a staff member of .*day\.json/, file('x.html'));
    expect(result.stderr).toMatch(/tampered\.json routes\[0\]\.stops\[0\]\.visit: "v-missing" is not a visit of/);

    const period = JSON.parse(readFileSync(file('period-schedule.json'), 'utf8'));
    period.days[3].routes[0].staff = 'ghost';
    writeFileSync(file('tampered-period.json'), JSON.stringify(period));
    expectRefused(run('report', file('tampered-period.json'), '--problem', file('period.json'), '-o', file('x.html')), /tampered-period\.json days\[3\]\.routes\[0\]\.staff: "ghost"/, file('x.html'));
  });

  it('refuses a broken document or problem with the JSON path, and bad flags', () => {
    const schedule = JSON.parse(readFileSync(file('schedule.json'), 'utf8'));
    schedule.routes[0].stops[0].start = 'soon';
    writeFileSync(file('broken.json'), JSON.stringify(schedule));
    expectRefused(run('report', file('broken.json'), '--problem', file('day.json'), '-o', file('x.html')), /broken\.json routes\[0\]\.stops\[0\]\.start: "soon"/, file('x.html'));
    writeFileSync(file('bad.json'), '{"format": ');
    expectRefused(run('report', file('bad.json'), '-o', file('x.html')), /bad\.json(?::\d+:\d+)?: is not valid JSON/, file('x.html'));
    expectRefused(run('report', file('kpi.json'), '--lang', 'de', '-o', file('x.html')), /--lang "de" is not one of sv, en/, file('x.html'));
    expectRefused(run('report', file('kpi.json'), '--pdf', file('x.pdf'), '--browser', file('no-browser'), '-o', file('x.html')), /--browser ".*no-browser" is not an executable file/, file('x.html'));
  });

  it.skipIf(!existsSync('/usr/bin/chromium') && !process.env.CI)('prints a PDF with the browser', () => {
    const result = run('report', file('kpi.json'), '--pdf', file('kpi.pdf'), '--browser', '/usr/bin/chromium');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(file('kpi.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(dir).filter((f) => f.includes('kpi.pdf'))).toEqual(['kpi.pdf']);
  });
});
