/**
 * The law's two demands on contacts (FORMAT §2 warnings, §6.13): every recipient has a
 * fast omsorgskontakt unless it was waived, and that contact is an undersköterska with a
 * valid title proof (4 kap. 2 b § SoL). A contact not on the staff list is not judged.
 */
import type { DayProblem, PeriodStaff, Recipient, Role, Staff, Warning } from '../model/types.ts';
import { TRANSITIONAL_VALID_THROUGH, qualifiedAsContact } from '../rules/eligibility.ts';
import type { Path } from './problems.ts';

export interface ComplianceFinding {
  path: Path;
  warning: Warning;
}

const ROLE_WORDS: Record<Role, string> = {
  assistant_nurse: 'an assistant nurse',
  care_aide: 'a care aide',
  service_assistant: 'a service assistant',
  nurse: 'a nurse',
};

function whyNotQualified(person: Staff | PeriodStaff): string {
  if (person.role !== 'assistant_nurse') return `is ${ROLE_WORDS[person.role]}, not an assistant nurse (undersköterska)`;
  if (person.titleProof === 'transitional') return `is an assistant nurse whose transitional title proof ran out after ${TRANSITIONAL_VALID_THROUGH}`;
  return 'is an assistant nurse without proof of the protected title (titleProof)';
}

/** Findings in recipient order; `date` is the day the contact is judged on. */
export function complianceFindings(recipients: readonly Recipient[], staff: ReadonlyArray<Staff | PeriodStaff>, date: string): ComplianceFinding[] {
  const byId = new Map<string, Staff | PeriodStaff>();
  for (const person of staff) if (!byId.has(person.id)) byId.set(person.id, person);
  const findings: ComplianceFinding[] = [];
  recipients.forEach((recipient, i) => {
    const { contact } = recipient;
    if (contact == null) {
      if (recipient.contactWaived) return;
      findings.push({
        path: ['recipients', i, 'contact'],
        warning: {
          code: 'no_contact',
          message: `recipient ${recipient.id} has no contact (fast omsorgskontakt) and the contact was not waived`,
          ids: [recipient.id],
        },
      });
      return;
    }
    const person = byId.get(contact);
    if (!person || qualifiedAsContact(person, date)) return;
    findings.push({
      path: ['recipients', i, 'contact'],
      warning: {
        code: 'contact_not_qualified',
        message: `the contact of recipient ${recipient.id}, ${contact}, ${whyNotQualified(person)}; a contact must be an assistant nurse with a valid title proof (4 kap. 2 b § SoL)`,
        ids: [recipient.id, contact],
      },
    });
  });
  return findings;
}

/** The schedule warnings `contact_not_qualified` and `no_contact` of a day problem. */
export function complianceWarnings(problem: DayProblem): Warning[] {
  return complianceFindings(problem.recipients, problem.staff, problem.date).map((finding) => finding.warning);
}
