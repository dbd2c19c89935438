/**
 * Why: the most specific true reason a visit was left unassigned (FORMAT §2), and for
 * every visit not made by its recipient's contact, why the contact did not go.
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
    return { reason: 'outside_shifts', message: `no${need === 2 ? ' two' : ''} eligible staff member's shift covers the window` };
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

/** For every assigned visit whose recipient's contact is not among the staff sent, why. */
export function explain(sol: Solution): Explanation[] {
  const inst = sol.inst;
  const S = inst.staffCount;
  const V = inst.visitCount;
  const out: Explanation[] = [];
  const inserter = new Inserter(inst);
  for (let v = 0; v < V; v++) {
    if (!sol.isAssigned(v)) continue;
    const r = inst.visitRecipient[v];
    const contactId = inst.contactId[r];
    const sent = [sol.staffOf[2 * v], sol.staffOf[2 * v + 1]].filter((s) => s >= 0);
    const c = inst.contact[r];
    if (c >= 0 && sent.includes(c)) continue;
    const base = { visit: inst.visitIds[v], recipient: inst.recipientIds[r], contact: contactId, sent: sent.map((s) => inst.staffIds[s]) };
    if (contactId === null) {
      out.push({ ...base, reason: 'no_contact', message: 'the recipient has no fast omsorgskontakt' });
      continue;
    }
    if (c < 0) {
      out.push({ ...base, reason: 'contact_not_working', message: `${contactId} is not working today` });
      continue;
    }
    if (!inst.eligible[v * S + c]) {
      const why = ineligibility(inst.problem.staff[c], inst.problem.visits[v], inst.problem.recipients[r]);
      out.push({ ...base, reason: 'contact_not_eligible', message: `${contactId} ${why?.message ?? 'may not be sent to this visit'}` });
      continue;
    }
    if (!covers(inst, v, c)) {
      out.push({ ...base, reason: 'contact_outside_shift', message: `${contactId}'s shift does not cover the visit's window` });
      continue;
    }
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
    if (busy >= 0) {
      out.push({ ...base, reason: 'contact_busy', message: `${contactId} is at ${inst.visitIds[busy]} then`, busyWith: inst.visitIds[busy] });
      continue;
    }
    if (onBreak) {
      out.push({ ...base, reason: 'contact_break', message: `${contactId} has a break then` });
      continue;
    }
    // Could the contact take it as the routes stand? If not, travel or the shift end stands in the way.
    const trial = sol.clone();
    trial.remove([v]);
    const fits = inserter.best(trial, v, 0, c) !== null;
    out.push(
      fits
        ? { ...base, reason: 'cost_tradeoff', message: `${contactId} could go, but the day as a whole costs less this way (travel, other recipients' contacts)` }
        : { ...base, reason: 'contact_travel', message: `${contactId} cannot reach it in time between other visits or within the shift` },
    );
  }
  return out;
}
