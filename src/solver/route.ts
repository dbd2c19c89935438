/**
 * One staff member's day as a node sequence that owns its timing (as VROOM's `TWRoute`):
 * forward earliest starts and backward latest starts (Savelsbergh 1992) make the insertion
 * test O(1), and `insert`/`remove` keep them valid, so nothing changes a route from outside.
 *
 * Nodes are visit indices, or `visitCount + b` for break `b`. A break is a pseudo-stop that
 * stays where the staff member is (it has no location of its own): the leg after it leaves
 * from the last real place. Breaks are owed only once the route has a visit.
 */
import type { Instance } from '../compile/index.ts';
import type { CostEvaluator } from './cost.ts';

const EPS = 1e-9;

/**
 * What a route reads and writes of the solution it belongs to: each visit's start window
 * (pinned for linked visits), who makes it (`staffOf[2v]` carries its time cost), and the
 * start it gets (written by the route that makes it).
 */
export interface RouteContext {
  readonly inst: Instance;
  readonly cost: CostEvaluator;
  readonly effStart: Float64Array;
  readonly effEnd: Float64Array;
  readonly staffOf: Int32Array;
  readonly startOf: Float64Array;
}

export class Route {
  readonly staff: number;
  private readonly ctx: RouteContext;
  // Read in every insertion test: kept here rather than behind the context.
  private readonly inst: Instance;
  private readonly list: number[];
  /** Earliest start of each node. */
  start: number[] = [];
  /** Place the staff member is at after each node (a break keeps the previous place). */
  loc: number[] = [];
  /** Latest start of each node that keeps every later node feasible. */
  latest: number[] = [];
  /** Position of the first visit node at or after each position (nodes.length when none). */
  nextVisit: number[] = [];
  /** Whether any visit at or after each position has a soft time cost (`Instance.softTime`). */
  softAfter: boolean[] = [];
  visitCount = 0;
  travel = 0;
  /** Lateness and preferred-start cost of the route's visits (a shared visit counts in its first route only). */
  timeCost = 0;
  feasible = true;
  /** Bumped on every change, so cached insertion costs know when they are stale. */
  version = 0;

  constructor(ctx: RouteContext, staff: number, nodes: number[] = []) {
    this.ctx = ctx;
    this.inst = ctx.inst;
    this.staff = staff;
    this.list = nodes;
  }

  /** The nodes in order; change them with `insert` and `remove`. */
  get nodes(): readonly number[] {
    return this.list;
  }

  /** A copy that belongs to another solution (its windows, staff and starts). */
  clone(ctx: RouteContext): Route {
    const r = new Route(ctx, this.staff, this.list.slice());
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

  insert(p: number, node: number): void {
    this.list.splice(p, 0, node);
    this.refresh();
  }

  /** Removes these nodes (visits or breaks) and re-times the route once. */
  remove(nodes: readonly number[]): void {
    for (const node of nodes) this.list.splice(this.list.indexOf(node), 1);
    this.refresh();
  }

  /** Recomputes the timing caches and writes the start of each visit the route makes. */
  refresh(): void {
    const inst = this.inst;
    const { effStart, effEnd, staffOf, startOf, cost } = this.ctx;
    const V = inst.visitCount;
    const s = this.staff;
    const T = inst.staffTravel[s];
    const P = inst.placeCount;
    const nodes = this.list;
    const n = nodes.length;
    this.version++;
    this.start.length = n;
    this.loc.length = n;
    this.latest.length = n;
    this.nextVisit.length = n + 1;
    this.softAfter.length = n + 1;

    let visits = 0;
    let time = inst.shiftStart[s];
    let place = inst.startPlace[s];
    let travel = 0;
    let feasible = true;
    let timeCost = 0;
    for (let i = 0; i < n; i++) {
      const node = nodes[i];
      if (node < V) {
        visits++;
        const leg = T[place * P + inst.visitPlace[node]];
        travel += leg;
        let st = time + leg;
        if (st < effStart[node]) st = effStart[node];
        if (st > effEnd[node] + EPS) feasible = false;
        this.start[i] = st;
        startOf[node] = st;
        time = st + inst.duration[node];
        place = inst.visitPlace[node];
        if (staffOf[2 * node] === s) timeCost += cost.visitTimeCost(node, st);
      } else {
        const b = inst.breaks[node - V];
        const st = time < b.earliest ? b.earliest : time;
        if (st > b.latestStart + EPS) feasible = false;
        this.start[i] = st;
        time = st + b.minutes;
      }
      this.loc[i] = place;
    }
    const home = T[place * P + inst.endPlace[s]];
    travel += home;
    if (time + home > inst.shiftEnd[s] + EPS) feasible = false;

    // Backward pass: latest starts, next visit, soft flags.
    let nextVisit = n;
    let soft = false;
    this.nextVisit[n] = n;
    this.softAfter[n] = false;
    for (let i = n - 1; i >= 0; i--) {
      const node = nodes[i];
      const limit = this.maxEndAt(i + 1, this.loc[i]);
      if (node < V) {
        this.latest[i] = Math.min(effEnd[node], limit - inst.duration[node]);
        nextVisit = i;
        if (inst.softTime[node]) soft = true;
      } else {
        const b = inst.breaks[node - V];
        this.latest[i] = Math.min(b.latestStart, limit - b.minutes);
      }
      this.nextVisit[i] = nextVisit;
      this.softAfter[i] = soft;
    }

    this.visitCount = visits;
    if (visits === 0) {
      this.travel = 0;
      this.timeCost = 0;
      this.feasible = true;
    } else {
      this.travel = travel;
      this.timeCost = timeCost;
      this.feasible = feasible;
    }
  }

  nodeDuration(node: number): number {
    const inst = this.inst;
    return node < inst.visitCount ? inst.duration[node] : inst.breaks[node - inst.visitCount].minutes;
  }

  /**
   * The latest time the node before position p may end, with the staff member at `place`,
   * so that nodes p.. stay feasible; −Infinity when none. Breaks between p and the next
   * visit are folded in (each starts at max(arrival, earliest) and must start by its latest).
   */
  maxEndAt(p: number, place: number): number {
    const inst = this.inst;
    const nodes = this.list;
    const n = nodes.length;
    const V = inst.visitCount;
    const s = this.staff;
    const T = inst.staffTravel[s];
    const P = inst.placeCount;
    const q = p < n ? this.nextVisit[p] : n;
    let limit = q === n ? inst.shiftEnd[s] - T[place * P + inst.endPlace[s]] : this.latest[q] - T[place * P + inst.visitPlace[nodes[q]]];
    for (let k = q - 1; k >= p; k--) {
      const b = inst.breaks[nodes[k] - V];
      const inner = limit - b.minutes;
      const bound = b.latestStart < inner ? b.latestStart : inner;
      if (b.earliest > bound + EPS) return Number.NEGATIVE_INFINITY;
      limit = bound;
    }
    return limit;
  }

  /** When the staff member is free after the node before position p. */
  readyAt(p: number): number {
    if (p === 0) return this.inst.shiftStart[this.staff];
    return this.start[p - 1] + this.nodeDuration(this.list[p - 1]);
  }

  /** Where the staff member is after the node before position p. */
  placeBefore(p: number): number {
    return p === 0 ? this.inst.startPlace[this.staff] : this.loc[p - 1];
  }

  /** The place of the next real stop from position p (the end point when none). */
  placeAfter(p: number): number {
    const inst = this.inst;
    const n = this.list.length;
    const q = p < n ? this.nextVisit[p] : n;
    return q === n ? inst.endPlace[this.staff] : inst.visitPlace[this.list[q]];
  }

  /**
   * The O(1) insertion test: the start visit v would get at position p, starting within
   * [lo, hi], or NaN when that breaks the route (its window, a later visit's latest start,
   * a break, or the shift end).
   */
  feasibleStart(v: number, p: number, lo: number, hi: number): number {
    const inst = this.inst;
    const pv = inst.visitPlace[v];
    const arrival = this.readyAt(p) + inst.staffTravel[this.staff][this.placeBefore(p) * inst.placeCount + pv];
    if (arrival > hi + EPS) return Number.NaN;
    const st = arrival < lo ? lo : arrival;
    return st + inst.duration[v] > this.maxEndAt(p, pv) + EPS ? Number.NaN : st;
  }

  /**
   * Cost change of later nodes when the node before position p now ends at `end` at
   * `place`: their starts move later, which can add lateness or preferred-start cost.
   */
  downstreamDelta(p: number, end: number, place: number): number {
    if (!this.softAfter[p]) return 0;
    const inst = this.inst;
    const { effStart, staffOf, cost } = this.ctx;
    const V = inst.visitCount;
    const T = inst.staffTravel[this.staff];
    const P = inst.placeCount;
    const nodes = this.list;
    let time = end;
    let at = place;
    let delta = 0;
    for (let i = p; i < nodes.length; i++) {
      const node = nodes[i];
      if (node < V) {
        let st = time + T[at * P + inst.visitPlace[node]];
        if (st < effStart[node]) st = effStart[node];
        if (st <= this.start[i] + EPS) return delta;
        if (staffOf[2 * node] === this.staff) delta += cost.visitTimeCost(node, st) - cost.visitTimeCost(node, this.start[i]);
        time = st + inst.duration[node];
        at = inst.visitPlace[node];
      } else {
        const b = inst.breaks[node - V];
        const st = time < b.earliest ? b.earliest : time;
        if (st <= this.start[i] + EPS) return delta;
        time = st + b.minutes;
      }
    }
    return delta;
  }
}
