/** A study checked before anything is planned: every problem at once, each at its JSON path. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATE, day, everyDay, nurse, period, periodStaff, plan, recipient, visit } from '../builders.ts';
import { InputError } from '../../src/model/errors.ts';
import { OBJECTIVE_WEIGHTS } from '../../src/model/schemas.ts';
import { checkStudy, readStudyFile } from '../../src/study/index.ts';

const base = day({ staff: [nurse('s1'), nurse('s2')], recipients: [recipient('r1', { contact: 's1' })], visits: [visit('v1', 'r1', '08:00', '09:00', 30)] });

function problemsOf(data: unknown, source = {}): string[] {
  try {
    checkStudy(data, source);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return err.problems.map((p) => `${p.severity === 'warning' ? 'warning ' : ''}${p.path}: ${p.message}`);
  }
  return [];
}

describe('checkStudy', () => {
  it('accepts a valid study and lists its parts: the variants, then the sweep values', () => {
    const checked = checkStudy({ format: 'kontinuitet/study@1', base, variants: [{ id: 'a' }, { id: 'b', apply: [{ op: 'remove_staff', staff: ['s2'] }] }], sweep: { weight: 'notContact', values: [0, 60] } });
    expect(checked.parts).toEqual([
      { kind: 'variant', index: 0 },
      { kind: 'variant', index: 1 },
      { kind: 'sweep', index: 0 },
      { kind: 'sweep', index: 1 },
    ]);
    expect(checked.base.kind).toBe('day');
  });

  it('reports the shape, the base and every op at once', () => {
    const problems = problemsOf({
      format: 'kontinuitet/study@1',
      base: { ...base, staff: [...base.staff, nurse('s1')] },
      variants: [{ id: 'a', apply: [{ op: 'explode' }] }, { id: 'a/b', apply: [{ op: 'add_staff', staff: [{ id: 'n1', team: 'T1', role: 'care_aide', roster: [] }] }] }],
      sweep: { weight: 'notAWeight', values: [-1] },
      options: { seed: 1.5 },
    });
    expect(problems).toEqual([
      'variants[0].apply[0].op: "explode" is not one of "remove_staff", "add_staff", "service_assistants", "travel_mode", "objective", "reassign_team", "suggest_contacts", "patch"',
      'variants[1].id: "a/b" is not a variant id: letters, digits, ".", "_" and "-" only (it names the variant\'s files)',
      'variants[1].apply[0].staff[0].shift: is required (object)',
      `sweep.weight: "notAWeight" is not one of ${OBJECTIVE_WEIGHTS.map((w) => `"${w}"`).join(', ')}`,
      'sweep.values[0]: -1 should be at least 0',
      'options.seed: 1.5 should be an int',
      'base.staff[2].id: duplicate id "s1": already used at staff[0]',
      'warning variants[1].apply[0].staff[0].roster: unknown field "roster" is ignored',
    ]);
  });

  it('finds the ops that name what the base does not have, with their paths', () => {
    const problems = problemsOf({
      format: 'kontinuitet/study@1',
      base,
      variants: [
        { id: 'today' },
        { id: 'cut', apply: [{ op: 'remove_staff', staff: ['s1', 's99'] }, { op: 'travel_mode', mode: 'bike', team: 'T7' }] },
        { id: 'today' },
        { id: 'sweep-notContact-60' },
      ],
      sweep: { weight: 'notContact', values: [60, 60] },
    });
    expect(problems).toEqual([
      'variants[1].apply[0].staff[1]: "s99" is not a staff member of the base',
      'variants[1].apply[1].team: "T7" is not a team of the base (teams: "T1")',
      'variants[2].id: duplicate id "today": already used at variants[0]',
      'variants[3].id: "sweep-notContact-60" is the name of a sweep plan\'s files; choose another id',
      'warning sweep.values[1]: 60 is listed twice, so it is planned twice',
    ]);
  });

  it('holds a period study to a time limit per day, and takes rostered staff in add_staff', () => {
    const p = period({ days: 2, staff: [periodStaff('s1', { roster: everyDay(DATE, 2, '07:00', '16:00') })], recipients: [recipient('r1', { contact: 's1' })], visitPlans: [plan('p1', 'r1')] });
    const added = periodStaff('n1', { roster: everyDay(DATE, 2, '12:00', '20:00') });
    expect(problemsOf({ format: 'kontinuitet/study@1', base: p, variants: [{ id: 'a', apply: [{ op: 'add_staff', staff: [added] }] }], options: { timeLimitSeconds: 7200 } })).toEqual([
      'options.timeLimitSeconds: 7200 is more than 3600: for a period base it is the time per day',
    ]);
  });

  it('names a base that is no base, and one that could not be read', async () => {
    expect(problemsOf({ format: 'kontinuitet/study@1', base: { format: 'kontinuitet/kpi@1' }, variants: [{ id: 'a' }] })).toEqual([
      'base.format: "kontinuitet/kpi@1" cannot be a study\'s base: it is a kontinuitet/day@1 or kontinuitet/period@1',
    ]);
    expect(problemsOf({ format: 'kontinuitet/study@1', base: 'day.json', variants: [{ id: 'a' }] })[0]).toMatch(/^base: "day.json" names a file/);

    const dir = mkdtempSync(join(tmpdir(), 'kt-study-'));
    writeFileSync(join(dir, 'broken.json'), '{"format": "kontinuitet/day@1", ');
    writeFileSync(join(dir, 'day.json'), JSON.stringify({ ...base, staff: [nurse('s1', { team: 'T9' })] }));
    for (const [name, expected] of [
      ['missing.json', `base (missing.json): ${join(dir, 'missing.json')}: no such file`],
      ['broken.json', `base (broken.json): ${join(dir, 'broken.json')}:1:33: is not valid JSON`],
      ['day.json', 'base (day.json).staff[0].team: "T9" names no team (teams: "T1")'],
    ]) {
      writeFileSync(join(dir, 'study.json'), JSON.stringify({ format: 'kontinuitet/study@1', base: name, variants: [{ id: 'a' }] }));
      const document = await readStudyFile(join(dir, 'study.json'));
      expect(problemsOf(document.data, document)[0]).toContain(expected);
    }
  });
});
