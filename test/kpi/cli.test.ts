import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '../../src/model/index.ts';
import { addDays } from '../../src/time/index.ts';
import { ROOT, runCli } from '../helpers/cli.ts';



function kontinuitet(...args: string[]) {
  const run = runCli(args, { timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('kontinuitet kpi', () => {
  let dir: string;
  let visits: string;
  let recipients: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpi-cli-'));
    // A Swedish Excel export: BOM, semicolons, CRLF, a quoted team with a semicolon in it.
    // r1 meets a and b; r2 meets c, d and e (two on a double-staffed evening visit); both are 80+.
    const lines = ['Recipient;Staff;Start;End;Type;StaffRole;Team'];
    for (let day = 0; day < 14; day++) {
      const date = addDays('2026-11-02', day);
      lines.push(`r1;a;${date} 07:00;${date} 07:30;personal_care;care_aide;"Söder;1"`);
      lines.push(`r1;b;${date} 21:59;${date} 22:15;;;"Söder;1"`);
      lines.push(`r1;x;${date} 22:00;${date} 22:10;alarm;;`);
      lines.push(`r2;c;${date} 09:00;${date} 09:30;;;Norr`);
      lines.push(`r2;d;${date} 19:00;${date} 19:30;;;Norr`);
      lines.push(`r2;e;${date} 19:00;${date} 19:30;;;Norr`);
      lines.push(`r2;n;${date} 19:00;${date} 19:30;health;nurse;Norr`);
    }
    visits = join(dir, 'visits.csv');
    recipients = join(dir, 'recipients.csv');
    await writeFile(visits, `\uFEFF${lines.join('\r\n')}\r\n\r\n`);
    await writeFile(recipients, 'recipient,birthYear,age,team,contact\nr1,1940,,,a\nr2,,81,Norr,\nr3,1990,,Norr,\n');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the JSON report with -o, valid against the schema, with hand-computed values', async () => {
    const out = join(dir, 'kpi.json');
    const run = kontinuitet('kpi', visits, '--recipients', recipients, '--from', '2026-11-02', '--timezone', 'Europe/Stockholm', '--format', 'json', '-o', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const report = schemas.KpiReport.parse(JSON.parse(await readFile(out, 'utf8')));
    const [w] = report.windows;
    expect([w.from, w.to, w.partial]).toEqual(['2026-11-02', '2026-11-15', false]);
    expect(w.kolada).toEqual({ U21401: 2.5, U21402: 2.5, U21436: 0 });
    expect(w.byRecipient).toEqual({
      r1: { team: 'Söder;1', counted: true, reason: null, distinctStaff: 2, visits: 28, contactShare: 0.5 },
      r2: { team: 'Norr', counted: true, reason: null, distinctStaff: 3, visits: 28, contactShare: null },
      r3: { team: 'Norr', counted: false, reason: 'under_65', distinctStaff: 0, visits: 0, contactShare: null },
    });
    expect(Object.keys(w.byTeam).sort()).toEqual(['Norr', 'Söder;1']);
    expect(w.byTeam.Norr).toMatchObject({ recipients: 1, mean: 3, excluded: 1, excludedByReason: { under_65: 1 } });
  });

  it('prints csv and table to standard output', () => {
    const csv = kontinuitet('kpi', visits, '--recipients', recipients, '--from', '2026-11-02', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n').filter(Boolean)).toHaveLength(4);
    expect(csv.stdout).toContain('\n2026-11-02,2026-11-15,false,overall,,2,1,0,1,0,0,2.5,2.5,0,2,3,0,0,0.5\n');
    const table = kontinuitet('kpi', visits, '--recipients', recipients, '--from', '2026-11-02');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('U21401 mean distinct staff:     2.5');
    expect(table.stdout).toContain('Recipients counted 2, excluded 1 (under_65 1)');
    expect(table.stdout).toContain('team Söder;1');
  });

  it('reports every bad row of both files with exit code 2 and writes nothing', async () => {
    const badVisits = join(dir, 'bad-visits.csv');
    const badRecipients = join(dir, 'bad-recipients.csv');
    await writeFile(badVisits, 'recipient;staff;start;end;type\r\nr1;a;2026-11-02 08:00;2026-11-02 07:00;\r\nr1;b;2026-11-02 09:00;2026-11-02 09:30;larm\r\n');
    await writeFile(badRecipients, 'recipient;birthYear\r\nr1;nineteen forty\r\n');
    const out = join(dir, 'never.json');
    const run = kontinuitet('kpi', badVisits, '--recipients', badRecipients, '--from', '2026-11-02', '--format', 'json', '-o', out);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${badVisits}:2: end: "2026-11-02 07:00" is before start "2026-11-02 08:00"`);
    expect(run.stderr).toContain(`${badVisits}:3: type: "larm" is not a visit type`);
    expect(run.stderr).toContain(`${badRecipients}:2: birthYear: "nineteen forty" is not a birth year`);
    expect(run.stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects bad options with exit code 2', () => {
    const badDate = kontinuitet('kpi', visits, '--recipients', recipients, '--from', '2026-11-31');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--from "2026-11-31" is not a date');
    const noRecipients = kontinuitet('kpi', visits, '--from', '2026-11-02');
    expect(noRecipients.code).toBe(2);
    expect(noRecipients.stderr).toContain('--recipients');
  });
});
