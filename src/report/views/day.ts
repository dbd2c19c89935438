/**
 * The day view: a schedule with its day problem. Headline metrics, the Gantt chart with a
 * staff filter shared with the map, every stop in a table, the visits left unplanned and
 * the visits not made by the contact, by reason.
 *
 * Any schedule is shown here, also one with fields this version does not know (a future
 * `replan` block): the schema keeps what it knows and the rest is not drawn.
 */
import { schemas } from '../../model/index.ts';
import type { DayProblem, Schedule } from '../../model/types.ts';
import { loadDayProblem } from '../../validate/index.ts';
import { inFile, parseIn, refuseMismatches, scheduleMismatches } from '../../validate/documents.ts';
import { ganttHtml, stopTable, type GanttOptions, type StopTableOptions } from '../gantt.ts';
import { esc, section, table } from '../html.ts';
import type { Texts } from '../i18n.ts';
import { mapSvg } from '../map.ts';
import { prepareDay, type DayModel } from '../prepare/day.ts';
import { cards, reasonTable, staffFilter, type Card } from './parts.ts';
import type { ReportInput, ReportView } from './types.ts';

export interface DayViewModel {
  problem: DayProblem;
  schedule: Schedule;
  day: DayModel;
}

function headline(day: DayModel, texts: Texts): string {
  const { t } = texts;
  const m = day.metrics;
  const d = m.distinctStaffPerRecipient;
  const ceilings = [
    `${t.metric.reachable} ${texts.share(m.contactReachableShare)}`,
    ...(day.contactCeiling === null ? [] : [`${t.metric.ceiling} ${texts.share(day.contactCeiling)}`]),
  ];
  const list: Card[] = [
    {
      key: 'contactShare',
      label: t.metric.contactShare,
      value: texts.share(m.contactShare),
      raw: m.contactShare,
      detail: m.contactShare === null ? t.metric.noneWithContact : ceilings.join(' · '),
    },
    { key: 'contactOrDeputyShare', label: t.metric.contactOrDeputyShare, value: texts.share(m.contactOrDeputyShare), raw: m.contactOrDeputyShare },
    {
      key: 'distinctStaffMean',
      label: t.metric.distinct,
      value: texts.number(d.mean, 2),
      raw: d.mean,
      detail: `${t.metric.median} ${texts.number(d.median, 1)} · ${t.metric.max} ${texts.number(d.max, 0)} · ${texts.number(m.newStaffPerRecipient, 2)} ${t.metric.newStaff}`,
    },
    {
      key: 'travelMinutes',
      label: t.metric.travel,
      value: texts.duration(m.travelMinutes),
      raw: m.travelMinutes,
      detail: `${texts.number(m.assigned === 0 ? 0 : m.travelMinutes / Math.max(1, day.stops.length), 1)} ${t.minutes} ${t.metric.perVisit} · ${t.metric.wait} ${texts.duration(m.waitMinutes)}`,
    },
    {
      key: 'assigned',
      label: t.metric.visits,
      value: `${texts.number(m.assigned, 0)} / ${texts.number(m.visits, 0)}`,
      raw: m.assigned,
      detail: t.metric.assigned,
    },
    {
      key: 'unassignedMandatory',
      label: t.metric.unassigned,
      value: texts.number(m.unassignedMandatory + m.unassignedOptional, 0),
      raw: m.unassignedMandatory + m.unassignedOptional,
      detail: `${texts.number(m.unassignedMandatory, 0)} ${t.metric.mandatory} · ${texts.number(m.unassignedOptional, 0)} ${t.metric.optional}`,
    },
  ];
  return cards(list);
}

/** Unassigned visits with their reasons (and, in English, the sentence the schedule gives). */
export function unassignedTable(caption: string, rows: DayModel['unassigned'], texts: Texts): string {
  const { t } = texts;
  return table(
    caption,
    [
      { head: t.columns.visit, cell: (u: (typeof rows)[number]) => esc(u.visit) },
      { head: t.columns.recipient, cell: (u) => esc(u.recipientName) },
      { head: t.columns.reason, cell: (u) => `${esc(t.unassignedReasons[u.reason])}${u.mandatory ? '' : ` <small>(${esc(t.metric.optional)})</small>`}` },
      ...(texts.lang === 'en' ? [{ head: t.columns.message, cell: (u: (typeof rows)[number]) => esc(u.message) }] : []),
    ],
    rows,
  );
}

function unassignedSection(day: DayModel, texts: Texts): string {
  const { t } = texts;
  if (day.unassigned.length === 0) return `<p>${esc(t.notes.nothing)}</p>`;
  return `${reasonTable(t.columns.reason, day.unassignedByReason, (r) => t.unassignedReasons[r], texts)}
${unassignedTable(t.sections.unassigned, day.unassigned, texts)}`;
}

function teamTable(problem: DayProblem, day: DayModel, texts: Texts): string {
  const { t } = texts;
  const rows = problem.teams.map((team) => {
    const staff = day.rows.filter((r) => r.team === team.id);
    const recipients = new Set(day.stops.filter((s) => staff.some((r) => r.staff === s.staff)).map((s) => s.recipient));
    return { team, staff: staff.length, recipients: recipients.size, stops: staff.reduce((n, r) => n + r.stops.length, 0), travel: staff.reduce((n, r) => n + r.travelMinutes, 0) };
  });
  return table(
    t.columns.team,
    [
      { head: t.columns.team, cell: (r: (typeof rows)[number]) => esc(r.team.name ?? r.team.id) },
      { head: t.columns.office, cell: (r) => esc(`${r.team.office.lat.toFixed(4)}, ${r.team.office.lon.toFixed(4)}`) },
      { head: t.columns.staff, numeric: true, cell: (r) => esc(texts.number(r.staff, 0)) },
      { head: t.columns.recipients, numeric: true, cell: (r) => esc(texts.number(r.recipients, 0)) },
      { head: t.columns.stops, numeric: true, cell: (r) => esc(texts.number(r.stops, 0)) },
      { head: t.metric.travel, numeric: true, cell: (r) => esc(texts.duration(r.travel)) },
    ],
    rows,
  );
}

/** The day's sections by name: the day view shows them in this order, a re-plan's view around its own. */
export interface DaySections {
  headline: string;
  filter: string;
  gantt: string;
  stops: string;
  map: string;
  unassigned: string;
  notContact: string;
}

/** The day's sections; a re-plan marks its changes in the chart and the stop table and names the sections for its new plan. */
export function daySections(
  problem: DayProblem,
  day: DayModel,
  texts: Texts,
  options: { gantt?: GanttOptions; stops?: StopTableOptions; titles?: { headline?: string; gantt?: string } } = {},
): DaySections {
  const { t } = texts;
  const names = new Map(problem.staff.map((s) => [s.id, s.name ?? s.id]));
  const staff = day.rows.map((r) => ({ id: r.staff, name: r.name, team: r.team }));
  return {
    headline: section({ id: 'headline', title: options.titles?.headline ?? t.sections.headline, body: headline(day, texts) }),
    filter: `<div class="sticky-filter">${staffFilter(day.teams, staff, texts)}</div>`,
    gantt: section({ id: 'gantt-section', title: options.titles?.gantt ?? t.sections.gantt, body: ganttHtml(day, texts, options.gantt) }),
    stops: section({ id: 'stops', title: options.stops?.caption ?? t.sections.stops, body: stopTable(day, texts, names, options.stops) }),
    map: section({ id: 'map-section', title: t.sections.map, body: `<p class="note">${esc(t.notes.map)}</p>${mapSvg(day.map, texts)}${teamTable(problem, day, texts)}` }),
    unassigned: section({ id: 'unassigned', title: t.sections.unassigned, body: unassignedSection(day, texts) }),
    notContact: section({
      id: 'not-contact',
      title: t.sections.notContact,
      body: reasonTable(t.sections.notContact, day.notContactByReason, (r) => t.explanationReasons[r], texts),
    }),
  };
}

/** The subtitle of a day: its teams by name, or how many when there are many. */
export function teamsLine(day: DayModel, texts: Texts): string {
  return day.teams.length > 3 ? `${texts.number(day.teams.length, 0)} ${texts.t.teams}` : day.teams.map((team) => team.name).join(', ');
}

export const dayView: ReportView<DayViewModel> = {
  kind: 'day',
  format: 'kontinuitet/schedule@1',
  problem: { format: 'kontinuitet/day@1', what: 'its day problem' },
  load(input: ReportInput): DayViewModel {
    const { files } = input;
    const schedule = parseIn(schemas.Schedule, input.document, files.document, 'schedule');
    const problemFile = files.problem!;
    const { problem } = inFile(problemFile, 'day problem', () => loadDayProblem(input.problem));
    refuseMismatches(scheduleMismatches(schedule, problem, { file: files.document, prefix: '', problemFile }), files.document, problemFile);
    return { problem, schedule, day: prepareDay(problem, schedule) };
  },
  render({ problem, day }, texts) {
    const s = daySections(problem, day, texts);
    const body = [s.headline, s.filter, s.gantt, s.stops, s.map, s.unassigned, s.notContact];
    return { title: `${texts.t.kinds.day} ${texts.date(day.date)}`, subtitle: teamsLine(day, texts), body: body.join('\n') };
  },
};
