/**
 * The re-plan view: a schedule with a `replan` block (FORMAT §7).
 *
 * With the original day (`--problem`), the published schedule and the changes (`--published`,
 * `--changes`): before and after. The report works out the day as it now stands as the
 * re-plan did (`checkedDayNow`), holds the published schedule to the original day and the new
 * one to the day as it now stands, and shows the re-plan's numbers, the published and the new
 * plan as two Gantt charts on one time axis (the frozen past and absences shaded, every
 * changed visit framed, struck or crossed), the visits that changed hands by the staff member
 * who lost them, the newly unassigned, and who now meets someone new.
 *
 * With the day as it now stands alone (`replan --problem-out`): the day, with the re-plan's
 * numbers and tables and its changes marked in the one chart.
 *
 * Two charts rather than one with both: each is the day view's chart, read the same way,
 * with its own stop table; stacked on one axis, a row of the new plan stands right under the
 * same person's row of the published one, and a mark is never drawn over another.
 */
import { schemas } from '../../model/index.ts';
import type { DayProblem, ReplanSummary, Schedule } from '../../model/types.ts';
import type { InputProblem } from '../../model/errors.ts';
import { checkedDayNow } from '../../replan/index.ts';
import { loadChanges, loadDayProblem, parseShape } from '../../validate/index.ts';
import { inFile, parseIn, problemAt, refuseMismatches, scheduleMismatches } from '../../validate/documents.ts';
import { clockOf, ganttHtml, stopTable, type GanttOptions } from '../gantt.ts';
import { esc, section, table, type Column } from '../html.ts';
import type { Texts } from '../i18n.ts';
import type { DayModel } from '../prepare/day.ts';
import { prepareReplan, type ReplanModel, type StopChange } from '../prepare/replan.ts';
import { daySections, teamsLine, unassignedTable } from './day.ts';
import { cards, staffFilter, type Card } from './parts.ts';
import { REPLAN_WORDS, type ReplanWords } from './replan-words.ts';
import type { ReportInput, ReportView } from './types.ts';

type Replanned = Schedule & { replan: ReplanSummary };

export interface ReplanViewModel {
  /** The day as it now stands: the new schedule's problem. */
  day: DayProblem;
  /** The original day, when the page was made from the re-plan's inputs. */
  original: DayProblem | null;
  replan: ReplanModel;
}

/** The `replan` block's ids, held to the day it claims to describe. */
function blockMismatches(schedule: Replanned, day: DayProblem, file: string, dayName: string): InputProblem[] {
  const out: InputProblem[] = [];
  const at = (path: string, message: string) => out.push(problemAt(file, `replan.${path}`, message));
  const staff = new Set(day.staff.map((s) => s.id));
  const visits = new Map(day.visits.map((v) => [v.id, v.recipient]));
  const knownStaff = (ids: readonly string[], path: string) =>
    ids.forEach((id, k) => {
      if (!staff.has(id)) at(`${path}[${k}]`, `"${id}" is not a staff member of ${dayName}`);
    });
  const { replan } = schedule;
  (replan.absent ?? []).forEach((a, i) => knownStaff([a.staff], `absent[${i}].staff`));
  (replan.reassigned ?? []).forEach((r, i) => {
    const recipient = visits.get(r.visit);
    if (recipient === undefined) at(`reassigned[${i}].visit`, `"${r.visit}" is not a visit of ${dayName}`);
    else if (recipient !== r.recipient) at(`reassigned[${i}].recipient`, `"${r.recipient}" is not the recipient of visit "${r.visit}" in ${dayName} ("${recipient}")`);
    knownStaff(r.from, `reassigned[${i}].from`);
    knownStaff(r.to, `reassigned[${i}].to`);
  });
  const unassigned = new Set(schedule.unassigned.map((u) => u.visit));
  replan.newlyUnassigned.forEach((id, i) => {
    if (!unassigned.has(id)) at(`newlyUnassigned[${i}]`, `"${id}" is not among the schedule's unassigned visits`);
  });
  return out;
}

function load(input: ReportInput): ReplanViewModel {
  const { files } = input;
  const parsed = parseIn(schemas.Schedule, input.document, files.document, 'schedule');
  // The view is chosen only for a document with a `replan` block, which the schema has read.
  const schedule: Replanned = { ...parsed, replan: parsed.replan! };
  const problemFile = files.problem!;
  const { problem } = inFile(problemFile, 'day problem', () => loadDayProblem(input.problem));
  if (files.published === undefined || files.changes === undefined) {
    refuseMismatches(
      [...scheduleMismatches(schedule, problem, { file: files.document, prefix: '', problemFile }), ...blockMismatches(schedule, problem, files.document, problemFile)],
      files.document,
      problemFile,
    );
    return { day: problem, original: null, replan: prepareReplan(problem, schedule) };
  }
  const published = inFile(files.published, 'published schedule', () => parseShape(schemas.CheckedSchedule, input.published, 'schedule'));
  const { changes } = inFile(files.changes, 'changes', () => loadChanges(input.changes));
  // The block's now, not the changes': a re-plan run with --now was made for that moment.
  const { now, day } = checkedDayNow(problem, published, changes, {
    names: { problem: problemFile, published: files.published, changes: files.changes },
    now: schedule.replan.now,
  });
  const dayName = `the day as it now stands (${problemFile} with ${files.changes})`;
  refuseMismatches(
    [...scheduleMismatches(schedule, day, { file: files.document, prefix: '', problemFile: dayName }), ...blockMismatches(schedule, day, files.document, dayName)],
    files.document,
    dayName,
  );
  return { day, original: problem, replan: prepareReplan(day, schedule, { problem, schedule: published, frozen: now.frozen }) };
}

const round = (n: number) => Math.round(n * 10) / 10;
const GONE = new Set(['lost', 'dropped', 'cancelled']);

/** A changed visit's mark: slashed when it leaves the route, crossed when no one makes it, else framed (solid, dashed, dotted). */
function decoration(change: StopChange, box: { x: number; width: number }, visit: string): { cls: string; attrs: string; svg: string } {
  const k = change.kinds;
  const { x, width: w } = box;
  const gone = k.some((kind) => GONE.has(kind));
  let svg: string;
  // A slash, not a level stroke, which the travel bar through the row would hide.
  if (k.includes('lost')) svg = `<line class="strike" x1="${x}" x2="${round(x + w)}" y1="19" y2="3"/>`;
  else if (gone) svg = `<path class="cross" d="M${x} 4L${round(x + w)} 18M${x} 18L${round(x + w)} 4"/>`;
  else svg = `<rect class="frame ${k.includes('staff') ? 'staff' : k[0]}" x="${round(x - 1.5)}" y="1.5" width="${round(w + 3)}" height="19"/>`;
  return { cls: gone ? 'gone' : '', attrs: `data-chg="${k.join(' ')}" data-v="${esc(visit)}"`, svg };
}

const LEGEND_BOX = '<rect class="v other" x="3" y="2" width="16" height="10"/>';

function chartOptions(model: ReplanModel, day: DayModel, changes: readonly (StopChange | null)[], before: boolean, w: ReplanWords): GanttOptions {
  const clock = clockOf(model.summary.now, day.date);
  const absent = new Map(model.absent.map((a) => [a.staff, a]));
  const { start, end } = day.axis;
  const frame = (kind: string) => `${LEGEND_BOX}<rect class="frame ${kind}" x="1" y="0.5" width="20" height="13"/>`;
  const legend = [
    { svg: '<rect class="frozen" x="1" y="1" width="20" height="12"/>', text: w.frozen },
    { svg: '<rect class="absent" x="1" y="1" width="20" height="12"/>', text: w.absent },
    { svg: '<line class="now" x1="11" x2="11" y1="0" y2="14"/>', text: `${w.nowLine} (${clock})` },
    ...(before
      ? [
          { svg: `${LEGEND_BOX.replace('v other', 'v other gone')}<line class="strike" x1="3" x2="19" y1="12" y2="2"/>`, text: w.kinds.lost },
          { svg: `${LEGEND_BOX.replace('v other', 'v other gone')}<path class="cross" d="M3 2L19 12M3 12L19 2"/>`, text: w.gone },
          { svg: frame('moved'), text: w.kinds.moved },
        ]
      : [
          { svg: frame('staff'), text: w.kinds.staff },
          { svg: frame('moved'), text: w.kinds.moved },
          { svg: frame('added'), text: w.kinds.added },
        ]),
  ];
  return {
    ...(before ? { id: 'gantt-before', table: 'stops-before', prefix: 'p' } : {}),
    shade: (row) => {
      const away = absent.get(row.staff);
      return [
        ...(model.now > start ? [{ start, end: Math.min(model.now, end), cls: 'frozen' }] : []),
        ...(away && away.from < end ? [{ start: Math.max(away.from, start), end, cls: 'absent' }] : []),
      ];
    },
    ...(model.now >= start && model.now <= end ? { line: { minute: model.now, label: `${w.nowLine} ${clock}` } } : {}),
    mark: (stop, box) => {
      const change = changes[stop];
      return change ? decoration(change, box, day.stops[stop].visit) : null;
    },
    note: (row) => {
      const away = absent.get(row.staff);
      return away ? w.absentFrom(clockOf(away.fromIso, day.date)) : null;
    },
    legend,
    caption: before ? w.notes.before(clock) : w.notes.after,
  };
}

/** The change column of a stop table: what the other plan says about the stop, in words. */
function changeColumn(model: ReplanModel, day: DayModel, changes: readonly (StopChange | null)[], before: boolean, w: ReplanWords, texts: Texts, names: ReadonlyMap<string, string>): Column<number> {
  const list = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  const signed = (minutes: number) => `${minutes > 0 ? '+' : ''}${texts.number(minutes, 0)}`;
  const words = (change: StopChange): string[] =>
    change.kinds.map((kind) => {
      const other = change.other;
      if (kind === 'staff' && other) return w.change.staff(list(other.staff));
      if (kind === 'lost' && other) return w.change.lost(list(other.staff));
      if (kind === 'moved' && other) return before ? w.change.movedTo(clockOf(other.startIso, day.date)) : w.change.moved(signed(change.movedMinutes), clockOf(other.startIso, day.date));
      return w.kinds[kind];
    });
  return {
    head: w.columns.change,
    cell: (i) => {
      const change = changes[i];
      if (change) return `<strong>${esc(words(change).join('; '))}</strong>`;
      return day.stops[i].start < model.now ? esc(w.change.frozen) : '';
    },
  };
}

function replanCards(model: ReplanModel, withBefore: boolean, w: ReplanWords, texts: Texts, names: ReadonlyMap<string, string>): string {
  const { t } = texts;
  const s = model.summary;
  const clock = clockOf(s.now, model.after.date);
  const count = (n: number) => texts.number(n, 0);
  const shown = s.newlyUnassigned.slice(0, 6).join(', ');
  const list: Card[] = [
    { key: 'now', label: w.cards.now, value: clock, raw: null, detail: w.cards.nowDetail },
    { key: 'frozenStops', label: w.cards.frozen, value: count(s.frozenStops), raw: s.frozenStops, detail: w.cards.frozenDetail(clock) },
    { key: 'changedStaffVisits', label: w.cards.changed, value: count(s.changedStaffVisits), raw: s.changedStaffVisits, detail: w.cards.changedDetail },
    { key: 'movedVisits', label: w.cards.moved, value: count(s.movedVisits), raw: s.movedVisits, detail: w.cards.movedDetail },
    { key: 'movedMinutes', label: w.cards.movedMinutes, value: texts.duration(s.movedMinutes), raw: s.movedMinutes, detail: w.cards.movedMinutesDetail },
    {
      key: 'newlyUnassigned',
      label: w.cards.newlyUnassigned,
      value: count(s.newlyUnassigned.length),
      raw: s.newlyUnassigned.length,
      detail: s.newlyUnassigned.length === 0 ? t.notes.nothing : `${shown}${s.newlyUnassigned.length > 6 ? ' …' : ''}`,
    },
    ...(withBefore
      ? [
          {
            key: 'contactShareChange',
            label: t.metric.contactShare,
            wide: true,
            value: `${texts.share(model.contactShare.before)} → ${texts.share(model.contactShare.after)}`,
            raw: model.contactShare.after,
            detail: w.cards.contactDetail,
          },
        ]
      : []),
    ...(model.absent.length > 0
      ? [
          {
            key: 'absent',
            label: w.cards.absent,
            value: count(model.absent.length),
            raw: model.absent.length,
            detail: model.absent.map((a) => `${names.get(a.staff) ?? a.staff} ${w.from(clockOf(a.fromIso, model.after.date))}`).join(' · '),
          },
        ]
      : []),
  ];
  return cards(list);
}

/** Every visit that changed hands, a group per staff member who lost visits, each with the engine's sentence. */
function reassignedTable(model: ReplanModel, w: ReplanWords, texts: Texts, names: ReadonlyMap<string, string>): string {
  const { t } = texts;
  if (model.lost.length === 0) return `<p>${esc(t.notes.nothing)}</p>`;
  const date = model.after.date;
  const list = (ids: readonly string[]) => (ids.length === 0 ? '–' : ids.map((id) => names.get(id) ?? id).join(', '));
  const heads = [t.columns.visit, t.columns.recipient, w.columns.start, w.columns.had, w.columns.has, w.columns.meets, w.columns.message];
  // The engine writes its sentences in English: marked so, for a reader's voice on a Swedish page.
  const lang = texts.lang === 'en' ? '' : ' lang="en"';
  const groups = model.lost.map((group) => {
    const who = group.staff === null ? w.noLoser : `${names.get(group.staff) ?? group.staff} (${group.staff})`;
    const why = group.staff === null ? '' : ` · ${group.absentFrom ? w.absentFrom(clockOf(group.absentFrom, date)) : w.reRouted}`;
    const head = `<tr><th colspan="${heads.length}" scope="rowgroup">${esc(`${who}${why} · ${texts.number(group.rows.length, 0)} ${w.visits}`)}</th></tr>`;
    const rows = group.rows.map((r) => {
      const start = `${r.wasIso ? clockOf(r.wasIso, date) : '–'} → ${r.nowIso ? clockOf(r.nowIso, date) : '–'}`;
      const cells = [
        esc(r.visit),
        esc(r.recipientName),
        esc(start),
        esc(list(r.from)),
        esc(list(r.to)),
        esc(w.takers[r.taker ?? 'none']),
        `<span class="sentence"${lang}>${esc(r.message)}</span>`,
      ];
      return `<tr data-visit="${esc(r.visit)}">${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    });
    return `<tbody data-staff="${esc(group.staff ?? '')}">${head}\n${rows.join('\n')}</tbody>`;
  });
  return `<p class="note">${esc(w.notes.reassigned)}</p><div class="table" tabindex="0"><table class="grouped"><caption>${esc(w.sections.reassigned)}</caption><thead><tr>${heads
    .map((h) => `<th scope="col">${esc(h)}</th>`)
    .join('')}</tr></thead>\n${groups.join('\n')}\n</table></div>`;
}

function strangersTable(model: ReplanModel, w: ReplanWords, texts: Texts, names: ReadonlyMap<string, string>): string {
  const { t } = texts;
  if (model.strangers.length === 0) return `<p>${esc(t.notes.nothing)}</p>`;
  const rows = model.strangers;
  return `<p class="note">${esc(w.notes.strangers)}</p>${table(
    w.sections.strangers,
    [
      { head: t.columns.recipient, cell: (s: (typeof rows)[number]) => esc(`${s.recipientName}${s.recipientName === s.recipient ? '' : ` (${s.recipient})`}`) },
      { head: w.columns.newStaff, cell: (s) => esc(s.staff.map((id) => names.get(id) ?? id).join(', ')) },
      { head: t.columns.stops, cell: (s) => esc(s.visits.join(', ')) },
    ],
    rows,
  )}`;
}

/** The shading's patterns: the frozen past hatched one way, an absence the other and darker. */
const PATTERNS = `<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>
<pattern id="p-frozen" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eef0f3"/><path d="M0 0V6" stroke="#c3c9d1" stroke-width="2"/></pattern>
<pattern id="p-absent" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="5" height="5" fill="#e4e4e4"/><path d="M0 0V5" stroke="#8d8d8d" stroke-width="1.6"/></pattern>
</defs></svg>`;

export const replanView: ReportView<ReplanViewModel> = {
  kind: 'replan',
  format: 'kontinuitet/schedule@1',
  accepts: (document) => document.replan !== undefined,
  takesChanges: true,
  problem: { format: 'kontinuitet/day@1', what: 'its day problem (the day as it now stands, or the original day with --published and --changes)' },
  load,
  render({ day, original, replan: model }, texts) {
    const w = REPLAN_WORDS[texts.lang];
    const { t } = texts;
    const names = new Map([...(original?.staff ?? []), ...day.staff].map((s) => [s.id, s.name ?? s.id]));
    const clock = clockOf(model.summary.now, model.after.date);
    const before = model.before;
    const after = daySections(day, model.after, texts, {
      gantt: chartOptions(model, model.after, model.afterChanges, false, w),
      stops: { caption: before ? w.sections.stopsAfter : t.sections.stops, extra: [changeColumn(model, model.after, model.afterChanges, false, w, texts, names)] },
      titles: before ? { headline: w.sections.headlineAfter, gantt: w.sections.after } : {},
    });
    const replanSection = section({ id: 'replan', title: w.sections.replan(clock), body: replanCards(model, before !== null, w, texts, names) });
    const changed = [
      section({ id: 'reassigned', title: w.sections.reassigned, body: reassignedTable(model, w, texts, names) }),
      section({
        id: 'newly-unassigned',
        title: w.sections.newlyUnassigned,
        body: model.newlyUnassigned.length === 0 ? `<p>${esc(t.notes.nothing)}</p>` : unassignedTable(w.sections.newlyUnassigned, model.newlyUnassigned, texts),
      }),
      section({ id: 'strangers', title: w.sections.strangers, body: strangersTable(model, w, texts, names) }),
    ];
    const subtitle = `${teamsLine(model.after, texts)} · ${w.replannedAt(clock)}`;
    if (!before || !original) {
      const body = [after.headline, replanSection, after.filter, after.gantt, ...changed, after.stops, after.map, after.unassigned, after.notContact];
      return { title: `${t.kinds.day} ${texts.date(model.after.date)}`, subtitle, body: `${PATTERNS}\n${body.join('\n')}` };
    }
    const originalNames = new Map(original.staff.map((s) => [s.id, s.name ?? s.id]));
    const beforeChart = section({
      id: 'gantt-before-section',
      title: w.sections.before,
      body: ganttHtml(before.day, texts, chartOptions(model, before.day, before.changes, true, w)),
    });
    const beforeStops = section({
      id: 'stops-before',
      title: w.sections.stopsBefore,
      body: stopTable(before.day, texts, originalNames, {
        prefix: 'p',
        caption: w.sections.stopsBefore,
        extra: [changeColumn(model, before.day, before.changes, true, w, texts, names)],
      }),
    });
    // Staff of either plan: one absent all day has a row before and none after.
    const staff = [...new Map([...before.day.rows, ...model.after.rows].map((r) => [r.staff, { id: r.staff, name: r.name, team: r.team }])).values()];
    const filter = `<div class="sticky-filter">${staffFilter(model.after.teams, staff, texts)}</div>`;
    const body = [replanSection, after.headline, filter, beforeChart, after.gantt, ...changed, after.stops, beforeStops, after.map, after.unassigned, after.notContact];
    return { title: `${w.kind} ${texts.date(model.after.date)}`, subtitle, body: `${PATTERNS}\n${body.join('\n')}` };
  },
};
