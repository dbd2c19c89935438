import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/check/index.ts';
import { baseProblem, baseSchedule } from './fixtures.ts';

describe('the base fixture', () => {
  it('is a valid schedule with the metrics it reports', () => {
    const result = checkSchedule(baseProblem(), baseSchedule());
    expect(result.violations).toEqual([]);
    expect(result.metricDiffs).toEqual([]);
  });
});
