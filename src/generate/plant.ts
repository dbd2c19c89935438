/**
 * The hidden feasible schedule of `--planted` problems. Visits are taken in the order of
 * their target start and appended to staff routes, so every route grows in time order;
 * a placement honours the default travel model with each person's travel mode, the shift
 * (the leg home included), the break (inside its interval, never overlapping a visit,
 * taken in a gap where travel and break both fit), the visit's allowed start range, a
 * dependency's gap, and two staff starting together for double staffing. Among the
 * feasible placements the cheapest wins: a start near the target, a short leg, the
 * caller's `affinity` (the likely contact) and staff already serving the recipient today.
 * A visit no one can take is left out of the problem, so every planted visit is feasible
 * by FORMAT §6.
 *
 * Times are wall-clock minutes of the plan day (see catalog.ts).
 */
import type { Point, TravelMode } from '../model/types.ts';
import { legMinutes, type TravelSettings } from '../geo/index.ts';
import type { BreakRule } from './catalog.ts';
import type { Random } from '../random/index.ts';

export interface PlantStaff {
  shiftStart: number;
  shiftEnd: number;
  breakRule: BreakRule | null;
  mode: TravelMode;
  /** Where the route starts and ends (the team office). */
  base: Point;
}

export interface PlantVisit {
  /** Recipient index: visits of one recipient never overlap in time. */
  recipient: number;
  location: Point;
  durationMinutes: number;
  staffCount: 1 | 2;
  /** Where the start should be, and the range it may move within. */
  target: number;
  earliest: number;
  latest: number;
  /** Indices of eligible staff. */
  eligible: readonly number[];
  dependsOn: { visit: number; minGapMinutes: number; maxGapMinutes: number } | null;
}

export interface PlantedStop {
  visit: number;
  arrival: number;
  start: number;
  end: number;
  travelMinutes: number;
  waitMinutes: number;
}

export interface PlantedRoute {
  staff: number;
  start: number;
  end: number;
  stops: PlantedStop[];
  /** Start of the break, or null when the shift owes none. */
  breakStart: number | null;
  travelMinutes: number;
  serviceMinutes: number;
  waitMinutes: number;
}

export interface Planting {
  routes: PlantedRoute[];
  /** Start of each visit, or null when it could not be placed. */
  starts: (number | null)[];
  /** Staff indices sent to each visit (empty when not placed). */
  sent: number[][];
  /**
   * Break intervals that had to open earlier than the rule: a route that ends before the
   * break's interval takes the break right after its last visit, and the problem says so.
   */
  breakEarliest: Map<number, number>;
}

/** How much a staff member is preferred for a visit; lower is better (minute-equivalents). */
export type Affinity = (staff: number, visit: number) => number;

interface Placed {
  visit: number;
  start: number;
  end: number;
  /** The break is taken in the gap before this stop, starting at `breakStart`. */
  breakStart: number | null;
}

interface RouteState {
  stops: Placed[];
  breakTaken: boolean;
  /** End of the last stop, or the shift start while the route is empty. */
  free: number;
  at: Point;
}

interface Option {
  earliest: number;
  latest: number;
  breakFirst: boolean;
  leg: number;
}

/** Minute-equivalents a staff member already serving the recipient today is preferred by. */
const SAME_STAFF_BONUS = 12;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function plantRoutes(random: Random, staff: readonly PlantStaff[], visits: readonly PlantVisit[], settings: TravelSettings, affinity: Affinity): Planting {
  const states: RouteState[] = staff.map((s) => ({ stops: [], breakTaken: s.breakRule === null, free: s.shiftStart, at: s.base }));
  const starts: (number | null)[] = visits.map(() => null);
  const sent: number[][] = visits.map(() => []);
  const busy = new Map<number, [number, number][]>();
  const served = new Map<number, Set<number>>();
  const leg = (s: number, from: Point, to: Point) => legMinutes(from, to, staff[s].mode, settings);

  /** Feasible start ranges of `v` appended to staff `s`'s route: with the break later, or first. */
  const options = (s: number, v: PlantVisit): Option[] => {
    const st = staff[s];
    const state = states[s];
    const there = leg(s, state.at, v.location);
    const lastEnd = st.shiftEnd - leg(s, v.location, st.base);
    const d = v.durationMinutes;
    const out: Option[] = [];
    const rule = st.breakRule;
    if (!rule || state.breakTaken) {
      out.push({ earliest: state.free + there, latest: lastEnd - d, breakFirst: false, leg: there });
    } else {
      // Break later: it must still fit right after this visit, inside its interval and before the way home.
      out.push({ earliest: state.free + there, latest: Math.min(rule.latest, lastEnd) - rule.minutes - d, breakFirst: false, leg: there });
      const breakAt = Math.max(state.free, rule.earliest);
      if (breakAt + rule.minutes <= rule.latest) {
        out.push({ earliest: breakAt + rule.minutes + there, latest: lastEnd - d, breakFirst: true, leg: there });
      }
    }
    return out.filter((o) => o.earliest <= o.latest);
  };

  /** The start range allowed by the visit itself and its dependency. */
  const allowed = (v: PlantVisit): [number, number] => {
    let lo = v.earliest;
    let hi = v.latest;
    const dep = v.dependsOn;
    const before = dep ? starts[dep.visit] : null;
    if (dep && before !== null) {
      lo = Math.max(lo, before + dep.minGapMinutes);
      hi = Math.min(hi, before + dep.maxGapMinutes);
    }
    return [lo, hi];
  };

  /** The first start at or after `t` (up to `hi`) when the recipient has no other visit going on. */
  const freeStart = (v: PlantVisit, t: number, hi: number): number | null => {
    const taken = busy.get(v.recipient) ?? [];
    let moved = true;
    while (moved) {
      moved = false;
      for (const [a, b] of taken) {
        if (t < b && a < t + v.durationMinutes) {
          t = b;
          moved = true;
        }
      }
    }
    return t <= hi ? t : null;
  };

  const apply = (s: number, index: number, option: Option, t: number) => {
    const st = staff[s];
    const state = states[s];
    const v = visits[index];
    let breakStart: number | null = null;
    if (option.breakFirst && st.breakRule) {
      const rule = st.breakRule;
      breakStart = state.stops.length === 0 ? Math.min(rule.latest - rule.minutes, t - rule.minutes - option.leg) : Math.max(state.free, rule.earliest);
      state.breakTaken = true;
    }
    state.stops.push({ visit: index, start: t, end: t + v.durationMinutes, breakStart });
    state.free = t + v.durationMinutes;
    state.at = v.location;
  };

  const order = visits
    .map((_, i) => i)
    .sort((a, b) => visits[a].target - visits[b].target || visits[b].staffCount - visits[a].staffCount || a - b);

  for (const index of order) {
    const v = visits[index];
    const [lo, hi] = allowed(v);
    if (lo > hi) continue;
    const seen = served.get(v.recipient);
    const candidates = v.eligible.map((s) => ({
      s,
      options: options(s, v),
      bias: affinity(s, index) - (seen?.has(s) ? SAME_STAFF_BONUS : 0) + random.float(0, 2),
    }));
    let best: { cost: number; t: number; picks: { s: number; option: Option }[] } | null = null;
    const consider = (picks: { s: number; option: Option; bias: number }[]) => {
      const from = Math.max(lo, ...picks.map((p) => p.option.earliest));
      const to = Math.min(hi, ...picks.map((p) => p.option.latest));
      if (from > to) return;
      const t = freeStart(v, clamp(v.target, from, to), to);
      if (t === null) return;
      const cost = picks.reduce((sum, p) => sum + Math.abs(t - v.target) + 0.7 * p.option.leg + (p.option.breakFirst ? 2 : 0) + p.bias, 0);
      if (!best || cost < best.cost) best = { cost, t, picks };
    };
    if (v.staffCount === 1) {
      for (const c of candidates) for (const option of c.options) consider([{ s: c.s, option, bias: c.bias }]);
    } else {
      for (let i = 0; i < candidates.length; i++) {
        for (let j = i + 1; j < candidates.length; j++) {
          for (const o1 of candidates[i].options) {
            for (const o2 of candidates[j].options) {
              consider([
                { s: candidates[i].s, option: o1, bias: candidates[i].bias },
                { s: candidates[j].s, option: o2, bias: candidates[j].bias },
              ]);
            }
          }
        }
      }
    }
    if (!best) continue;
    const chosen: { cost: number; t: number; picks: { s: number; option: Option }[] } = best;
    for (const pick of chosen.picks) apply(pick.s, index, pick.option, chosen.t);
    starts[index] = chosen.t;
    sent[index] = chosen.picks.map((p) => p.s).sort((a, b) => a - b);
    busy.set(v.recipient, [...(busy.get(v.recipient) ?? []), [chosen.t, chosen.t + v.durationMinutes]]);
    served.set(v.recipient, new Set([...(seen ?? []), ...sent[index]]));
  }

  const breakEarliest = new Map<number, number>();
  const routes: PlantedRoute[] = [];
  states.forEach((state, s) => {
    if (state.stops.length === 0) return;
    const st = staff[s];
    const rule = st.breakRule;
    let at = st.base;
    let previousEnd = 0;
    let breakStart: number | null = null;
    const stops: PlantedStop[] = state.stops.map((placed, i) => {
      const v = visits[placed.visit];
      const travel = leg(s, at, v.location);
      if (i === 0) previousEnd = placed.breakStart ?? placed.start - travel;
      const breakMinutes = placed.breakStart !== null && rule ? rule.minutes : 0;
      if (placed.breakStart !== null) breakStart = placed.breakStart;
      const wait = placed.start - previousEnd - travel - breakMinutes;
      const stop = { visit: placed.visit, arrival: placed.start - wait, start: placed.start, end: placed.end, travelMinutes: travel, waitMinutes: wait };
      previousEnd = placed.end;
      at = v.location;
      return stop;
    });
    const home = leg(s, at, st.base);
    let end = previousEnd + home;
    if (rule && breakStart === null) {
      // Taken right after the last visit; the interval opens then if it would open later.
      breakStart = previousEnd;
      if (previousEnd < rule.earliest) breakEarliest.set(s, previousEnd);
      end = previousEnd + rule.minutes + home;
    }
    const first = state.stops[0];
    routes.push({
      staff: s,
      start: first.breakStart ?? first.start - stops[0].travelMinutes,
      end,
      stops,
      breakStart,
      travelMinutes: stops.reduce((sum, x) => sum + x.travelMinutes, home),
      serviceMinutes: stops.reduce((sum, x) => sum + (x.end - x.start), 0),
      waitMinutes: stops.reduce((sum, x) => sum + x.waitMinutes, 0),
    });
  });
  return { routes, starts, sent, breakEarliest };
}
