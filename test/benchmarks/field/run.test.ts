import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/surface/run.ts';
import type { Violation } from '../../../src/check/index.ts';
import { MANKOWSKA_DIR, UHHC_DIR, loadIolabSolution, readExternal } from '../../../benchmarks/field/index.ts';
import {
  DEFAULT_SECONDS_PER_SIZE,
  QUICK_SECONDS_PER_SIZE,
  atBest,
  csvTable,
  familyMeans,
  fixed,
  gapPercent,
  markdownTable,
  parseBks,
  parseRunOptions,
  parseSecondsPerSize,
  problemReport,
  restrictSolution,
  runBredstrom,
  runMankowska,
  runUhhc,
  secondsFor,
  selected,
  violationCodes,
  type Column,
  type RunOptions,
  type RunRow,
} from '../../../benchmarks/field/runner.ts';

const quiet = () => undefined;

function options(over: Partial<RunOptions>): RunOptions {
  return { quick: false, sets: ['mankowska', 'uhhc', 'bredstrom'], families: null, limits: parseSecondsPerSize('1000:0.2'), seed: 1, allViolations: false, ...over };
}

function row(over: Partial<RunRow>): RunRow {
  return {
    instance: 'x',
    family: 'A',
    size: 10,
    visits: 10,
    limitSeconds: 1,
    seconds: 1,
    iterations: 1,
    unassigned: 0,
    violations: [],
    ruleBreaks: [],
    gap: 0,
    error: null,
    ...over,
  };
}

const violation = (code: string, message = code): Violation => ({ code, message, ids: [] });

describe('runner options', () => {
  it('reads size:seconds pairs in size order and picks the first size at or above the instance', () => {
    const limits = parseSecondsPerSize('50:20, 10:5,25:10');
    expect(limits).toEqual([
      { size: 10, seconds: 5 },
      { size: 25, seconds: 10 },
      { size: 50, seconds: 20 },
    ]);
    expect([1, 10, 11, 25, 26, 50, 200].map((n) => secondsFor(n, limits))).toEqual([5, 5, 10, 10, 20, 20, 20]);
    expect(secondsFor(75, parseSecondsPerSize('10:0.5,100:2.5'))).toBe(2.5);
  });

  it('rejects a malformed or repeated size', () => {
    expect(() => parseSecondsPerSize('10:5,25')).toThrow(UsageError);
    expect(() => parseSecondsPerSize('10:5,25')).toThrow(/"25" is not size:seconds/);
    expect(() => parseSecondsPerSize('10:0')).toThrow(/"10:0" is not size:seconds/);
    expect(() => parseSecondsPerSize('10:5,10:6')).toThrow(/size 10 is given twice/);
  });

  it('defaults to every set and the documented limits; --quick has its own', () => {
    const full = parseRunOptions([]);
    expect(full).toMatchObject({ quick: false, sets: ['mankowska', 'uhhc', 'bredstrom'], families: null, seed: 1, allViolations: false });
    expect(full.limits).toEqual(parseSecondsPerSize(DEFAULT_SECONDS_PER_SIZE));
    const quick = parseRunOptions(['--quick', '--set', 'uhhc,bredstrom', '--family', 'A,B', '--seed', '7']);
    expect(quick).toMatchObject({ quick: true, sets: ['uhhc', 'bredstrom'], families: ['A', 'B'], seed: 7 });
    expect(quick.limits).toEqual(parseSecondsPerSize(QUICK_SECONDS_PER_SIZE));
    expect(parseRunOptions(['--quick', '--seconds-per-size', '10:1']).limits).toEqual([{ size: 10, seconds: 1 }]);
  });

  it('reports unknown sets and flags as usage errors', () => {
    expect(() => parseRunOptions(['--set', 'solomon'])).toThrow(/--set: "solomon" is not one of mankowska, uhhc, bredstrom/);
    expect(() => parseRunOptions(['--fast'])).toThrow(UsageError);
    expect(() => parseRunOptions(['--seed', 'x'])).toThrow(/--seed: "x" is not a whole number/);
  });

  it('selects by family, and --quick keeps instances of size 50 or less', () => {
    expect(selected(options({}), 'F', 200)).toBe(true);
    expect(selected(options({ quick: true }), 'F', 200)).toBe(false);
    expect(selected(options({ quick: true }), 'C', 50)).toBe(true);
    expect(selected(options({ families: ['A', 'B'] }), 'C', 50)).toBe(false);
    expect(selected(options({ families: ['A', 'B'] }), 'B', 25)).toBe(true);
  });
});

describe('measures', () => {
  it('reads bks.csv: label, bounds, source and the SA reference components', async () => {
    const bks = parseBks(await readExternal(`${MANKOWSKA_DIR}bks.csv`));
    expect(bks.size).toBe(70);
    expect(bks.get('InstanzCPLEX_HCSRP_10_1.txt')).toEqual({
      label: 'A1',
      lowerBound: 218.2,
      bestKnown: 218.2,
      source: 'fo',
      reference: { travel: 654.6, totalTardiness: 0, maxTardiness: 0 },
    });
    expect(bks.get('InstanzVNS_HCSRP_200_1.txt')).toMatchObject({ label: 'F1', bestKnown: 1236.95, source: 'mnsa' });
  });

  it('turns empty cells into null', () => {
    const text = 'instance_file,label,lb_mankowska2014,best_known,best_known_source,mnsa_travel,mnsa_total_tardiness,mnsa_max_tardiness\nx.txt,Z1,,12.5,fo,,1,2\n';
    expect(parseBks(text).get('x.txt')).toEqual({ label: 'Z1', lowerBound: null, bestKnown: 12.5, source: 'fo', reference: null });
  });

  it('computes gaps in percent and counts two-decimal ties as at the best known', () => {
    expect(gapPercent(110, 100)).toBeCloseTo(10, 12);
    expect(gapPercent(95, 100)).toBeCloseTo(-5, 12);
    expect(gapPercent(10, null)).toBeNull();
    expect(gapPercent(10, 0)).toBeNull();
    expect(atBest(218.2049, 218.2)).toBe(true);
    expect(atBest(218.21, 218.2)).toBe(false);
    expect(atBest(null, 218.2)).toBe(false);
    expect(fixed(-0.0001)).toBe('0.00');
    expect(fixed(-0.01)).toBe('-0.01');
    expect(fixed(null)).toBe('-');
  });

  it('averages gaps per family, leaving rows with broken rules out of the valid mean and of "at best known"', () => {
    const rows = [
      row({ family: 'A', gap: 0 }),
      row({ family: 'A', gap: -4, ruleBreaks: ['p8: s6 starts -14 after s5'] }),
      row({ family: 'B', gap: 3, violations: [violation('wrong_stop_travel')] }),
      row({ family: 'B', gap: null }),
    ];
    const means = familyMeans(rows, (r) => r.gap !== null && r.gap <= 0);
    expect(means.map((m) => m.family)).toEqual(['A', 'B', 'all']);
    expect(means[0]).toMatchObject({ instances: 2, withGap: 2, meanGap: -2, meanGapValid: 0, atBest: 1, withViolations: 0, withRuleBreaks: 1 });
    expect(means[1]).toMatchObject({ instances: 2, withGap: 1, meanGap: 3, meanGapValid: 3, atBest: 0, withViolations: 1, withRuleBreaks: 0 });
    expect(means[2].meanGap).toBeCloseTo(-1 / 3, 12);
    expect(means[2].meanGapValid).toBeCloseTo(1.5, 12);
    expect(familyMeans([row({ family: 'A' })])).toHaveLength(1);
  });

  it('cuts a shipped UHHC solution down to the converted patients, keeping lunches elsewhere', () => {
    const solution = {
      objective: null,
      costComponents: {},
      routes: [
        {
          caregiver: 'c1',
          stops: [
            { patient: 'p1', service: 's1', start: 10, end: 20 },
            { patient: 'p2', service: 's1', start: 30, end: 40 },
            { patient: 'p2', service: 'lunch_break', start: 40, end: 70 },
            { patient: 'd0', service: 'lunch_break', start: 80, end: 110 },
          ],
        },
      ],
    };
    expect(restrictSolution(solution, new Set(['p2'])).routes[0].stops.map((s) => `${s.patient} ${s.service}`)).toEqual(['p1 s1', 'd0 lunch_break']);
    expect(solution.routes[0].stops).toHaveLength(4);
  });
});

describe('tables', () => {
  interface R {
    name: string;
    value: number | null;
  }
  const columns: Column<R>[] = [
    { header: 'Instance name', text: (r) => r.name },
    { header: 'value', text: (r) => fixed(r.value), csv: (r) => (r.value === null ? '' : String(r.value)) },
    { header: 'note %', text: () => 'a, b; "c"', csvOnly: true },
  ];
  const rows: R[] = [
    { name: 'A1 10_1', value: 218.2049 },
    { name: 'x|y', value: null },
  ];

  it('prints Markdown without the CSV-only columns', () => {
    expect(markdownTable(columns, rows)).toBe(['| Instance name | value |', '| --- | --- |', '| A1 10_1 | 218.20 |', '| x\\|y | - |'].join('\n'));
  });

  it('writes CSV with raw numbers, every column, snake-case headers and quoted cells', () => {
    expect(csvTable(columns, rows)).toBe(['instance_name,value,note', 'A1 10_1,218.2049,"a, b; ""c"""', 'x|y,,"a, b; ""c"""', ''].join('\n'));
  });

  it('counts violations by code and shows a few examples of each', () => {
    const violations = [violation('dependency_gap', 'gap 1'), ...Array.from({ length: 5 }, (_, i) => violation('wrong_stop_travel', `leg ${i}`))];
    expect(violationCodes(violations)).toBe('dependency_gap:1;wrong_stop_travel:5');
    const text = problemReport([row({ instance: 'A1', violations, ruleBreaks: ['p8: s6 starts -14 after s5, outside [0, 0]'] })], false);
    expect(text).toContain('- A1: 6 checker violations (dependency_gap:1, wrong_stop_travel:5)');
    expect(text).toContain('  - dependency_gap: gap 1');
    expect(text).toContain('  - wrong_stop_travel: leg 2');
    expect(text).not.toContain('leg 3');
    expect(text).toContain('- A1: 1 benchmark rule breaks');
    expect(problemReport([row({ instance: 'A1', violations })], true)).toContain('leg 4');
    expect(problemReport([row({})], false)).toBe('');
  });
});

describe('runs on the published instances (short limits)', () => {
  it('Mankowska family A: both shipped instances, measured against bks.csv', async () => {
    const rows = await runMankowska(options({ families: ['A'] }), quiet);
    expect(rows.map((r) => [r.label, r.instance, r.size, r.visits, r.bestKnown])).toEqual([
      ['A1', 'InstanzCPLEX_HCSRP_10_1', 10, 13, 218.2],
      ['A3', 'InstanzCPLEX_HCSRP_10_3', 10, 13, 305.86],
    ]);
    for (const r of rows) {
      expect(r.error).toBeNull();
      expect(r.limitSeconds).toBe(0.2);
      expect(r.objective).toBeCloseTo((r.travel! + r.totalTardiness! + r.maxTardiness!) / 3, 9);
      expect(r.gap).toBeCloseTo(((r.objective! - r.bestKnown!) / r.bestKnown!) * 100, 9);
      // Nothing that keeps the benchmark's rules can beat the proven lower bound.
      if (r.ruleBreaks.length === 0) expect(r.objective!).toBeGreaterThanOrEqual(r.lowerBound! - 0.005);
    }
  });

  it('UHHC: the shipped SA solution of i-134 on its 8 converted patients, and the instances with nothing to convert', async () => {
    const rows = await runUhhc(options({ families: ['validation'] }), quiet);
    expect(rows.map((r) => [r.instance, r.size, r.patients, r.visits])).toEqual([
      ['i-083', 0, 70, 0],
      ['i-100', 0, 25, 0],
      ['i-134', 8, 15, 10],
      ['i-316', 0, 25, 0],
    ]);
    const i134 = rows[2];
    // Its 6 services there: travel 255 (weight 1), no tardiness, all by a preferred caregiver, 3 optional patients unserved (160 each).
    expect(i134.shipped).toEqual({ cost: 255 + 3 * 160, travel: 255, totalTardiness: 0, maxTardiness: 0, preferredShare: 1, services: 6, unservedOptional: 3 });
    expect(i134.ours).not.toBeNull();
    expect(i134.gap).toBeCloseTo(((i134.ours!.cost - 735) / 735) * 100, 9);
    // The same work: the shipped solution's 6 services to its 5 served patients, none of the 3 it left out.
    expect(i134.sameWork).toMatchObject({ services: 6, unservedOptional: 0 });
    expect(i134.leftOut.map((l) => l.patient)).toEqual(['p1', 'p2', 'p4', 'p6', 'p10', 'p11', 'p13']);
    const i083 = rows[0];
    expect([i083.ours, i083.shipped, i083.seconds, i083.leftOut.length]).toEqual([null, null, null, 70]);
    // The other 6 of the file's 12 services go to left-out patients.
    const services = (await loadIolabSolution(`${UHHC_DIR}sol-i-134-1081859337.json`)).routes.flatMap((r) => r.stops).filter((s) => s.service !== 'lunch_break');
    const leftOut = new Set(i134.leftOut.map((l) => l.patient));
    expect([services.length, services.filter((s) => leftOut.has(s.patient)).length]).toEqual([12, 6]);
  });

  it("Bredström family S: the book tour of Bred_01S as yardstick, none for Bred_09S", async () => {
    const rows = await runBredstrom(options({ families: ['S'] }), quiet);
    expect(rows.map((r) => [r.instance, r.size, r.vehicles, r.synchronised, r.book])).toEqual([
      ['Bred_01S', 20, 4, 2, 274],
      ['Bred_09S', 80, 16, 8, null],
    ]);
    expect(rows[0].bookRuleBreaks).toEqual([]);
    expect(rows[0].gap).toBeCloseTo(((rows[0].travel! - 274) / 274) * 100, 9);
    expect(rows[1].gap).toBeNull();
  });
});
