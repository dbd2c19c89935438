import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError, type InputProblem } from '../../src/model/errors.ts';
import { loadDayProblem, validateDayProblem } from '../../src/validate/index.ts';
import { fieldPaths, replaceAt, validDay, type Json } from './fixtures.ts';

function problemsOf(data: unknown): InputProblem[] {
  const result = validateDayProblem(data);
  return result.ok ? result.warnings : result.problems;
}

function withChange(change: (d: Json) => void): Json {
  const d = validDay();
  change(d);
  return d;
}

interface Case {
  name: string;
  change: (d: Json) => void;
  path: string;
  fragment: string;
}

const errorCases: Case[] = [
  // shape
  { name: 'hour 25', change: (d) => (d.visits[1].window.start = '25:00'), path: 'visits[1].window.start', fragment: '"25:00" is not a time' },
  { name: '"24:00" (FORMAT §6.12)', change: (d) => (d.staff[0].shift.end = '24:00'), path: 'staff[0].shift.end', fragment: '"24:00" is not a time' },
  { name: '"+2" day offset (FORMAT §6.12)', change: (d) => (d.staff[2].shift.end = '02:00+2'), path: 'staff[2].shift.end', fragment: 'is not a time' },
  { name: 'zero duration', change: (d) => (d.visits[0].durationMinutes = 0), path: 'visits[0].durationMinutes', fragment: '0 should be more than 0' },
  { name: 'staffCount 3', change: (d) => (d.visits[3].staffCount = 3), path: 'visits[3].staffCount', fragment: '3 is not one of 1, 2' },
  { name: 'missing recipient', change: (d) => delete d.visits[0].recipient, path: 'visits[0].recipient', fragment: 'is required' },
  { name: 'unknown role', change: (d) => (d.staff[0].role = 'doctor'), path: 'staff[0].role', fragment: '"doctor" is not one of' },
  { name: 'unknown area type', change: (d) => (d.teams[0].area.type = 'Circle'), path: 'teams[0].area.type', fragment: '"Circle" is not one of "Polygon", "MultiPolygon"' },
  { name: 'impossible date', change: (d) => (d.date = '2026-02-30'), path: 'date', fragment: 'is not a real calendar date' },
  { name: 'empty id', change: (d) => (d.staff[1].id = ''), path: 'staff[1].id', fragment: 'non-empty id' },
  { name: 'a weight that would overflow the objective', change: (d) => (d.objective = { notContact: 1e308 }), path: 'objective.notContact', fragment: '1e+308 should be at most 1000000000' },
  // duplicate ids
  { name: 'duplicate team', change: (d) => d.teams.push({ ...d.teams[0] }), path: 'teams[1].id', fragment: 'duplicate id "T1": already used at teams[0]' },
  { name: 'duplicate staff', change: (d) => (d.staff[2].id = 's1'), path: 'staff[2].id', fragment: 'duplicate id "s1": already used at staff[0]' },
  { name: 'duplicate recipient', change: (d) => (d.recipients[2].id = 'r2'), path: 'recipients[2].id', fragment: 'already used at recipients[1]' },
  { name: 'duplicate visit', change: (d) => (d.visits[3].id = 'v2'), path: 'visits[3].id', fragment: 'duplicate id "v2": already used at visits[1]' },
  // references
  { name: 'staff in unknown team', change: (d) => (d.staff[1].team = 'T9'), path: 'staff[1].team', fragment: '"T9" names no team (teams: "T1")' },
  { name: 'recipient in unknown team', change: (d) => (d.recipients[0].team = 'T2'), path: 'recipients[0].team', fragment: '"T2" names no team' },
  { name: 'visit for unknown recipient', change: (d) => (d.visits[0].recipient = 'r9'), path: 'visits[0].recipient', fragment: '"r9" names no recipient' },
  { name: 'dependency on unknown visit', change: (d) => (d.visits[2].dependsOn[0].visit = 'v9'), path: 'visits[2].dependsOn[0].visit', fragment: '"v9" names no visit' },
  // dependencies
  { name: 'dependency on itself', change: (d) => (d.visits[2].dependsOn[0].visit = 'v3'), path: 'visits[2].dependsOn[0].visit', fragment: 'cannot depend on itself' },
  {
    name: 'two-visit cycle',
    change: (d) => (d.visits[0].dependsOn = [{ visit: 'v3' }]),
    path: 'visits[0].dependsOn[0].visit',
    fragment: 'dependency cycle: "v1" → "v3" → "v1"',
  },
  {
    name: 'three-visit cycle',
    change: (d) => {
      d.visits[0].dependsOn = [{ visit: 'v2' }];
      d.visits[1].dependsOn = [{ visit: 'v3' }];
    },
    path: 'visits[0].dependsOn[0].visit',
    fragment: '"v1" → "v2" → "v3" → "v1"',
  },
  {
    name: 'min gap above max gap',
    change: (d) => Object.assign(d.visits[2].dependsOn[0], { minGapMinutes: 300, maxGapMinutes: 60 }),
    path: 'visits[2].dependsOn[0]',
    fragment: 'minGapMinutes 300 is greater than maxGapMinutes 60',
  },
  {
    name: 'negative max gap (FORMAT §6.9: the gap is start(this) − start(other))',
    change: (d) => (d.visits[2].dependsOn[0] = { visit: 'v1', maxGapMinutes: -10 }),
    path: 'visits[2].dependsOn[0].maxGapMinutes',
    fragment: '-10 may not be negative: the gap is start(this) − start(other)',
  },
  {
    name: 'negative min gap',
    change: (d) => (d.visits[2].dependsOn[0] = { visit: 'v1', minGapMinutes: -30, maxGapMinutes: 60 }),
    path: 'visits[2].dependsOn[0].minGapMinutes',
    fragment: '-30 may not be negative',
  },

  // time zone and times
  { name: 'unknown time zone', change: (d) => (d.timezone = 'Europe/Gothenburg'), path: 'timezone', fragment: '"Europe/Gothenburg" is not an IANA time zone' },
  {
    name: 'ISO time on an impossible date',
    change: (d) => (d.visits[0].window.start = '2026-02-30T08:00'),
    path: 'visits[0].window.start',
    fragment: 'is not a real calendar date',
  },
  { name: 'window ends before it starts', change: (d) => (d.visits[0].window.end = '07:30'), path: 'visits[0].window.end', fragment: '"07:30" is before the window start "08:00"' },
  { name: 'shift ends before it starts', change: (d) => (d.staff[2].shift.end = '02:00'), path: 'staff[2].shift.end', fragment: 'is before the shift start "12:00" (work past midnight is written "HH:MM+1")' },
  {
    name: 'break interval reversed',
    change: (d) => (d.staff[0].breaks[0].latest = '10:00'),
    path: 'staff[0].breaks[0].latest',
    fragment: '"10:00" is before earliest "11:00"',
  },
  {
    name: 'break longer than its interval',
    change: (d) => (d.staff[0].breaks[0].minutes = 150),
    path: 'staff[0].breaks[0].minutes',
    fragment: 'a 150-minute break does not fit between earliest "11:00" and latest "13:00" (120 minutes)',
  },
  {
    name: 'break that cannot lie inside the shift',
    change: (d) => Object.assign(d.staff[0].breaks[0], { earliest: '15:45', latest: '18:00' }),
    path: 'staff[0].breaks[0]',
    fragment: 'cannot lie inside both its interval 15:45–18:00 and the shift 07:00–16:00',
  },
  {
    name: 'locked start outside the window',
    change: (d) => (d.visits[0].lockedStart = '09:15'),
    path: 'visits[0].lockedStart',
    fragment: '"09:15" is outside the window 08:00–09:00',
  },
  {
    name: 'spring DST gap',
    change: (d) => {
      d.date = '2026-03-29';
      d.recipients[0].recentStaff = [];
      d.visits[0].window.start = '02:30';
    },
    path: 'visits[0].window.start',
    fragment: '2026-03-29 02:30 does not exist in Europe/Stockholm',
  },
  // travel matrix
  { name: 'matrix id twice', change: (d) => (d.travel.matrix.ids[2] = 'T1'), path: 'travel.matrix.ids[2]', fragment: 'duplicate id "T1": already at travel.matrix.ids[0]' },
  { name: 'matrix with a missing row', change: (d) => d.travel.matrix.minutes.walk.pop(), path: 'travel.matrix.minutes.walk', fragment: 'has 2 rows but ids has 3' },
  { name: 'matrix with a short row', change: (d) => d.travel.matrix.minutes.walk[1].pop(), path: 'travel.matrix.minutes.walk[1]', fragment: 'has 2 entries but ids has 3' },
  { name: 'negative matrix entry', change: (d) => (d.travel.matrix.minutes.walk[1][2] = -4), path: 'travel.matrix.minutes.walk[1][2]', fragment: '-4 should be at least 0' },
];

const warningCases: Case[] = [
  { name: 'unknown field with a likely typo', change: (d) => (d.visits[0].lockedstart = '08:00'), path: 'visits[0].lockedstart', fragment: 'unknown field "lockedstart" is ignored (did you mean "lockedStart"?)' },
  { name: 'field named like an Object method', change: (d) => (d.visits[0].valueOf = false), path: 'visits[0].valueOf', fragment: 'unknown field "valueOf" is ignored' },
  { name: 'preferred start outside the window', change: (d) => (d.visits[1].preferredStart = '14:00'), path: 'visits[1].preferredStart', fragment: 'outside the window 12:00–13:00' },
  { name: 'due before the window', change: (d) => (d.visits[0].dueStart = '07:30'), path: 'visits[0].dueStart', fragment: 'every start counts as late' },
  { name: 'ISO time two days away', change: (d) => (d.visits[0].window = { start: '2026-11-25T08:00', end: '2026-11-25T09:00' }), path: 'visits[0].window.start', fragment: 'falls on 2026-11-25, not on the plan date 2026-11-23' },
  { name: 'nobody has the skill', change: (d) => (d.visits[0].requires = ['wound_care']), path: 'visits[0]', fragment: 's1 lacks the skill "wound_care"' },
  {
    name: 'locked to someone not working today',
    change: (d) => (d.visits[0].lockedStaff = ['s9']),
    path: 'visits[0]',
    fragment: 'it is locked to "s9", who is not on today\'s staff list',
  },
  {
    name: 'double staffing with one eligible person',
    change: (d) => (d.visits[1].requires = ['insulin']),
    path: 'visits[1].staffCount',
    fragment: '2 staff are needed but only "s1" on today\'s staff list is eligible',
  },
  {
    name: 'double staffing where the gender rule leaves one',
    change: (d) => (d.recipients[1].requiredGender = 'male'),
    path: 'visits[1].staffCount',
    fragment: 'only "s2"',
  },
  { name: 'swapped recipient coordinates', change: (d) => (d.recipients[0].location = { lat: 18.07, lon: 59.315 }), path: 'recipients[0].location', fragment: 'look swapped' },
  { name: 'swapped staff start', change: (d) => (d.staff[2].start = { lat: 18.06, lon: 59.312 }), path: 'staff[2].start', fragment: 'lat 18.06 and lon 59.312 look swapped' },
  {
    name: 'recipient in Gothenburg',
    change: (d) => (d.recipients[1].location = { lat: 57.7089, lon: 11.9746 }),
    path: 'recipients[1].location',
    fragment: 'km from the nearest team office (T1) and outside every team area',
  },
  { name: 'matrix id naming nothing', change: (d) => (d.travel.matrix.ids[2] = 'r9'), path: 'travel.matrix.ids[2]', fragment: '"r9" names no team, recipient or staff member' },
  { name: 'contact also excluded', change: (d) => (d.recipients[0].excludedStaff = ['s1']), path: 'recipients[0].contact', fragment: 'also in excludedStaff' },
  {
    name: 'recent visit dated today',
    change: (d) => (d.recipients[0].recentStaff[0].lastSeen = '2026-11-23'),
    path: 'recipients[0].recentStaff[0].lastSeen',
    fragment: 'not before the first plan date 2026-11-23',
  },
  { name: 'contact who is a care aide', change: (d) => (d.recipients[1].contact = 's2'), path: 'recipients[1].contact', fragment: 's2, is a care aide, not an assistant nurse' },
  { name: 'no contact, not waived', change: (d) => (d.recipients[2].contactWaived = false), path: 'recipients[2].contact', fragment: 'recipient r3 has no contact' },
];

describe('validateDayProblem', () => {
  it('accepts the fixture without a single problem', () => {
    expect(validateDayProblem(validDay())).toEqual({ ok: true, value: expect.objectContaining({ date: '2026-11-23' }), warnings: [] });
  });

  it.each(errorCases)('error: $name → $path', ({ change, path, fragment }) => {
    const result = validateDayProblem(withChange(change));
    expect(result.ok).toBe(false);
    const problems = problemsOf(withChange(change));
    const hit = problems.find((p) => p.path === path && p.severity === 'error');
    expect(hit, JSON.stringify(problems, null, 1)).toBeDefined();
    expect(hit?.message).toContain(fragment);
  });

  it.each(warningCases)('warning: $name → $path', ({ change, path, fragment }) => {
    const result = validateDayProblem(withChange(change));
    expect(result.ok).toBe(true);
    const problems = problemsOf(withChange(change));
    const hit = problems.find((p) => p.path === path);
    expect(hit, JSON.stringify(problems, null, 1)).toBeDefined();
    expect(hit?.severity).toBe('warning');
    expect(hit?.message).toContain(fragment);
  });

  it('has at least 30 distinct bad inputs in its tables', () => {
    const all = [...errorCases, ...warningCases];
    expect(new Set(all.map((c) => c.name)).size).toBe(all.length);
    expect(errorCases.length).toBeGreaterThanOrEqual(30);
  });

  it('reports every problem at once, errors before warnings', () => {
    const d = withChange((x) => {
      x.staff[1].team = 'T9';
      x.visits[3].id = 'v1';
      x.visits[0].window.end = '07:00';
      x.staff[0].breaks[0].minutes = 500;
      x.travel.matrix.minutes.walk.pop();
      x.visits[2].dependsOn[0].visit = 'v3';
      x.timezone = 'Europe/Stockholm';
      x.recipients[0].location = { lat: 18.07, lon: 59.315 };
    });
    const result = validateDayProblem(d);
    expect(result.ok).toBe(false);
    const problems = problemsOf(d);
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        'recipients[0].location',
        'staff[0].breaks[0].minutes',
        'staff[1].team',
        'travel.matrix.minutes.walk',
        'visits[0].window.end',
        'visits[2].dependsOn[0].visit',
        'visits[3].id',
      ].sort(),
    );
    const firstWarning = problems.findIndex((p) => p.severity === 'warning');
    expect(firstWarning).toBe(problems.length - 1);
  });

  it('reports every shape problem at once, with unknown fields as warnings', () => {
    const d = withChange((x) => {
      x.visits[0].durationMinutes = -5;
      x.staff[1].shift.start = '7:00';
      x.recipients[0].contactwaived = true;
    });
    const problems = problemsOf(d);
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.path)).toEqual(['staff[1].shift.start', 'visits[0].durationMinutes']);
    expect(problems.find((p) => p.severity === 'warning')?.path).toBe('recipients[0].contactwaived');
  });

  it('runs no semantic rule while the shape is broken', () => {
    const d = withChange((x) => {
      x.visits[0].durationMinutes = 'thirty';
      x.staff[1].team = 'T9';
    });
    expect(problemsOf(d).map((p) => p.path)).toEqual(['visits[0].durationMinutes']);
  });

  it('accepts what FORMAT allows', () => {
    const d = withChange((x) => {
      // contact, deputies, excluded, recent and locked staff may name people off today (§6.15)
      x.recipients[0].contact = 's7';
      x.recipients[0].deputies = ['s8'];
      x.recipients[0].excludedStaff = ['s9'];
      x.recipients[0].recentStaff = [{ staff: 's10', lastSeen: '2026-11-12', visits: 3 }];
      x.visits[1].lockedStaff = ['s1', 's2', 's11'];
      // a fixed start, a visit longer than any shift, night work past midnight
      x.visits[0].window.end = '08:00';
      x.visits[3].durationMinutes = 900;
      x.staff[2].shift.end = '01:00+1';
      x.visits[2].window = { start: '2026-11-23T11:00:00.000+01:00', end: '2026-11-23T13:00Z' };
    });
    const result = validateDayProblem(d);
    expect(result.ok).toBe(true);
    expect(problemsOf(d)).toEqual([]);
  });

  it('does not judge a contact who is not on the staff list (§6.13)', () => {
    const problems = problemsOf(withChange((x) => (x.recipients[1].contact = 's99')));
    expect(problems).toEqual([]);
  });

  it('does not flag homes far from the office but inside a team area', () => {
    const d = withChange((x) => {
      x.teams[0].office = { lat: 59.8586, lon: 17.6389 };
    });
    expect(problemsOf(d).filter((p) => p.code === 'far_from_teams')).toEqual([]);
  });

  it('warns once about a swapped office, not about every home', () => {
    const d = withChange((x) => {
      delete x.teams[0].area;
      x.teams[0].office = { lat: 18.0734, lon: 59.3163 };
    });
    const problems = problemsOf(d);
    expect(problems.map((p) => [p.path, p.code])).toEqual([['teams[0].office', 'swapped_coordinates']]);
  });

  it('blames the home, not the office, when one office and one home disagree', () => {
    const d = withChange((x) => {
      delete x.teams[0].area;
      x.recipients = [x.recipients[2]];
      x.recipients[0].location = { lat: 18.09, lon: 59.32 };
      x.visits = [x.visits[3]];
      x.travel.matrix.ids = ['T1'];
      x.travel.matrix.minutes.walk = [[0]];
    });
    expect(problemsOf(d).map((p) => [p.path, p.code])).toEqual([['recipients[0].location', 'swapped_coordinates']]);
  });

  it('names every staff member who is not eligible, up to three', () => {
    const d = withChange((x) => {
      x.visits[0].requires = [];
      x.visits[0].type = 'health';
      x.visits[0].roles = ['nurse'];
    });
    const warning = problemsOf(d).find((p) => p.code === 'no_eligible_staff');
    expect(warning?.message).toBe(
      'no staff member on today\'s staff list is eligible (s1 has role assistant_nurse, not allowed for this visit; s2 has role care_aide, not allowed for this visit; s3 has role assistant_nurse, not allowed for this visit), so the visit will be unassigned',
    );
  });

  it('finds a cycle hidden behind a chain and reports it once', () => {
    const d = withChange((x) => {
      x.visits[0].dependsOn = [{ visit: 'v2' }];
      x.visits[1].dependsOn = [{ visit: 'v4' }];
      x.visits[3].dependsOn = [{ visit: 'v2' }];
    });
    const cycles = problemsOf(d).filter((p) => p.code === 'dependency_cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0].path).toBe('visits[1].dependsOn[0].visit');
    expect(cycles[0].message).toContain('"v2" → "v4" → "v2"');
  });

  it('loadDayProblem throws an InputError carrying every problem', () => {
    const d = withChange((x) => {
      x.visits[0].recipient = 'r9';
      x.visits[1].recipient = 'r8';
    });
    expect(() => loadDayProblem(d)).toThrow(InputError);
    try {
      loadDayProblem(d);
    } catch (err) {
      expect((err as InputError).problems.map((p) => p.path)).toEqual(['visits[0].recipient', 'visits[1].recipient']);
      expect((err as InputError).message).toContain('visits[1].recipient: "r8" names no recipient');
    }
    const loaded = loadDayProblem(withChange((x) => (x.recipients[2].contactWaived = false)));
    expect(loaded.problem.visits).toHaveLength(4);
    expect(loaded.warnings.map((w) => w.code)).toEqual(['no_contact']);
  });

  it('never throws, whatever value replaces a field', () => {
    const paths = fieldPaths(validDay());
    fc.assert(
      fc.property(fc.nat({ max: paths.length - 1 }), fc.jsonValue(), (k, replacement) => {
        const problems = problemsOf(replaceAt(validDay(), paths[k], replacement));
        for (const p of problems) {
          expect(typeof p.path).toBe('string');
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
