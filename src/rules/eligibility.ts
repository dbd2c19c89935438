/**
 * Who may be sent to a visit (FORMAT §6.1): role allowed, every required skill held, the
 * recipient's required gender met, not excluded by the recipient, no avoided tag shared
 * with the home, and inside `lockedStaff` when that is given. One rule for every surface:
 * validation, the solver's compiled bitsets, metrics and the checker.
 */
import type { PeriodStaff, Recipient, Role, Staff, Visit, VisitPlan } from '../model/types.ts';

type StaffLike = Pick<Staff | PeriodStaff, 'id' | 'role' | 'skills' | 'gender' | 'avoidTags' | 'titleProof'>;
type VisitLike = Pick<Visit | VisitPlan, 'type' | 'roles' | 'requires' | 'lockedStaff'>;
type RecipientLike = Pick<Recipient, 'requiredGender' | 'excludedStaff' | 'tags'>;

const CARE_ROLES: readonly Role[] = ['assistant_nurse', 'care_aide', 'nurse'];
const ANY_ROLE: readonly Role[] = ['assistant_nurse', 'care_aide', 'service_assistant', 'nurse'];

/** Roles allowed by default: service and meal visits any role, other types care roles. */
export function allowedRoles(visit: VisitLike): readonly Role[] {
  if (visit.roles) return visit.roles;
  return visit.type === 'service' || visit.type === 'meal' ? ANY_ROLE : CARE_ROLES;
}

export type IneligibleRule = 'role' | 'skill' | 'gender' | 'excluded' | 'avoid_tag' | 'not_locked';

export interface Ineligibility {
  rule: IneligibleRule;
  /** Plain sentence naming the rule, e.g. `lacks the skill "insulin"`. */
  message: string;
}

/** The first rule that keeps `staff` from `visit`, or null when eligible. */
export function ineligibility(staff: StaffLike, visit: VisitLike, recipient: RecipientLike): Ineligibility | null {
  if (visit.lockedStaff && !visit.lockedStaff.includes(staff.id)) {
    return { rule: 'not_locked', message: 'is not among the staff the visit is locked to' };
  }
  if (!allowedRoles(visit).includes(staff.role)) {
    return { rule: 'role', message: `has role ${staff.role}, not allowed for this visit` };
  }
  for (const skill of visit.requires ?? []) {
    if (!staff.skills?.includes(skill)) return { rule: 'skill', message: `lacks the skill "${skill}"` };
  }
  if (recipient.requiredGender && staff.gender !== recipient.requiredGender) {
    return { rule: 'gender', message: `is not ${recipient.requiredGender}, as the recipient requires` };
  }
  if (recipient.excludedStaff?.includes(staff.id)) {
    return { rule: 'excluded', message: 'is excluded by the recipient' };
  }
  const tag = staff.avoidTags?.find((t) => recipient.tags?.includes(t));
  if (tag !== undefined) return { rule: 'avoid_tag', message: `must avoid homes tagged "${tag}"` };
  return null;
}

export function isEligible(staff: StaffLike, visit: VisitLike, recipient: RecipientLike): boolean {
  return ineligibility(staff, visit, recipient) === null;
}

/** Last day a `transitional` title proof is valid (FORMAT §6.13). */
export const TRANSITIONAL_VALID_THROUGH = '2033-06-30';

/**
 * Whether a staff member may be a fast omsorgskontakt on `date` (4 kap. 2 b § SoL): an
 * assistant nurse with a certificate, or with the transitional proof through 2033-06-30.
 */
export function qualifiedAsContact(staff: StaffLike, date: string): boolean {
  if (staff.role !== 'assistant_nurse') return false;
  if (staff.titleProof === 'certificate') return true;
  return staff.titleProof === 'transitional' && date <= TRANSITIONAL_VALID_THROUGH;
}
