/**
 * Ruin operators: each removes a related group of visits so that recreate can place
 * them better. Besides the classic random and string removals (SISR), removals that
 * suit continuity: all visits of a few recipients (their contact can take them back
 * together), a time slice across routes, one staff member's whole day, and the contact's
 * visits around a visit someone else makes.
 */
import type { Instance } from '../compile/index.ts';
import type { Random } from '../random/index.ts';
import type { SearchParams } from './params.ts';
import type { Solution } from './solution.ts';

export interface RuinContext {
  inst: Instance;
  rng: Random;
  params: SearchParams;
  /** Nearest recipients by travel (walk table of the first staff), excluding itself. */
  neighbours: Int32Array[];
}

export type RuinOperator = (sol: Solution, ctx: RuinContext, size: number) => number[];

function assignedVisits(sol: Solution): number[] {
  const out: number[] = [];
  for (let v = 0; v < sol.inst.visitCount; v++) if (sol.isAssigned(v)) out.push(v);
  return out;
}

function visitsOfRoute(sol: Solution, s: number): number[] {
  const V = sol.inst.visitCount;
  return sol.routes[s].nodes.filter((n) => n < V);
}

/** Uniformly random assigned visits. */
export const randomRemoval: RuinOperator = (sol, ctx, size) => {
  const all = assignedVisits(sol);
  return ctx.rng.shuffle(all).slice(0, size);
};

/** Strings of consecutive visits from routes near a seed visit (SISR). */
export const stringRemoval: RuinOperator = (sol, ctx, size) => {
  const { inst, rng } = ctx;
  const all = assignedVisits(sol);
  if (all.length === 0) return [];
  const seed = rng.pick(all);
  const removed = new Set<number>();
  const usedRoutes = new Set<number>();
  const maxString = ctx.params.stringMaxLength;
  const strings = Math.max(1, Math.floor((4 * size) / (1 + maxString)));
  const recipients = [inst.visitRecipient[seed], ...ctx.neighbours[inst.visitRecipient[seed]]];
  for (const r of recipients) {
    if (usedRoutes.size >= strings || removed.size >= size) break;
    for (const v of inst.recipientVisits[r]) {
      const s = sol.staffOf[2 * v];
      if (s < 0 || usedRoutes.has(s)) continue;
      usedRoutes.add(s);
      const route = visitsOfRoute(sol, s);
      const length = Math.min(route.length, rng.int(1, maxString), size - removed.size);
      const at = route.indexOf(v);
      const from = Math.max(0, Math.min(at - rng.int(0, length - 1), route.length - length));
      for (let i = from; i < from + length; i++) removed.add(route[i]);
      break;
    }
  }
  return [...removed];
};

/** Every visit of a few recipients near each other: their day can re-form around one contact. */
export const recipientRemoval: RuinOperator = (sol, ctx, size) => {
  const { inst, rng } = ctx;
  const seed = rng.int(0, inst.recipientCount - 1);
  const removed: number[] = [];
  const chosen = [seed, ...ctx.neighbours[seed]];
  for (const r of chosen) {
    if (removed.length >= size) break;
    if (r !== seed && rng.next() < ctx.params.recipientSkipProbability) continue;
    for (const v of inst.recipientVisits[r]) if (sol.isAssigned(v)) removed.push(v);
  }
  return removed;
};

/** Visits starting within a slice of the day, across all routes. */
export const timeSliceRemoval: RuinOperator = (sol, ctx, size) => {
  const all = assignedVisits(sol);
  if (all.length === 0) return [];
  const t = sol.startOf[ctx.rng.pick(all)];
  const width = ctx.rng.int(ctx.params.timeSliceMinMinutes, ctx.params.timeSliceMaxMinutes);
  const slice = all.filter((v) => sol.startOf[v] >= t && sol.startOf[v] < t + width);
  return ctx.rng.shuffle(slice).slice(0, size);
};

/** One staff member's whole day. */
export const staffDayRemoval: RuinOperator = (sol, ctx) => {
  const busy = sol.routes.filter((r) => r.visitCount > 0);
  if (busy.length === 0) return [];
  return visitsOfRoute(sol, ctx.rng.pick(busy).staff);
};

/**
 * A visit not made by its recipient's contact, together with the contact's visits that
 * overlap its window: the contact may be freed to take it.
 */
export const contactRemoval: RuinOperator = (sol, ctx, size) => {
  const { inst, rng } = ctx;
  const margin = ctx.params.contactRemovalMarginMinutes;
  const candidates: number[] = [];
  for (let v = 0; v < inst.visitCount; v++) {
    const r = inst.visitRecipient[v];
    const c = inst.contact[r];
    if (c < 0 || !inst.eligible[v * inst.staffCount + c]) continue;
    if (!sol.isAssigned(v) ? true : sol.staffOf[2 * v] !== c && sol.staffOf[2 * v + 1] !== c) candidates.push(v);
  }
  if (candidates.length === 0) return randomRemoval(sol, ctx, size);
  const removed = new Set<number>();
  for (let k = 0; k < ctx.params.contactRemovalSeeds && removed.size < size; k++) {
    const v = rng.pick(candidates);
    const c = inst.contact[inst.visitRecipient[v]];
    if (sol.isAssigned(v)) removed.add(v);
    const lo = inst.winStart[v] - margin;
    const hi = inst.winEnd[v] + inst.duration[v] + margin;
    for (const u of visitsOfRoute(sol, c)) {
      if (sol.startOf[u] + inst.duration[u] >= lo && sol.startOf[u] <= hi) removed.add(u);
    }
  }
  return [...removed];
};

/**
 * Room for a visit left out: the visits overlapping its window in the routes of a few
 * staff members who may take it.
 */
export const unassignedRemoval: RuinOperator = (sol, ctx, size) => {
  const left: number[] = [];
  for (let v = 0; v < ctx.inst.visitCount; v++) if (!sol.isAssigned(v)) left.push(v);
  if (left.length === 0) return stringRemoval(sol, ctx, size);
  return roomFor(sol, ctx, ctx.rng.pick(left));
};

/** The visits overlapping v's window (with a margin) in the routes of a few staff members who may make v. */
export function roomFor(sol: Solution, ctx: RuinContext, v: number): number[] {
  const { inst, rng } = ctx;
  const S = inst.staffCount;
  const eligible: number[] = [];
  for (let s = 0; s < S; s++) if (inst.eligible[v * S + s] && inst.shiftStart[s] <= inst.winEnd[v] && inst.shiftEnd[s] >= inst.winStart[v]) eligible.push(s);
  const staff = rng.shuffle(eligible);
  const { unassignedMarginMinutes: margin, unassignedAllStaffProbability, unassignedExtraStaff } = ctx.params;
  const lo = inst.winStart[v] - margin;
  const hi = inst.winEnd[v] + inst.duration[v] + margin;
  const removed = new Set<number>();
  const count = rng.next() < unassignedAllStaffProbability ? staff.length : inst.visitStaffCount[v] + rng.int(0, unassignedExtraStaff);
  for (const s of staff.slice(0, count)) {
    for (const u of visitsOfRoute(sol, s)) {
      if (sol.startOf[u] + inst.duration[u] >= lo && sol.startOf[u] <= hi) removed.add(u);
    }
  }
  return [...removed];
}

/**
 * How a ruin's visits go back: greedily in a random order with blinks, or by regret, so that
 * room made for a left-out visit goes to the visit that loses most by waiting.
 */
export type RecreateKind = 'greedy' | 'regret';

export interface Ruin {
  name: string;
  op: RuinOperator;
  recreate: RecreateKind;
}

export const RUIN_OPERATORS: readonly Ruin[] = [
  { name: 'random', op: randomRemoval, recreate: 'greedy' },
  { name: 'string', op: stringRemoval, recreate: 'greedy' },
  { name: 'recipient', op: recipientRemoval, recreate: 'greedy' },
  { name: 'time-slice', op: timeSliceRemoval, recreate: 'greedy' },
  { name: 'staff-day', op: staffDayRemoval, recreate: 'greedy' },
  { name: 'contact', op: contactRemoval, recreate: 'greedy' },
  { name: 'unassigned', op: unassignedRemoval, recreate: 'regret' },
];

/** For each recipient, the others sorted by travel time from its home. */
export function recipientNeighbours(inst: Instance, keep: number): Int32Array[] {
  const R = inst.recipientCount;
  const P = inst.placeCount;
  const table = inst.staffTravel[0];
  const homes = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    const visits = inst.recipientVisits[r];
    homes[r] = visits.length > 0 ? inst.visitPlace[visits[0]] : -1;
  }
  const out: Int32Array[] = [];
  for (let r = 0; r < R; r++) {
    if (!table || homes[r] < 0) {
      out.push(new Int32Array(0));
      continue;
    }
    const others: number[] = [];
    for (let q = 0; q < R; q++) if (q !== r && homes[q] >= 0) others.push(q);
    others.sort((a, b) => table[homes[r] * P + homes[a]] - table[homes[r] * P + homes[b]] || a - b);
    out.push(Int32Array.from(others.slice(0, keep)));
  }
  return out;
}
