/**
 * Personalkontinuitet as Kolada defines it (U21401 mean, U21402 median, U21436 percentage
 * above 20), per FORMAT §4, §6.16 and §6.17:
 *
 * 1. Rows are dropped one by one: trygghetslarm (`alarm`), `meal_delivery`, `staffRole`
 *    `nurse`, and rows starting outside 07:00 ≤ local time < 22:00.
 * 2. The rows left merge into visits: one recipient, the same start instant.
 * 3. Windows of 14 local days from `from`. By default there are as many as the log covers
 *    wholly, at least one. A window is `partial` when the last day of any counted row
 *    (after step 1) comes before the window's last day.
 * 4. Per window a recipient is counted when aged 65 or more on its first day (its year
 *    minus `birthYear`; else `age` as it stands) and has two or more visits on every one
 *    of its 14 days; the value is the number of distinct staff met.
 *
 * A recipient's team is the recipients file's, else the most frequent `team` among its
 * counted rows (among all its rows when none is counted; a tie goes to the value seen
 * first), else null. Group `contactShare` is taken over the counted recipients' visits.
 * Values keep full precision: rounding is for whoever displays them.
 */
import { InputError, type InputProblem } from '../model/errors.ts';
import { DateString } from '../model/schemas.ts';
import type { KpiGroup, KpiRecipient, KpiReport, KpiWindow, Role } from '../model/types.ts';
import { DEFAULT_TIMEZONE, TimeError, addDays, daysBetween, isValidZone, localParts, parseInstant, zoneOf } from '../time/index.ts';
import type { KpiOptions, KpiRecipientInfo, KpiRow, LogVisitType } from './types.ts';
import { beyond, grouped, limitOf } from '../limits/index.ts';

export const WINDOW_DAYS = 14;
export const DAY_START_MINUTE = 7 * 60;
export const DAY_END_MINUTE = 22 * 60;
export const MIN_AGE = 65;
export const MIN_VISITS_PER_DAY = 2;
export const STAFF_THRESHOLD = 20;

type ExclusionReason = NonNullable<KpiRecipient['reason']>;

const DROPPED_TYPES: ReadonlySet<LogVisitType> = new Set<LogVisitType>(['alarm', 'meal_delivery']);
const DROPPED_ROLES: ReadonlySet<Role> = new Set<Role>(['nurse']);
const byId = new Intl.Collator('en', { numeric: true }).compare;

interface StaffRow {
  recipient: string;
  staff: string;
  startMs: number;
  type?: LogVisitType;
  staffRole?: Role;
  team?: string;
}

interface Visit {
  /** Days since `from` of the visit's local start date. */
  day: number;
  staff: Set<string>;
}

/** One recipient in one window, with the contact counts groups add up. */
interface Judged {
  row: KpiRecipient;
  contactVisits: number;
  contactHits: number;
}

/** Every accepted row form as one row per staff member; string times are read in `zone`. */
function staffRows(rows: readonly KpiRow[], zone: ReturnType<typeof zoneOf>, problems: InputProblem[]): StaffRow[] {
  const out: StaffRow[] = [];
  rows.forEach((row, index) => {
    let startMs: number;
    if ('startMs' in row) startMs = row.startMs;
    else {
      try {
        startMs = parseInstant(row.start, zone);
      } catch (err) {
        if (!(err instanceof TimeError)) throw err;
        problems.push({ path: `rows[${index}].start`, message: err.message, severity: 'error' });
        return;
      }
    }
    const common = { recipient: row.recipient, startMs, type: row.type, staffRole: row.staffRole, team: row.team ?? undefined };
    if (typeof row.staff === 'string') out.push({ ...common, staff: row.staff });
    else for (const staff of row.staff) out.push({ ...common, staff });
  });
  return out;
}

function checkOptions(recipients: readonly KpiRecipientInfo[], opts: KpiOptions, timezone: string, problems: InputProblem[]): void {
  if (!DateString.safeParse(opts.from).success) problems.push({ path: 'from', message: `"${opts.from}" is not a date (YYYY-MM-DD)`, severity: 'error' });
  if (!isValidZone(timezone)) problems.push({ path: 'timezone', message: `"${timezone}" is not an IANA time zone`, severity: 'error' });
  if (opts.windows !== undefined && !(Number.isInteger(opts.windows) && opts.windows >= 1)) {
    problems.push({ path: 'windows', message: `${opts.windows} is not a whole number of windows (1 or more)`, severity: 'error' });
  } else if (opts.windows !== undefined && opts.windows > limitOf('kpiWindows')) {
    problems.push({ path: 'windows', message: `${grouped(opts.windows)} is ${beyond('kpiWindows')}`, severity: 'error', code: 'too_large' });
  }
  const seen = new Set<string>();
  recipients.forEach((r, index) => {
    if (seen.has(r.id)) problems.push({ path: `recipients[${index}].id`, message: `"${r.id}" is listed twice`, severity: 'error' });
    seen.add(r.id);
  });
}

/** The most frequent value; a tie goes to the one seen first. */
function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function ageOn(info: KpiRecipientInfo | undefined, date: string): number | null {
  if (info?.birthYear != null) return Number(date.slice(0, 4)) - info.birthYear;
  return info?.age ?? null;
}

function judge(info: KpiRecipientInfo | undefined, team: string | null, visits: readonly Visit[], firstDay: number, windowFrom: string): Judged {
  const staff = new Set<string>();
  const perDay = new Array<number>(WINDOW_DAYS).fill(0);
  const contact = info?.contact ?? null;
  let contactHits = 0;
  for (const visit of visits) {
    for (const s of visit.staff) staff.add(s);
    perDay[visit.day - firstDay]++;
    if (contact !== null && visit.staff.has(contact)) contactHits++;
  }
  const age = ageOn(info, windowFrom);
  let reason: ExclusionReason | null = null;
  if (age === null) reason = 'no_age';
  else if (age < MIN_AGE) reason = 'under_65';
  else if (visits.length === 0) reason = 'no_visits';
  else if (perDay.some((n) => n < MIN_VISITS_PER_DAY)) reason = 'too_few_visits';
  const contactVisits = contact === null ? 0 : visits.length;
  return {
    row: {
      team,
      counted: reason === null,
      reason,
      distinctStaff: staff.size,
      visits: visits.length,
      contactShare: contactVisits === 0 ? null : contactHits / contactVisits,
    },
    contactVisits,
    contactHits,
  };
}

function summarise(members: readonly Judged[]): KpiGroup {
  const counted = members.filter((m) => m.row.counted);
  const values = counted.map((m) => m.row.distinctStaff).sort((a, b) => a - b);
  const over20 = values.filter((v) => v > STAFF_THRESHOLD).length;
  const contactVisits = counted.reduce((sum, m) => sum + m.contactVisits, 0);
  const contactHits = counted.reduce((sum, m) => sum + m.contactHits, 0);
  const excludedByReason: KpiGroup['excludedByReason'] = {};
  for (const m of members) {
    if (m.row.reason !== null) excludedByReason[m.row.reason] = (excludedByReason[m.row.reason] ?? 0) + 1;
  }
  const n = values.length;
  return {
    recipients: n,
    mean: n === 0 ? null : values.reduce((a, b) => a + b, 0) / n,
    median: median(values),
    min: n === 0 ? null : values[0],
    max: n === 0 ? null : values[n - 1],
    over20,
    shareOver20: n === 0 ? null : over20 / n,
    contactShare: contactVisits === 0 ? null : contactHits / contactVisits,
    excluded: members.length - n,
    excludedByReason,
  };
}

/**
 * The `kontinuitet/kpi@1` report of performed (or planned) visits. Recipients come from
 * the rows and from `recipients`; one only in the rows has no age (`no_age`).
 */
export function computeKpi(rows: readonly KpiRow[], recipients: readonly KpiRecipientInfo[], opts: KpiOptions): KpiReport {
  const timezone = opts.timezone ?? DEFAULT_TIMEZONE;
  const problems: InputProblem[] = [];
  checkOptions(recipients, opts, timezone, problems);
  if (problems.length > 0) throw new InputError(problems, 'invalid KPI input');
  const zone = zoneOf(timezone);
  const all = staffRows(rows, zone, problems);
  if (problems.length > 0) throw new InputError(problems, 'invalid KPI input');

  const info = new Map(recipients.map((r) => [r.id, r]));
  const everyone = new Set<string>([...all.map((r) => r.recipient), ...info.keys()]);

  // Rows are dropped one by one before merging, so a nurse's row leaves the visit to the others (§6.16).
  const visitsByKey = new Map<string, Visit & { recipient: string }>();
  const countedTeams = new Map<string, string[]>();
  const anyTeams = new Map<string, string[]>();
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const row of all) {
    if (row.team !== undefined) pushTo(anyTeams, row.recipient, row.team);
    if (row.type !== undefined && DROPPED_TYPES.has(row.type)) continue;
    if (row.staffRole !== undefined && DROPPED_ROLES.has(row.staffRole)) continue;
    const local = localParts(zone, row.startMs);
    if (local.minuteOfDay < DAY_START_MINUTE || local.minuteOfDay >= DAY_END_MINUTE) continue;
    if (row.team !== undefined) pushTo(countedTeams, row.recipient, row.team);
    const day = daysBetween(opts.from, local.date);
    lastDay = Math.max(lastDay, day);
    const key = `${row.recipient}\u0000${row.startMs}`;
    let visit = visitsByKey.get(key);
    if (!visit) {
      visit = { recipient: row.recipient, day, staff: new Set() };
      visitsByKey.set(key, visit);
    }
    visit.staff.add(row.staff);
  }

  const visitsOf = new Map<string, Visit[]>();
  for (const visit of visitsByKey.values()) pushTo(visitsOf, visit.recipient, visit);

  const teamOf = new Map<string, string | null>();
  for (const id of everyone) {
    const fromFile = info.get(id)?.team;
    teamOf.set(id, fromFile != null && fromFile !== '' ? fromFile : mostFrequent(countedTeams.get(id) ?? anyTeams.get(id) ?? []));
  }

  const ids = [...everyone].sort(byId);
  const teams = [...new Set([...teamOf.values()].filter((t): t is string => t !== null))].sort(byId);
  const windowCount = opts.windows ?? Math.max(1, Math.floor((lastDay + 1) / WINDOW_DAYS));
  if (windowCount > limitOf('kpiWindows')) {
    const message = `the log runs to ${addDays(opts.from, lastDay)}, ${grouped(windowCount)} windows from ${opts.from}: ${beyond('kpiWindows')}; a window count (--windows) reports the first ones only`;
    throw new InputError([{ path: 'windows', message, severity: 'error', code: 'too_large' }], 'invalid KPI input');
  }

  const windows: KpiWindow[] = [];
  for (let w = 0; w < windowCount; w++) {
    const firstDay = w * WINDOW_DAYS;
    const lastWindowDay = firstDay + WINDOW_DAYS - 1;
    const from = addDays(opts.from, firstDay);
    const judged = new Map<string, Judged>();
    for (const id of ids) {
      const inWindow = (visitsOf.get(id) ?? []).filter((v) => v.day >= firstDay && v.day <= lastWindowDay);
      judged.set(id, judge(info.get(id), teamOf.get(id) ?? null, inWindow, firstDay, from));
    }
    const overall = summarise([...judged.values()]);
    const byTeam: Record<string, KpiGroup> = {};
    for (const team of teams) byTeam[team] = summarise([...judged.values()].filter((j) => j.row.team === team));
    const byRecipient: Record<string, KpiRecipient> = {};
    for (const [id, j] of judged) byRecipient[id] = j.row;
    windows.push({
      from,
      to: addDays(opts.from, lastWindowDay),
      partial: lastDay < lastWindowDay,
      kolada: {
        U21401: overall.mean,
        U21402: overall.median,
        U21436: overall.recipients === 0 ? null : (100 * overall.over20) / overall.recipients,
      },
      overall,
      byTeam,
      byRecipient,
    });
  }
  return { format: 'kontinuitet/kpi@1', timezone, from: opts.from, windows };
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

