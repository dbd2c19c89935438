/** The end-of-run summary table a scheduler reads after `solve`. */
import type { DayProblem, ReplanSummary, Schedule } from '../model/types.ts';
import { newFaces } from '../replan/index.ts';

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

/**
 * What a scheduler reads after `replan`, in ten seconds: what stands, who lost which visits
 * and who took them, which recipients now meet someone new (`newFaces`), what could not be placed.
 */
export function formatReplanSummary(day: DayProblem, schedule: Schedule & { replan: ReplanSummary }): string {
  const r = schedule.replan;
  const now = r.now.slice(11, 16);
  let out = `\nRe-plan ${schedule.date} at ${now} (${day.staff.length} staff, ${day.visits.length} visits)\n`;
  out += row(`frozen (begun before ${now})`, `${r.frozenStops} stops`);
  out += row('changed hands', `${r.changedStaffVisits} visits`);
  out += row('moved', `${r.movedVisits} visits, ${Math.round(r.movedMinutes)} min in all`);
  out += row('newly unassigned', `${r.newlyUnassigned.length}`);
  out += row('by contact', `${pct(schedule.metrics.contactShare)} (ceiling ${pct(schedule.metrics.contactReachableShare)})`);

  const reassigned = r.reassigned ?? [];
  const byLoser = new Map<string, typeof reassigned>();
  for (const entry of reassigned) {
    for (const s of entry.from.filter((s) => !entry.to.includes(s))) byLoser.set(s, [...(byLoser.get(s) ?? []), entry]);
  }
  const absent = new Map((r.absent ?? []).map((a) => [a.staff, a.from.slice(11, 16)]));
  const lost = [...byLoser].filter(([staff]) => absent.has(staff));
  if (lost.length > 0) {
    out += '\nWho lost which visits, and who took them\n';
    for (const [staff, entries] of lost) {
      const moves = entries.map((e) => `${e.visit} → ${e.to.length === 0 ? 'unassigned' : `${e.to.join('+')} (${e.taker})`}`);
      out += `  ${staff} (absent from ${absent.get(staff)}): ${moves.slice(0, MAX_LISTED).join(', ')}${moves.length > MAX_LISTED ? `, … and ${moves.length - MAX_LISTED} more` : ''}\n`;
    }
  }
  // Visits that moved between staff who still work: the room the repair made, in one line.
  const shuffled = [...byLoser].filter(([staff]) => !absent.has(staff));
  if (shuffled.length > 0) {
    const visits = new Set(shuffled.flatMap(([, entries]) => entries.map((e) => e.visit)));
    const from = shuffled.sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).map(([staff, entries]) => `${staff} ${entries.length}`);
    out += `\nTo make room, ${visits.size} more visits changed hands (from ${from.slice(0, MAX_LISTED).join(', ')}${from.length > MAX_LISTED ? ', …' : ''}; see "replan.reassigned")\n`;
  }

  const strangers = newFaces(day, schedule);
  if (strangers.length > 0) {
    const list = strangers.map((f) => `${f.recipient}: ${f.staff.join(', ')}`);
    out += `\nNow meet someone new (${strangers.length} recipients)\n  ${list.slice(0, MAX_LISTED).join('; ')}${list.length > MAX_LISTED ? `; … and ${list.length - MAX_LISTED} more` : ''}\n`;
  }
  const fresh = new Set(r.newlyUnassigned);
  const left = schedule.unassigned.filter((u) => fresh.has(u.visit));
  if (left.length > 0) {
    out += '\nCould not be placed\n';
    for (const u of left.slice(0, MAX_LISTED)) out += `  ${u.visit}: ${u.reason}: ${u.message}\n`;
    if (left.length > MAX_LISTED) out += `  … and ${left.length - MAX_LISTED} more (see "unassigned" in the schedule)\n`;
  }
  return out;
}
