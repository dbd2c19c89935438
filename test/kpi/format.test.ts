import { describe, expect, it } from 'vitest';
import { schemas } from '../../src/model/index.ts';
import type { InputProblem } from '../../src/model/errors.ts';
import { addDays, parseInstant, zoneOf } from '../../src/time/index.ts';
import { computeKpi, formatKpi, parseCsv, type KpiRecipientInfo, type PerformedRow } from '../../src/kpi/index.ts';

const FROM = '2026-11-02';
const zone = zoneOf('Europe/Stockholm');

/** r1 meets 2 staff (team "T,1" needs quoting), r2 5 and r3 21, r4 is under 65; the log covers 15 days. */
function sampleReport() {
  const rows: PerformedRow[] = [];
  const sizes: Record<string, number> = { r1: 2, r2: 5, r3: 21 };
  for (const [id, n] of Object.entries(sizes)) {
    for (let day = 0; day < 15; day++) {
      ['08:00', '18:00'].forEach((time, slot) =>
        rows.push({ recipient: id, staff: `${id}-s${(2 * day + slot) % n}`, startMs: parseInstant(`${addDays(FROM, day)} ${time}`, zone) }),
      );
    }
  }
  const recipients: KpiRecipientInfo[] = [
    { id: 'r1', birthYear: 1940, team: 'T,1', contact: 'r1-s0' },
    { id: 'r2', birthYear: 1940, team: 'T2' },
    { id: 'r3', birthYear: 1940, team: 'T2' },
    { id: 'r4', age: 50, team: 'T2' },
  ];
  return computeKpi(rows, recipients, { from: FROM, windows: 2 });
}

describe('formatKpi', () => {
  it('json is the report itself and validates against the schema', () => {
    const report = sampleReport();
    const parsed = JSON.parse(formatKpi(report, 'json'));
    expect(parsed).toEqual(report);
    expect(schemas.KpiReport.safeParse(parsed).success).toBe(true);
  });

  it('csv has one row per window and group, full precision, empty cells for null', () => {
    const problems: InputProblem[] = [];
    const table = parseCsv(formatKpi(sampleReport(), 'csv'), 'out.csv', problems);
    expect(problems).toEqual([]);
    expect(table!.separator).toBe(',');
    expect(table!.header.fields).toEqual([
      'window_from',
      'window_to',
      'partial',
      'group',
      'team',
      'recipients',
      'excluded',
      'excluded_no_age',
      'excluded_under_65',
      'excluded_no_visits',
      'excluded_too_few_visits',
      'U21401_mean',
      'U21402_median',
      'U21436_percent_over20',
      'min',
      'max',
      'over20',
      'shareOver20',
      'contactShare',
    ]);
    expect(table!.records.map((r) => r.fields)).toEqual([
      ['2026-11-02', '2026-11-15', 'false', 'overall', '', '3', '1', '0', '1', '0', '0', String(28 / 3), '5', String(100 / 3), '2', '21', '1', String(1 / 3), '0.5'],
      ['2026-11-02', '2026-11-15', 'false', 'team', 'T,1', '1', '0', '0', '0', '0', '0', '2', '2', '0', '2', '2', '0', '0', '0.5'],
      ['2026-11-02', '2026-11-15', 'false', 'team', 'T2', '2', '1', '0', '1', '0', '0', '13', '13', '50', '5', '21', '1', '0.5', ''],
      ['2026-11-16', '2026-11-29', 'true', 'overall', '', '0', '4', '0', '1', '0', '3', '', '', '', '', '', '0', '', ''],
      ['2026-11-16', '2026-11-29', 'true', 'team', 'T,1', '0', '1', '0', '0', '0', '1', '', '', '', '', '', '0', '', ''],
      ['2026-11-16', '2026-11-29', 'true', 'team', 'T2', '0', '3', '0', '1', '0', '2', '', '', '', '', '', '0', '', ''],
    ]);
  });

  it('table shows each window with its Kolada values, the counted and excluded, and the teams', () => {
    const text = formatKpi(sampleReport(), 'table');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Personalkontinuitet (Kolada method), Europe/Stockholm, from 2026-11-02');
    expect(text).toContain('Window 2026-11-02 to 2026-11-15\n');
    expect(text).toContain('Window 2026-11-16 to 2026-11-29 (partial: the log does not cover all 14 days)\n');
    expect(text).toContain('  U21401 mean distinct staff:     9.3\n');
    expect(text).toContain('  U21402 median distinct staff:   5\n');
    expect(text).toContain('  U21436 % with over 20 staff:    33.3\n');
    expect(text).toContain('  Recipients counted 3, excluded 1 (under_65 1)\n');
    expect(text).toContain('  Recipients counted 0, excluded 4 (under_65 1, too_few_visits 3)\n');
    const overall = lines.find((l) => l.trimStart().startsWith('overall'))!;
    expect(overall.trim().split(/\s{2,}/)).toEqual(['overall', '3', '9.3', '5', '2', '21', '1', '33.3', '50%', '1 (under_65 1)']);
    const team = lines.find((l) => l.trimStart().startsWith('team T2'))!;
    expect(team.trim().split(/\s{2,}/)).toEqual(['team T2', '2', '13', '13', '5', '21', '1', '50', '-', '1 (under_65 1)']);
    const emptyWindow = lines.filter((l) => l.trimStart().startsWith('overall'))[1];
    expect(emptyWindow.trim().split(/\s{2,}/)).toEqual(['overall', '0', '-', '-', '-', '-', '0', '-', '-', '4 (under_65 1, too_few_visits 3)']);
  });
});
