/**
 * Whether anyone can be sent at all (FORMAT §6.1). A visit nobody is eligible for, or a
 * double-staffed one with a single eligible person, will come back unassigned; saying so
 * before solving lets a scheduler fix the data instead of wondering about the solver.
 */
import type { PeriodStaff, Recipient, Staff, Visit, VisitPlan, PeriodVisit } from '../model/types.ts';
import { ineligibility } from '../rules/eligibility.ts';
import type { Path, ProblemList } from './problems.ts';
import { listIds, quote } from './problems.ts';

export interface PlacedVisit {
  path: Path;
  visit: Visit | VisitPlan | PeriodVisit;
}

/** `staffWord` names the staff list in a sentence: "on today's staff list", "in the period's staff". */
export function checkStaffing(
  visits: readonly PlacedVisit[],
  recipients: ReadonlyMap<string, Recipient>,
  staff: ReadonlyArray<Staff | PeriodStaff>,
  staffWord: string,
  problems: ProblemList,
): void {
  for (const { path, visit } of visits) {
    const recipient = recipients.get(visit.recipient);
    if (!recipient) continue;
    const reasons: string[] = [];
    const eligible: string[] = [];
    for (const person of staff) {
      const why = ineligibility(person, visit, recipient);
      if (why) reasons.push(`${person.id} ${why.message}`);
      else eligible.push(person.id);
    }
    if (eligible.length === 0) {
      problems.warning(path, `no staff member ${staffWord} is eligible (${whyNobody(visit, staff, reasons, staffWord)}), so the visit will be unassigned`, 'no_eligible_staff');
    } else if ((visit.staffCount ?? 1) === 2 && eligible.length < 2) {
      problems.warning(
        [...path, 'staffCount'],
        `2 staff are needed but only ${quote(eligible[0])} ${staffWord} is eligible, so the visit will be unassigned`,
        'too_few_eligible',
      );
    }
  }
}

function whyNobody(visit: PlacedVisit['visit'], staff: ReadonlyArray<Staff | PeriodStaff>, reasons: readonly string[], staffWord: string): string {
  if (staff.length === 0) return `there is nobody ${staffWord}`;
  const locked = visit.lockedStaff;
  if (locked && !locked.some((id) => staff.some((person) => person.id === id))) {
    return `it is locked to ${listIds(locked)}, who ${locked.length === 1 ? 'is' : 'are'} not ${staffWord}`;
  }
  const shown = reasons.slice(0, 3).join('; ');
  return reasons.length > 3 ? `${shown}; and ${reasons.length - 3} more` : shown;
}
