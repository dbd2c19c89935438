/**
 * The continuity floor of a period: per recipient, the fewest distinct staff who could make
 * all the visits the KPI would count (FORMAT §4), given rosters and eligibility, capacity
 * ignored. No valid schedule that makes those visits gives the recipient fewer faces, so
 * the mean over the recipients the KPI counts is a floor under planned U21401.
 *
 * What counts follows the KPI:
 * - a visit counts when it cannot be made uncounted: no eligible staff member on duty could
 *   start it outside 07:00–22:00 local time, and nurses (whose rows the KPI drops) could not
 *   make it alone. A visit that could be made uncounted puts no demand on the floor;
 * - a double-staffed visit needs two different eligible staff and both count (FORMAT §4:
 *   every staff member at a double-staffed visit counts); a nurse able to go takes one of
 *   the two places for free;
 * - a recipient is counted when 65 or more (a period without `birthYear` is taken as 65+,
 *   as the planned KPI does) and the counted visits someone can make give two or more on
 *   every day of the 14-day window.
 * Visits no one can make (fewer eligible staff on duty than it needs) are listed per
 * recipient and left out of its floor.
 *
 * Per recipient the floor is an exact set multicover: each counted visit a demand (1 or 2)
 * over its candidates. Visits with the same candidates are merged, a demand implied by a
 * stronger one is dropped, a staff member whose visits other kept staff all cover (as many
 * of them as the demands there need) is dropped, and a branch and bound by size (branch on
 * the visit with fewest candidates left; bound by demands over disjoint candidate sets)
 * finds the least number. Pure.
 */
import type { PeriodProblem } from '../model/types.ts';
import { DAY_END_MINUTE, DAY_START_MINUTE, MIN_AGE, MIN_VISITS_PER_DAY, WINDOW_DAYS } from '../kpi/index.ts';
import { DEFAULT_TIMEZONE, addDays, daysBetween } from '../time/index.ts';
import { expandPeriod } from '../period/index.ts';
import { MemoClock } from '../time/index.ts';
import { PeriodCoverage, type Occurrence } from './coverage.ts';

export interface RecipientFloor {
  team: string | null;
  /** Counted as the KPI would count it (see the module comment). */
  counted: boolean;
  reason: 'under_65' | 'no_visits' | 'too_few_visits' | null;
  /** Counted visits of the window (those someone can make). */
  visits: number;
  /** Fewest distinct staff who could make every counted visit; 0 when there is none. */
  floor: number;
  /** One such set of staff ids. */
  staff: string[];
  /** Ids of visits that would count but no one can make. */
  unreachable: string[];
}

export interface FloorGroup {
  /** Recipients counted. */
  recipients: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Counted recipients with a visit no one can make. */
  withUnreachable: number;
}

export interface FloorWindow {
  from: string;
  to: string;
  overall: FloorGroup;
  byTeam: Record<string, FloorGroup>;
  byRecipient: Record<string, RecipientFloor>;
}

export interface PeriodFloor {
  format: 'kontinuitet/floor@1';
  from: string;
  windows: FloorWindow[];
  /** Search nodes over all recipients and windows: how hard the covers were. */
  nodes: number;
  seconds: number;
}

/** One visit as a cover demand: how many of its candidates must be chosen. */
interface Demand {
  candidates: readonly number[];
  need: number;
}

const byId = new Intl.Collator('en', { numeric: true }).compare;

/** The demand a visit puts on the floor, or 'uncounted' when it could be made outside the count, or 'unreachable'. */
function demandOf(coverage: PeriodCoverage, staffIds: readonly string[], nurse: readonly boolean[], o: Occurrence, dayStart: number, dayEnd: number): Demand | 'uncounted' | 'unreachable' {
  const need = o.visit.staffCount ?? 1;
  const candidates: number[] = [];
  let nurses = 0;
  let outside = 0;
  staffIds.forEach((id, j) => {
    const range = coverage.startRange(id, o.visit.recipient, o);
    if (!range) return;
    if (range.lo < dayStart || range.hi >= dayEnd) outside += 1;
    if (nurse[j]) nurses += 1;
    else candidates.push(j);
  });
  if (outside >= need || nurses >= need) return 'uncounted';
  const left = need - nurses;
  if (candidates.length < left) return 'unreachable';
  return { candidates, need: left };
}

/** Merged and reduced demands, and the staff still worth choosing. */
function reduce(demands: readonly Demand[]): { demands: Demand[]; staff: number[] } {
  const merged = new Map<string, Demand>();
  for (const d of demands) {
    const key = d.candidates.join(',');
    const known = merged.get(key);
    if (!known || known.need < d.need) merged.set(key, d);
  }
  // A demand whose candidates include a stronger demand's is met whenever that one is.
  const list = [...merged.values()].sort((a, b) => a.candidates.length - b.candidates.length || b.need - a.need);
  const kept: { d: Demand; set: Set<number> }[] = [];
  for (const d of list) {
    const set = new Set(d.candidates);
    if (!kept.some((k) => k.d.need >= d.need && k.d.candidates.every((c) => set.has(c)))) kept.push({ d, set });
  }
  // Staff whose demands `need` kept staff each cover too can go (an exchange argument per demand).
  const coverOf = new Map<number, Set<number>>();
  kept.forEach(({ d }, i) => {
    for (const c of d.candidates) {
      let set = coverOf.get(c);
      if (!set) coverOf.set(c, (set = new Set()));
      set.add(i);
    }
  });
  const order = [...coverOf.keys()].sort((a, b) => coverOf.get(b)!.size - coverOf.get(a)!.size || a - b);
  const staff: number[] = [];
  for (const s of order) {
    const mine = coverOf.get(s)!;
    const needs = Math.max(...[...mine].map((i) => kept[i].d.need));
    const dominators = staff.filter((t) => [...mine].every((i) => coverOf.get(t)!.has(i))).length;
    if (dominators < needs) staff.push(s);
  }
  const keep = new Set(staff);
  return { demands: kept.map(({ d }) => ({ candidates: d.candidates.filter((c) => keep.has(c)), need: d.need })), staff };
}

/** Least number of staff meeting every demand, with one such set; `nodes` counts the search. */
function multicover(demands: readonly Demand[], staffCount: number): { size: number; chosen: number[]; nodes: number } {
  const chosen = new Uint8Array(staffCount);
  const banned = new Uint8Array(staffCount);
  const met = new Int32Array(demands.length);
  const demandsOf: number[][] = Array.from({ length: staffCount }, () => []);
  demands.forEach((d, i) => d.candidates.forEach((c) => demandsOf[c].push(i)));
  let best: number[] | null = null;
  let nodes = 0;
  const picked: number[] = [];

  const lowerBound = (): number => {
    const open = demands.map((d, i) => ({ d, left: d.need - met[i] })).filter((x) => x.left > 0);
    // Open demands over pairwise disjoint candidate sets each need their own staff …
    const used = new Uint8Array(staffCount);
    let packed = 0;
    open.sort((a, b) => a.d.candidates.length - b.d.candidates.length);
    for (const { d, left } of open) {
      const free = d.candidates.filter((c) => !chosen[c] && !banned[c]);
      if (free.some((c) => used[c])) continue;
      for (const c of free) used[c] = 1;
      packed += left;
    }
    // … and no staff member meets more than the open demands they are a candidate of, once each.
    const reach = new Int32Array(staffCount);
    let total = 0;
    for (const { d, left } of open) {
      total += left;
      for (const c of d.candidates) if (!chosen[c] && !banned[c]) reach[c] += 1;
    }
    const most = reach.reduce((m, v) => Math.max(m, v), 0);
    return Math.max(packed, most === 0 ? 0 : Math.ceil(total / most));
  };

  const search = (): void => {
    nodes += 1;
    let pick = -1;
    let pickFree: number[] = [];
    for (let i = 0; i < demands.length; i++) {
      const left = demands[i].need - met[i];
      if (left <= 0) continue;
      const free = demands[i].candidates.filter((c) => !chosen[c] && !banned[c]);
      if (free.length < left) return;
      if (pick < 0 || free.length < pickFree.length) {
        pick = i;
        pickFree = free;
      }
    }
    if (pick < 0) {
      if (!best || picked.length < best.length) best = [...picked];
      return;
    }
    if (best && picked.length + lowerBound() >= best.length) return;
    // Candidates that meet the most open demands first: good sets early, tight bounds soon.
    const gain = (c: number) => demandsOf[c].filter((i) => met[i] < demands[i].need).length;
    pickFree.sort((a, b) => gain(b) - gain(a) || a - b);
    const bannedHere: number[] = [];
    for (const c of pickFree) {
      chosen[c] = 1;
      picked.push(c);
      for (const i of demandsOf[c]) met[i] += 1;
      search();
      for (const i of demandsOf[c]) met[i] -= 1;
      picked.pop();
      chosen[c] = 0;
      // Later branches leave c out: the sets with c were all seen.
      banned[c] = 1;
      bannedHere.push(c);
      const left = demands[pick].need - met[pick];
      if (demands[pick].candidates.filter((x) => !chosen[x] && !banned[x]).length < left) break;
    }
    for (const c of bannedHere) banned[c] = 0;
  };

  search();
  return { size: best === null ? 0 : (best as number[]).length, chosen: best ?? [], nodes };
}

function summarise(rows: readonly RecipientFloor[]): FloorGroup {
  const counted = rows.filter((r) => r.counted);
  const values = counted.map((r) => r.floor).sort((a, b) => a - b);
  const n = values.length;
  const mid = n >> 1;
  return {
    recipients: n,
    mean: n === 0 ? null : values.reduce((a, b) => a + b, 0) / n,
    median: n === 0 ? null : n % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2,
    min: n === 0 ? null : values[0],
    max: n === 0 ? null : values[n - 1],
    withUnreachable: counted.filter((r) => r.unreachable.length > 0).length,
  };
}

/**
 * The floor of a validated period, per 14-day window from `startDate` (as many whole
 * windows as the period holds, at least one, as the planned KPI has them).
 */
export function periodFloor(period: PeriodProblem): PeriodFloor {
  const started = performance.now();
  const days = expandPeriod(period);
  const coverage = new PeriodCoverage(period, days);
  const timezone = period.timezone ?? DEFAULT_TIMEZONE;
  const staffIds = period.staff.map((s) => s.id);
  const nurse = period.staff.map((s) => s.role === 'nurse');
  const countedRange = new Map<string, [number, number]>();
  for (const day of days) {
    const clock = new MemoClock(day.date, timezone);
    countedRange.set(day.date, [clock.minutes(clockText(DAY_START_MINUTE)), clock.minutes(clockText(DAY_END_MINUTE))]);
  }
  const windowCount = Math.max(1, Math.floor(period.days / WINDOW_DAYS));
  let nodes = 0;
  const covers = new Map<string, ReturnType<typeof multicover>>();
  const windows: FloorWindow[] = [];
  for (let w = 0; w < windowCount; w++) {
    const from = addDays(period.startDate, w * WINDOW_DAYS);
    const to = addDays(from, WINDOW_DAYS - 1);
    const byRecipient: Record<string, RecipientFloor> = {};
    for (const r of [...period.recipients].sort((a, b) => byId(a.id, b.id))) {
      const perDay = new Array<number>(WINDOW_DAYS).fill(0);
      const demands: Demand[] = [];
      const unreachable: string[] = [];
      for (const o of coverage.occurrencesOf(r.id)) {
        const day = daysBetween(from, o.date);
        if (day < 0 || day >= WINDOW_DAYS) continue;
        const [dayStart, dayEnd] = countedRange.get(o.date)!;
        const demand = demandOf(coverage, staffIds, nurse, o, dayStart, dayEnd);
        if (demand === 'uncounted') continue;
        if (demand === 'unreachable') {
          unreachable.push(o.visit.id);
          continue;
        }
        demands.push(demand);
        perDay[day] += 1;
      }
      const age = r.birthYear !== undefined ? Number(from.slice(0, 4)) - r.birthYear : MIN_AGE;
      const reason = age < MIN_AGE ? 'under_65' : demands.length === 0 ? 'no_visits' : perDay.some((n) => n < MIN_VISITS_PER_DAY) ? 'too_few_visits' : null;
      const reduced = reduce(demands);
      // Recipients with the same plans and candidates (a lift pair every morning, say) pose the same cover.
      const key = reduced.demands.map((d) => `${d.need}:${d.candidates.join(',')}`).sort().join(';');
      let cover = covers.get(key);
      if (!cover) {
        cover = multicover(reduced.demands, staffIds.length);
        covers.set(key, cover);
        nodes += cover.nodes;
      }
      byRecipient[r.id] = {
        team: r.team ?? null,
        counted: reason === null,
        reason,
        visits: demands.length,
        floor: cover.size,
        staff: cover.chosen.map((j) => staffIds[j]).sort(byId),
        unreachable,
      };
    }
    const rows = Object.values(byRecipient);
    const teams = [...new Set(rows.map((r) => r.team).filter((t): t is string => t !== null))].sort(byId);
    const byTeam: Record<string, FloorGroup> = {};
    for (const team of teams) byTeam[team] = summarise(rows.filter((r) => r.team === team));
    windows.push({ from, to, overall: summarise(rows), byTeam, byRecipient });
  }
  return { format: 'kontinuitet/floor@1', from: period.startDate, windows, nodes, seconds: (performance.now() - started) / 1000 };
}

function clockText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
