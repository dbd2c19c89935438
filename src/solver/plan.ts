/**
 * A solution's routes as plain data — staff and visit ids, break positions, exact start
 * minutes — and back. This is what crosses from a team's search to the lending step (in
 * process and through the queue alike, where JSON keeps every number exact), and the
 * warm start of a solve from an earlier plan.
 */
import type { Instance } from '../compile/index.ts';
import type { CostEvaluator } from './cost.ts';
import type { Route } from './route.ts';
import { Solution } from './solution.ts';
import { insertBreak } from './recreate.ts';

/** A visit (by id) or the staff member's k-th break, with the minute it starts. */
export type PlannedNode = { visit: string; start: number } | { break: number; start: number };

export interface PlannedRoute {
  staff: string;
  nodes: PlannedNode[];
}

/** The routes that make at least one visit, node by node. */
export function planOf(sol: Solution): PlannedRoute[] {
  const inst = sol.inst;
  const V = inst.visitCount;
  const out: PlannedRoute[] = [];
  for (const route of sol.routes) {
    if (route.visitCount === 0) continue;
    const own = inst.staffBreaks[route.staff];
    out.push({
      staff: inst.staffIds[route.staff],
      nodes: route.nodes.map((node, i) =>
        node < V ? { visit: inst.visitIds[node], start: route.start[i] } : { break: own.indexOf(node - V), start: route.start[i] },
      ),
    });
  }
  return out;
}

/**
 * A solution of `cost`'s instance holding the planned routes: every node in its planned
 * order, linked visits pinned at their planned starts, the others timed afresh (at their
 * earliest, as the search times them). Nodes whose staff or visit the instance does not have
 * are skipped. A visit the instance cannot time where it was planned (a re-plan's changed
 * window, a shortened shift) is left out and returned as `displaced`, for the caller to place
 * again; a break the plan lacks or cannot keep is put where it fits best, and a route whose
 * breaks fit nowhere is displaced whole.
 */
export function restorePlan(cost: CostEvaluator, routes: readonly PlannedRoute[]): { solution: Solution; displaced: number[] } {
  const inst = cost.inst;
  const V = inst.visitCount;
  const sol = new Solution(cost);
  const staffOfVisit = new Map<number, number[]>();
  const events: { staff: number; node: number; start: number; order: number }[] = [];
  let order = 0;
  for (const planned of routes) {
    const s = inst.staffIndex.get(planned.staff);
    if (s === undefined) continue;
    const route = sol.routes[s];
    route.remove(route.nodes.filter((n) => n >= V));
    for (const node of planned.nodes) {
      if ('visit' in node) {
        const v = inst.visitIndex.get(node.visit);
        if (v === undefined) continue;
        const list = staffOfVisit.get(v) ?? [];
        list.push(s);
        staffOfVisit.set(v, list);
        events.push({ staff: s, node: v, start: node.start, order: order++ });
      } else {
        const b = inst.staffBreaks[s][node.break];
        if (b !== undefined) events.push({ staff: s, node: V + b, start: node.start, order: order++ });
      }
    }
  }
  // In time order every route grows at its end, and both routes of a shared visit have all their earlier nodes.
  events.sort((a, b) => a.start - b.start || a.order - b.order);
  const displaced: number[] = [];
  for (const e of events) {
    if (e.node >= V) {
      const route = sol.routes[e.staff];
      route.insert(route.nodes.length, e.node);
      if (!route.feasible) route.remove([e.node]);
      continue;
    }
    if (sol.isAssigned(e.node) || displaced.includes(e.node)) continue;
    const [s1, s2 = -1] = staffOfVisit.get(e.node)!;
    // A visit planned with another number of staff than it needs now goes back to the caller's repair.
    if ((s2 >= 0 ? 2 : 1) !== inst.visitStaffCount[e.node]) continue;
    sol.insert(e.node, s1, sol.routes[s1].nodes.length, s2, s2 >= 0 ? sol.routes[s2].nodes.length : -1, sol.linked(e.node) ? e.start : Number.NaN);
    if (!sol.routes[s1].feasible || (s2 >= 0 && !sol.routes[s2].feasible)) {
      sol.remove([e.node]);
      displaced.push(e.node);
    }
  }
  // Breaks a route with visits owes but does not hold yet; a route holding no visit owes none.
  for (const route of sol.routes) {
    const missing = inst.staffBreaks[route.staff].map((b) => V + b).filter((node) => !route.nodes.includes(node));
    if (missing.length === 0) continue;
    if (route.visitCount === 0) {
      restoreBreaks(inst, route);
      continue;
    }
    if (missing.every((node) => insertBreak(sol, route.staff, node))) continue;
    const visits = route.nodes.filter((n) => n < V);
    displaced.push(...visits);
    sol.remove(visits);
    restoreBreaks(inst, route);
  }
  return { solution: sol, displaced };
}

/** Puts the breaks a route without visits lacks back, in order of their earliest start, as a new solution holds them. */
function restoreBreaks(inst: Instance, route: Route): void {
  const V = inst.visitCount;
  const earliest = (node: number) => inst.breaks[node - V].earliest;
  const missing = inst.staffBreaks[route.staff].map((b) => V + b).filter((node) => !route.nodes.includes(node));
  for (const node of missing.sort((a, b) => earliest(a) - earliest(b))) {
    const p = route.nodes.findIndex((n) => earliest(n) > earliest(node));
    route.insert(p < 0 ? route.nodes.length : p, node);
  }
}
