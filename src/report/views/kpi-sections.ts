/** The KPI sections that the KPI view and the period view share: Kolada figures, the histogram, the teams. */
import { KPI_EXCLUSION_REASONS } from '../../model/schemas.ts';
import type { KpiGroup, KpiWindow } from '../../model/types.ts';
import { chart, esc, section, table } from '../html.ts';
import type { Texts } from '../i18n.ts';
import { WHO_COLOURS } from '../prepare/palette.ts';
import type { KpiModel } from '../prepare/kpi.ts';
import { cards } from './parts.ts';

function windowName(w: KpiWindow, texts: Texts): string {
  return `${w.from} – ${w.to}${w.partial ? ` (${texts.t.kolada.partial})` : ''}`;
}

function excludedText(group: KpiGroup, texts: Texts): string {
  const parts = KPI_EXCLUSION_REASONS.filter((r) => group.excludedByReason[r]).map((r) => `${texts.t.exclusionReasons[r]} ${texts.number(group.excludedByReason[r]!, 0)}`);
  return parts.length === 0 ? texts.number(group.excluded, 0) : `${texts.number(group.excluded, 0)} (${parts.join(', ')})`;
}

function koladaCards(w: KpiWindow, texts: Texts): string {
  const { t } = texts;
  const k = w.kolada;
  return cards([
    { key: 'U21401', label: t.kolada.U21401, value: texts.number(k.U21401, 1), raw: k.U21401 },
    { key: 'U21402', label: t.kolada.U21402, value: texts.number(k.U21402, 1), raw: k.U21402 },
    { key: 'U21436', label: t.kolada.U21436, value: texts.number(k.U21436, 1), raw: k.U21436 },
    {
      key: 'recipients',
      label: t.columns.recipients,
      value: texts.number(w.overall.recipients, 0),
      raw: w.overall.recipients,
      detail: `${t.kolada.recipients} · ${t.kolada.excluded} ${excludedText(w.overall, texts)}`,
    },
    ...(w.overall.contactShare === null
      ? []
      : [{ key: 'kpiContactShare', label: t.kolada.contactShare, value: texts.share(w.overall.contactShare), raw: w.overall.contactShare }]),
  ]);
}

function windowTable(model: KpiModel, texts: Texts): string {
  const { t } = texts;
  return table(
    t.kolada.window,
    [
      { head: t.kolada.window, cell: (w: KpiWindow) => esc(windowName(w, texts)) },
      { head: 'U21401', numeric: true, cell: (w) => esc(texts.number(w.kolada.U21401, 1)) },
      { head: 'U21402', numeric: true, cell: (w) => esc(texts.number(w.kolada.U21402, 1)) },
      { head: 'U21436', numeric: true, cell: (w) => esc(texts.number(w.kolada.U21436, 1)) },
      { head: t.columns.recipients, numeric: true, cell: (w) => esc(texts.number(w.overall.recipients, 0)) },
      { head: t.kolada.excluded, cell: (w) => esc(excludedText(w.overall, texts)) },
    ],
    model.windows,
  );
}

function histogramSection(model: KpiModel, texts: Texts): string {
  const { t } = texts;
  const name = (team: string | null) => (team === null ? t.filter.allTeams : team);
  const charts = model.histograms.map((h) =>
    chart({
      kind: 'bars',
      title: name(h.team),
      xLabel: t.columns.distinctStaff,
      yLabel: t.columns.recipients,
      x: h.bins,
      series: [{ label: t.columns.recipients, colour: WHO_COLOURS.contact, values: h.counts }],
      width: h.team === null ? 640 : 300,
      height: h.team === null ? 240 : 160,
    }),
  );
  const first = model.histograms[0];
  const tableHtml = table(
    t.sections.histogram,
    [
      { head: t.columns.distinctStaff, numeric: true, cell: (i: number) => esc(texts.number(first.bins[i], 0)) },
      ...model.histograms.map((h) => ({ head: name(h.team), numeric: true, cell: (i: number) => esc(texts.number(h.counts[i], 0)) })),
    ],
    first.bins.map((_, i) => i),
  );
  return `<p class="note">${esc(t.notes.histogram)} ${esc(windowName(model.shown, texts))}</p>
<div class="charts">${charts[0]}</div>${charts.length > 1 ? `<div class="charts small">${charts.slice(1).join('')}</div>` : ''}
${tableHtml}`;
}

function teamSection(model: KpiModel, texts: Texts): string {
  const { t } = texts;
  return table(
    t.sections.byTeam,
    [
      { head: t.columns.team, cell: (r: KpiModel['teams'][number]) => esc(r.id) },
      { head: 'U21401', numeric: true, cell: (r) => esc(texts.number(r.group.mean, 1)) },
      { head: 'U21402', numeric: true, cell: (r) => esc(texts.number(r.group.median, 1)) },
      { head: 'U21436', numeric: true, cell: (r) => esc(texts.number(r.group.shareOver20 === null ? null : 100 * r.group.shareOver20, 1)) },
      { head: t.metric.min, numeric: true, cell: (r) => esc(texts.number(r.group.min, 0)) },
      { head: t.metric.max, numeric: true, cell: (r) => esc(texts.number(r.group.max, 0)) },
      { head: t.columns.recipients, numeric: true, cell: (r) => esc(texts.number(r.group.recipients, 0)) },
      { head: t.kolada.excluded, cell: (r) => esc(excludedText(r.group, texts)) },
      { head: t.metric.contactShare, numeric: true, cell: (r) => esc(texts.share(r.group.contactShare)) },
    ],
    model.teams,
  );
}

export function kpiSections(model: KpiModel, texts: Texts): string[] {
  const { t } = texts;
  return [
    section({
      id: 'kolada',
      title: t.sections.kolada,
      body: `<p class="note">${esc(windowName(model.shown, texts))}</p>${koladaCards(model.shown, texts)}${model.windows.length > 1 ? windowTable(model, texts) : ''}`,
    }),
    section({ id: 'histogram', title: t.sections.histogram, body: histogramSection(model, texts) }),
    ...(model.teams.length > 0 ? [section({ id: 'by-team', title: t.sections.byTeam, body: teamSection(model, texts) })] : []),
  ];
}
