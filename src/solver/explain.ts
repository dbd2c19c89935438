/**
 * Why: the most specific true reason a visit was left unassigned (FORMAT §2; of the whole
 * problem, rule 22), for every visit not made by its recipient's contact why the contact did
 * not go, and for a visit another team's staff made, why its own team did not.
 */
import type { Instance } from '../compile/index.ts';
import type { Explanation, Unassigned, UnassignedReason } from '../model/types.ts';
import { ineligibility } from '../rules/eligibility.ts';
import { shiftCovers } from '../rules/coverage.ts';
import { Inserter } from './insertion.ts';
import type { Solution } from './solution.ts';

function covers(inst: Instance, v: number, s: number): boolean {
  return shiftCovers(inst.shiftStart[s], inst.shiftEnd[s], inst.winStart[v], inst.winEnd[v], inst.duration[v]);
}

function names(inst: Instance, staff: number[]): string {
  return staff.map((s) => inst.staffIds[s]).join(', ');
}

export function unassignedReason(sol: Solution, v: number): { reason: UnassignedReason; message: string } {
  const inst = sol.inst;
  const S = inst.staffCount;
  const problemVisit = inst.problem.visits[v];
  const need = inst.visitStaffCount[v];
  const lock = problemVisit.lockedStaff;
  const eligible: number[] = [];
  for (let s = 0; s < S; s++) if (inst.eligible[v * S + s]) eligible.push(s);
  const lockBroken = inst.mustInclude[v] === -2;
  if (eligible.length < need || lockBroken) {
    if (lock) {
      const working = lock.filter((id) => inst.staffIndex.has(id));
      return {
        reason: 'locked_infeasible',
        message: working.length < lock.length
          ? `locked to ${lock.join(', ')}, but ${lock.filter((id) => !inst.staffIndex.has(id)).join(', ')} not working today`
          : `locked to ${lock.join(', ')}, who may not be sent to this visit`,
      };
    }
    return {
      reason: 'no_eligible_staff',
      message: eligible.length === 0
        ? 'no staff member working today may be sent to this visit'
        : `needs ${need} staff but only ${names(inst, eligible)} may be sent`,
    };
  }
  const covering = eligible.filter((s) => covers(inst, v, s));
  if (covering.length < need) {
    if (problemVisit.lockedStart !== undefined || lock) {
      return { reason: 'locked_infeasible', message: 'the locked start or staff falls outside the shifts of the staff who may go' };
    }
    return {
      reason: 'outside_shifts',
      message: need === 2 ? "no two eligible staff members' shifts cover the window" : "no eligible staff member's shift covers the window",
    };
  }
  const [lo, hi] = sol.dependencyWindow(v);
  if (lo > hi + 1e-9) {
    return { reason: 'dependency', message: 'the gap to a visit it depends on cannot be kept inside its window' };
  }
  if (lo !== inst.winStart[v] || hi !== inst.winEnd[v]) {
    return { reason: 'dependency', message: 'no staff member has room inside the gap to the visit it depends on' };
  }
  if (problemVisit.lockedStart !== undefined || lock) {
    return { reason: 'locked_infeasible', message: 'the locked start or staff leaves no room in the routes' };
  }
  return { reason: 'no_capacity', message: `${covering.length} eligible staff work then, but none has room for it` };
}

export function unassignedList(sol: Solution): Unassigned[] {
  return sol.unassignedVisits().map((v) => ({ visit: sol.inst.visitIds[v], ...unassignedReason(sol, v) }));
}

/**
 * For every assigned visit whose recipient's contact is not among the staff sent, why.
 * `teamReasons` are why visits that other teams' staff made were left out by their own team
 * (by visit id). The probes leave the solution as they found it.
 */
export function explain(sol: Solution, teamReasons: ReadonlyMap<string, Unassigned> = new Map()): Explanation[] {
  const inst = sol.inst;
  const V = inst.visitCount;
  const out: Explanation[] = [];
  const inserter = new Inserter(inst);
  for (let v = 0; v < V; v++) {
    if (!sol.isAssigned(v)) continue;
    const r = inst.visitRecipient[v];
    const sent = [sol.staffOf[2 * v], sol.staffOf[2 * v + 1]].filter((s) => s >= 0);
    const c = inst.contact[r];
    if (c >= 0 && sent.includes(c)) continue;
    const why = contactReason(sol, inserter, v, sent);
    const lent = sent.filter((s) => inst.staffTeam[s] !== inst.recipientTeam[r]);
    if (lent.length === 0) {
      out.push(why);
      continue;
    }
    const team = inst.teamIds[inst.staffTeam[lent[0]]];
    const own = inst.teamIds[inst.recipientTeam[r]];
    const left = teamReasons.get(inst.visitIds[v]);
    const because = left ? `${own} could not place it (${left.reason}: ${left.message})` : `${own}'s own staff had no room`;
    out.push({ ...why, borrowedFrom: team, message: `${why.message}; ${because}, so ${team}'s ${lent.map((s) => inst.staffIds[s]).join(' and ')} went` });
  }
  return out;
}

/** Why the contact of visit v's recipient is not among the staff sent. */
function contactReason(sol: Solution, inserter: Inserter, v: number, sent: number[]): Explanation {
  const inst = sol.inst;
  const S = inst.staffCount;
  const V = inst.visitCount;
  const r = inst.visitRecipient[v];
  const contactId = inst.contactId[r];
  const c = inst.contact[r];
  const base = { visit: inst.visitIds[v], recipient: inst.recipientIds[r], contact: contactId, sent: sent.map((s) => inst.staffIds[s]) };
  if (contactId === null) return { ...base, reason: 'no_contact', message: 'the recipient has no fast omsorgskontakt' };
  if (c < 0) return { ...base, reason: 'contact_not_working', message: `${contactId} is not working today` };
  if (!inst.eligible[v * S + c]) {
    const why = ineligibility(inst.problem.staff[c], inst.problem.visits[v], inst.problem.recipients[r]);
    return { ...base, reason: 'contact_not_eligible', message: `${contactId} ${why?.message ?? 'may not be sent to this visit'}` };
  }
  if (!covers(inst, v, c)) return { ...base, reason: 'contact_outside_shift', message: `${contactId}'s shift does not cover the visit's window` };
  const st = sol.startOf[v];
  const en = st + inst.duration[v];
  const route = sol.routes[c];
  let busy = -1;
  let onBreak = false;
  for (let i = 0; i < route.nodes.length; i++) {
    const node = route.nodes[i];
    const a = route.start[i];
    const b = a + (node < V ? inst.duration[node] : inst.breaks[node - V].minutes);
    if (a < en && b > st) {
      if (node < V) busy = node;
      else onBreak = true;
      break;
    }
  }
  if (busy >= 0) return { ...base, reason: 'contact_busy', message: `${contactId} is at ${inst.visitIds[busy]} then`, busyWith: inst.visitIds[busy] };
  if (onBreak) return { ...base, reason: 'contact_break', message: `${contactId} has a break then` };
  // Could the contact take it as the routes stand? If not, travel or the shift end stands in the way.
  return fitsWithout(sol, inserter, v, c)
    ? { ...base, reason: 'cost_tradeoff', message: `${contactId} could go, but the day as a whole costs less this way (travel, other recipients' contacts)` }
    : { ...base, reason: 'contact_travel', message: `${contactId} cannot reach it in time between other visits or within the shift` };
}

/** Whether staff s could make visit v were v taken out of its routes; v goes back where it was. */
function fitsWithout(sol: Solution, inserter: Inserter, v: number, s: number): boolean {
  const s1 = sol.staffOf[2 * v];
  const s2 = sol.staffOf[2 * v + 1];
  const p1 = sol.routes[s1].nodes.indexOf(v);
  const p2 = s2 >= 0 ? sol.routes[s2].nodes.indexOf(v) : -1;
  const pin = sol.linked(v) ? sol.startOf[v] : Number.NaN;
  sol.remove([v]);
  const fits = inserter.best(sol, v, 0, s) !== null;
  sol.insert(v, s1, p1, s2, p2, pin);
  return fits;
}
