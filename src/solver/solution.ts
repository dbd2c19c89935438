/**
 * A solution under search: routes, who does which visit, per-recipient staff counts (which
 * make the meeting terms of the objective O(1) to update), and the cost kept up to date
 * incrementally with the terms of the cost evaluator (`cost.ts`).
 *
 * Linked visits are pinned: a double-staffed visit starts at one chosen minute in both
 * routes, and a visit with a `dependsOn` link keeps the start it was inserted at, so the
 * partner's gap holds whatever is inserted later. Pinning decouples the routes, so every
 * route is timed on its own; ruin and recreate re-times pinned visits by moving them.
 */
import type { Instance } from '../compile/index.ts';
import type { CostEvaluator, Evaluable, MeetState } from './cost.ts';
import { Route, type RouteContext } from './route.ts';

export class Solution implements RouteContext, MeetState, Evaluable {
  readonly inst: Instance;
  readonly cost: CostEvaluator;
  readonly routes: Route[];
  readonly effStart: Float64Array;
  readonly effEnd: Float64Array;
  /** Staff of each visit: staffOf[2v], staffOf[2v+1] (−1 when none). */
  readonly staffOf: Int32Array;
  readonly startOf: Float64Array;
  /** met[r * S + s]: visits staff s makes to recipient r today. */
  readonly met: Int32Array;
  readonly distinct: Int32Array;
  /** Bumped whenever a recipient's day changes (continuity deltas of its other visits change). */
  readonly recipientVersion: Int32Array;
  /** Assignment and meeting terms of the objective. */
  continuityCost = 0;
  unassignedCost = 0;
  unassignedCount = 0;

  constructor(cost: CostEvaluator, copyFrom?: Solution) {
    const inst = cost.inst;
    this.inst = inst;
    this.cost = cost;
    if (copyFrom) {
      this.effStart = copyFrom.effStart.slice();
      this.effEnd = copyFrom.effEnd.slice();
      this.staffOf = copyFrom.staffOf.slice();
      this.startOf = copyFrom.startOf.slice();
      this.met = copyFrom.met.slice();
      this.distinct = copyFrom.distinct.slice();
      this.recipientVersion = copyFrom.recipientVersion.slice();
      this.routes = copyFrom.routes.map((r) => r.clone(this));
      this.continuityCost = copyFrom.continuityCost;
      this.unassignedCost = copyFrom.unassignedCost;
      this.unassignedCount = copyFrom.unassignedCount;
      return;
    }
    const V = inst.visitCount;
    this.effStart = inst.winStart.slice();
    this.effEnd = inst.winEnd.slice();
    this.staffOf = new Int32Array(2 * V).fill(-1);
    this.startOf = new Float64Array(V).fill(Number.NaN);
    this.met = new Int32Array(inst.recipientCount * inst.staffCount);
    this.distinct = new Int32Array(inst.recipientCount);
    this.recipientVersion = new Int32Array(inst.recipientCount);
    this.routes = [];
    for (let s = 0; s < inst.staffCount; s++) {
      const breaks = inst.staffBreaks[s]
        .slice()
        .sort((a, b) => inst.breaks[a].earliest - inst.breaks[b].earliest)
        .map((b) => V + b);
      const route = new Route(this, s, breaks);
      route.refresh();
      this.routes.push(route);
    }
    for (let v = 0; v < V; v++) this.unassignedCost += cost.unassignedPenalty(v);
    this.unassignedCount = V;
  }

  clone(): Solution {
    return new Solution(this.cost, this);
  }

  isAssigned(v: number): boolean {
    return this.staffOf[2 * v] >= 0;
  }

  // ── Objective ────────────────────────────────────────────────────────────

  travelMinutes(): number {
    let t = 0;
    for (const r of this.routes) t += r.travel;
    return t;
  }

  timeCost(): number {
    let t = 0;
    for (const r of this.routes) t += r.timeCost;
    return t;
  }

  maxLate(): number {
    const inst = this.inst;
    let max = 0;
    for (let v = 0; v < inst.visitCount; v++) {
      const due = inst.dueStart[v];
      if (due === due && this.staffOf[2 * v] >= 0) {
        const late = this.startOf[v] - due;
        if (late > max) max = late;
      }
    }
    return max;
  }

  /** The objective, from the incrementally kept parts. */
  objective(): number {
    const c = this.cost;
    return c.travel(this.travelMinutes()) + this.timeCost() + this.continuityCost + this.unassignedCost + (c.weights.maxLateMinute > 0 ? c.maxLateCost(this.maxLate()) : 0);
  }

  feasible(): boolean {
    return this.routes.every((r) => r.feasible);
  }

  // ── Changes ──────────────────────────────────────────────────────────────

  /**
   * Inserts visit v at position p1 of staff s1's route (and p2 of s2's for a double-staffed
   * visit). A linked visit is pinned at `pinAt`; NaN for a free visit. Moves go in through
   * `applyInsertion` (`insertion.ts`), which knows each kind of insertion.
   */
  insert(v: number, s1: number, p1: number, s2: number, p2: number, pinAt: number): void {
    const c = this.cost;
    const r = this.inst.visitRecipient[v];
    this.recipientVersion[r]++;
    this.staffOf[2 * v] = s1;
    this.staffOf[2 * v + 1] = s2;
    this.continuityCost += c.assignmentCost(v, s1, s2);
    this.meet(r, s1);
    if (s2 >= 0) this.meet(r, s2);
    this.unassignedCost -= c.unassignedPenalty(v);
    this.unassignedCount--;
    if (!Number.isNaN(pinAt)) this.pin(v, pinAt);
    this.routes[s1].insert(p1, v);
    if (s2 >= 0) this.routes[s2].insert(p2, v);
  }

  /** Removes visits from their routes (a removed linked visit is unpinned); each route is re-timed once. */
  remove(visits: readonly number[]): void {
    const c = this.cost;
    const byRoute = new Map<number, number[]>();
    const take = (s: number, v: number) => {
      const list = byRoute.get(s);
      if (list) list.push(v);
      else byRoute.set(s, [v]);
    };
    for (const v of visits) {
      const s1 = this.staffOf[2 * v];
      if (s1 < 0) continue;
      const s2 = this.staffOf[2 * v + 1];
      const r = this.inst.visitRecipient[v];
      this.recipientVersion[r]++;
      this.continuityCost -= c.assignmentCost(v, s1, s2);
      this.part(r, s1);
      if (s2 >= 0) this.part(r, s2);
      this.staffOf[2 * v] = -1;
      this.staffOf[2 * v + 1] = -1;
      this.startOf[v] = Number.NaN;
      this.unassignedCost += c.unassignedPenalty(v);
      this.unassignedCount++;
      take(s1, v);
      if (s2 >= 0) take(s2, v);
      this.unpin(v);
    }
    for (const [s, removed] of byRoute) this.routes[s].remove(removed);
  }

  private meet(r: number, s: number): void {
    this.continuityCost += this.cost.meetDelta(this, r, s);
    if (this.met[r * this.inst.staffCount + s]++ === 0) this.distinct[r]++;
  }

  private part(r: number, s: number): void {
    this.continuityCost = this.cost.withoutMeeting(this.continuityCost, this, r, s);
    if (--this.met[r * this.inst.staffCount + s] === 0) this.distinct[r]--;
  }

  /**
   * Whether a visit is pinned to its start once assigned: a double-staffed visit (both
   * routes share the start) or one with a `dependsOn` link in either direction (a later
   * insertion must not shift it away from the gap its partner was placed against).
   */
  linked(v: number): boolean {
    return this.inst.visitStaffCount[v] === 2 || this.inst.visitDependencies[v].length > 0;
  }

  private pin(v: number, at: number): void {
    this.effStart[v] = at;
    this.effEnd[v] = at;
  }

  private unpin(v: number): void {
    this.effStart[v] = this.inst.winStart[v];
    this.effEnd[v] = this.inst.winEnd[v];
  }

  /** The window a visit may start in now, narrowed by assigned dependency partners. */
  dependencyWindow(v: number): [number, number] {
    const inst = this.inst;
    let lo = inst.winStart[v];
    let hi = inst.winEnd[v];
    for (const d of inst.visitDependencies[v]) {
      const dep = inst.dependencies[d];
      if (dep.visit === v && dep.other === v) continue;
      const u = dep.visit === v ? dep.other : dep.visit;
      if (!this.isAssigned(u)) continue;
      const su = this.startOf[u];
      if (dep.visit === v) {
        lo = Math.max(lo, su + dep.minGap);
        hi = Math.min(hi, su + dep.maxGap);
      } else {
        lo = Math.max(lo, su - dep.maxGap);
        hi = Math.min(hi, su - dep.minGap);
      }
    }
    return [lo, hi];
  }

  unassignedVisits(): number[] {
    const out: number[] = [];
    for (let v = 0; v < this.inst.visitCount; v++) if (this.staffOf[2 * v] < 0) out.push(v);
    return out;
  }
}
