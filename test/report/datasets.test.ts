/** `kontinuitet report` on the output of every bundled dataset: each day solved and each period planned on a tiny budget. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Schedule } from '../../src/model/types.ts';
import { planPeriod } from '../../src/period/index.ts';
import { loadReport, renderReport } from '../../src/report/index.ts';
import { solveDay } from '../../src/solver/index.ts';
import { loadDayProblem, loadPeriodProblem } from '../../src/validate/index.ts';
import { expectValid } from './fixtures.ts';

const root = resolve(import.meta.dirname, '../..');
const read = (name: string) => JSON.parse(readFileSync(join(root, 'datasets', name), 'utf8'));
const NO_TIME_LIMIT_MS = 3_600_000;

describe('a report of every bundled dataset', () => {
  it.each(['small-team-day', 'full-team-day', 'planted-team-day', 'district-day'])('%s', (name) => {
    const { problem } = loadDayProblem(read(`${name}.json`));
    const schedule: Schedule = solveDay(problem, { iterations: 20, seed: 1, timeLimitMs: NO_TIME_LIMIT_MS });
    expectValid(problem, schedule);
    const html = renderReport(loadReport({ files: { document: `${name}.schedule.json`, problem: `${name}.json` }, document: schedule, problem }));
    expect(html.match(/class="g-row"/g)).toHaveLength(schedule.routes.length);
  });

  it('the bundled planted schedule', () => {
    const problem = read('planted-team-day.json');
    const schedule = read('planted-team-day.schedule.json');
    const html = renderReport(loadReport({ files: { document: 'planted-team-day.schedule.json', problem: 'planted-team-day.json' }, document: schedule, problem }));
    expect(html.match(/class="g-row"/g)).toHaveLength(schedule.routes.length);
  });

  it.each(['team-period', 'district-period'])('%s', (name) => {
    const { problem } = loadPeriodProblem(read(`${name}.json`));
    const schedule = planPeriod(problem, {
      iterationsPerDay: 3,
      seed: 1,
      timeLimitMsPerDay: NO_TIME_LIMIT_MS,
      onDay: ({ problem: day, schedule: planned }) => expectValid(day, planned),
    });
    const html = renderReport(loadReport({ files: { document: `${name}.schedule.json`, problem: `${name}.json` }, document: schedule, problem }));
    expect(html).toContain('id="strip-data"');
    const kpi = renderReport(loadReport({ files: { document: 'kpi.json' }, document: schedule.kpi }), { lang: 'en' });
    expect(kpi).toContain('data-key="U21401"');
  }, 300_000);
});
