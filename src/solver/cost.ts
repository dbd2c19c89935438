/**
 * The objective, in one place (as PyVRP's `CostEvaluator`): the weights and their defaults,
 * every term of the cost, the insertion delta the scans in `insertion.ts` price moves with,
 * and a full recomputation that the incrementally kept cost of a `Solution` must equal.
 *
 * Costs are minute-equivalents, lower is better (FORMAT §1 "Objective"). The defaults put
 * continuity first: a visit not made by the contact (60) costs more than the longest detour
 * a walking team's area causes (a Södermalm team area is ~1.5 km across: ~26 min each way on
 * foot with the 1.3 detour factor), so the solver walks further rather than send a stranger,
 * but not across the district. The README's weight table explains each number.
 *
 * A re-plan keeps a published day steady (FORMAT §7 rule 3): a visit given to other staff
 * than the plan sent costs `changedStaff` (20: less than losing the contact, 60, or a deputy,
 * 30, so the repair still moves a visit to free the contact; more than a detour of a few
 * minutes, so nobody's day is reshuffled to save a short walk), and each minute between its
 * start and the planned one `movedStartMinute` (0.5, as a preferred start: an hour's move is
 * half a lost contact, and a visit pushed into a full route moves every later visit, so the
 * repair looks for slack first).
 */
import type { Instance } from '../compile/index.ts';
import type { Objective, ObjectiveWeight } from '../model/types.ts';

export type Weights = Record<ObjectiveWeight, number>;

export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  unassignedMandatory: 10_000,
  unassignedOptional: 120,
  notContact: 60,
  byDeputy: 30,
  newStaff: 25,
  extraStaffToday: 15,
  travelMinute: 1,
  preferredStartMinute: 0.5,
  lateMinute: 2,
  maxLateMinute: 0,
  languageMismatch: 10,
  otherTeam: 30,
  changedStaff: 20,
  movedStartMinute: 0.5,
};

/**
 * Leaving a visit out costs its weight raised by 10 % per hour of staff time it needs
 * (duration × staffCount; the whole weight again per this many staff-minutes): when something
 * must be left out, the search keeps the larger piece of care (a double-staffed lift over a
 * short single visit), which is also what gets it out of the local optima where singles crowd
 * out the few staff a double visit needs.
 */
export const UNASSIGNED_DOUBLING_MINUTES = 600;

export function resolveWeights(objective: Objective | undefined): Weights {
  const weights: Weights = { ...DEFAULT_WEIGHTS };
  for (const key of Object.keys(weights) as ObjectiveWeight[]) {
    const value = objective?.[key];
    if (value !== undefined && value !== null) weights[key] = value;
  }
  return weights;
}

/** Extra cost of a recipient meeting a staff member for the first time today (ids in, minutes out). */
export type MeetCost = (recipientId: string, staffId: string) => number;

export interface CostOptions {
  /** Weights instead of the problem's `objective` (missing ones take the defaults). */
  objective?: Objective;
  /** Added to `newStaff` for a first meeting today (the period planner's look-ahead). */
  meetCost?: MeetCost;
  /** Added for every visit of the recipient the staff member makes (the period planner's circle). */
  visitCost?: MeetCost;
}

/** Who each recipient meets today: `met[r * S + s]` visits by s, `distinct[r]` people. */
export interface MeetState {
  readonly met: Int32Array;
  readonly distinct: Int32Array;
}

/** What a full recomputation needs of a solution: who does which visit, when, and the routes' nodes. */
export interface Evaluable extends MeetState {
  readonly staffOf: Int32Array;
  readonly startOf: Float64Array;
  readonly routes: readonly { readonly staff: number; readonly nodes: readonly number[] }[];
}

export class CostEvaluator {
  readonly inst: Instance;
  readonly weights: Weights;
  /**
   * firstMeetCost[r * S + s]: recipient r meeting staff s for the first time today —
   * `newStaff` when s is not among the recent staff, plus the caller's `meetCost`.
   */
  readonly firstMeetCost: Float64Array;
  /** visitCost[r * S + s]: what each visit of recipient r by staff s adds; null when the caller gives none. */
  readonly visitCost: Float64Array | null;

  constructor(inst: Instance, options: CostOptions = {}) {
    this.inst = inst;
    this.weights = resolveWeights(options.objective ?? inst.problem.objective);
    const R = inst.recipientCount;
    const S = inst.staffCount;
    const { meetCost } = options;
    this.firstMeetCost = new Float64Array(R * S);
    for (let r = 0; r < R; r++) {
      for (let s = 0; s < S; s++) {
        this.firstMeetCost[r * S + s] = (inst.recentStaff[r].has(s) ? 0 : this.weights.newStaff) + (meetCost ? meetCost(inst.recipientIds[r], inst.staffIds[s]) : 0);
      }
    }
    const { visitCost } = options;
    this.visitCost = visitCost ? new Float64Array(R * S) : null;
    if (visitCost) {
      for (let r = 0; r < R; r++) for (let s = 0; s < S; s++) this.visitCost![r * S + s] = visitCost(inst.recipientIds[r], inst.staffIds[s]);
    }
  }

  // ── Terms ─────────────────────────────────────────────────────────────────

  travel(minutes: number): number {
    return minutes * this.weights.travelMinute;
  }

  unassignedPenalty(v: number): number {
    const inst = this.inst;
    const base = inst.mandatory[v] ? this.weights.unassignedMandatory : this.weights.unassignedOptional;
    return base * (1 + (inst.duration[v] * inst.visitStaffCount[v]) / UNASSIGNED_DOUBLING_MINUTES);
  }

  /** Soft time cost of starting visit v at `start`: minutes past `dueStart`, minutes from `preferredStart` and from `plannedStart`. */
  visitTimeCost(v: number, start: number): number {
    const inst = this.inst;
    const w = this.weights;
    let cost = 0;
    const due = inst.dueStart[v];
    if (due === due && start > due) cost += (start - due) * w.lateMinute;
    const pref = inst.preferredStart[v];
    if (pref === pref) cost += Math.abs(start - pref) * w.preferredStartMinute;
    const planned = inst.plannedStart[v];
    if (planned === planned) cost += Math.abs(start - planned) * w.movedStartMinute;
    return cost;
  }

  /** Minutes visit v starts past its `dueStart` at `start` (0 without one; may be negative). */
  lateness(v: number, start: number): number {
    const due = this.inst.dueStart[v];
    return due === due ? start - due : 0;
  }

  /** The day's largest lateness, priced. */
  maxLateCost(maxLate: number): number {
    return this.weights.maxLateMinute > 0 ? maxLate * this.weights.maxLateMinute : 0;
  }

  /** Contact, language, lending and plan-keeping terms of visit v made by `a` (and `b` when double-staffed, else −1). */
  assignmentCost(v: number, a: number, b: number): number {
    const inst = this.inst;
    const r = inst.visitRecipient[v];
    const w = this.weights;
    let cost = 0;
    const team = inst.recipientTeam[r];
    if (inst.staffTeam[a] !== team) cost += w.otherTeam;
    if (b >= 0 && inst.staffTeam[b] !== team) cost += w.otherTeam;
    const own = this.visitCost;
    if (own !== null) {
      const S = inst.staffCount;
      cost += own[r * S + a];
      if (b >= 0) cost += own[r * S + b];
    }
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
    const pa = inst.plannedStaff[2 * v];
    if (pa !== -1) {
      const pb = inst.plannedStaff[2 * v + 1];
      if (!((a === pa && b === pb) || (a === pb && b === pa))) cost += w.changedStaff;
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
  meetDelta(day: MeetState, r: number, s: number): number {
    const S = this.inst.staffCount;
    if (day.met[r * S + s] > 0) return 0;
    let d = 0;
    if (day.distinct[r] >= 1) d += this.weights.extraStaffToday;
    return d + this.firstMeetCost[r * S + s];
  }

  /** Cost change of adding s1 then s2 to recipient r's day (s2 may be −1). */
  meetPairDelta(day: MeetState, r: number, s1: number, s2: number): number {
    const S = this.inst.staffCount;
    const new1 = day.met[r * S + s1] === 0;
    let d = this.meetDelta(day, r, s1);
    if (s2 >= 0 && day.met[r * S + s2] === 0) {
      if (day.distinct[r] + (new1 ? 1 : 0) >= 1) d += this.weights.extraStaffToday;
      d += this.firstMeetCost[r * S + s2];
    }
    return d;
  }

  /**
   * `total` less the meeting terms that go when recipient r's last visit by staff s today goes
   * (taken off one by one, so that adding and removing a meeting give back the same total).
   */
  withoutMeeting(total: number, day: MeetState, r: number, s: number): number {
    const k = r * this.inst.staffCount + s;
    if (day.met[k] !== 1) return total;
    if (day.distinct[r] >= 2) total -= this.weights.extraStaffToday;
    return total - this.firstMeetCost[k];
  }

  /** The staff-dependent terms of sending `a` (and `b`) to visit v: assignment and meeting. */
  staffDelta(day: MeetState, v: number, a: number, b: number): number {
    const r = this.inst.visitRecipient[v];
    return this.assignmentCost(v, a, b) + (b >= 0 ? this.meetPairDelta(day, r, a, b) : this.meetDelta(day, r, a));
  }

  // ── The insertion delta ──────────────────────────────────────────────────

  /**
   * The objective's change when visits go in: the added travel, the inserted visits' own
   * soft time costs, their staff terms (`staffDelta`), the push on later visits of the
   * routes touched (`Route.downstreamDelta`), and the largest lateness above the day's
   * `maxLate` so far. Every scan prices its candidates with this one function.
   */
  insertionDelta(addedTravel: number, timeTerms: number, staffTerms: number, downstream: number, lateness: number, maxLate: number): number {
    const cost = addedTravel * this.weights.travelMinute + timeTerms + staffTerms + downstream;
    return lateness > maxLate && this.weights.maxLateMinute > 0 ? cost + (lateness - maxLate) * this.weights.maxLateMinute : cost;
  }

  // ── Full recomputation ───────────────────────────────────────────────────

  /** The whole objective from scratch: what the incremental bookkeeping of a `Solution` must equal. */
  evaluate(sol: Evaluable): number {
    const inst = this.inst;
    const V = inst.visitCount;
    const S = inst.staffCount;
    const P = inst.placeCount;
    let travel = 0;
    for (const route of sol.routes) {
      const T = inst.staffTravel[route.staff];
      let place = inst.startPlace[route.staff];
      let visits = 0;
      for (const node of route.nodes) {
        if (node >= V) continue;
        travel += T[place * P + inst.visitPlace[node]];
        place = inst.visitPlace[node];
        visits++;
      }
      if (visits > 0) travel += T[place * P + inst.endPlace[route.staff]];
    }
    let cost = this.travel(travel);
    let maxLate = 0;
    const met = new Int32Array(inst.recipientCount * S);
    for (let v = 0; v < V; v++) {
      const a = sol.staffOf[2 * v];
      if (a < 0) {
        cost += this.unassignedPenalty(v);
        continue;
      }
      const b = sol.staffOf[2 * v + 1];
      cost += this.visitTimeCost(v, sol.startOf[v]) + this.assignmentCost(v, a, b);
      if (inst.dueStart[v] === inst.dueStart[v]) maxLate = Math.max(maxLate, sol.startOf[v] - inst.dueStart[v]);
      const r = inst.visitRecipient[v];
      met[r * S + a]++;
      if (b >= 0) met[r * S + b]++;
    }
    for (let r = 0; r < inst.recipientCount; r++) {
      let distinct = 0;
      for (let s = 0; s < S; s++) {
        if (met[r * S + s] === 0) continue;
        distinct++;
        cost += this.firstMeetCost[r * S + s];
      }
      if (distinct > 1) cost += (distinct - 1) * this.weights.extraStaffToday;
    }
    return cost + this.maxLateCost(maxLate);
  }
}
