/**
 * The study view: a `kontinuitet/study-result@1` on its own. The variants that leave
 * mandatory visits out first, in the alarm colour; the variants side by side (contact share,
 * U21401 for a period, travel and cost against the first variant, mandatory visits left out),
 * each chart with its numbers in a table under it; what each variant changed; and the sweep
 * as a trade-off curve of contact share against travel, one labelled point per weight value.
 */
import { schemas } from '../../model/index.ts';
import { parseIn } from '../../validate/documents.ts';
import { esc, section, table } from '../html.ts';
import type { Texts } from '../i18n.ts';
import { prepareStudy, type StudyModel, type SweepPoint, type VariantRow } from '../prepare/study.ts';
import { barChart, curveChart, type Bar } from './study-charts.ts';
import { STUDY_WORDS, type StudyWords } from './study-words.ts';
import type { ReportView } from './types.ts';

/** A figure as shown, carrying its raw value for tests and copy-paste (as the cards do). */
function figure(key: string, raw: number | null, text: string, flagged = false): string {
  return `<span${flagged ? ' class="flag"' : ''} data-key="${esc(key)}" data-value="${raw === null ? '' : raw}">${esc(text)}</span>`;
}

/** `+252`, `−105`, `0`: a difference as shown, never `-0`. */
function signed(texts: Texts, n: number, digits: 0 | 1 | 2 = 0): string {
  const rounded = Number(n.toFixed(digits));
  if (rounded === 0) return texts.number(0, digits);
  const text = texts.number(rounded, digits);
  return rounded > 0 ? `+${text}` : text;
}

/** A header from a word that stands inside sentences elsewhere: `nåbart tak` → `Nåbart tak`. */
function heading(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

interface ChartSpec {
  id: string;
  title: string;
  value: (v: VariantRow) => number | null;
  show: (n: number | null) => string;
  /** Against the first variant, for the table; the chart draws it instead of the value when `drawDifference`. */
  difference?: (v: VariantRow) => number | null;
  showDifference?: (n: number | null) => string;
  drawDifference?: boolean;
  /** Bars grow to this (1 for shares); default the largest value. */
  max?: number;
  flag?: (v: VariantRow) => boolean;
}

function variantChart(spec: ChartSpec, model: StudyModel, texts: Texts, w: StudyWords): string {
  const rows = model.variants;
  const showDifference = spec.showDifference ?? ((n: number | null) => (n === null ? '–' : signed(texts, n)));
  const bars: Bar[] = rows.map((v) => {
    const shown = (spec.drawDifference ? spec.difference?.(v) : spec.value(v)) ?? 0;
    return { label: v.label, value: shown, text: spec.drawDifference ? showDifference(shown) : spec.show(spec.value(v)), flagged: spec.flag?.(v) };
  });
  const difference = spec.difference;
  const columns = [
    { head: w.variant, cell: (v: VariantRow) => esc(v.label) },
    { head: spec.title, numeric: true, cell: (v: VariantRow) => figure(`${spec.id}-${v.id}`, spec.value(v), spec.show(spec.value(v)), spec.flag?.(v)) },
    ...(difference ? [{ head: w.difference, numeric: true, cell: (v: VariantRow) => figure(`${spec.id}Diff-${v.id}`, difference(v), showDifference(difference(v))) }] : []),
  ];
  const caption = spec.drawDifference ? (spec.id === 'travel' ? w.travelVs(model.first.label) : w.costVs(model.first.label)) : spec.title;
  return `<figure class="schart" id="chart-${esc(spec.id)}"><figcaption>${esc(caption)}</figcaption>${barChart(caption, bars, { difference: spec.drawDifference, max: spec.max })}${table(
    spec.title,
    columns,
    rows,
    (v) => (spec.flag?.(v) ? 'class="left-out"' : ''),
  )}</figure>`;
}

function leftOutSection(model: StudyModel, texts: Texts, w: StudyWords): string {
  if (model.leftOut.length === 0) return `<p class="ok">${esc(w.noneLeftOut)}</p>`;
  const items = model.leftOut.map((v) => {
    const more = v !== model.first && v.leftOutMore > 0 ? ` (${w.moreThan(texts.number(v.leftOutMore, 0), model.first.label)})` : '';
    return `<li><strong>${esc(v.label)}</strong>: ${figure(`leftOut-${v.id}`, v.metrics.unassignedMandatory, texts.number(v.metrics.unassignedMandatory, 0))} ${esc(w.leftOut.toLowerCase())}${esc(more)}</li>`;
  });
  return `<div class="alert"><ul>${items.join('')}</ul></div><p class="note">${esc(w.notes.leftOut)}</p>`;
}

function variantsSection(model: StudyModel, texts: Texts, w: StudyWords): string {
  const { t } = texts;
  const period = model.result.base.kind === 'period';
  const against = (pick: (v: VariantRow) => number | null | undefined) => (v: VariantRow) => {
    const here = pick(v);
    const there = pick(model.first);
    return here === null || here === undefined || there === null || there === undefined ? null : here - there;
  };
  const specs: ChartSpec[] = [
    {
      id: 'contactShare',
      title: t.metric.contactShare,
      value: (v) => v.metrics.contactShare,
      show: (n) => texts.share(n),
      difference: against((v) => v.metrics.contactShare),
      showDifference: (n) => (n === null ? '–' : `${signed(texts, n * 100, 1)} ${w.points}`),
      max: 1,
    },
    ...(period
      ? [
          {
            id: 'U21401',
            title: t.kolada.U21401,
            value: (v: VariantRow) => v.metrics.U21401 ?? null,
            show: (n: number | null) => texts.number(n, 2),
            difference: against((v) => v.metrics.U21401),
            showDifference: (n: number | null) => (n === null ? '–' : signed(texts, n, 2)),
          },
        ]
      : []),
    { id: 'travel', title: `${t.metric.travel} (${t.minutes})`, value: (v) => v.metrics.travelMinutes, show: (n) => texts.number(n, 0), difference: (v) => v.travelDiff, drawDifference: true },
    { id: 'cost', title: w.cost, value: (v) => v.costSek, show: (n) => texts.number(n, 0), difference: (v) => v.costDiff, drawDifference: true },
    {
      id: 'unassignedMandatory',
      title: w.leftOut,
      value: (v) => v.metrics.unassignedMandatory,
      show: (n) => texts.number(n, 0),
      flag: (v) => v.metrics.unassignedMandatory > 0,
    },
  ];
  return `<p class="note">${esc(w.notes.variants)}</p><div class="study-charts">${specs.map((s) => variantChart(s, model, texts, w)).join('')}</div>`;
}

function appliedSection(model: StudyModel, texts: Texts, w: StudyWords): string {
  const { t } = texts;
  return table(
    w.sections.applied,
    [
      { head: w.variant, cell: (v: VariantRow) => `${esc(v.label)}<br><small>${esc(v.id)}</small>` },
      { head: w.applied, cell: (v) => `<span class="applied">${esc(v.applied)}</span>` },
      { head: heading(t.metric.reachable), numeric: true, cell: (v) => figure(`reachable-${v.id}`, v.metrics.contactReachableShare, texts.share(v.metrics.contactReachableShare)) },
      { head: t.metric.contactOrDeputyShare, numeric: true, cell: (v) => figure(`contactOrDeputy-${v.id}`, v.metrics.contactOrDeputyShare, texts.share(v.metrics.contactOrDeputyShare)) },
      { head: t.metric.distinct, numeric: true, cell: (v) => figure(`distinct-${v.id}`, v.metrics.distinctStaffMean, texts.number(v.metrics.distinctStaffMean, 2)) },
      { head: w.paidHours, numeric: true, cell: (v) => figure(`paidHours-${v.id}`, v.metrics.paidMinutes / 60, texts.number(v.metrics.paidMinutes / 60, 1)) },
      { head: w.carKm, numeric: true, cell: (v) => figure(`carKm-${v.id}`, v.metrics.carKm, texts.number(v.metrics.carKm, 1)) },
    ],
    model.variants,
  );
}

function sweepSection(model: StudyModel, texts: Texts, w: StudyWords): string {
  const { t } = texts;
  const weight = model.result.sweepWeight ?? '';
  const chart = curveChart(
    w.sections.sweep(weight),
    model.sweep.map((s) => ({ label: `${texts.number(s.value, 2)}`, x: s.metrics.travelMinutes, y: s.metrics.contactShare ?? 0 })),
    { title: w.travelAxis, format: (n) => texts.number(n, 0) },
    { title: t.metric.contactShare, format: (n) => texts.share(n) },
  );
  const rows = table(
    w.sections.sweep(weight),
    [
      { head: `${w.weightValue} ${weight}`, numeric: true, cell: (s: SweepPoint) => figure(`sweepValue-${s.value}`, s.value, texts.number(s.value, 2)) },
      { head: t.metric.contactShare, numeric: true, cell: (s) => figure(`sweepContact-${s.value}`, s.metrics.contactShare, texts.share(s.metrics.contactShare)) },
      { head: t.metric.contactOrDeputyShare, numeric: true, cell: (s) => esc(texts.share(s.metrics.contactOrDeputyShare)) },
      { head: `${t.metric.travel} (${t.minutes})`, numeric: true, cell: (s) => figure(`sweepTravel-${s.value}`, s.metrics.travelMinutes, texts.number(s.metrics.travelMinutes, 0)) },
      { head: w.travelPerPoint, numeric: true, cell: (s) => esc(texts.number(s.travelPerPoint, 1)) },
      { head: w.leftOut, numeric: true, cell: (s) => esc(texts.number(s.metrics.unassignedMandatory, 0)) },
      { head: w.cost, numeric: true, cell: (s) => esc(texts.number(s.costSek, 0)) },
    ],
    model.sweep,
  );
  return `<p class="note">${esc(w.notes.sweep(weight))}</p><figure class="schart" id="chart-sweep">${chart}${rows}</figure>`;
}

export const studyView: ReportView<StudyModel> = {
  kind: 'study',
  format: 'kontinuitet/study-result@1',
  problem: null,
  load(input) {
    return prepareStudy(parseIn(schemas.StudyResult, input.document, input.files.document, 'study result'));
  },
  render(model, texts) {
    const w = STUDY_WORDS[texts.lang];
    const { base, options } = model.result;
    const baseText = base.kind === 'day' ? `${w.day} ${texts.date(base.date)}` : `${w.period(texts.number(base.days, 0))} ${texts.date(base.date)}`;
    const budget = w.budget(texts.number(options.timeLimitSeconds, 2), base.kind === 'period', options.iterations === undefined ? null : texts.number(options.iterations, 0), options.seed);
    return {
      title: w.kind,
      subtitle: `${baseText} · ${w.variants(model.variants.length)} · ${budget}`,
      body: [
        section({ id: 'left-out', title: w.sections.leftOut, body: leftOutSection(model, texts, w) }),
        section({ id: 'variants', title: w.sections.variants, body: variantsSection(model, texts, w) }),
        section({ id: 'applied', title: w.sections.applied, body: appliedSection(model, texts, w) }),
        ...(model.sweep.length > 0 ? [section({ id: 'sweep', title: w.sections.sweep(model.result.sweepWeight ?? ''), body: sweepSection(model, texts, w) })] : []),
      ].join('\n'),
    };
  },
};
