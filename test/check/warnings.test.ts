/** §6.13: the transitional title proof is valid through 2033-06-30 inclusive. */
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/check/index.ts';
import { computeMetrics } from '../../src/metrics/index.ts';
import type { DayProblem, Schedule, Warning } from '../../src/model/types.ts';
import { nurse, recipient } from '../builders.ts';
import { codes, home } from './fixtures.ts';

function judge(date: string, warnings: Warning[]) {
  const problem: DayProblem = {
    format: 'kontinuitet/day@1',
    date,
    teams: [{ id: 'T1', office: { lat: 59.3, lon: 18 } }],
    staff: [nurse('s3', { titleProof: 'transitional', shift: { start: '07:00', end: '15:00' } })],
    recipients: [recipient('r1', { ...home(59.31), contact: 's3' })],
    visits: [],
  };
  const schedule: Schedule = {
    format: 'kontinuitet/schedule@1',
    date,
    timezone: 'Europe/Stockholm',
    routes: [],
    unassigned: [],
    warnings,
    // Not the subject here: the metrics of an empty day.
    metrics: computeMetrics(problem, { routes: [], unassigned: [] }),
  };
  return checkSchedule(problem, schedule);
}

const notQualified: Warning = { code: 'contact_not_qualified', message: 's3: transitional proof expired', ids: ['r1', 's3'] };

describe('the transitional title proof', () => {
  it('is valid on 2033-06-30', () => {
    expect(codes(judge('2033-06-30', []))).toEqual([]);
    expect(codes(judge('2033-06-30', [notQualified]))).toEqual(['unexpected_warning']);
  });

  it('has run out on 2033-07-01', () => {
    expect(codes(judge('2033-07-01', []))).toEqual(['missing_warning']);
    expect(codes(judge('2033-07-01', [notQualified]))).toEqual([]);
  });

  it('a warning must name its recipient', () => {
    expect(codes(judge('2033-07-01', [{ ...notQualified, ids: ['s3'] }]))).toEqual(['unexpected_warning', 'missing_warning']);
  });
});
