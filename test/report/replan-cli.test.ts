/**
 * `kontinuitet report` of a re-plan: the page from the re-plan's inputs, and every refusal
 * (exit 2, the file and JSON path or the flags named, nothing written).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toJsonText } from '../../src/io/index.ts';
import { runCli } from '../helpers/cli.ts';
import { replannedDay, type ReplannedDay } from './replan-fixture.ts';

const run = (...args: string[]) => runCli(args, { timeout: 240_000 });

let dir: string;
let fixture: ReplannedDay;
const file = (name: string) => join(dir, name);
const out = () => file('out.html');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kontinuitet-report-replan-'));
  fixture = replannedDay(42);
  writeFileSync(file('day.json'), toJsonText(fixture.problem));
  writeFileSync(file('published.json'), toJsonText(fixture.published));
  writeFileSync(file('changes.json'), toJsonText(fixture.changes));
  writeFileSync(file('new.json'), toJsonText(fixture.result.schedule));
  writeFileSync(file('now.json'), toJsonText(fixture.result.day));
  writeFileSync(file('kpi.json'), JSON.stringify({ format: 'kontinuitet/kpi@1' }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit 2, a sentence on stderr matching `where`, no stack trace, and no page. */
function expectRefused(result: ReturnType<typeof run>, where: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(where);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(out())).toBe(false);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

const full = (document = file('new.json'), problem = file('day.json'), published = file('published.json'), changes = file('changes.json')) =>
  run('report', document, '--problem', problem, '--published', published, '--changes', changes, '-o', out());

/** Writes a copy of `name` changed by `edit` and returns its path. */
function tampered(name: string, edit: (data: Record<string, any>) => void): string {
  const data = JSON.parse(readFileSync(file(name), 'utf8'));
  edit(data);
  const path = file(`tampered-${name}`);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

describe('kontinuitet report of a re-plan', () => {
  it('writes before and after from the re-plan inputs, in Swedish and in English, and the day with a re-plan section from the day as it now stands', () => {
    const sv = full();
    expect(sv.stderr).toBe('');
    expect(sv.status).toBe(0);
    const html = readFileSync(out(), 'utf8');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Omplanering kl. 10:00');
    expect(html).toContain('id="gantt-before"');
    rmSync(out());

    const en = run('report', file('new.json'), '--problem', file('day.json'), '--published', file('published.json'), '--changes', file('changes.json'), '--lang', 'en');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Re-plan at 10:00');

    const alone = run('report', file('new.json'), '--problem', file('now.json'));
    expect(alone.status).toBe(0);
    expect(alone.stdout).toContain('id="replan"');
    expect(alone.stdout).not.toContain('id="gantt-before"');
  });

  it('refuses --published without --changes and the other way round, and either with a document that is not a re-planned schedule', () => {
    const together = /--published and --changes go together/;
    expectRefused(run('report', file('new.json'), '--problem', file('day.json'), '--published', file('published.json'), '-o', out()), together);
    expectRefused(run('report', file('new.json'), '--problem', file('day.json'), '--changes', file('changes.json'), '-o', out()), together);
    const notOne = /--published and --changes go with the new schedule of a re-plan .*kpi\.json is not one/;
    expectRefused(run('report', file('kpi.json'), '--published', file('published.json'), '--changes', file('changes.json'), '-o', out()), notOne);
    expectRefused(full(file('published.json')), /published\.json is not one/);
  });

  it('refuses a published schedule that is not a schedule or not of the day, and changes that do not fit it, by file and path', () => {
    expectRefused(full(undefined, undefined, file('changes.json')), /changes\.json format: .*"kontinuitet\/schedule@1"/);
    const ghost = tampered('published.json', (p) => {
      p.routes[1].staff = 'ghost';
    });
    expectRefused(full(undefined, undefined, ghost), /tampered-published\.json routes\[1\]\.staff: "ghost" is not a staff member of .*day\.json/);
    const frozen = fixture.published.routes.flatMap((r) => r.stops).find((s) => s.start < fixture.result.schedule.replan.now)!;
    const late = tampered('changes.json', (c) => {
      c.changes.push({ type: 'visit_cancelled', visit: frozen.visit });
    });
    expectRefused(full(undefined, undefined, undefined, late), new RegExp(`tampered-changes\\.json changes\\[4\\]\\.visit: "${frozen.visit}" began at .* frozen`));
  });

  it('refuses a new schedule that is not of the day as it now stands, or whose replan block names what is not there, by path', () => {
    const stranger = tampered('new.json', (s) => {
      s.routes[0].stops[0].visit = 'v-nowhere';
      s.replan.reassigned[0].visit = 'v-ghost';
      s.replan.newlyUnassigned.push(s.routes[0].stops[1].visit);
    });
    const result = full(stranger);
    expectRefused(result, /tampered-new\.json routes\[0\]\.stops\[0\]\.visit: "v-nowhere" is not a visit of the day as it now stands \(.*day\.json with .*changes\.json\)/);
    expect(result.stderr).toMatch(/tampered-new\.json replan\.reassigned\[0\]\.visit: "v-ghost" is not a visit of/);
    expect(result.stderr).toMatch(/tampered-new\.json replan\.newlyUnassigned\[\d+\]: ".*" is not among the schedule's unassigned visits/);
    const shape = tampered('new.json', (s) => {
      s.replan.frozenStops = -1;
    });
    expectRefused(full(shape), /tampered-new\.json replan\.frozenStops/);
    expectRefused(run('report', file('new.json'), '-o', out()), /new\.json format: a replan document needs its day problem/);
  });
});
