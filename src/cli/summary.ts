/** The end-of-run summary table a scheduler reads after `solve`. */
import type { DayProblem, Schedule } from '../model/types.ts';

import { percent as pct } from '../surface/format.ts';

function row(label: string, value: string): string {
  return `  ${label.padEnd(30)} ${value}\n`;
}

const MAX_LISTED = 15;

export function formatSummary(problem: DayProblem, schedule: Schedule): string {
  const m = schedule.metrics;
  let out = `\nSchedule ${schedule.date} (${problem.teams.length} team${problem.teams.length === 1 ? '' : 's'}, ${problem.staff.length} staff, ${problem.recipients.length} recipients)\n`;
  out += row('visits assigned', `${m.assigned} of ${m.visits}`);
  out += row('unassigned (mandatory/optional)', `${m.unassignedMandatory} / ${m.unassignedOptional}`);
  const lp = schedule.solver?.contactCeiling;
  out += row('by contact', `${pct(m.contactShare)} (ceiling: shifts ${pct(m.contactReachableShare)}${lp === undefined ? '' : `, shifts and time ${pct(lp)}`})`);
  out += row('by contact or deputy', pct(m.contactOrDeputyShare));
  const d = m.distinctStaffPerRecipient;
  out += row('staff per recipient today', `mean ${d.mean.toFixed(2)}, median ${d.median}, max ${d.max}`);
  out += row('new staff per recipient', m.newStaffPerRecipient.toFixed(2));
  out += row('travel / service / wait (min)', `${m.travelMinutes} / ${m.serviceMinutes} / ${m.waitMinutes}`);
  out += row('late (sum / max, min)', `${m.lateMinutes} / ${m.maxLateMinutes}`);
  if (m.borrowedVisits) {
    const lenders = Object.entries(m.byTeam ?? {}).filter(([, t]) => t.lent > 0).map(([id, t]) => `${id} ${t.lent}`);
    out += row('made by another team', `${m.borrowedVisits} visits (lent by ${lenders.join(', ')})`);
  }
  if (schedule.solver) {
    out += row('search', `${schedule.solver.iterations} iterations in ${schedule.solver.seconds} s, seed ${schedule.solver.seed}, objective ${schedule.solver.objective}`);
  }
  if (schedule.unassigned.length > 0) {
    out += '\nUnassigned\n';
    for (const u of schedule.unassigned.slice(0, MAX_LISTED)) out += `  ${u.visit}: ${u.reason}: ${u.message}\n`;
    if (schedule.unassigned.length > MAX_LISTED) out += `  … and ${schedule.unassigned.length - MAX_LISTED} more\n`;
  }
  const notByContact = (schedule.explanations ?? []).filter((e) => e.reason !== 'no_contact');
  if (notByContact.length > 0) {
    const counts = new Map<string, number>();
    for (const e of notByContact) counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1);
    out += `\nNot by the contact (${notByContact.length}): ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}\n`;
    for (const e of notByContact.slice(0, MAX_LISTED)) out += `  ${e.visit} (${e.recipient}) by ${e.sent.join('+')}: ${e.message}\n`;
    if (notByContact.length > MAX_LISTED) out += `  … and ${notByContact.length - MAX_LISTED} more (see "explanations" in the schedule)\n`;
  }
  return out;
}
