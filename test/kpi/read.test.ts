import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.ts';
import { parseRecipients, parseVisitLog, readRecipientsFile, readVisitLog } from '../../src/kpi/index.ts';

const TZ = 'Europe/Stockholm';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${p.path}: ${p.message}`);
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('parseVisitLog', () => {
  it('reads a Swedish Excel export: semicolons, BOM, CRLF, quoted fields with ; and "" inside, any-case column names', () => {
    const text =
      '\uFEFF Recipient ;STAFF;Start;End;Type;StaffRole;team;Kommentar\r\n' +
      'r1;s1;2026-11-02 08:00;2026-11-02 08:30;personal_care;care_aide;"T;1";"sa ""hej"";då"\r\n' +
      '"r 2";s2;2026-11-02T09:15:30+01:00;2026-11-02 09:45;;;;\r\n' +
      '\r\n\r\n';
    const rows = parseVisitLog(text, 'log.csv', TZ);
    expect(rows).toEqual([
      {
        recipient: 'r1',
        staff: 's1',
        startMs: Date.parse('2026-11-02T07:00:00Z'),
        endMs: Date.parse('2026-11-02T07:30:00Z'),
        type: 'personal_care',
        staffRole: 'care_aide',
        team: 'T;1',
        line: 2,
      },
      { recipient: 'r 2', staff: 's2', startMs: Date.parse('2026-11-02T08:15:30Z'), endMs: Date.parse('2026-11-02T08:45:00Z'), line: 3 },
    ]);
  });

  it('reads local spreadsheet times in the given zone, with seconds, across the autumn DST change', () => {
    const text = 'recipient,staff,start,end\nr1,s1,2026-10-25 07:00:00,2026-10-25 07:30\nr1,s1,2026-10-24 07:00,2026-10-24 07:30\n';
    const rows = parseVisitLog(text, 'log.csv', TZ);
    expect(rows.map((r) => new Date(r.startMs).toISOString())).toEqual(['2026-10-25T06:00:00.000Z', '2026-10-24T05:00:00.000Z']);
    const tokyo = parseVisitLog(text, 'log.csv', 'Asia/Tokyo');
    expect(new Date(tokyo[0].startMs).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('reads JSON lines, by extension or by content', () => {
    const text =
      '{"recipient":"r1","staff":"s1","start":"2026-11-02T08:00:00+01:00","end":"2026-11-02T08:30:00+01:00","type":"alarm"}\r\n' +
      '\n' +
      '{"Recipient":"r1","staff":7,"start":"2026-11-02 09:00","end":"2026-11-02 09:20","staffRole":"nurse","extra":true}\n';
    for (const file of ['log.jsonl', 'log.ndjson', 'log.txt']) {
      const rows = parseVisitLog(text, file, TZ);
      expect(rows).toEqual([
        { recipient: 'r1', staff: 's1', startMs: Date.parse('2026-11-02T07:00:00Z'), endMs: Date.parse('2026-11-02T07:30:00Z'), type: 'alarm', line: 1 },
        { recipient: 'r1', staff: '7', startMs: Date.parse('2026-11-02T08:00:00Z'), endMs: Date.parse('2026-11-02T08:20:00Z'), staffRole: 'nurse', line: 3 },
      ]);
    }
  });

  it('reports every bad row at once as file:line: column: sentence, lines counted physically', () => {
    const text =
      'recipient,staff,start,end,type,staffRole\n' +
      'r1,s1,2026-11-02 08:00,2026-11-02 08:30,personal_care,care_aide\n' +
      'r1,"s\n2",2026-11-02 08:00,2026-11-02 08:30,,\n' +
      'r2,,2026-11-02 25:00,2026-11-02 08:30,alarmx,doctor\n' +
      'r3,s3,2026-11-02 10:00,2026-11-02 09:59,,\n' +
      'r4,s4,2026-03-29 02:30,2026-03-29 03:30,,\n' +
      'r5,s5,2026-02-30 08:00,2026-02-30 09:00,,,surplus\n';
    expect(problemsOf(() => parseVisitLog(text, 'log.csv', TZ))).toEqual([
      'log.csv:5: staff: is empty; a value is required',
      'log.csv:5: start: "2026-11-02 25:00" is not a time (ISO 8601 or YYYY-MM-DD HH:MM[:SS] expected)',
      'log.csv:5: type: "alarmx" is not a visit type (one of personal_care, service, health, supervision, meal, other, alarm, meal_delivery)',
      'log.csv:5: staffRole: "doctor" is not a staff role (one of assistant_nurse, care_aide, service_assistant, nurse)',
      'log.csv:6: end: "2026-11-02 09:59" is before start "2026-11-02 10:00"',
      'log.csv:7: start: 2026-03-29 02:30 does not exist in Europe/Stockholm (the clocks skip it for daylight saving time) (ISO 8601 or YYYY-MM-DD HH:MM[:SS] expected)',
      'log.csv:8: the row has 7 fields but the header has 6',
    ]);
  });

  it('reports a missing required column once, at the header line, and still checks the other columns', () => {
    const text = 'recipient;start;end\nr1;2026-11-02 08:00;2026-11-02 08:30\nr2;2026-11-02 08:00;later\n';
    expect(problemsOf(() => parseVisitLog(text, 'log.csv', TZ))).toEqual([
      'log.csv:1: staff: the header row has no such column',
      'log.csv:3: end: "later" is not a time (ISO 8601 or YYYY-MM-DD HH:MM[:SS] expected)',
    ]);
  });

  it('reports a column named twice and bad JSON lines', () => {
    expect(problemsOf(() => parseVisitLog('recipient,staff,Staff,start,end\n', 'log.csv', TZ))).toEqual([
      'log.csv:1: staff: the column appears more than once in the header (fields 2 and 3)',
    ]);
    const lines = '{"recipient":"r1","staff":"s1","start":"2026-11-02 08:00","end":"2026-11-02 09:00"}\n{oops\n[1]\n{"recipient":"r1","start":"2026-11-02 08:00","end":"2026-11-02 09:00"}\n';
    const found = problemsOf(() => parseVisitLog(lines, 'log.jsonl', TZ));
    expect(found).toHaveLength(3);
    expect(found[0]).toBe('log.jsonl:2:2: is not valid JSON: expected a field name in double quotes or "}", found "oops"');
    expect(found.slice(1)).toEqual(['log.jsonl:3: is not a JSON object', 'log.jsonl:4: staff: is required']);
  });

  it('accepts a header-only log as an empty log', () => {
    expect(parseVisitLog('recipient;staff;start;end\r\n', 'log.csv', TZ)).toEqual([]);
  });
});

describe('parseRecipients', () => {
  it('reads CSV with any-case columns; empty cells mean unknown', () => {
    const text = '\uFEFFRECIPIENT;BirthYear;Age;Team;Contact\r\nr1;1940;;T1;s1\r\nr2;;70;;\r\n';
    expect(parseRecipients(text, 'rec.csv')).toEqual([
      { id: 'r1', birthYear: 1940, team: 'T1', contact: 's1' },
      { id: 'r2', age: 70, team: null, contact: null },
    ]);
  });

  it('reads a JSON array and names the line each bad element starts on', () => {
    const text = '[\n  {"recipient": "r1", "birthYear": 1940, "team": "T1", "contact": null},\n  {"recipient": "r2",\n   "age": "seventy"},\n  {"recipient": "r3", "age": 71, "note": "[{,"}\n]\n';
    expect(problemsOf(() => parseRecipients(text, 'rec.json'))).toEqual(['rec.json:3: age: "seventy" is not an age in whole years']);
    const ok = parseRecipients(text.replace('"seventy"', '80'), 'rec.json');
    expect(ok).toEqual([
      { id: 'r1', birthYear: 1940, team: 'T1', contact: null },
      { id: 'r2', age: 80, team: null, contact: null },
      { id: 'r3', age: 71, team: null, contact: null },
    ]);
  });

  it('reads JSON lines', () => {
    expect(parseRecipients('{"recipient":"r1","age":"66"}\n{"recipient":"r2","birthYear":1950,"team":"T2"}\n', 'rec.jsonl')).toEqual([
      { id: 'r1', age: 66, team: null, contact: null },
      { id: 'r2', birthYear: 1950, team: 'T2', contact: null },
    ]);
  });

  it('reports every bad row, duplicates and out-of-range numbers', () => {
    const text = 'recipient,birthYear,age\nr1,1940,\nr1,19x0,\n,1950,\nr4,1700,131\nr5,,-3\n';
    expect(problemsOf(() => parseRecipients(text, 'rec.csv'))).toEqual([
      'rec.csv:3: recipient: "r1" is listed again (first on line 2)',
      'rec.csv:3: birthYear: "19x0" is not a birth year',
      'rec.csv:4: recipient: is empty; a value is required',
      'rec.csv:5: birthYear: 1700 is not a birth year between 1880 and 2100',
      'rec.csv:5: age: 131 is not an age in whole years between 0 and 130',
      'rec.csv:6: age: "-3" is not an age in whole years',
    ]);
  });

  it('needs a recipient column and a birthYear or age column', () => {
    expect(problemsOf(() => parseRecipients('id;team\nr1;T1\n', 'rec.csv'))).toEqual([
      'rec.csv:1: recipient: the header row has no such column',
      'rec.csv:1: birthYear: the header row has neither a "birthYear" nor an "age" column',
    ]);
  });
});

describe('reading files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpi-read-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads both files from disk and names a missing file', async () => {
    const log = join(dir, 'visits.csv');
    const recipients = join(dir, 'recipients.csv');
    await writeFile(log, 'recipient;staff;start;end\nr1;s1;2026-11-02 08:00;2026-11-02 08:30\n');
    await writeFile(recipients, 'recipient,age\nr1,80\n');
    expect(await readVisitLog(log, TZ)).toHaveLength(1);
    expect(await readRecipientsFile(recipients)).toEqual([{ id: 'r1', age: 80, team: null, contact: null }]);
    await expect(readVisitLog(join(dir, 'none.csv'), TZ)).rejects.toBeInstanceOf(InputError);
  });

  it('names the file it read in every problem', async () => {
    const log = join(dir, 'bad.csv');
    await writeFile(log, 'recipient;staff;start;end\nr1;s1;2026-11-02 08:00;x\n');
    await expect(readVisitLog(log, TZ)).rejects.toThrow(`${log}:2: end: "x" is not a time`);
  });
});
