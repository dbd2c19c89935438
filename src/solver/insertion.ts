/**
 * Insertions (as VROOM's operators): the kinds of move that put an unassigned visit in —
 * one staff member, two staff at once, or a `dependsOn` pair in two routes — found by
 * `Inserter.best` with the route's O(1) test and priced by the cost evaluator's
 * `insertionDelta`, and applied by the one `applyInsertion`.
 */
import type { Instance } from '../compile/index.ts';
import type { Random } from '../random/index.ts';
import type { Route } from './route.ts';
import type { Solution } from './solution.ts';

const EPS = 1e-9;

/** Visit v by one staff member at a position; a linked visit is pinned at `pinAt` (NaN when free). */
export interface SingleInsertion {
  kind: 'single';
  cost: number;
  visit: number;
  staff: number;
  position: number;
  pinAt: number;
}

/** A double-staffed visit in two routes, both starting at `start`. */
export interface DoubleInsertion {
  kind: 'double';
  cost: number;
  visit: number;
  staff: number;
  position: number;
  second: number;
  secondPosition: number;
  start: number;
}

/** Visit v and its unassigned `dependsOn` partner at once, in two routes, at starts that keep the gap. */
export interface PairInsertion {
  kind: 'pair';
  cost: number;
  visit: number;
  staff: number;
  position: number;
  start: number;
  partner: number;
  partnerStaff: number;
  partnerPosition: number;
  partnerStart: number;
}

export type Insertion = SingleInsertion | DoubleInsertion | PairInsertion;

/** Puts the visits of an insertion into the solution. */
export function applyInsertion(sol: Solution, ins: Insertion): void {
  switch (ins.kind) {
    case 'single':
      sol.insert(ins.visit, ins.staff, ins.position, -1, -1, ins.pinAt);
      return;
    case 'double':
      sol.insert(ins.visit, ins.staff, ins.position, ins.second, ins.secondPosition, ins.start);
      return;
    case 'pair':
      sol.insert(ins.visit, ins.staff, ins.position, -1, -1, ins.start);
      // Different routes, so the partner's position is still the one that was evaluated.
      sol.insert(ins.partner, ins.partnerStaff, ins.partnerPosition, -1, -1, ins.partnerStart);
      return;
  }
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
  // The best single insertion of the scan under way (kept in fields: no allocation per position).
  private bestCost = Number.POSITIVE_INFINITY;
  private bestStaff = -1;
  private bestPosition = -1;
  private bestPin = Number.NaN;

  constructor(inst: Instance) {
    this.inst = inst;
    this.routeBest = new Float64Array(inst.staffCount);
  }

  private blink(): boolean {
    return this.blinkRate > 0 && this.rng !== null && this.rng.next() < this.blinkRate;
  }

  /**
   * The cheapest insertion of unassigned visit v, or null when none is feasible. `only`
   * restricts it to insertions that send that staff member.
   */
  best(sol: Solution, v: number, maxLate = 0, only = -1): Insertion | null {
    const inst = this.inst;
    const [lo, hi] = sol.dependencyWindow(v);
    if (lo > hi + EPS) return null;
    if (inst.visitStaffCount[v] === 2) return this.bestDouble(sol, v, lo, hi, maxLate, only);
    if (only < 0) {
      const dependency = this.concurrentPartner(sol, v);
      if (dependency >= 0) {
        const pair = this.bestPair(sol, v, dependency, maxLate);
        if (pair) return pair;
      }
    }
    this.routeBest.fill(Number.POSITIVE_INFINITY);
    this.bestCost = Number.POSITIVE_INFINITY;
    this.bestStaff = -1;
    const S = inst.staffCount;
    const linked = sol.linked(v);
    for (let s = 0; s < S; s++) {
      if (!inst.eligible[v * S + s] || (only >= 0 && s !== only)) continue;
      this.scanRoute(sol, v, sol.routes[s], lo, hi, sol.cost.staffDelta(sol, v, s, -1), maxLate, linked);
    }
    if (this.bestStaff < 0) return null;
    return { kind: 'single', cost: this.bestCost, visit: v, staff: this.bestStaff, position: this.bestPosition, pinAt: this.bestPin };
  }

  /**
   * Cheapest cost of a free single-staffed visit v in staff s's route (Infinity when it
   * does not fit); the building block of cached regret insertion.
   */
  routeCost(sol: Solution, v: number, s: number, maxLate: number): number {
    const inst = this.inst;
    this.routeBest[s] = Number.POSITIVE_INFINITY;
    this.bestCost = Number.POSITIVE_INFINITY;
    this.bestStaff = -1;
    this.scanRoute(sol, v, sol.routes[s], inst.winStart[v], inst.winEnd[v], sol.cost.staffDelta(sol, v, s, -1), maxLate, false);
    return this.routeBest[s];
  }

  private scanRoute(sol: Solution, v: number, route: Route, lo: number, hi: number, staffTerms: number, maxLate: number, linked: boolean): void {
    const inst = this.inst;
    const cost = sol.cost;
    const s = route.staff;
    // A shift that ends before the visit could: no position fits (and no blink is drawn for one that does not).
    if (inst.shiftEnd[s] < lo + inst.duration[v] - EPS) return;
    const T = inst.staffTravel[s];
    const P = inst.placeCount;
    const pv = inst.visitPlace[v];
    const dur = inst.duration[v];
    const n = route.nodes.length;
    const empty = route.visitCount === 0;
    for (let p = 0; p <= n; p++) {
      if (route.readyAt(p) > hi + EPS) break;
      const st = route.feasibleStart(v, p, lo, hi);
      if (st !== st || this.blink()) continue;
      const from = route.placeBefore(p);
      const to = route.placeAfter(p);
      const legs = T[from * P + pv] + T[pv * P + to];
      const travel = empty ? legs : legs - T[from * P + to];
      const price = cost.insertionDelta(travel, cost.visitTimeCost(v, st), staffTerms, route.downstreamDelta(p, st + dur, pv), cost.lateness(v, st), maxLate);
      if (price < this.routeBest[s]) this.routeBest[s] = price;
      if (price < this.bestCost - EPS) {
        this.bestCost = price;
        this.bestStaff = s;
        this.bestPosition = p;
        this.bestPin = linked ? st : Number.NaN;
      }
    }
  }

  private bestDouble(sol: Solution, v: number, lo: number, hi: number, maxLate: number, only: number): DoubleInsertion | null {
    const inst = this.inst;
    const cost = sol.cost;
    const S = inst.staffCount;
    const must = inst.mustInclude[v];
    if (must === -2 || (only >= 0 && must >= 0 && only !== must && !inst.eligible[v * S + only])) return null;
    const pv = inst.visitPlace[v];
    const dur = inst.duration[v];
    const slots = this.collectSlots(sol, v, lo, hi, this.slots);
    const wT = cost.weights.travelMinute;
    let found: DoubleInsertion | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let i = 0; i < slots.length; i++) {
      const a = slots[i];
      if (2 * a.travel * wT >= bestCost) break;
      for (let j = i + 1; j < slots.length; j++) {
        const b = slots[j];
        if ((a.travel + b.travel) * wT >= bestCost) break;
        if (a.staff === b.staff) continue;
        if (must >= 0 && a.staff !== must && b.staff !== must) continue;
        if (only >= 0 && a.staff !== only && b.staff !== only) continue;
        const st = a.earliest > b.earliest ? a.earliest : b.earliest;
        if (st > Math.min(a.latest, b.latest) + EPS) continue;
        const travel = a.travel + b.travel;
        const time = cost.visitTimeCost(v, st);
        const staffTerms = cost.staffDelta(sol, v, a.staff, b.staff);
        // Downstream pushes and lateness only add: price them only for a candidate that can still win.
        if (cost.insertionDelta(travel, time, staffTerms, 0, 0, maxLate) >= bestCost) continue;
        const downstream = sol.routes[a.staff].downstreamDelta(a.p, st + dur, pv) + sol.routes[b.staff].downstreamDelta(b.p, st + dur, pv);
        const price = cost.insertionDelta(travel, time, staffTerms, downstream, cost.lateness(v, st), maxLate);
        if (price < bestCost - EPS) {
          bestCost = price;
          found = { kind: 'double', cost: price, visit: v, staff: a.staff, position: a.p, second: b.staff, secondPosition: b.p, start: st };
        }
      }
    }
    return found;
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
        const ready = route.readyAt(p);
        if (ready > hi + EPS) break;
        const from = route.placeBefore(p);
        const arrival = ready + T[from * P + pv];
        const earliest = arrival < lo ? lo : arrival;
        const latest = Math.min(hi, route.maxEndAt(p, pv) - dur);
        if (earliest > latest + EPS) continue;
        if (this.blink()) continue;
        const to = route.placeAfter(p);
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
   * each at the earliest starts that keep the gap; v goes in as the insertion's visit,
   * its partner as the partner.
   */
  private bestPair(sol: Solution, v: number, d: number, maxLate: number): PairInsertion | null {
    const inst = this.inst;
    const cost = sol.cost;
    const dep = inst.dependencies[d];
    const x = dep.visit;
    const y = dep.other;
    const xs = this.collectSlots(sol, x, inst.winStart[x], inst.winEnd[x], this.slots);
    const ys = this.collectSlots(sol, y, inst.winStart[y], inst.winEnd[y], this.partnerSlots);
    const wT = cost.weights.travelMinute;
    const rx = inst.visitRecipient[x];
    const ry = inst.visitRecipient[y];
    let found: PairInsertion | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    // For regret: the best pair found per route of v (an upper bound, as the search prunes).
    this.routeBest.fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < xs.length; i++) {
      const a = xs[i];
      if (ys.length === 0 || (a.travel + ys[0].travel) * wT >= bestCost) break;
      for (let j = 0; j < ys.length; j++) {
        const b = ys[j];
        if ((a.travel + b.travel) * wT >= bestCost) break;
        if (a.staff === b.staff) continue;
        const sy = Math.max(b.earliest, a.earliest - dep.maxGap);
        const sx = Math.max(a.earliest, sy + dep.minGap);
        if (sx > a.latest + EPS || sy > b.latest + EPS) continue;
        const travel = a.travel + b.travel;
        const time = cost.visitTimeCost(x, sx) + cost.visitTimeCost(y, sy);
        const meeting = rx === ry ? cost.meetPairDelta(sol, rx, a.staff, b.staff) : cost.meetDelta(sol, rx, a.staff) + cost.meetDelta(sol, ry, b.staff);
        const staffTerms = cost.assignmentCost(x, a.staff, -1) + cost.assignmentCost(y, b.staff, -1) + meeting;
        if (cost.insertionDelta(travel, time, staffTerms, 0, 0, maxLate) >= bestCost) continue;
        const downstream =
          sol.routes[a.staff].downstreamDelta(a.p, sx + inst.duration[x], inst.visitPlace[x]) +
          sol.routes[b.staff].downstreamDelta(b.p, sy + inst.duration[y], inst.visitPlace[y]);
        const price = cost.insertionDelta(travel, time, staffTerms, downstream, Math.max(cost.lateness(x, sx), cost.lateness(y, sy)), maxLate);
        const mine = x === v ? a : b;
        if (price < this.routeBest[mine.staff]) this.routeBest[mine.staff] = price;
        if (price < bestCost - EPS) {
          const theirs = x === v ? b : a;
          bestCost = price;
          found = {
            kind: 'pair',
            cost: price,
            visit: v,
            staff: mine.staff,
            position: mine.p,
            start: x === v ? sx : sy,
            partner: x === v ? y : x,
            partnerStaff: theirs.staff,
            partnerPosition: theirs.p,
            partnerStart: x === v ? sy : sx,
          };
        }
      }
    }
    return found;
  }
}
