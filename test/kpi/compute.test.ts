import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { schemas } from '../../src/model/index.ts';
import type { KpiReport, VisitLogRow } from '../../src/model/index.ts';
import { InputError } from '../../src/model/errors.ts';
import { addDays, parseInstant, zoneOf } from '../../src/time/index.ts';
import { computeKpi, type KpiOptions, type KpiRecipientInfo, type PerformedRow, type PerformedVisit } from '../../src/kpi/index.ts';

const TZ = 'Europe/Stockholm';
const FROM = '2026-11-02';
const zone = zoneOf(TZ);

const at = (date: string, time: string) => parseInstant(`${date} ${time}`, zone);

function row(recipient: string, staff: string, date: string, time: string, extra: Partial<PerformedRow> = {}): PerformedRow {
  return { recipient, staff, startMs: at(date, time), ...extra };
}

/** Two visits on each of `days` days from `from`: 08:00 and 18:00 unless told otherwise. */
function daily(
  recipient: string,
  staffOf: (day: number, slot: number) => string,
  { from = FROM, days = 14, times = ['08:00', '18:00'] }: { from?: string; days?: number; times?: string[] } = {},
): PerformedRow[] {
  const rows: PerformedRow[] = [];
  for (let day = 0; day < days; day++) {
    times.forEach((time, slot) => rows.push(row(recipient, staffOf(day, slot), addDays(from, day), time)));
  }
  return rows;
}

const old = (id: string, extra: Partial<KpiRecipientInfo> = {}): KpiRecipientInfo => ({ id, birthYear: 1940, ...extra });

function kpi(rows: Parameters<typeof computeKpi>[0], recipients: KpiRecipientInfo[], opts: Partial<KpiOptions> = {}): KpiReport {
  const report = computeKpi(rows, recipients, { from: FROM, timezone: TZ, ...opts });
  const parsed = schemas.KpiReport.safeParse(report);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return report;
}

function problemPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => p.path);
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('computeKpi: one recipient, one window', () => {
  it('counts the distinct staff met over 14 days with two visits a day', () => {
    const rows = daily('r1', (day, slot) => (slot === 0 ? 'a' : day % 2 === 0 ? 'b' : 'c'));
    const report = kpi(rows, [old('r1')]);
    expect(report.format).toBe('kontinuitet/kpi@1');
    expect(report.timezone).toBe(TZ);
    expect(report.from).toBe(FROM);
    expect(report.windows).toHaveLength(1);
    const [w] = report.windows;
    expect(w.from).toBe('2026-11-02');
    expect(w.to).toBe('2026-11-15');
    expect(w.partial).toBe(false);
    expect(w.kolada).toEqual({ U21401: 3, U21402: 3, U21436: 0 });
    expect(w.overall).toEqual({
      recipients: 1,
      mean: 3,
      median: 3,
      min: 3,
      max: 3,
      over20: 0,
      shareOver20: 0,
      contactShare: null,
      excluded: 0,
      excludedByReason: {},
    });
    expect(w.byTeam).toEqual({});
    expect(w.byRecipient).toEqual({ r1: { team: null, counted: true, reason: null, distinctStaff: 3, visits: 28, contactShare: null } });
  });

  it('counts a visit at 07:00 and at 21:59 but not at 22:00 or 06:59', () => {
    const rows = [
      ...daily('r1', (_, slot) => (slot === 0 ? 'a' : 'b'), { times: ['07:00', '21:59'] }),
      ...daily('r1', (_, slot) => (slot === 0 ? 'x' : 'y'), { times: ['06:59', '22:00'] }),
      // r2's third day has its evening visit at 22:00 sharp: one counted visit that day.
      ...daily('r2', (_, slot) => (slot === 0 ? 'a' : 'b'), { times: ['07:00', '21:59'] }).filter((r) => r.startMs !== at('2026-11-04', '21:59')),
      row('r2', 'z', '2026-11-04', '22:00'),
    ];
    const w = kpi(rows, [old('r1'), old('r2')]).windows[0];
    expect(w.byRecipient.r1).toMatchObject({ counted: true, distinctStaff: 2, visits: 28 });
    expect(w.byRecipient.r2).toMatchObject({ counted: false, reason: 'too_few_visits', distinctStaff: 2, visits: 27 });
  });

  it('leaves out alarms, meal deliveries and nurse rows, which cannot make up a day either', () => {
    const base = (id: string) => daily(id, (_, slot) => (slot === 0 ? 'a' : 'b'));
    const rows = [
      ...base('r1'),
      ...daily('r1', () => 'alarm-staff', { times: ['12:00'] }).map((r) => ({ ...r, type: 'alarm' as const })),
      ...daily('r1', () => 'meal-driver', { times: ['12:30'] }).map((r) => ({ ...r, type: 'meal_delivery' as const })),
      ...daily('r1', () => 'nurse', { times: ['14:00'] }).map((r) => ({ ...r, type: 'health' as const, staffRole: 'nurse' as const })),
      // r2's evening visit on day 5 was an alarm response; r3's on day 6 a nurse's.
      ...base('r2').filter((r) => r.startMs !== at('2026-11-07', '18:00')),
      row('r2', 'b', '2026-11-07', '18:00', { type: 'alarm' }),
      ...base('r3').filter((r) => r.startMs !== at('2026-11-08', '18:00')),
      row('r3', 'n', '2026-11-08', '18:00', { staffRole: 'nurse' }),
    ];
    const w = kpi(rows, [old('r1'), old('r2'), old('r3')]).windows[0];
    expect(w.byRecipient.r1).toMatchObject({ counted: true, distinctStaff: 2, visits: 28 });
    expect(w.byRecipient.r2).toMatchObject({ counted: false, reason: 'too_few_visits', distinctStaff: 2, visits: 27 });
    expect(w.byRecipient.r3).toMatchObject({ counted: false, reason: 'too_few_visits', distinctStaff: 2, visits: 27 });
    expect(w.overall.excludedByReason).toEqual({ too_few_visits: 2 });
  });

  it('keeps a visit a nurse joined, with the other staff only', () => {
    const rows = [
      ...daily('r1', () => 'a', { times: ['08:00'] }),
      ...daily('r1', () => 'b', { times: ['18:00'] }).map((r) => ({ ...r, staffRole: 'care_aide' as const })),
      ...daily('r1', () => 'n', { times: ['18:00'] }).map((r) => ({ ...r, staffRole: 'nurse' as const })),
    ];
    const w = kpi(rows, [old('r1')]).windows[0];
    expect(w.byRecipient.r1).toMatchObject({ counted: true, distinctStaff: 2, visits: 28 });
  });

  it('counts both staff of a double-staffed visit, and the visit once', () => {
    const rows = [
      ...daily('r1', () => 'a', { times: ['08:00'] }),
      ...daily('r1', () => 'b', { times: ['18:00'] }),
      ...daily('r1', () => 'c', { times: ['18:00'] }),
      // The same row exported twice is still one staff member at one visit.
      row('r1', 'c', FROM, '18:00'),
    ];
    const w = kpi(rows, [old('r1', { contact: 'c' })]).windows[0];
    expect(w.byRecipient.r1).toEqual({ team: null, counted: true, reason: null, distinctStaff: 3, visits: 28, contactShare: 0.5 });
  });

  it('gives the same report for visits with a staff list as for one row per staff member', () => {
    const rows = [...daily('r1', () => 'a', { times: ['08:00'] }), ...daily('r1', () => 'b', { times: ['18:00'] }), ...daily('r1', () => 'c', { times: ['18:00'] })];
    const visits: PerformedVisit[] = [];
    for (let day = 0; day < 14; day++) {
      const date = addDays(FROM, day);
      visits.push({ recipient: 'r1', staff: ['a'], startMs: at(date, '08:00') }, { recipient: 'r1', staff: ['b', 'c'], startMs: at(date, '18:00') });
    }
    expect(kpi(visits, [old('r1')])).toEqual(kpi(rows, [old('r1')]));
  });

  it('excludes a recipient with a single visit on one day', () => {
    const rows = daily('r1', (_, slot) => (slot === 0 ? 'a' : 'b')).filter((r) => r.startMs !== at('2026-11-10', '08:00'));
    const w = kpi(rows, [old('r1')]).windows[0];
    expect(w.byRecipient.r1).toEqual({ team: null, counted: false, reason: 'too_few_visits', distinctStaff: 2, visits: 27, contactShare: null });
    expect(w.kolada).toEqual({ U21401: null, U21402: null, U21436: null });
    expect(w.overall).toMatchObject({ recipients: 0, mean: null, median: null, min: null, max: null, over20: 0, shareOver20: null, excluded: 1 });
  });
});

describe('computeKpi: the Kolada values', () => {
  it('does not count exactly 20 staff as above 20, but 21', () => {
    const rows = [...daily('r20', (day, slot) => `s${(2 * day + slot) % 20}`), ...daily('r21', (day, slot) => `t${(2 * day + slot) % 21}`), ...daily('r5', (day, slot) => `u${(2 * day + slot) % 5}`)];
    const w = kpi(rows, [old('r20'), old('r21'), old('r5')]).windows[0];
    expect(w.byRecipient.r20.distinctStaff).toBe(20);
    expect(w.byRecipient.r21.distinctStaff).toBe(21);
    expect(w.overall).toMatchObject({ recipients: 3, mean: 46 / 3, median: 20, min: 5, max: 21, over20: 1, shareOver20: 1 / 3 });
    // Full precision: Kolada's rounding is for whoever displays it.
    expect(w.kolada).toEqual({ U21401: 46 / 3, U21402: 20, U21436: 100 / 3 });
  });

  it('takes the mean of the middle two as the median of an even count', () => {
    const sizes = { r1: 2, r2: 3, r3: 5, r4: 9 };
    const rows = Object.entries(sizes).flatMap(([id, n]) => daily(id, (day, slot) => `${id}-s${(2 * day + slot) % n}`));
    const w = kpi(rows, Object.keys(sizes).map((id) => old(id))).windows[0];
    expect(w.kolada).toEqual({ U21401: 4.75, U21402: 4, U21436: 0 });
    expect(w.overall).toMatchObject({ recipients: 4, min: 2, max: 9 });
  });
});

describe('computeKpi: who is counted', () => {
  it('counts those aged 65 or more on the first day; birthYear wins over age; no age means no_age', () => {
    const ids = ['b1961', 'b1962', 'a65', 'a64', 'birthYearWins', 'birthYearWins2', 'noAge', 'logOnly'];
    const rows = ids.flatMap((id) => daily(id, (_, slot) => `${id}-${slot}`));
    const recipients: KpiRecipientInfo[] = [
      { id: 'b1961', birthYear: 1961 },
      { id: 'b1962', birthYear: 1962 },
      { id: 'a65', age: 65 },
      { id: 'a64', age: 64 },
      { id: 'birthYearWins', birthYear: 1970, age: 80 },
      { id: 'birthYearWins2', birthYear: 1950, age: 30 },
      { id: 'noAge', team: null },
    ];
    const w = kpi(rows, recipients).windows[0];
    const reasons = Object.fromEntries(Object.entries(w.byRecipient).map(([id, r]) => [id, r.reason]));
    expect(reasons).toEqual({
      a64: 'under_65',
      a65: null,
      b1961: null,
      b1962: 'under_65',
      birthYearWins: 'under_65',
      birthYearWins2: null,
      logOnly: 'no_age',
      noAge: 'no_age',
    });
    expect(w.overall).toMatchObject({ recipients: 3, excluded: 5, excludedByReason: { under_65: 3, no_age: 2 } });
    // Excluded recipients still show what they met.
    expect(w.byRecipient.logOnly).toMatchObject({ distinctStaff: 2, visits: 28 });
  });

  it('ages by birthYear per window, and takes age as it stands in every window', () => {
    const from = '2026-12-28';
    const rows = ['b1962', 'a64'].flatMap((id) => daily(id, (_, slot) => `s${slot}`, { from, days: 28 }));
    const report = kpi(rows, [{ id: 'b1962', birthYear: 1962 }, { id: 'a64', age: 64 }], { from });
    expect(report.windows.map((w) => [w.from, w.byRecipient.b1962.reason, w.byRecipient.a64.reason])).toEqual([
      ['2026-12-28', 'under_65', 'under_65'],
      ['2027-01-11', null, 'under_65'],
    ]);
  });

  it('gives the first reason that applies: no_age, under_65, no_visits, too_few_visits', () => {
    const rows = [
      row('noAgeFewVisits', 'a', FROM, '08:00'),
      ...daily('r2', (_, slot) => `s${slot}`).filter((r) => r.startMs !== at('2026-11-10', '18:00')),
      // Visits before the window do not count in it.
      row('r3', 'a', '2026-11-01', '08:00'),
      row('r3', 'a', '2026-11-01', '18:00'),
    ];
    const w = kpi(rows, [{ id: 'young', age: 40 }, old('fileOnly'), old('r2'), old('r3')]).windows[0];
    expect(w.byRecipient).toEqual({
      fileOnly: { team: null, counted: false, reason: 'no_visits', distinctStaff: 0, visits: 0, contactShare: null },
      noAgeFewVisits: { team: null, counted: false, reason: 'no_age', distinctStaff: 1, visits: 1, contactShare: null },
      r2: { team: null, counted: false, reason: 'too_few_visits', distinctStaff: 2, visits: 27, contactShare: null },
      r3: { team: null, counted: false, reason: 'no_visits', distinctStaff: 0, visits: 0, contactShare: null },
      young: { team: null, counted: false, reason: 'under_65', distinctStaff: 0, visits: 0, contactShare: null },
    });
    expect(w.overall.excludedByReason).toEqual({ no_age: 1, under_65: 1, no_visits: 2, too_few_visits: 1 });
  });
});

describe('computeKpi: local time', () => {
  it('reads days and the 07–22 rule in local time across the end of summer time (2026-10-25)', () => {
    const from = '2026-10-19';
    const local = (recipient: string, staff: string, date: string, time: string): VisitLogRow => ({
      recipient,
      staff,
      start: `${date} ${time}`,
      end: `${date} ${time.slice(0, 3)}45`,
    });
    const iso = (recipient: string, staff: string, start: string): VisitLogRow => ({ recipient, staff, start, end: start });
    const base = (id: string) => {
      const rows: VisitLogRow[] = [];
      for (let day = 0; day < 14; day++) {
        const date = addDays(from, day);
        if (date === '2026-10-24' || date === '2026-10-25') continue;
        rows.push(local(id, 'a', date, '08:00'), local(id, 'b', date, '18:00'));
      }
      // 2026-10-24 is still summer time (+02:00): 05:00Z is 07:00 local.
      rows.push(iso(id, 'a', '2026-10-24T05:00:00Z'), iso(id, 'b', '2026-10-24T19:30:00Z'));
      return rows;
    };
    const rows: VisitLogRow[] = [
      ...base('r1'),
      // 2026-10-25 is winter time (+01:00): 06:00Z is 07:00 and 20:59Z is 21:59, both counted;
      // 05:59Z is 06:59 and 21:00Z is 22:00, both not (with the summer offset they would be).
      iso('r1', 'a', '2026-10-25T06:00:00Z'),
      iso('r1', 'b', '2026-10-25T20:59:00Z'),
      iso('r1', 'x', '2026-10-25T05:59:00Z'),
      iso('r1', 'y', '2026-10-25T21:00:00Z'),
      ...base('r2'),
      iso('r2', 'a', '2026-10-25T05:30:00Z'),
      iso('r2', 'b', '2026-10-25T06:00:00Z'),
      // The same wall-clock reading written locally: 2026-10-25 07:00 is 06:00Z, the same instant.
      local('r2', 'c', '2026-10-25', '07:00'),
    ];
    const w = kpi(rows, [old('r1'), old('r2')], { from }).windows[0];
    expect([w.from, w.to, w.partial]).toEqual(['2026-10-19', '2026-11-01', false]);
    expect(w.byRecipient.r1).toMatchObject({ counted: true, distinctStaff: 2, visits: 28 });
    expect(w.byRecipient.r2).toMatchObject({ counted: false, reason: 'too_few_visits', distinctStaff: 3, visits: 27 });
  });

  it('puts a visit on its local date, not its UTC date', () => {
    const tokyo = zoneOf('Asia/Tokyo');
    const rows: PerformedRow[] = [];
    for (let day = 0; day < 14; day++) {
      const date = addDays(FROM, day);
      // 07:30 in Tokyo is 22:30Z the day before.
      rows.push({ recipient: 'r1', staff: 'a', startMs: parseInstant(`${date}T07:30:00+09:00`, tokyo) });
      rows.push({ recipient: 'r1', staff: 'b', startMs: parseInstant(`${date} 18:00`, tokyo) });
    }
    const w = kpi(rows, [old('r1')], { timezone: 'Asia/Tokyo' }).windows[0];
    expect(w.byRecipient.r1).toMatchObject({ counted: true, visits: 28 });
    expect(kpi(rows, [old('r1')], { timezone: 'UTC' }).windows[0].byRecipient.r1.reason).toBe('too_few_visits');
  });
});

describe('computeKpi: windows', () => {
  it('gives one value per whole 14-day window the log covers', () => {
    const rows = [
      ...daily('r1', (day, slot) => (day < 14 ? ['a', 'b'][slot] : ['c', 'd', 'e'][(2 * day + slot) % 3]), { days: 28 }),
      ...daily('r2', (_, slot) => `s${slot}`, { days: 28 }).filter((r) => r.startMs !== at('2026-11-22', '08:00')),
    ];
    const report = kpi(rows, [old('r1'), old('r2')]);
    expect(report.windows.map((w) => [w.from, w.to, w.partial])).toEqual([
      ['2026-11-02', '2026-11-15', false],
      ['2026-11-16', '2026-11-29', false],
    ]);
    expect(report.windows[0].byRecipient.r1).toMatchObject({ counted: true, distinctStaff: 2, visits: 28 });
    expect(report.windows[1].byRecipient.r1).toMatchObject({ counted: true, distinctStaff: 3, visits: 28 });
    expect(report.windows[0].byRecipient.r2).toMatchObject({ counted: true, visits: 28 });
    expect(report.windows[1].byRecipient.r2).toMatchObject({ counted: false, reason: 'too_few_visits', visits: 27 });
    expect(report.windows[0].kolada).toEqual({ U21401: 2, U21402: 2, U21436: 0 });
    expect(report.windows[1].kolada).toEqual({ U21401: 3, U21402: 3, U21436: 0 });
  });

  it('ignores the days after the last whole window unless more windows are asked for; that one is partial', () => {
    const rows = daily('r1', (_, slot) => `s${slot}`, { days: 30 });
    expect(kpi(rows, [old('r1')]).windows).toHaveLength(2);
    const report = kpi(rows, [old('r1')], { windows: 3 });
    expect(report.windows.map((w) => [w.from, w.to, w.partial])).toEqual([
      ['2026-11-02', '2026-11-15', false],
      ['2026-11-16', '2026-11-29', false],
      ['2026-11-30', '2026-12-13', true],
    ]);
    expect(report.windows[2].byRecipient.r1).toMatchObject({ counted: false, reason: 'too_few_visits', visits: 4 });
  });

  it('gives one partial window for a log shorter than 14 days, or an empty one', () => {
    const short = kpi(daily('r1', (_, slot) => `s${slot}`, { days: 10 }), [old('r1')]);
    expect(short.windows.map((w) => [w.from, w.to, w.partial])).toEqual([['2026-11-02', '2026-11-15', true]]);
    expect(short.windows[0].byRecipient.r1.reason).toBe('too_few_visits');
    const empty = kpi([], [old('r1')]);
    expect(empty.windows.map((w) => w.partial)).toEqual([true]);
    expect(empty.windows[0].byRecipient.r1.reason).toBe('no_visits');
  });

  it('judges fill by counted rows: an alarm on the last day does not fill the window', () => {
    const rows = [...daily('r1', (_, slot) => `s${slot}`, { days: 13 }), row('r1', 'x', '2026-11-15', '12:00', { type: 'alarm' })];
    expect(kpi(rows, [old('r1')]).windows[0].partial).toBe(true);
    const filled = [...daily('r1', (_, slot) => `s${slot}`, { days: 13 }), row('r1', 'x', '2026-11-15', '12:00')];
    expect(kpi(filled, [old('r1')]).windows[0].partial).toBe(false);
  });
});

describe('computeKpi: contacts and teams', () => {
  it('gives contactShare per recipient and over the counted recipients of a group', () => {
    const rows = [
      ...daily('r1', (_, slot) => ['a', 'b'][slot]),
      ...daily('r2', (day, slot) => (slot === 0 || day < 7 ? 'b' : 'c')),
      ...daily('r3', (_, slot) => ['a', 'b'][slot]),
      ...daily('young', () => 'a'),
    ];
    const recipients = [old('r1', { contact: 'a' }), old('r2', { contact: 'b' }), old('r3'), { id: 'young', age: 50, contact: 'a' }];
    const w = kpi(rows, recipients).windows[0];
    expect(w.byRecipient.r1.contactShare).toBe(0.5);
    expect(w.byRecipient.r2.contactShare).toBe(0.75);
    expect(w.byRecipient.r3.contactShare).toBeNull();
    expect(w.byRecipient.young).toMatchObject({ counted: false, contactShare: 1 });
    expect(w.overall.contactShare).toBe(35 / 56);
  });

  it('groups by the recipients file team, else the most frequent team in the log, else none', () => {
    const teamRows = (id: string, teams: string[]) => daily(id, (_, slot) => `s${slot}`).map((r, i) => ({ ...r, team: teams[i] }));
    const rows = [
      ...teamRows('r1', Array(28).fill('T9')),
      ...teamRows('r2', [...Array(15).fill('T2'), ...Array(13).fill('T3')]),
      ...teamRows('r3', [...Array(14).fill('T4'), ...Array(14).fill('T5')]),
      ...daily('r4', (_, slot) => `s${slot}`),
      // r5's alarm rows outnumber its visits, but their team (the night patrol's) is not its own.
      ...daily('r5', () => 'alarm-staff', { times: ['03:00', '04:00', '05:00'] }).map((r) => ({ ...r, type: 'alarm' as const, team: 'NIGHT' })),
      ...teamRows('r5', Array(28).fill('T6')),
      ...teamRows('r6', Array(28).fill('T1')),
    ];
    const recipients = [old('r1', { team: 'T1' }), old('r2', { team: null }), old('r3'), old('r4'), old('r5'), { id: 'r6', age: 60, team: 'T1' }];
    const w = kpi(rows, recipients).windows[0];
    expect(Object.fromEntries(Object.entries(w.byRecipient).map(([id, r]) => [id, r.team]))).toEqual({
      r1: 'T1',
      r2: 'T2',
      r3: 'T4',
      r4: null,
      r5: 'T6',
      r6: 'T1',
    });
    expect(Object.keys(w.byTeam)).toEqual(['T1', 'T2', 'T4', 'T6']);
    expect(w.byTeam.T1).toMatchObject({ recipients: 1, mean: 2, excluded: 1, excludedByReason: { under_65: 1 } });
    expect(w.overall).toMatchObject({ recipients: 5, excluded: 1 });
  });
});

describe('computeKpi: bad input', () => {
  it('names every bad option and row', () => {
    expect(problemPaths(() => computeKpi([], [], { from: '2026-02-30', timezone: 'Mars/Olympus', windows: 0 }))).toEqual(['from', 'timezone', 'windows']);
    expect(problemPaths(() => computeKpi([], [old('r1'), old('r1')], { from: FROM }))).toEqual(['recipients[1].id']);
    const bad: VisitLogRow[] = [
      { recipient: 'r1', staff: 'a', start: '2026-11-02 08:00', end: '2026-11-02 08:30' },
      { recipient: 'r1', staff: 'a', start: '2026-03-29 02:30', end: '2026-03-29 03:00' },
    ];
    expect(problemPaths(() => computeKpi(bad, [], { from: FROM }))).toEqual(['rows[1].start']);
  });
});

describe('computeKpi: properties', () => {
  it('does not depend on row order, and its statistics agree with each other', () => {
    const staffPool = ['a', 'b', 'c', 'd', 'e'];
    const arbRecipient = fc.record({
      staff: fc.array(fc.constantFrom(...staffPool), { minLength: 28, maxLength: 28 }),
      age: fc.integer({ min: 60, max: 95 }),
      dropDay: fc.option(fc.integer({ min: 0, max: 13 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbRecipient, { minLength: 1, maxLength: 6 }), fc.integer(), (people, seed) => {
        const recipients: KpiRecipientInfo[] = people.map((p, i) => ({ id: `r${i}`, age: p.age, team: `T${i % 2}` }));
        const rows = people.flatMap((p, i) =>
          daily(`r${i}`, (day, slot) => p.staff[2 * day + slot]).filter((r) => p.dropDay === undefined || r.startMs !== at(addDays(FROM, p.dropDay), '08:00')),
        );
        const shuffled = [...rows].sort((x, y) => ((x.startMs ^ seed) % 97) - ((y.startMs ^ seed) % 97) || x.staff.localeCompare(y.staff));
        const report = kpi(rows, recipients);
        expect(kpi(shuffled, recipients)).toEqual(report);
        const o = report.windows[0].overall;
        const counted = people.filter((p) => p.age >= 65 && p.dropDay === undefined).length;
        expect(o.recipients).toBe(counted);
        expect(o.recipients + o.excluded).toBe(people.length);
        if (o.recipients > 0) {
          expect(o.min!).toBeLessThanOrEqual(o.median!);
          expect(o.median!).toBeLessThanOrEqual(o.max!);
          expect(o.mean!).toBeGreaterThanOrEqual(o.min!);
          expect(o.mean!).toBeLessThanOrEqual(o.max!);
        }
        const teamCounted = Object.values(report.windows[0].byTeam).reduce((s, g) => s + g.recipients, 0);
        expect(teamCounted).toBe(o.recipients);
      }),
      { numRuns: 40 },
    );
  });
});
