import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemas } from '../../src/model/index.ts';
import { JSON_SCHEMAS, jsonSchemaText } from '../../src/model/json-schema.ts';
import { generateDay, generatePeriod } from '../../src/generate/index.ts';
import { solveDay } from '../../src/solver/index.ts';
import { computeKpi } from '../../src/kpi/index.ts';

/** Parse → JSON text → parse gives the same value: nothing is lost or invented on the way. */
function roundTrip<T>(schema: { parse(x: unknown): T }, value: unknown): void {
  const once = schema.parse(value);
  const twice = schema.parse(JSON.parse(JSON.stringify(once)));
  expect(twice).toEqual(once);
  expect(once).toEqual(JSON.parse(JSON.stringify(value)));
}

describe('schemas', () => {
  const { problem } = generateDay({ seed: 3, teams: 1, staffPerTeam: 4, recipientsPerTeam: 8 });
  const schedule = solveDay(problem, { iterations: 20, seed: 1 });

  it('round-trip a day problem, a schedule and a period problem', () => {
    roundTrip(schemas.DayProblem, problem);
    roundTrip(schemas.Schedule, schedule);
    roundTrip(schemas.PeriodProblem, generatePeriod({ seed: 2, teams: 1, staffPerTeam: 4, recipientsPerTeam: 6, days: 3 }));
  });

  it('round-trip visit-log rows, recipients-file rows and a KPI report', () => {
    const rows = [
      { recipient: 'r1', staff: 's1', start: '2026-11-02 08:00', end: '2026-11-02 08:30', type: 'personal_care' as const, staffRole: 'assistant_nurse' as const, team: 'T1' },
      { recipient: 'r1', staff: 's2', start: '2026-11-02T12:00:00+01:00', end: '2026-11-02T12:20:00+01:00' },
    ];
    for (const row of rows) roundTrip(schemas.VisitLogRow, row);
    roundTrip(schemas.RecipientsFileRow, { recipient: 'r1', birthYear: 1940, team: 'T1', contact: 's1' });
    roundTrip(schemas.RecipientsFileRow, { recipient: 'r2', age: 81, contact: null });
    const report = computeKpi(rows, [{ id: 'r1', birthYear: 1940, team: 'T1' }], { from: '2026-11-02' });
    roundTrip(schemas.KpiReport, report);
  });

  it('reject documents of the wrong format', () => {
    expect(schemas.DayProblem.safeParse({ ...problem, format: 'kontinuitet/day@2' }).success).toBe(false);
    expect(schemas.Schedule.safeParse({ ...schedule, routes: [{ staff: 's1' }] }).success).toBe(false);
  });

  it.each(Object.keys(JSON_SCHEMAS))('checked-in schemas/%s is up to date (npm run schemas)', (name) => {
    const onDisk = readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8');
    expect(onDisk).toBe(jsonSchemaText(name));
  });
});
