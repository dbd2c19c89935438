/**
 * Each op of FORMAT §8 on a small day and on a period: the variant's problem is the base with
 * exactly the change the op names, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { DATE, OFFICE, day, everyDay, near, nurse, period, periodStaff, plan, recipient, visit } from '../builders.ts';
import { loadDayProblem, loadPeriodProblem } from '../../src/validate/index.ts';
import { ProblemList } from '../../src/validate/problems.ts';
import { applySuggestion, suggestContacts } from '../../src/contacts/index.ts';
import { generateDay, generatePeriod } from '../../src/generate/index.ts';
import { buildVariant, dayAsPeriod, mergePatch, suggestContactsOp, type OpHooks, type StudyBase, type StudyOp } from '../../src/study/index.ts';
import type { DayProblem, PeriodProblem } from '../../src/model/types.ts';

const T2 = { id: 'T2', office: near(8, 0) };

function dayBase(): StudyBase {
  const problem = day({
    teams: [{ id: 'T1', office: OFFICE }, T2],
    staff: [nurse('s1'), nurse('s2', { role: 'care_aide', titleProof: null }), nurse('s3'), nurse('s4', { team: 'T2' })],
    recipients: [recipient('r1', { contact: 's1' }), recipient('r2', { contact: 's3' }), recipient('r3', { team: 'T2', contact: 's4' })],
    visits: [
      visit('v1', 'r1', '08:00', '09:00', 30),
      visit('v2', 'r2', '10:00', '11:00', 45, { type: 'service' }),
      visit('v3', 'r3', '12:00', '13:00', 30, { type: 'meal' }),
    ],
  });
  return { kind: 'day', problem: loadDayProblem(problem).problem };
}

function periodBase(): StudyBase {
  const problem = period({
    days: 3,
    teams: [{ id: 'T1', office: OFFICE }, T2],
    staff: [
      periodStaff('s1', { roster: everyDay(DATE, 3, '07:00', '16:00') }),
      periodStaff('s2', { role: 'care_aide', titleProof: null, roster: everyDay(DATE, 2, '07:00', '16:00') }),
      periodStaff('s3', { team: 'T2', roster: everyDay(DATE, 3, '07:00', '16:00') }),
    ],
    recipients: [recipient('r1', { contact: 's1' }), recipient('r2', { team: 'T2', contact: 's3' })],
    visitPlans: [plan('p1', 'r1'), plan('p2', 'r2', { type: 'service' })],
    visits: [{ ...visit('o1', 'r1', '13:00', '14:00', 20, { type: 'service' }), date: DATE }],
  });
  return { kind: 'period', problem: loadPeriodProblem(problem).problem };
}

const CHECK: OpHooks = { plannedMinutes: null, suggest: suggestContactsOp };

function build(base: StudyBase, apply: StudyOp[], hooks: OpHooks = CHECK) {
  const problems = new ProblemList();
  const built = buildVariant(base, { id: 'v', apply }, ['variants', 0], base.problem.options, hooks, problems, []);
  return { built, problems: problems.all().map((p) => `${p.path}: ${p.message}`) };
}

/** The variant's problem, which must build without problems. */
function variant(base: StudyBase, apply: StudyOp[], hooks?: OpHooks) {
  const { built, problems } = build(base, apply, hooks);
  expect(problems).toEqual([]);
  return built!;
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

describe('ops on a day', () => {
  const base = dayBase();
  const problem = base.problem as DayProblem;

  it('remove_staff by id takes exactly those staff off the list', () => {
    const built = variant(base, [{ op: 'remove_staff', staff: ['s2', 's4'] }]);
    expect(built.problem).toEqual({ ...copy(problem), staff: problem.staff.filter((s) => s.id === 's1' || s.id === 's3') });
    expect(built.applied).toBe('2 staff removed: s2, s4');
  });

  it('remove_staff by count takes the fewest planned service minutes, ties by id, within role and team', () => {
    const plannedMinutes = new Map([['s1', 90], ['s2', 0], ['s3', 30], ['s4', 30]]);
    const hooks = { ...CHECK, plannedMinutes };
    expect(variant(base, [{ op: 'remove_staff', count: 2 }], hooks).problem.staff.map((s) => s.id)).toEqual(['s1', 's4']);
    // s3 and s4 tie at 30 minutes: s3 goes first by id.
    expect(variant(base, [{ op: 'remove_staff', count: 1, role: 'assistant_nurse' }], hooks).problem.staff.map((s) => s.id)).toEqual(['s1', 's2', 's4']);
    const inT2 = variant(base, [{ op: 'remove_staff', count: 1, team: 'T2' }], hooks);
    expect(inT2.problem.staff.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(inT2.applied).toBe('1 staff removed, the fewest planned service minutes in the base plan in team "T2": s4 (30 min)');
  });

  it('add_staff appends the staff as given', () => {
    const added = nurse('n1', { team: 'T2', shift: { start: '14:00', end: '22:00' }, skills: ['insulin'] });
    const built = variant(base, [{ op: 'add_staff', staff: [added] }]);
    expect(built.problem).toEqual({ ...copy(problem), staff: [...problem.staff, added] });
    expect(built.applied).toBe('1 staff added: n1 (assistant_nurse, team T2)');
  });

  it('service_assistants adds <variant>-saN on the shift and leaves the listed visit types to them', () => {
    const shift = { start: '08:00', end: '16:30' };
    const breaks = [{ earliest: '11:00', latest: '13:00', minutes: 30 }];
    const built = variant(base, [{ op: 'service_assistants', team: 'T1', count: 2, shift, breaks, visitTypes: ['service', 'meal'] }]);
    const expected = copy(problem);
    expected.staff.push({ id: 'v-sa1', team: 'T1', role: 'service_assistant', shift, breaks }, { id: 'v-sa2', team: 'T1', role: 'service_assistant', shift, breaks });
    expected.visits[1].roles = ['service_assistant'];
    expected.visits[2].roles = ['service_assistant'];
    expect(built.problem).toEqual(expected);
    expect(built.applied).toContain('2 visits of type service or meal now for service assistants only');
  });

  it('travel_mode sets a team, listed staff, or everyone', () => {
    const team = variant(base, [{ op: 'travel_mode', mode: 'bike', team: 'T1' }]).problem;
    const expected = copy(problem);
    expected.teams[0].travelMode = 'bike';
    for (const s of expected.staff) if (s.team === 'T1') s.travelMode = 'bike';
    expect(team).toEqual(expected);

    const listed = copy(problem);
    listed.staff[3].travelMode = 'car';
    expect(variant(base, [{ op: 'travel_mode', mode: 'car', staff: ['s4'] }]).problem).toEqual(listed);

    const everyone = variant(base, [{ op: 'travel_mode', mode: 'transit' }]).problem;
    expect(everyone.teams.map((t) => t.travelMode)).toEqual(['transit', 'transit']);
    expect(everyone.staff.every((s) => s.travelMode === 'transit')).toBe(true);
  });

  it('objective merges weights, given in "weights" or on the op', () => {
    const withBase = { ...base, problem: { ...problem, objective: { travelMinute: 2 } } } as StudyBase;
    expect(variant(withBase, [{ op: 'objective', weights: { notContact: 120 } }]).problem.objective).toEqual({ travelMinute: 2, notContact: 120 });
    expect(variant(withBase, [{ op: 'objective', newStaff: 0 }]).problem).toEqual({ ...copy(problem), objective: { travelMinute: 2, newStaff: 0 } });
  });

  it('reassign_team moves the recipients and nothing else', () => {
    const expected = copy(problem);
    expected.recipients[0].team = 'T2';
    const built = variant(base, [{ op: 'reassign_team', recipients: ['r1'], team: 'T2' }]);
    expect(built.problem).toEqual(expected);
    expect(built.applied).toBe('1 recipient moved to team T2: r1');
  });

  it('patch is an RFC 7396 merge patch: objects merge, null removes, arrays replace', () => {
    const built = variant(base, [{ op: 'patch', patch: { timezone: null, travel: { detourFactor: 1.5 }, visits: [problem.visits[0]] } }]);
    const { timezone: _zone, ...expected } = { ...copy(problem), travel: { detourFactor: 1.5 }, visits: [problem.visits[0]] };
    expect(built.problem).toEqual(expected);
    expect(mergePatch({ a: { b: 1, c: 2 } }, { a: { c: null, d: [3] } })).toEqual({ a: { b: 1, d: [3] } });
    expect(Object.getPrototypeOf(mergePatch({}, JSON.parse('{"__proto__": {"polluted": 1}}')))).toBe(Object.prototype);
  });

  it('suggest_contacts sets contacts and deputies as contacts suggest --apply does on the one-day period', () => {
    const { problem: generated } = generateDay({ seed: 5, teams: 1, staffPerTeam: 8, recipientsPerTeam: 20 });
    const genBase: StudyBase = { kind: 'day', problem: loadDayProblem(generated).problem };
    const asPeriod = dayAsPeriod(genBase.problem as DayProblem);
    const expected = applySuggestion(asPeriod, suggestContacts(asPeriod)).recipients;
    const built = variant(genBase, [{ op: 'suggest_contacts' }]);
    expect(built.problem.recipients).toEqual(expected);
    expect(built.problem).toEqual({ ...genBase.problem, recipients: expected });
    // The suggestion changes something, so the comparison is not of two unchanged lists.
    expect(expected.some((r, i) => r.contact !== genBase.problem.recipients[i].contact || `${r.deputies}` !== `${genBase.problem.recipients[i].deputies}`)).toBe(true);
  });

  it('applies ops in order, each on what the one before left', () => {
    const built = variant(base, [
      { op: 'remove_staff', staff: ['s1'] },
      { op: 'add_staff', staff: [nurse('s1', { shift: { start: '12:00', end: '20:00' } })] },
      { op: 'travel_mode', mode: 'bike', staff: ['s1'] },
    ]);
    expect(built.problem.staff.map((s) => [s.id, s.travelMode ?? null, 'shift' in s ? s.shift!.start : null])).toEqual([
      ['s2', null, '07:00'],
      ['s3', null, '07:00'],
      ['s4', null, '07:00'],
      ['s1', 'bike', '12:00'],
    ]);
    expect(built.applied).toBe('1 staff removed: s1; 1 staff added: s1 (assistant_nurse, team T1); travel by bike for s1');
  });
});

describe('ops on a period', () => {
  const base = periodBase();
  const problem = base.problem as PeriodProblem;

  it('remove_staff by id and by count take staff off every day', () => {
    expect(variant(base, [{ op: 'remove_staff', staff: ['s2'] }]).problem).toEqual({ ...copy(problem), staff: [problem.staff[0], problem.staff[2]] });
    const hooks = { ...CHECK, plannedMinutes: new Map([['s1', 300], ['s3', 20]]) };
    expect(variant(base, [{ op: 'remove_staff', count: 2 }], hooks).problem.staff.map((s) => s.id)).toEqual(['s1']);
  });

  it('add_staff takes staff with rosters', () => {
    const added = periodStaff('n1', { roster: everyDay(DATE, 3, '14:00', '22:00') });
    expect(variant(base, [{ op: 'add_staff', staff: [added] }]).problem).toEqual({ ...copy(problem), staff: [...problem.staff, added] });
  });

  it('service_assistants are rostered on every date, and plans and one-off visits of the types are theirs', () => {
    const shift = { start: '08:00', end: '16:30' };
    const built = variant(base, [{ op: 'service_assistants', team: 'T2', count: 1, shift, visitTypes: ['service'] }]);
    const expected = copy(problem);
    expected.staff.push({ id: 'v-sa1', team: 'T2', role: 'service_assistant', roster: everyDay(DATE, 3, '08:00', '16:30') });
    expected.visitPlans![1].roles = ['service_assistant'];
    expected.visits![0].roles = ['service_assistant'];
    expect(built.problem).toEqual(expected);
    expect(built.applied).toContain('1 visit plans and 1 one-off visits of type service now for service assistants only');
  });

  it('travel_mode, objective, reassign_team and patch change a period as they change a day', () => {
    const expected = copy(problem);
    expected.teams[1].travelMode = 'car';
    expected.staff[2].travelMode = 'car';
    expected.recipients[0].team = 'T2';
    expected.objective = { notContact: 0 };
    expected.days = 2;
    const built = variant(base, [
      { op: 'travel_mode', mode: 'car', team: 'T2' },
      { op: 'reassign_team', recipients: ['r1'], team: 'T2' },
      { op: 'objective', weights: { notContact: 0 } },
      { op: 'patch', patch: { days: 2 } },
    ]);
    expect(built.problem).toEqual(expected);
  });

  it('suggest_contacts is contacts suggest --apply on the period', () => {
    const generated = loadPeriodProblem(generatePeriod({ seed: 3, teams: 1, staffPerTeam: 6, recipientsPerTeam: 14, days: 7 })).problem;
    const expected = applySuggestion(generated, suggestContacts(generated));
    expect(variant({ kind: 'period', problem: generated }, [{ op: 'suggest_contacts' }]).problem).toEqual(expected);
  });
});

describe('an op that cannot be built', () => {
  it('is an error at its JSON path, every one at once', () => {
    const { built, problems } = build(dayBase(), [
      { op: 'remove_staff', staff: ['s1', 's99', 's1'] },
      { op: 'remove_staff', staff: ['s1'] },
      { op: 'remove_staff', count: 9, role: 'nurse' },
      { op: 'remove_staff', staff: ['s2'], count: 1 },
      { op: 'add_staff', staff: [nurse('s3'), nurse('n2', { team: 'T9' })] },
      { op: 'service_assistants', team: 'T1', count: 1, shift: { start: '08:00', end: '16:00' }, visitTypes: ['service'] },
      { op: 'service_assistants', team: 'T1', count: 1, shift: { start: '08:00', end: '16:00' }, visitTypes: ['service'] },
      { op: 'travel_mode', mode: 'bike', team: 'T1', staff: ['s3'] },
      { op: 'objective' },
      { op: 'reassign_team', recipients: ['r9'], team: 'T1' },
      { op: 'patch', patch: { format: 'kontinuitet/period@1' } },
    ]);
    expect(built).toBeNull();
    expect(problems).toEqual([
      'variants[0].apply[0].staff[1]: "s99" is not a staff member of the base',
      'variants[0].apply[0].staff[2]: "s1" is listed twice',
      'variants[0].apply[1].staff[0]: "s1" was removed by an earlier op of this variant',
      'variants[0].apply[2].count: 9 is more than the 0 staff of role "nurse" of the variant at this op',
      'variants[0].apply[3]: gives both "staff" and "count": name the staff, or give a count to remove those with the fewest planned service minutes',
      'variants[0].apply[4].staff[0].id: "s3" is already a staff member of the variant',
      'variants[0].apply[4].staff[1].team: "T9" is not a team of the base (teams: "T1", "T2")',
      'variants[0].apply[6].count: would add "v-sa1", already a staff member of the variant',
      'variants[0].apply[7]: gives both "team" and "staff": give one, or neither for everyone',
      'variants[0].apply[8]: names no weight: give "weights", such as {"notContact": 120}',
      'variants[0].apply[9].recipients[0]: "r9" is not a recipient of the base',
      'variants[0].apply[10].patch.format: may not change the format ("kontinuitet/day@1")',
    ]);
  });

  it('in a period, a service assistant shift is a clock time, and a patch that breaks the problem stops there', () => {
    const { problems } = build(periodBase(), [
      { op: 'service_assistants', team: 'T1', count: 1, shift: { start: '2026-11-23T08:00', end: '16:00' }, visitTypes: ['service'] },
      { op: 'patch', patch: { days: 40 } },
      { op: 'remove_staff', staff: ['nobody'] },
    ]);
    expect(problems).toEqual([
      'variants[0].apply[0].shift.start: "2026-11-23T08:00" must be "HH:MM" or "HH:MM+1" in a period: the shift repeats every day',
      'variants[0].apply[1].patch: makes the problem invalid at days: 40 should be at most 31',
    ]);
  });
});
