/**
 * The contact warnings (FORMAT §2, §6.13): `contact_not_qualified` and `no_contact` for
 * every recipient they apply to, and for no other. A warning names its recipient in `ids`.
 * A contact who is not on today's staff list is not judged, either way.
 */
import type { CheckedSchedule } from '../model/types.ts';
import type { DayIndex } from '../metrics/index.ts';
import { qualifiedAsContact } from '../rules/eligibility.ts';
import type { Violations } from './violations.ts';

type Verdict = 'applies' | 'does_not_apply' | 'not_judged';

const JUDGED = ['contact_not_qualified', 'no_contact'] as const;
type Judged = (typeof JUDGED)[number];

/** A schedule without `warnings` makes no claim about them, and is not judged on them. */
export function checkWarnings(day: DayIndex, schedule: CheckedSchedule, out: Violations): void {
  if (schedule.warnings === undefined) return;
  const verdicts = new Map<string, Record<Judged, Verdict>>();
  for (const recipient of day.recipients.values()) {
    const contactId = day.contactOf(recipient);
    const contact = contactId === null ? undefined : day.staff.get(contactId);
    verdicts.set(recipient.id, {
      no_contact: contactId === null && recipient.contactWaived !== true ? 'applies' : 'does_not_apply',
      contact_not_qualified: contactId === null ? 'does_not_apply' : !contact ? 'not_judged' : qualifiedAsContact(contact, day.problem.date) ? 'does_not_apply' : 'applies',
    });
  }

  const given = new Set<string>();
  schedule.warnings.forEach((warning, w) => {
    if (!(JUDGED as readonly string[]).includes(warning.code)) return;
    const code = warning.code as Judged;
    const named = (warning.ids ?? []).filter((id) => verdicts.has(id));
    if (named.length === 0) {
      out.add('unexpected_warning', `warnings[${w}]`, `a ${code} warning must name its recipient in ids`, warning.ids ?? []);
    }
    for (const id of named) {
      given.add(`${code} ${id}`);
      if (verdicts.get(id)?.[code] === 'does_not_apply') {
        out.add('unexpected_warning', `warnings[${w}]`, `${code} does not apply to recipient ${id}`, [id]);
      }
    }
  });

  for (const [id, verdict] of verdicts) {
    for (const code of JUDGED) {
      if (verdict[code] !== 'applies' || given.has(`${code} ${id}`)) continue;
      const recipient = day.recipients.get(id);
      const why = code === 'no_contact' ? 'has neither a contact nor contactWaived' : `has contact ${recipient?.contact}, who is not an assistant nurse with a valid title proof`;
      out.add('missing_warning', 'warnings', `recipient ${id} ${why}, but there is no ${code} warning for it`, code === 'no_contact' ? [id] : [id, String(recipient?.contact)]);
    }
  }
}
