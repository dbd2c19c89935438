/**
 * Cheapest insertion of one visit: an O(1) feasibility test per position from the
 * route's timing caches, the travel delta, the visit's own soft time cost, the push on
 * later soft-timed visits (only walked when there are any), and the continuity delta.
 */
import type { Instance } from '../compile/index.ts';
import type { Random } from '../random/index.ts';
import { maxEndAt, placeAfter, placeBefore, readyAt, visitTimeCost, type Route } from './route.ts';
import type { Solution } from './solution.ts';

const EPS = 1e-9;

export interface Insertion {
  cost: number;
  s1: number;
  p1: number;
  s2: number;
  p2: number;
  /** Start to pin a linked visit at; NaN for a free visit. */
  pinAt: number;
  /** The unassigned `dependsOn` partner placed together with the visit, or −1. */
  partner: number;
  partnerStaff: number;
  partnerP: number;
  partnerAt: number;
}

export function emptyInsertion(): Insertion {
  return { cost: Number.POSITIVE_INFINITY, s1: -1, p1: -1, s2: -1, p2: -1, pinAt: Number.NaN, partner: -1, partnerStaff: -1, partnerP: -1, partnerAt: Number.NaN };
}

/**
 * Cost change of later nodes when the node before position p now ends at `end` at
 * `place`: their starts move later, which can add lateness or preferred-start cost.
 */
export function downstreamDelta(sol: Solution, route: Route, p: number, end: number, place: number): number {
  const inst = sol.inst;
  if (!route.softAfter[p]) return 0;
  const V = inst.visitCount;
  const T = inst.staffTravel[route.staff];
  const P = inst.placeCount;
  const nodes = route.nodes;
  let time = end;
  let at = place;
  let delta = 0;
  for (let i = p; i < nodes.length; i++) {
    const node = nodes[i];
    if (node < V) {
      let st = time + T[at * P + inst.visitPlace[node]];
      if (st < sol.effStart[node]) st = sol.effStart[node];
      if (st <= route.start[i] + EPS) return delta;
      if (sol.staffOf[2 * node] === route.staff) delta += visitTimeCost(inst, node, st) - visitTimeCost(inst, node, route.start[i]);
      time = st + inst.duration[node];
      at = inst.visitPlace[node];
    } else {
      const b = inst.breaks[node - V];
      const st = time < b.earliest ? b.earliest : time;
      if (st <= route.start[i] + EPS) return delta;
      time = st + b.minutes;
    }
  }
  return delta;
}

/**
 * The O(1) insertion test: the start visit v would get at position p of the route,
 * starting within [lo, hi], or NaN when that breaks the route (its window, a later
 * visit's latest start, a break, or the shift end).
 */
export function feasibleStart(inst: Instance, route: Route, v: number, p: number, lo: number, hi: number): number {
  const pv = inst.visitPlace[v];
  const arrival = readyAt(inst, route, p) + inst.staffTravel[route.staff][placeBefore(inst, route, p) * inst.placeCount + pv];
  if (arrival > hi + EPS) return Number.NaN;
  const st = arrival < lo ? lo : arrival;
  return st + inst.duration[v] > maxEndAt(inst, route, p, pv) + EPS ? Number.NaN : st;
}

/** Feasible positions of one visit in one route, for pairing double-staffed visits. */
interface Slot {
  staff: number;
  p: number;
  earliest: number;
  latest: number;
  travel: number;
}

export class Inserter {
  private readonly inst: Instance;
  private readonly slots: Slot[] = [];
  private readonly partnerSlots: Slot[] = [];
  /** Best cost per route of the last `best` call for a single-staffed visit (for regret). */
  readonly routeBest: Float64Array;
  blinkRate = 0;
  rng: Random | null = null;

  constructor(inst: Instance) {
    this.inst = inst;
    this.routeBest = new Float64Array(inst.staffCount);
  }

  private blink(): boolean {
    return this.blinkRate > 0 && this.rng !== null && this.rng.next() < this.blinkRate;
  }

  /**
   * Finds the cheapest insertion of unassigned visit v into `out`; false when none is
   * feasible. `only` restricts it to insertions that send that staff member.
   */
  best(sol: Solution, v: number, out: Insertion, maxLate = 0, only = -1): boolean {
    out.cost = Number.POSITIVE_INFINITY;
    out.s1 = out.s2 = out.partner = -1;
    const inst = this.inst;
    const [lo, hi] = sol.dependencyWindow(v);
    if (lo > hi + EPS) return false;
    const linked = sol.linked(v);
    if (inst.visitStaffCount[v] === 2) return this.bestDouble(sol, v, lo, hi, out, maxLate, only);
    if (only < 0) {
      const dependency = this.concurrentPartner(sol, v);
      if (dependency >= 0 && this.bestPair(sol, v, dependency, out, maxLate)) return true;
    }
    this.routeBest.fill(Number.POSITIVE_INFINITY);
    const S = inst.staffCount;
    const r = inst.visitRecipient[v];
    for (let s = 0; s < S; s++) {
      if (!inst.eligible[v * S + s] || (only >= 0 && s !== only)) continue;
      const continuity = sol.visitContinuity(v, s, -1) + sol.meetDelta(r, s);
      this.scanRoute(sol, v, sol.routes[s], lo, hi, continuity, out, maxLate, linked);
    }
    return out.s1 >= 0;
  }

  /**
   * Cheapest cost of a free single-staffed visit v in staff s's route (Infinity when it
   * does not fit); the building block of cached regret insertion.
   */
  routeCost(sol: Solution, v: number, s: number, maxLate: number, scratch: Insertion): number {
    const inst = this.inst;
    scratch.cost = Number.POSITIVE_INFINITY;
    this.routeBest[s] = Number.POSITIVE_INFINITY;
    const continuity = sol.visitContinuity(v, s, -1) + sol.meetDelta(inst.visitRecipient[v], s);
    this.scanRoute(sol, v, sol.routes[s], inst.winStart[v], inst.winEnd[v], continuity, scratch, maxLate, false);
    return this.routeBest[s];
  }

  private scanRoute(sol: Solution, v: number, route: Route, lo: number, hi: number, continuity: number, out: Insertion, maxLate: number, linked: boolean): void {
    const inst = this.inst;
    const s = route.staff;
    const T = inst.staffTravel[s];
    const P = inst.placeCount;
    const pv = inst.visitPlace[v];
    const dur = inst.duration[v];
    const n = route.nodes.length;
    const empty = route.visitCount === 0;
    const wT = inst.weights.travelMinute;
    const wML = inst.weights.maxLateMinute;
    const due = inst.dueStart[v];
    for (let p = 0; p <= n; p++) {
      if (readyAt(inst, route, p) > hi + EPS) break;
      const st = feasibleStart(inst, route, v, p, lo, hi);
      if (st !== st || this.blink()) continue;
      const end = st + dur;
      const from = placeBefore(inst, route, p);
      const to = placeAfter(inst, route, p);
      const legs = T[from * P + pv] + T[pv * P + to];
      const travel = empty ? legs : legs - T[from * P + to];
      let cost = travel * wT + visitTimeCost(inst, v, st) + continuity;
      if (route.softAfter[p]) cost += downstreamDelta(sol, route, p, end, pv);
      if (wML > 0 && due === due && st - due > maxLate) cost += (st - due - maxLate) * wML;
      if (cost < this.routeBest[s]) this.routeBest[s] = cost;
      if (cost < out.cost - EPS) {
        out.cost = cost;
        out.s1 = s;
        out.p1 = p;
        out.s2 = -1;
        out.p2 = -1;
        out.pinAt = linked ? st : Number.NaN;
      }
    }
  }

  private bestDouble(sol: Solution, v: number, lo: number, hi: number, out: Insertion, maxLate: number, only: number): boolean {
    const inst = this.inst;
    const S = inst.staffCount;
    const must = inst.mustInclude[v];
    if (must === -2 || (only >= 0 && must >= 0 && only !== must && !inst.eligible[v * S + only])) return false;
    const pv = inst.visitPlace[v];
    const dur = inst.duration[v];
    const slots = this.collectSlots(sol, v, lo, hi, this.slots);
    const r = inst.visitRecipient[v];
    const wT = inst.weights.travelMinute;
    const wML = inst.weights.maxLateMinute;
    const due = inst.dueStart[v];
    for (let i = 0; i < slots.length; i++) {
      const a = slots[i];
      if (2 * a.travel * wT >= out.cost) break;
      for (let j = i + 1; j < slots.length; j++) {
        const b = slots[j];
        if ((a.travel + b.travel) * wT >= out.cost) break;
        if (a.staff === b.staff) continue;
        if (must >= 0 && a.staff !== must && b.staff !== must) continue;
        if (only >= 0 && a.staff !== only && b.staff !== only) continue;
        const st = a.earliest > b.earliest ? a.earliest : b.earliest;
        if (st > Math.min(a.latest, b.latest) + EPS) continue;
        let cost = (a.travel + b.travel) * wT + visitTimeCost(inst, v, st);
        cost += sol.visitContinuity(v, a.staff, b.staff) + sol.meetPairDelta(r, a.staff, b.staff);
        if (cost >= out.cost) continue;
        cost += downstreamDelta(sol, sol.routes[a.staff], a.p, st + dur, pv) + downstreamDelta(sol, sol.routes[b.staff], b.p, st + dur, pv);
        if (wML > 0 && due === due && st - due > maxLate) cost += (st - due - maxLate) * wML;
        if (cost < out.cost - EPS) {
          out.cost = cost;
          out.s1 = a.staff;
          out.p1 = a.p;
          out.s2 = b.staff;
          out.p2 = b.p;
          out.pinAt = st;
        }
      }
    }
    return out.s1 >= 0;
  }
  /**
   * Every position of visit v whose start can lie in [lo, hi], with the start range the
   * route allows there, sorted by added travel: every other term of an insertion's cost is
   * non-negative, so travel bounds the cost of a combination from below.
   */
  private collectSlots(sol: Solution, v: number, lo: number, hi: number, slots: Slot[]): Slot[] {
    const inst = this.inst;
    const S = inst.staffCount;
    const pv = inst.visitPlace[v];
    const dur = inst.duration[v];
    const P = inst.placeCount;
    slots.length = 0;
    for (let s = 0; s < S; s++) {
      if (!inst.eligible[v * S + s]) continue;
      const route = sol.routes[s];
      const T = inst.staffTravel[s];
      const n = route.nodes.length;
      const empty = route.visitCount === 0;
      for (let p = 0; p <= n; p++) {
        const ready = readyAt(inst, route, p);
        if (ready > hi + EPS) break;
        const from = placeBefore(inst, route, p);
        const arrival = ready + T[from * P + pv];
        const earliest = arrival < lo ? lo : arrival;
        const latest = Math.min(hi, maxEndAt(inst, route, p, pv) - dur);
        if (earliest > latest + EPS) continue;
        if (this.blink()) continue;
        const to = placeAfter(inst, route, p);
        const legs = T[from * P + pv] + T[pv * P + to];
        slots.push({ staff: s, p, earliest, latest, travel: empty ? legs : legs - T[from * P + to] });
      }
    }
    slots.sort((x, y) => x.travel - y.travel);
    return slots;
  }

  /**
   * The dependency of v to place jointly with its partner, or −1: both single-staffed,
   * linked only to each other, the partner unassigned, and the gap so tight that one
   * person cannot do both (simultaneous services and the like). Placing such a pair one
   * half at a time pins the first half where the second often no longer fits anywhere.
   */
  private concurrentPartner(sol: Solution, v: number): number {
    const inst = this.inst;
    const deps = inst.visitDependencies[v];
    if (deps.length !== 1) return -1;
    const d = deps[0];
    const dep = inst.dependencies[d];
    const u = dep.visit === v ? dep.other : dep.visit;
    if (u === v || sol.isAssigned(u) || inst.visitStaffCount[u] !== 1 || inst.visitDependencies[u].length !== 1) return -1;
    // start(visit) − start(other) in [minGap, maxGap]; one person would need the later to start after the earlier ends.
    const overlap = dep.maxGap < inst.duration[dep.other] && dep.minGap > -inst.duration[dep.visit];
    return overlap ? d : -1;
  }

  /**
   * Cheapest joint insertion of both visits of dependency d into two different routes,
   * each at the earliest starts that keep the gap; v goes to `s1`/`p1`, its partner to
   * `partnerStaff`/`partnerP`.
   */
  private bestPair(sol: Solution, v: number, d: number, out: Insertion, maxLate: number): boolean {
    const inst = this.inst;
    const dep = inst.dependencies[d];
    const x = dep.visit;
    const y = dep.other;
    const xs = this.collectSlots(sol, x, inst.winStart[x], inst.winEnd[x], this.slots);
    const ys = this.collectSlots(sol, y, inst.winStart[y], inst.winEnd[y], this.partnerSlots);
    const wT = inst.weights.travelMinute;
    const wML = inst.weights.maxLateMinute;
    const rx = inst.visitRecipient[x];
    const ry = inst.visitRecipient[y];
    // For regret: the best pair found per route of v (an upper bound, as the search prunes).
    this.routeBest.fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < xs.length; i++) {
      const a = xs[i];
      if (ys.length === 0 || (a.travel + ys[0].travel) * wT >= out.cost) break;
      for (let j = 0; j < ys.length; j++) {
        const b = ys[j];
        if ((a.travel + b.travel) * wT >= out.cost) break;
        if (a.staff === b.staff) continue;
        const sy = Math.max(b.earliest, a.earliest - dep.maxGap);
        const sx = Math.max(a.earliest, sy + dep.minGap);
        if (sx > a.latest + EPS || sy > b.latest + EPS) continue;
        let cost = (a.travel + b.travel) * wT + visitTimeCost(inst, x, sx) + visitTimeCost(inst, y, sy);
        cost += sol.visitContinuity(x, a.staff, -1) + sol.visitContinuity(y, b.staff, -1);
        cost += rx === ry ? sol.meetPairDelta(rx, a.staff, b.staff) : sol.meetDelta(rx, a.staff) + sol.meetDelta(ry, b.staff);
        if (cost >= out.cost) continue;
        cost += downstreamDelta(sol, sol.routes[a.staff], a.p, sx + inst.duration[x], inst.visitPlace[x]);
        cost += downstreamDelta(sol, sol.routes[b.staff], b.p, sy + inst.duration[y], inst.visitPlace[y]);
        if (wML > 0) {
          const late = Math.max(lateness(inst, x, sx), lateness(inst, y, sy));
          if (late > maxLate) cost += (late - maxLate) * wML;
        }
        const mineStaff = x === v ? a.staff : b.staff;
        if (cost < this.routeBest[mineStaff]) this.routeBest[mineStaff] = cost;
        if (cost < out.cost - EPS) {
          const [mine, theirs] = x === v ? [a, b] : [b, a];
          out.cost = cost;
          out.s1 = mine.staff;
          out.p1 = mine.p;
          out.s2 = out.p2 = -1;
          out.pinAt = x === v ? sx : sy;
          out.partner = x === v ? y : x;
          out.partnerStaff = theirs.staff;
          out.partnerP = theirs.p;
          out.partnerAt = x === v ? sy : sx;
        }
      }
    }
    return out.s1 >= 0;
  }
}

function lateness(inst: Instance, v: number, start: number): number {
  const due = inst.dueStart[v];
  return due === due ? start - due : 0;
}
