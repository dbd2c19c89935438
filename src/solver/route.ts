/**
 * One staff member's day as a node sequence with timing caches (Savelsbergh 1992):
 * forward earliest starts and backward latest starts make an insertion check O(1).
 *
 * Nodes are visit indices, or `visitCount + b` for break `b`. A break is a pseudo-stop
 * that stays where the staff member is (it has no location of its own): the leg after
 * it leaves from the last real place. Breaks are owed only once the route has a visit.
 */
import type { Instance } from '../compile/index.ts';

export class Route {
  readonly staff: number;
  nodes: number[] = [];
  /** Earliest start of each node. */
  start: number[] = [];
  /** Place the staff member is at after each node (a break keeps the previous place). */
  loc: number[] = [];
  /** Latest start of each node that keeps every later node feasible. */
  latest: number[] = [];
  /** Position of the first visit node at or after each position (nodes.length when none). */
  nextVisit: number[] = [];
  /** Whether any visit at or after each position has a soft time cost (dueStart/preferredStart). */
  softAfter: boolean[] = [];
  visitCount = 0;
  travel = 0;
  /** Lateness and preferred-start cost of the route's visits (a shared visit counts in its first route only). */
  timeCost = 0;
  feasible = true;
  /** Bumped on every refresh, so cached insertion costs know when they are stale. */
  version = 0;

  constructor(staff: number) {
    this.staff = staff;
  }

  clone(): Route {
    const r = new Route(this.staff);
    r.nodes = this.nodes.slice();
    r.start = this.start.slice();
    r.loc = this.loc.slice();
    r.latest = this.latest.slice();
    r.nextVisit = this.nextVisit.slice();
    r.softAfter = this.softAfter.slice();
    r.visitCount = this.visitCount;
    r.travel = this.travel;
    r.timeCost = this.timeCost;
    r.feasible = this.feasible;
    r.version = this.version;
    return r;
  }
}

/** Per-visit effective start window; linked visits (shared start, dependencies) are pinned. */
export interface Windows {
  effStart: Float64Array;
  effEnd: Float64Array;
}

export function nodeDuration(inst: Instance, node: number): number {
  return node < inst.visitCount ? inst.duration[node] : inst.breaks[node - inst.visitCount].minutes;
}

/**
 * Recomputes a route's caches. The route carries visit v's time cost when
 * `firstStaff[2v]` is its staff member (a double-staffed visit is costed once).
 */
export function refreshRoute(inst: Instance, win: Windows, route: Route, firstStaff: Int32Array): void {
  const V = inst.visitCount;
  const s = route.staff;
  const T = inst.staffTravel[s];
  const P = inst.placeCount;
  const nodes = route.nodes;
  const n = nodes.length;
  route.version++;
  route.start.length = n;
  route.loc.length = n;
  route.latest.length = n;
  route.nextVisit.length = n + 1;
  route.softAfter.length = n + 1;

  let visits = 0;
  let time = inst.shiftStart[s];
  let place = inst.startPlace[s];
  let travel = 0;
  let feasible = true;
  let timeCost = 0;
  const w = inst.weights;
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    if (node < V) {
      visits++;
      const leg = T[place * P + inst.visitPlace[node]];
      travel += leg;
      let st = time + leg;
      if (st < win.effStart[node]) st = win.effStart[node];
      if (st > win.effEnd[node] + 1e-9) feasible = false;
      route.start[i] = st;
      time = st + inst.duration[node];
      place = inst.visitPlace[node];
      if (firstStaff[2 * node] === s) timeCost += visitTimeCost(inst, node, st);
    } else {
      const b = inst.breaks[node - V];
      let st = time < b.earliest ? b.earliest : time;
      if (st > b.latestStart + 1e-9) feasible = false;
      route.start[i] = st;
      time = st + b.minutes;
    }
    route.loc[i] = place;
  }
  const home = T[place * P + inst.endPlace[s]];
  travel += home;
  if (time + home > inst.shiftEnd[s] + 1e-9) feasible = false;

  // Backward pass: latest starts, next visit, soft flags.
  let nextVisit = n;
  let soft = false;
  route.nextVisit[n] = n;
  route.softAfter[n] = false;
  for (let i = n - 1; i >= 0; i--) {
    const node = nodes[i];
    const limit = maxEndAt(inst, route, i + 1, route.loc[i]);
    if (node < V) {
      route.latest[i] = Math.min(win.effEnd[node], limit - inst.duration[node]);
      nextVisit = i;
      if (!soft && (!Number.isNaN(inst.dueStart[node]) || !Number.isNaN(inst.preferredStart[node]))) soft = true;
    } else {
      const b = inst.breaks[node - V];
      route.latest[i] = Math.min(b.latestStart, limit - b.minutes);
    }
    route.nextVisit[i] = nextVisit;
    route.softAfter[i] = soft;
  }

  route.visitCount = visits;
  if (visits === 0) {
    route.travel = 0;
    route.timeCost = 0;
    route.feasible = true;
  } else {
    route.travel = travel;
    route.timeCost = timeCost;
    route.feasible = feasible;
  }
}

/** Soft time cost of starting visit v at `start`. */
export function visitTimeCost(inst: Instance, v: number, start: number): number {
  let cost = 0;
  const due = inst.dueStart[v];
  if (due === due && start > due) cost += (start - due) * inst.weights.lateMinute;
  const pref = inst.preferredStart[v];
  if (pref === pref) cost += Math.abs(start - pref) * inst.weights.preferredStartMinute;
  return cost;
}

/**
 * The latest time the node before position p may end, with the staff member at `place`,
 * so that nodes p.. stay feasible; −Infinity when none. Breaks between p and the next
 * visit are folded in (each starts at max(arrival, earliest) and must start by its latest).
 */
export function maxEndAt(inst: Instance, route: Route, p: number, place: number): number {
  const nodes = route.nodes;
  const n = nodes.length;
  const V = inst.visitCount;
  const s = route.staff;
  const T = inst.staffTravel[s];
  const P = inst.placeCount;
  const q = p < n ? route.nextVisit[p] : n;
  let limit = q === n ? inst.shiftEnd[s] - T[place * P + inst.endPlace[s]] : route.latest[q] - T[place * P + inst.visitPlace[nodes[q]]];
  for (let k = q - 1; k >= p; k--) {
    const b = inst.breaks[nodes[k] - V];
    const inner = limit - b.minutes;
    const bound = b.latestStart < inner ? b.latestStart : inner;
    if (b.earliest > bound + 1e-9) return Number.NEGATIVE_INFINITY;
    limit = bound;
  }
  return limit;
}

/** Time and place the staff member is free after the node before position p. */
export function readyAt(inst: Instance, route: Route, p: number): number {
  if (p === 0) return inst.shiftStart[route.staff];
  return route.start[p - 1] + nodeDuration(inst, route.nodes[p - 1]);
}

export function placeBefore(inst: Instance, route: Route, p: number): number {
  return p === 0 ? inst.startPlace[route.staff] : route.loc[p - 1];
}

/** The place of the next real stop from position p (the end point when none). */
export function placeAfter(inst: Instance, route: Route, p: number): number {
  const q = p < route.nodes.length ? route.nextVisit[p] : route.nodes.length;
  return q === route.nodes.length ? inst.endPlace[route.staff] : inst.visitPlace[route.nodes[q]];
}
