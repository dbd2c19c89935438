import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemas } from '../../src/model/index.ts';
import type { PeriodProblem } from '../../src/model/types.ts';
import { everyDay, period, periodStaff as staff, plan, recipient } from '../builders.ts';
import { runInProcess } from '../cli/in-process.ts';

const ward: PeriodProblem = period({
  staff: [staff('am', { roster: everyDay('2026-11-23', 7, '07:00', '15:00') }), staff('pm', { roster: everyDay('2026-11-23', 7, '14:00', '22:00') })],
  recipients: [recipient('r1', { contact: 'pm' }), recipient('r2')],
  visitPlans: [plan('p1', 'r1'), plan('p2', 'r2', { window: { start: '19:00', end: '20:00' } })],
});

let dir: string;
let out: string;
let err: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'contacts-cli-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the command in process; its output lands in `out` and `err`. */
async function run(...args: string[]): Promise<number> {
  const result = await runInProcess(['contacts', 'suggest', ...args]);
  out = result.out;
  err = result.err;
  return result.code;
}

async function input(content: unknown): Promise<string> {
  const file = join(dir, 'period.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe('kontinuitet contacts suggest', () => {
  it('prints a table per recipient and per team and writes the suggestion with -o', async () => {
    const file = await input(ward);
    const target = join(dir, 'suggestion.json');
    expect(await run(file, '-o', target)).toBe(0);
    expect(out).toMatch(/recipient\s+team\s+contact \(current → proposed\)\s+deputy\s+visits covered/);
    expect(out).toMatch(/r1\s+T1\s+pm → am\s+pm\s+0 % → 100 %/);
    expect(out).toMatch(/r2\s+T1\s+– → pm\s+am\s+- → 100 %/);
    expect(out).toMatch(/T1\s+2\s+1 → 2\s+0 % → 100 %\s+0 % → 100 %\s+0 % → 100 %\s+4 variables.*moves for time/);
    const written = JSON.parse(await readFile(target, 'utf8'));
    expect(written.suggestions.map((r: { contact: string }) => r.contact)).toEqual(['am', 'pm']);
    expect(written.byTeam.T1).toMatchObject({ before: 0, after: 1 });
    expect(written.weight).toBe('visits');
  });

  it('writes the period with contacts and deputies with --apply', async () => {
    const target = join(dir, 'with-contacts.json');
    expect(await run(await input(ward), '--apply', '-o', target, '--max-per-contact', '1')).toBe(0);
    const applied = schemas.PeriodProblem.parse(JSON.parse(await readFile(target, 'utf8')));
    expect(applied.recipients.map((r) => [r.contact, r.deputies])).toEqual([
      ['am', ['pm']],
      ['pm', ['am']],
    ]);
  });

  it('counts visits by default and minutes with --weight minutes', async () => {
    const uneven = structuredClone(ward);
    uneven.visitPlans!.push(plan('p3', 'r1', { window: { start: '19:00', end: '20:00' }, durationMinutes: 10 }), plan('p4', 'r1', { window: { start: '20:00', end: '21:00' }, durationMinutes: 10 }));
    // By visits the evenings (14) outweigh the morning (7); by minutes (14 × 10 against 7 × 30) it is the other way.
    for (const [flags, contact] of [[[], 'pm'], [['--weight', 'visits'], 'pm'], [['--weight', 'minutes'], 'am']] as const) {
      out = '';
      expect(await run(await input(uneven), '--format', 'json', ...flags)).toBe(0);
      expect(JSON.parse(out).suggestions[0].contact, flags.join(' ')).toBe(contact);
    }
  });

  it('keeps a current contact who is merely farther by default and lets --keep-current-bonus 0 choose by distance', async () => {
    const farther = structuredClone(ward);
    // "pm" works mornings too but starts about 2 km farther out than "am".
    farther.staff[1] = staff('pm', { roster: everyDay('2026-11-23', 7, '07:00', '22:00'), start: { lat: ward.teams[0].office.lat + 0.02, lon: ward.teams[0].office.lon } });
    farther.recipients = [recipient('r1', { contact: 'pm' })];
    farther.visitPlans = [plan('p1', 'r1')];
    for (const [flags, contact] of [[[], 'pm'], [['--keep-current-bonus', '0'], 'am']] as const) {
      out = '';
      expect(await run(await input(farther), '--format', 'json', ...flags)).toBe(0);
      expect(JSON.parse(out).suggestions[0].contact, flags.join(' ')).toBe(contact);
    }
  });

  it('counts shift coverage alone with --no-capacity', async () => {
    expect(await run(await input(ward), '--no-capacity', '--format', 'json')).toBe(0);
    const s = JSON.parse(out);
    expect(s.capacity).toBe(false);
    expect(s.lp.moves).toBe(0);
  });

  it('prints JSON with --format json', async () => {
    expect(await run(await input(ward), '--format', 'json')).toBe(0);
    const printed = JSON.parse(out);
    expect(printed.lp).toMatchObject({ variables: 4, integral: true, fallback: false });
    expect(printed.maxPerContact).toBe(8);
  });

  it('reports invalid input with its path, exit 2, nothing written', async () => {
    const bad = structuredClone(ward);
    bad.staff[0].roster[2].shift.end = '25:00';
    const target = join(dir, 'suggestion.json');
    expect(await run(await input(bad), '-o', target)).toBe(2);
    expect(err).toContain('staff[0].roster[2].shift.end: "25:00" is not a time');
    expect(await readdir(dir)).toEqual(['period.json']);
  });

  it('reports a plan time in the spring gap, exit 2', async () => {
    const gap = period({ startDate: '2026-03-29', days: 1, recipients: [recipient('r1')], visitPlans: [plan('p1', 'r1', { window: { start: '02:30', end: '04:00' } })] });
    expect(await run(await input(gap))).toBe(2);
    expect(err).toMatch(/visitPlans\[0\]\.window\.start: "02:30" cannot be used: 2026-03-29 02:30 does not exist/);
  });

  it('refuses bad flags with exit 2', async () => {
    const file = await input(ward);
    expect(await run(file, '--apply')).toBe(2);
    expect(err).toContain('--apply needs -o');
    expect(await run(file, '--max-per-contact', '0')).toBe(2);
    expect(await run(file, '--format', 'xml')).toBe(2);
    expect(await run(file, '--max-distance-km', 'far')).toBe(2);
    expect(await run(file, '--weight', 'hours')).toBe(2);
    expect(err).toContain('--weight must be minutes or visits');
    expect(await run(file, '--keep-current-bonus', 'some')).toBe(2);
    expect(err).toContain('--keep-current-bonus must be a number of care minutes from 0 to 1,000,000');
    expect(out).toBe('');
  });
});
