/**
 * A solution under search: routes, who does which visit, per-recipient staff counts
 * (which make the continuity terms of the objective O(1) to update), and the cost
 * components kept up to date incrementally.
 *
 * Linked visits are pinned: a double-staffed visit starts at one chosen minute in both
 * routes, and a visit with a `dependsOn` link keeps the start it was inserted at, so the
 * partner's gap holds whatever is inserted later. Pinning decouples the routes, so every
 * route is timed on its own; ruin and recreate re-times pinned visits by moving them.
 */
import type { Instance } from '../compile/index.ts';
import { Route, refreshRoute, type Windows } from './route.ts';

export class Solution implements Windows {
  readonly inst: Instance;
  routes: Route[];
  effStart: Float64Array;
  effEnd: Float64Array;
  pinned: Uint8Array;
  /** Staff of each visit: staffOf[2v], staffOf[2v+1] (−1 when none). */
  staffOf: Int32Array;
  startOf: Float64Array;
  /** met[r * S + s]: visits staff s makes to recipient r today. */
  met: Int32Array;
  distinct: Int32Array;
  /** Bumped whenever a recipient's day changes (continuity deltas of its other visits change). */
  recipientVersion: Int32Array;
  continuityCost = 0;
  unassignedCost = 0;
  unassignedCount = 0;

  constructor(inst: Instance, copyFrom?: Solution) {
    this.inst = inst;
    if (copyFrom) {
      this.routes = copyFrom.routes.map((r) => r.clone());
      this.effStart = copyFrom.effStart.slice();
      this.effEnd = copyFrom.effEnd.slice();
      this.pinned = copyFrom.pinned.slice();
      this.staffOf = copyFrom.staffOf.slice();
      this.startOf = copyFrom.startOf.slice();
      this.met = copyFrom.met.slice();
      this.distinct = copyFrom.distinct.slice();
      this.recipientVersion = copyFrom.recipientVersion.slice();
      this.continuityCost = copyFrom.continuityCost;
      this.unassignedCost = copyFrom.unassignedCost;
      this.unassignedCount = copyFrom.unassignedCount;
      return;
    }
    const V = inst.visitCount;
    this.effStart = inst.winStart.slice();
    this.effEnd = inst.winEnd.slice();
    this.pinned = new Uint8Array(V);
    this.staffOf = new Int32Array(2 * V).fill(-1);
    this.startOf = new Float64Array(V).fill(Number.NaN);
    this.met = new Int32Array(inst.recipientCount * inst.staffCount);
    this.distinct = new Int32Array(inst.recipientCount);
    this.recipientVersion = new Int32Array(inst.recipientCount);
    this.routes = [];
    for (let s = 0; s < inst.staffCount; s++) {
      const route = new Route(s);
      route.nodes = inst.staffBreaks[s]
        .slice()
        .sort((a, b) => inst.breaks[a].earliest - inst.breaks[b].earliest)
        .map((b) => V + b);
      this.routes.push(route);
    }
    for (const route of this.routes) this.refresh(route);
    for (let v = 0; v < V; v++) this.unassignedCost += this.unassignedPenalty(v);
    this.unassignedCount = V;
  }

  clone(): Solution {
    return new Solution(this.inst, this);
  }

  isAssigned(v: number): boolean {
    return this.staffOf[2 * v] >= 0;
  }

  /**
   * The weight of leaving v out, raised by 10 % per hour of staff time the visit needs:
   * when something must be left out, the search keeps the larger piece of care (a
   * double-staffed lift over a short single visit), which is also what gets it out of
   * the local optima where singles crowd out the few staff a double visit needs.
   */
  unassignedPenalty(v: number): number {
    const inst = this.inst;
    const base = inst.mandatory[v] ? inst.weights.unassignedMandatory : inst.weights.unassignedOptional;
    return base * (1 + (inst.duration[v] * inst.visitStaffCount[v]) / 600);
  }

  refresh(route: Route): void {
    refreshRoute(this.inst, this, route, this.staffOf);
    const V = this.inst.visitCount;
    for (let i = 0; i < route.nodes.length; i++) {
      const node = route.nodes[i];
      if (node < V) this.startOf[node] = route.start[i];
    }
  }

  // ── Objective ────────────────────────────────────────────────────────────

  /** Contact and language terms of visit v done by `a` (and `b` when double-staffed). */
  visitContinuity(v: number, a: number, b: number): number {
    const inst = this.inst;
    const r = inst.visitRecipient[v];
    const w = inst.weights;
    let cost = 0;
    if (inst.contactId[r] !== null) {
      const c = inst.contact[r];
      if (a !== c && b !== c) {
        const deputies = inst.deputies[r];
        cost += deputies.has(a) || (b >= 0 && deputies.has(b)) ? w.byDeputy : w.notContact;
      }
    }
    if (w.languageMismatch > 0 && inst.recipientLanguages[r].length > 0 && !this.speaks(r, a) && !this.speaks(r, b)) {
      cost += w.languageMismatch;
    }
    return cost;
  }

  private speaks(r: number, s: number): boolean {
    if (s < 0) return false;
    const spoken = this.inst.staffLanguages[s];
    for (const l of this.inst.recipientLanguages[r]) if (spoken.has(l)) return true;
    return false;
  }

  /** Cost change of recipient r meeting staff s once more today. */
  meetDelta(r: number, s: number): number {
    const inst = this.inst;
    if (this.met[r * inst.staffCount + s] > 0) return 0;
    let d = 0;
    if (this.distinct[r] >= 1) d += inst.weights.extraStaffToday;
    return d + inst.firstMeetCost[r * inst.staffCount + s];
  }

  /** Cost change of adding s1 then s2 to recipient r's day (s2 may be −1). */
  meetPairDelta(r: number, s1: number, s2: number): number {
    const inst = this.inst;
    const S = inst.staffCount;
    const new1 = this.met[r * S + s1] === 0;
    let d = this.meetDelta(r, s1);
    if (s2 >= 0 && this.met[r * S + s2] === 0) {
      if (this.distinct[r] + (new1 ? 1 : 0) >= 1) d += inst.weights.extraStaffToday;
      d += inst.firstMeetCost[r * S + s2];
    }
    return d;
  }

  private meet(r: number, s: number, by: 1 | -1): void {
    const inst = this.inst;
    const k = r * inst.staffCount + s;
    if (by === 1) {
      this.continuityCost += this.meetDelta(r, s);
      if (this.met[k]++ === 0) this.distinct[r]++;
    } else {
      if (--this.met[k] === 0) {
        this.distinct[r]--;
        if (this.distinct[r] >= 1) this.continuityCost -= inst.weights.extraStaffToday;
        this.continuityCost -= inst.firstMeetCost[k];
      }
    }
  }

  travelCost(): number {
    let t = 0;
    for (const r of this.routes) t += r.travel;
    return t * this.inst.weights.travelMinute;
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

  cost(): number {
    const w = this.inst.weights;
    return this.travelCost() + this.timeCost() + this.continuityCost + this.unassignedCost + (w.maxLateMinute > 0 ? this.maxLate() * w.maxLateMinute : 0);
  }

  feasible(): boolean {
    return this.routes.every((r) => r.feasible);
  }

  // ── Moves ────────────────────────────────────────────────────────────────

  /**
   * Inserts visit v at position p1 of staff s1's route (and p2 of s2's for a
   * double-staffed visit). A linked visit is pinned at `pinAt`; NaN for a free visit.
   */
  insert(v: number, s1: number, p1: number, s2: number, p2: number, pinAt: number): void {
    const inst = this.inst;
    const r = inst.visitRecipient[v];
    this.recipientVersion[r]++;
    this.staffOf[2 * v] = s1;
    this.staffOf[2 * v + 1] = s2;
    this.continuityCost += this.visitContinuity(v, s1, s2);
    this.meet(r, s1, 1);
    if (s2 >= 0) this.meet(r, s2, 1);
    this.unassignedCost -= this.unassignedPenalty(v);
    this.unassignedCount--;
    if (!Number.isNaN(pinAt)) this.pin(v, pinAt);
    this.routes[s1].nodes.splice(p1, 0, v);
    if (s2 >= 0) this.routes[s2].nodes.splice(p2, 0, v);
    this.refresh(this.routes[s1]);
    if (s2 >= 0) this.refresh(this.routes[s2]);
  }

  /** Removes visits from their routes (a removed linked visit is unpinned). */
  remove(visits: readonly number[]): void {
    const inst = this.inst;
    const touched = new Set<number>();
    for (const v of visits) {
      const s1 = this.staffOf[2 * v];
      if (s1 < 0) continue;
      const s2 = this.staffOf[2 * v + 1];
      const r = inst.visitRecipient[v];
      this.recipientVersion[r]++;
      this.continuityCost -= this.visitContinuity(v, s1, s2);
      this.meet(r, s1, -1);
      if (s2 >= 0) this.meet(r, s2, -1);
      this.staffOf[2 * v] = -1;
      this.staffOf[2 * v + 1] = -1;
      this.startOf[v] = Number.NaN;
      this.unassignedCost += this.unassignedPenalty(v);
      this.unassignedCount++;
      for (const s of s2 >= 0 ? [s1, s2] : [s1]) {
        const nodes = this.routes[s].nodes;
        nodes.splice(nodes.indexOf(v), 1);
        touched.add(s);
      }
      this.unpin(v);
    }
    for (const s of touched) this.refresh(this.routes[s]);
  }

  /** Removes and later re-adds a break node: used by ruin operators on a staff day. */
  removeNode(s: number, node: number): void {
    const nodes = this.routes[s].nodes;
    nodes.splice(nodes.indexOf(node), 1);
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
    this.pinned[v] = 1;
    this.effStart[v] = at;
    this.effEnd[v] = at;
  }

  private unpin(v: number): void {
    this.pinned[v] = 0;
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
