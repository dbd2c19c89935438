/**
 * The Gantt chart of a day, written as SVG: one row per staff member, the day on a shared
 * time axis, travel, service, waiting and breaks as different marks; every visit a
 * focusable mark whose details are its row in the stop table written below the chart.
 */
import type { Texts } from './i18n.ts';
import { esc, table, type Column } from './html.ts';
import type { DayModel, Span, StaffRow, StopRow } from './prepare/day.ts';

/**
 * What a chart shows beyond the day's: a page with two charts (a re-plan's before and after)
 * names each chart, its stop table and that table's row ids; shading, a line at one minute,
 * marks over visits and words beside a name show what changed. The defaults are the day's
 * one chart and its `#stops` table.
 */
export interface GanttOptions {
  id?: string;
  /** The id of the section holding the chart's stop table, whose rows are `${prefix}${stop}`. */
  table?: string;
  prefix?: string;
  /** Spans of a row shaded over the shift and under the marks, each with its class. */
  shade?: (row: StaffRow) => readonly (Span & { cls: string })[];
  /** A line across every row and the axis at a minute, labelled on the axis. */
  line?: { minute: number; label: string };
  /** What a visit mark adds: classes, attributes, and SVG drawn over it. */
  mark?: (stop: number, box: { x: number; width: number }) => { cls: string; attrs: string; svg: string } | null;
  /** Words after a row's role, team and visit count. */
  note?: (row: StaffRow) => string | null;
  /** Legend items after the day's (an SVG 22 × 14 and its text), and the note under the legend instead of the day's. */
  legend?: readonly { svg: string; text: string }[];
  caption?: string;
}

/** The width of the time axis in SVG units (pixels at 100 %). */
const TRACK_WIDTH = 1100;
const ROW_HEIGHT = 22;

function scale(axis: DayModel['axis']): (minute: number) => number {
  const per = TRACK_WIDTH / Math.max(60, axis.end - axis.start);
  return (minute) => Math.round((minute - axis.start) * per * 10) / 10;
}

function rect(x: (m: number) => number, span: Span, y: number, h: number, cls: string, extra = ''): string {
  const left = x(span.start);
  const width = Math.max(1, x(span.end) - left);
  return `<rect class="${cls}" x="${left}" y="${y}" width="${Math.round(width * 10) / 10}" height="${h}"${extra}/>`;
}

/** Clock time of a stop as the schedule states it, `+1` when it falls on the next day. */
export function clockOf(iso: string, date: string): string {
  return `${iso.slice(11, 16)}${iso.slice(0, 10) === date ? '' : '+1'}`;
}

function track(row: StaffRow, stops: readonly StopRow[], x: (m: number) => number, date: string, options: GanttOptions): string {
  const parts: string[] = [];
  parts.push(rect(x, row.shift, 1, ROW_HEIGHT - 2, 'shift'));
  for (const s of options.shade?.(row) ?? []) parts.push(rect(x, s, 0, ROW_HEIGHT, s.cls));
  for (const w of row.waits) parts.push(`<line class="wait" x1="${x(w.start)}" x2="${x(w.end)}" y1="11" y2="11"/>`);
  for (const t of row.travel) parts.push(rect(x, t, 9, 4, 'travel'));
  for (const b of row.breaks) parts.push(rect(x, b, 4, 14, 'break'));
  for (const mark of row.stops) {
    const stop = stops[mark.stop];
    const label = `${clockOf(stop.startIso, date)} ${stop.recipientName}`;
    const extra = options.mark?.(mark.stop, { x: x(mark.start), width: Math.max(1, x(mark.end) - x(mark.start)) }) ?? null;
    parts.push(
      rect(x, mark, 3, 16, `v ${stop.who}${extra?.cls ? ` ${extra.cls}` : ''}`, ` data-s="${mark.stop}"${extra ? ` ${extra.attrs}` : ''} tabindex="0" role="img" aria-label="${esc(label)}" aria-describedby="tip"`),
    );
    if (stop.double) parts.push(rect(x, mark, 0, 2.5, 'pair'));
    if (stop.locked) parts.push(`<path class="lock" d="M${x(mark.start)} 3v7h7z"/>`);
    if (extra) parts.push(extra.svg);
  }
  if (options.line) parts.push(`<line class="now" x1="${x(options.line.minute)}" x2="${x(options.line.minute)}" y1="0" y2="${ROW_HEIGHT}"/>`);
  return `<svg class="g-track" viewBox="0 0 ${TRACK_WIDTH} ${ROW_HEIGHT}" width="${TRACK_WIDTH}" height="${ROW_HEIGHT}" aria-label="${esc(row.name)}">${parts.join('')}</svg>`;
}

function axisSvg(axis: DayModel['axis'], x: (m: number) => number, line?: GanttOptions['line']): string {
  const ticks = axis.ticks
    .map((t) => `<line x1="${x(t.minute)}" x2="${x(t.minute)}" y1="14" y2="20"/><text x="${x(t.minute)}" y="11">${esc(t.label)}</text>`)
    .join('');
  const now = line
    ? `<line class="now" x1="${x(line.minute)}" x2="${x(line.minute)}" y1="0" y2="20"/><text class="now" x="${x(line.minute) + 3}" y="19">${esc(line.label)}</text>`
    : '';
  return `<svg class="g-axis" viewBox="0 0 ${TRACK_WIDTH} 20" width="${TRACK_WIDTH}" height="20" aria-hidden="true">${ticks}${now}</svg>`;
}

function legend(texts: Texts, more: GanttOptions['legend'] = []): string {
  const { t } = texts;
  const item = (svg: string, text: string) => `<li><svg width="22" height="14" aria-hidden="true">${svg}</svg>${esc(text)}</li>`;
  return `<ul class="legend">${[
    item('<rect class="v contact" x="1" y="1" width="20" height="12"/>', t.who.contact),
    item('<rect class="v deputy" x="1" y="1" width="20" height="12"/>', t.who.deputy),
    item('<rect class="v other" x="1" y="1" width="20" height="12"/>', t.who.other),
    item('<rect class="v none" x="1" y="1" width="20" height="12"/>', t.who.none),
    item('<rect class="travel" x="1" y="5" width="20" height="4"/>', t.legend.travel),
    item('<line class="wait" x1="1" x2="21" y1="7" y2="7"/>', t.legend.wait),
    item('<rect class="break" x="1" y="1" width="20" height="12"/>', t.legend.break),
    item('<rect class="v other" x="1" y="3" width="20" height="10"/><rect class="pair" x="1" y="0" width="20" height="2.5"/>', t.legend.double),
    item('<rect class="v other" x="1" y="1" width="20" height="12"/><path class="lock" d="M1 1v7h7z"/>', t.legend.locked),
    ...more.map((m) => item(m.svg, m.text)),
  ].join('')}</ul>`;
}

export function ganttHtml(day: DayModel, texts: Texts, options: GanttOptions = {}): string {
  const x = scale(day.axis);
  const { t } = texts;
  const { id = 'gantt', table: tableId = 'stops', prefix = 's' } = options;
  const rows = day.rows.map((row) => {
    const note = options.note?.(row);
    const detail = `${t.roles[row.role]} · ${row.team} · ${row.stops.length === 0 ? t.notes.noStops : `${texts.number(row.stops.length, 0)} ${t.columns.stops.toLowerCase()}`}${note ? ` · ${note}` : ''}`;
    return (
      `<div class="g-row" data-staff="${esc(row.staff)}" data-team="${esc(row.team)}">` +
      `<button type="button" class="g-label" data-staff="${esc(row.staff)}" title="${esc(row.staff)}">` +
      `<svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${row.colour}"/></svg>` +
      `<span class="g-name">${esc(row.name)}</span><small>${esc(detail)}</small></button>` +
      `${track(row, day.stops, x, day.date, options)}</div>`
    );
  });
  return `${legend(texts, options.legend)}
<p class="note">${esc(options.caption ?? t.notes.gantt)}</p>
<a class="skip" href="#${esc(tableId)}">${esc(t.skipGantt)}</a>
<div class="gantt-scroll"><div class="gantt" id="${esc(id)}" data-table="${esc(tableId)}" data-prefix="${esc(prefix)}">
<div class="g-head"><span class="g-label g-corner">${esc(t.columns.staff)}</span>${axisSvg(day.axis, x, options.line)}</div>
${rows.join('\n')}
</div></div>`;
}

/** Why a visit was not made by the contact, in the report's language. */
function whyText(stop: Pick<StopRow, 'who' | 'explanation'>, texts: Texts, names: ReadonlyMap<string, string>): string {
  const e = stop.explanation;
  if (stop.who === 'contact') return '';
  if (!e) return stop.who === 'none' ? texts.t.explanationReasons.no_contact : '–';
  const contact = e.contact ? ` (${names.get(e.contact) ?? e.contact})` : '';
  const busy = e.busyWith ? `; ${texts.t.busyWith} ${e.busyWith}` : '';
  return `${texts.t.explanationReasons[e.reason]}${contact}${busy}`;
}

/**
 * The stop table: every visit of every route in time order, the Gantt's text alternative and its
 * details. A page with two charts gives each table its row-id prefix and caption; `extra`
 * columns follow the day's.
 */
export interface StopTableOptions {
  prefix?: string;
  caption?: string;
  extra?: readonly Column<number>[];
}

export function stopTable(day: DayModel, texts: Texts, names: ReadonlyMap<string, string>, options: StopTableOptions = {}): string {
  const { t } = texts;
  const order = day.stops.map((_, i) => i);
  const visitCell = (s: StopRow) => {
    const flags = [
      s.double ? `${t.doubleStaffed}${s.with.length > 0 ? ` (${s.with.map((id) => names.get(id) ?? id).join(', ')})` : ''}` : '',
      s.locked ? t.locked : '',
    ].filter(Boolean);
    return `${esc(s.visit)}${flags.length > 0 ? ` <small>${esc(flags.join(' · '))}</small>` : ''}`;
  };
  return table(
    options.caption ?? t.sections.stops,
    [
      { head: t.columns.staff, cell: (i: number) => esc(names.get(day.stops[i].staff) ?? day.stops[i].staff) },
      { head: t.columns.start, cell: (i) => esc(clockOf(day.stops[i].startIso, day.date)) },
      { head: t.columns.end, cell: (i) => esc(clockOf(day.stops[i].endIso, day.date)) },
      { head: t.columns.visit, cell: (i) => visitCell(day.stops[i]) },
      { head: t.columns.recipient, cell: (i) => esc(day.stops[i].recipientName) },
      { head: t.columns.type, cell: (i) => esc(t.visitTypes[day.stops[i].type]) },
      { head: t.columns.who, cell: (i) => `<span class="who ${day.stops[i].who}">${esc(t.who[day.stops[i].who])}</span>` },
      { head: t.columns.why, cell: (i) => esc(whyText(day.stops[i], texts, names)) },
      ...(options.extra ?? []),
    ],
    order,
    (i) => `id="${options.prefix ?? 's'}${i}" data-staff="${esc(day.stops[i].staff)}"`,
  );
}
