/**
 * Text that is not UTF-8: a visit log as Swedish Excel's "CSV (semikolonavgränsad)" saves
 * it (Windows-1252) is read correctly with a warning that names the encoding; a JSON
 * document that is not UTF-8 is refused with a sentence that names its encoding. Inputs
 * come from the generator: its Swedish names and team names carry å, ä and ö.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, EncodingError } from '../../src/io/index.ts';
import { generateDay } from '../../src/generate/index.ts';
import type { DayProblem, Schedule } from '../../src/model/types.ts';
import { CRASH, runInProcess } from '../cli/in-process.ts';

/** Windows-1252 bytes of `text`; a character it cannot hold becomes "?", as Excel saves it. */
function windows1252(text: string): Buffer {
  const decoder = new TextDecoder('windows-1252');
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b++) byteOf.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((c) => byteOf.get(c) ?? 0x3f));
}

function utf16(text: string, order: 'le' | 'be', mark: boolean): Buffer {
  const le = Buffer.from(`${mark ? '\ufeff' : ''}${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le.swap16());
}

/** A visit log (semicolon CSV, local times) of a planted day: staff and teams by name, as many exports write them. */
function visitLogCsv(problem: DayProblem, planted: Schedule): string {
  const staffName = new Map(problem.staff.map((s) => [s.id, s.name ?? s.id]));
  const teamName = new Map(problem.teams.map((t) => [t.id, t.name ?? t.id]));
  const teamOf = new Map(problem.staff.map((s) => [s.id, s.team]));
  const local = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  const rows = planted.routes.flatMap((route) =>
    route.stops.map((stop) => [stop.recipient, staffName.get(route.staff), local(stop.start), local(stop.end), teamName.get(teamOf.get(route.staff)!)].join(';')),
  );
  return `recipient;staff;start;end;team\r\n${rows.join('\r\n')}\r\n`;
}

let dir: string;
let problem: DayProblem;
let log: string;
let recipients: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontinuitet-encoding-'));
  const generated = generateDay({ seed: 11, teams: 2, staffPerTeam: 5, recipientsPerTeam: 12, planted: true });
  problem = generated.problem;
  // What survives a Windows-1252 save: the names Excel could write.
  log = new TextDecoder('windows-1252').decode(windows1252(visitLogCsv(problem, generated.planted!)));
  recipients = `recipient;birthYear\r\n${problem.recipients.map((r) => `${r.id};1938`).join('\r\n')}\r\n`;
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, bytes: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('a visit log from Swedish Excel (Windows-1252)', () => {
  it('is read as Windows-1252, giving the same report as the UTF-8 file, with a warning naming the encoding', async () => {
    expect(log).toMatch(/[åäöÅÄÖé]/);
    const rec = await file('recipients.csv', recipients);
    const asUtf8 = await runInProcess(['kpi', await file('log-utf8.csv', log), '--recipients', rec, '--from', '2026-11-23', '--format', 'json']);
    const as1252 = await runInProcess(['kpi', await file('log-1252.csv', windows1252(log)), '--recipients', rec, '--from', '2026-11-23', '--format', 'json']);
    expect(asUtf8).toMatchObject({ code: 0, err: '' });
    expect(as1252.code).toBe(0);
    expect(as1252.out).toBe(asUtf8.out);
    expect(as1252.err).toMatch(/warning .*log-1252\.csv: is not UTF-8; read as Windows-1252, the encoding of Excel's "CSV \(semikolonavgränsad\)"/);
    const teams = Object.keys(JSON.parse(as1252.out).windows[0].byTeam);
    expect(teams.some((team) => /[åäöÅÄÖ]/.test(team))).toBe(true);
    expect(as1252.out).not.toContain('\ufffd');
  });

  it('names where the first byte that is not UTF-8 stands, and how Windows-1252 reads it', () => {
    const { text, encoding, warnings } = decodeText(windows1252('recipient;staff;start;end;team\nr1;Åsa Öberg;2026-11-23 08:00;2026-11-23 08:30;T1\n'), 'log.csv', 'table');
    expect(encoding).toBe('Windows-1252');
    expect(text).toContain('Åsa Öberg');
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('line 2, column 4 reads "Åsa" in Windows-1252')]);
  });

  it('is read from UTF-16 with a byte-order mark (Excel\'s "Unicode text"), with a warning', () => {
    const decoded = decodeText(utf16(log, 'le', true), 'log.csv', 'table');
    expect(decoded.text).toBe(log);
    expect(decoded.warnings[0].message).toContain('is UTF-16 (little-endian, with a byte-order mark); read as such');
  });

  it('is refused when it is neither UTF-8 nor Windows-1252, and when it is a workbook', async () => {
    const rec = await file('recipients2.csv', recipients);
    const foreign = Buffer.concat([windows1252(log), Buffer.from([0x81, 0x0d, 0x0a])]);
    const refused = await runInProcess(['kpi', await file('foreign.csv', foreign), '--recipients', rec, '--from', '2026-11-23']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('is not UTF-8: the byte at line 2');
    expect(refused.err).toContain('it is in neither UTF-8 nor Windows-1252');
    const workbook = await runInProcess(['kpi', await file('log.xlsx', Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1')), '--recipients', rec, '--from', '2026-11-23']);
    expect(workbook.code).toBe(2);
    expect(workbook.err).toContain('is a ZIP archive (an Excel workbook, .xlsx?), not a text file');
  });
});

describe('a JSON document that is not UTF-8', () => {
  const text = () => JSON.stringify(problem, null, 2);

  it.each([
    ['Windows-1252 bytes in ids and names', () => windows1252(text()), /is not UTF-8: the byte at line \d+, column \d+ is not UTF-8 text; it looks like Windows-1252 \(line \d+, column \d+ reads "[^"]*[åäöÅÄÖé][^"]*" in Windows-1252\)/],
    ['UTF-16 with a byte-order mark', () => utf16(text(), 'le', true), /is UTF-16 \(little-endian, with a byte-order mark\), not UTF-8; JSON documents are UTF-8/],
    ['UTF-16 without a byte-order mark', () => utf16(text(), 'be', false), /is UTF-16 \(big-endian, without a byte-order mark\), not UTF-8/],
    ['two byte-order marks', () => Buffer.from(`\ufeff\ufeff${text()}`), /starts with 2 UTF-8 byte-order marks where one at most is allowed/],
    ['UTF-32', () => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('{}')]), /is UTF-32/],
    ['a NUL byte', () => Buffer.from(`{"format": "kontinuitet/day@1"\u0000}`), /is not a text file: it holds a NUL byte at line 1, column 31/],
  ])('%s: validate exits 2 with a sentence naming the encoding, never the bytes', async (_name, bytes, message) => {
    const path = await file('day.json', bytes());
    for (const args of [['validate', path], ['solve', path, '-q'], ['plan-period', path, '-q']]) {
      const run = await runInProcess(args);
      expect(run.code).toBe(2);
      expect(`${run.out}${run.err}`).toMatch(message);
      expect(`${run.out}${run.err}`).not.toMatch(/\ufffd|[\u0000-\u0008\u000e-\u001f]/);
      expect(`${run.out}${run.err}`).not.toMatch(CRASH);
    }
  });

  it('with one byte-order mark is read as UTF-8', async () => {
    const run = await runInProcess(['validate', await file('bom.json', Buffer.from(`\ufeff${text()}`))]);
    expect(run.out).toMatch(/: ok /);
    expect(run.code).toBe(0);
  });

  it('throws an EncodingError from the decoder itself, with the file as its path', () => {
    expect(() => decodeText(utf16('{}', 'le', true), 'x.json', 'json')).toThrow(EncodingError);
  });
});
