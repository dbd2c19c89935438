/**
 * The `suggest_contacts` op: contacts and deputies exactly as `kontinuitet contacts suggest
 * --apply` sets them (`suggestContacts`, then `applySuggestion`). The suggestion reads a
 * period; a day is suggested for as the one-day period it is (its staff rostered that day,
 * its visits one-off visits of that date).
 */
import { applySuggestion, suggestContacts } from '../contacts/index.ts';
import type { DayProblem, PeriodProblem, Recipient } from '../model/types.ts';
import type { SuggestContactsOptions } from './ops.ts';
import type { StudyBase } from './types.ts';

export function dayAsPeriod(day: DayProblem): PeriodProblem {
  const { date, staff, visits, format: _format, ...rest } = day;
  return {
    ...rest,
    format: 'kontinuitet/period@1',
    startDate: date,
    days: 1,
    staff: staff.map(({ shift, breaks, ...person }) => ({ ...person, roster: [{ date, shift, ...(breaks ? { breaks } : {}) }] })),
    visits: visits.map((v) => ({ ...v, date })),
  };
}

export function suggestContactsOp(base: StudyBase, options: SuggestContactsOptions): { problem: StudyBase; applied: string } {
  const period = base.kind === 'day' ? dayAsPeriod(base.problem) : base.problem;
  const applied = applySuggestion(period, suggestContacts(period, options));
  const recipients = applied.recipients;
  return {
    problem: base.kind === 'day' ? { kind: 'day', problem: { ...base.problem, recipients } } : { kind: 'period', problem: applied },
    applied: describe(base.problem.recipients, recipients),
  };
}

function describe(before: readonly Recipient[], after: readonly Recipient[]): string {
  const was = new Map(before.map((r) => [r.id, r]));
  let contacts = 0;
  let deputies = 0;
  for (const r of after) {
    const old = was.get(r.id);
    if ((old?.contact ?? null) !== (r.contact ?? null)) contacts++;
    if ((old?.deputies ?? []).join('\u0000') !== (r.deputies ?? []).join('\u0000')) deputies++;
  }
  return `contacts suggested as \`contacts suggest --apply\` sets them: ${contacts} of ${after.length} recipients get another contact, ${deputies} other deputies`;
}
