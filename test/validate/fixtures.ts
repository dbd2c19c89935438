/**
 * Small valid problems to break one field at a time. Each call returns a fresh plain-JSON
 * copy, typed loosely on purpose: the tests write values the schemas would refuse.
 */
export type Json = any;

/** A Monday in Stockholm, one team on Södermalm, three staff, three recipients, four visits. */
export function validDay(): Json {
  return {
    format: 'kontinuitet/day@1',
    date: '2026-11-23',
    timezone: 'Europe/Stockholm',
    teams: [
      {
        id: 'T1',
        name: 'Södermalm',
        office: { lat: 59.3163, lon: 18.0734 },
        area: {
          type: 'Polygon',
          coordinates: [
            [
              [18.0, 59.3],
              [18.12, 59.3],
              [18.12, 59.33],
              [18.0, 59.33],
              [18.0, 59.3],
            ],
          ],
        },
      },
    ],
    staff: [
      {
        id: 's1',
        team: 'T1',
        role: 'assistant_nurse',
        titleProof: 'certificate',
        skills: ['insulin'],
        gender: 'female',
        shift: { start: '07:00', end: '16:00' },
        breaks: [{ earliest: '11:00', latest: '13:00', minutes: 30 }],
      },
      { id: 's2', team: 'T1', role: 'care_aide', gender: 'male', shift: { start: '07:00', end: '16:00' } },
      {
        id: 's3',
        team: 'T1',
        role: 'assistant_nurse',
        titleProof: 'transitional',
        gender: 'female',
        shift: { start: '12:00', end: '21:00' },
        start: { lat: 59.312, lon: 18.06 },
      },
    ],
    recipients: [
      {
        id: 'r1',
        team: 'T1',
        location: { lat: 59.315, lon: 18.07 },
        contact: 's1',
        deputies: ['s3'],
        recentStaff: [{ staff: 's2', lastSeen: '2026-11-20', visits: 2 }],
      },
      { id: 'r2', team: 'T1', location: { lat: 59.318, lon: 18.08 }, contact: 's3', tags: ['dog'] },
      { id: 'r3', location: { lat: 59.32, lon: 18.09 }, contact: null, contactWaived: true },
    ],
    visits: [
      { id: 'v1', recipient: 'r1', window: { start: '08:00', end: '09:00' }, durationMinutes: 30, requires: ['insulin'] },
      { id: 'v2', recipient: 'r2', window: { start: '12:00', end: '13:00' }, durationMinutes: 45, staffCount: 2, preferredStart: '12:30' },
      {
        id: 'v3',
        recipient: 'r1',
        window: { start: '11:00', end: '14:00' },
        durationMinutes: 20,
        dependsOn: [{ visit: 'v1', minGapMinutes: 120, maxGapMinutes: 300 }],
      },
      { id: 'v4', recipient: 'r3', type: 'service', window: { start: '13:00', end: '13:00' }, durationMinutes: 60, dueStart: '13:00' },
    ],
    travel: {
      matrix: {
        ids: ['T1', 'r1', 'r2'],
        minutes: { walk: [[0, 5, 7], [5, 0, 4], [7, 4, 0]] },
      },
    },
  };
}

/** A week from Monday 2026-11-23 with the same people, rosters, plans and one one-off visit. */
export function validPeriod(): Json {
  const day = validDay();
  const roster = (dates: string[], start: string, end: string) => dates.map((date) => ({ date, shift: { start, end } }));
  const week = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
  return {
    format: 'kontinuitet/period@1',
    startDate: '2026-11-23',
    days: 7,
    timezone: 'Europe/Stockholm',
    teams: day.teams,
    staff: [
      { ...strip(day.staff[0]), roster: roster(week, '07:00', '16:00') },
      { ...strip(day.staff[1]), roster: roster(week, '07:00', '16:00') },
      { ...strip(day.staff[2]), roster: roster(['2026-11-28', '2026-11-29'], '12:00', '21:00') },
    ],
    recipients: day.recipients,
    visitPlans: [
      { id: 'p1', recipient: 'r1', days: 'daily', window: { start: '08:00', end: '09:00' }, durationMinutes: 30 },
      { id: 'p2', recipient: 'r2', days: ['mon', 'wed', 'fri'], window: { start: '12:00', end: '13:00' }, durationMinutes: 45 },
      {
        id: 'p3',
        recipient: 'r1',
        days: { weekdays: ['tue'], everyWeeks: 2 },
        window: { start: '11:00', end: '14:00' },
        durationMinutes: 20,
        dependsOn: [{ visit: 'p1', minGapMinutes: 120 }],
      },
    ],
    visits: [{ id: 'x1', recipient: 'r3', type: 'service', date: '2026-11-26', window: { start: '10:00', end: '12:00' }, durationMinutes: 60 }],
  };
}

function strip(person: Json): Json {
  const { shift: _shift, breaks: _breaks, ...rest } = person;
  return rest;
}

/** Every path into a JSON value, the root excluded, for replacing one field at random. */
export function fieldPaths(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = [...path, Array.isArray(value) ? Number(key) : key];
    return [childPath, ...fieldPaths(child, childPath)];
  });
}

export function replaceAt(root: Json, path: ReadonlyArray<string | number>, replacement: unknown): Json {
  let parent = root;
  for (const key of path.slice(0, -1)) parent = parent[key];
  parent[path[path.length - 1]] = replacement;
  return root;
}
