/**
 * The period view: a period schedule with its period problem. The Kolada figures of the
 * planned period, the contact share day by day, the histogram of distinct staff, each
 * recipient's strip of who came, and the visits not made by the contact, by reason.
 */
import type { InputProblem } from '../../model/errors.ts';
import { schemas } from '../../model/index.ts';
import type { DayProblem, PeriodProblem, PeriodSchedule } from '../../model/types.ts';
import { expandPeriod } from '../../period/index.ts';
import { loadPeriodProblem } from '../../validate/index.ts';
import { inFile, parseIn, problemAt, refuseMismatches, scheduleMismatches } from '../../validate/documents.ts';
import { chart, esc, jsonScript, section, table } from '../html.ts';
import type { Acquaintance, Texts } from '../i18n.ts';
import { WHO_COLOURS } from '../prepare/palette.ts';
import { preparePeriod, type PeriodModel } from '../prepare/period.ts';
import { kpiSections } from './kpi-sections.ts';
import { cards, reasonTable } from './parts.ts';
import type { ReportInput, ReportView } from './types.ts';

function periodMismatches(period: PeriodProblem, days: ReadonlyMap<string, DayProblem>, schedule: PeriodSchedule, file: string, problemFile: string): InputProblem[] {
  const out: InputProblem[] = [];
  if (schedule.startDate !== undefined && schedule.startDate !== period.startDate) {
    out.push(problemAt(file, 'startDate', `"${schedule.startDate}" is not the start date of ${problemFile} ("${period.startDate}")`));
  }
  const seen = new Set<string>();
  schedule.days.forEach((day, i) => {
    const problem = days.get(day.date);
    if (!problem) out.push(problemAt(file, `days[${i}].date`, `"${day.date}" is not a day of ${problemFile} (${period.startDate}, ${period.days} days)`));
    else if (seen.has(day.date)) out.push(problemAt(file, `days[${i}].date`, `"${day.date}" is planned twice`));
    else out.push(...scheduleMismatches(day, problem, { file, prefix: `days[${i}].`, problemFile }));
    seen.add(day.date);
  });
  return out;
}

function headline(model: PeriodModel, texts: Texts): string {
  const { t } = texts;
  const s = model.totals;
  return cards([
    { key: 'periodContactShare', label: t.metric.contactShare, value: texts.share(s.contactShare), raw: s.contactShare, detail: t.metric.ofAssigned },
    { key: 'periodContactOrDeputyShare', label: t.metric.contactOrDeputyShare, value: texts.share(s.contactOrDeputyShare), raw: s.contactOrDeputyShare },
    { key: 'periodAssigned', label: t.metric.visits, value: `${texts.number(s.assigned, 0)} / ${texts.number(s.visits, 0)}`, raw: s.assigned, detail: t.metric.assigned },
    {
      key: 'periodUnassigned',
      label: t.metric.unassigned,
      value: texts.number(s.unassignedMandatory + s.unassignedOptional, 0),
      raw: s.unassignedMandatory + s.unassignedOptional,
      detail: `${texts.number(s.unassignedMandatory, 0)} ${t.metric.mandatory} · ${texts.number(s.unassignedOptional, 0)} ${t.metric.optional}`,
    },
    { key: 'periodTravel', label: t.metric.travel, value: texts.duration(s.travelMinutes), raw: s.travelMinutes },
  ]);
}

function perDay(model: PeriodModel, texts: Texts): string {
  const { t } = texts;
  const labels = model.days.map((d) => texts.date(d.date, 'short'));
  const graph = chart({
    kind: 'lines',
    title: t.sections.perDay,
    xLabel: t.columns.day,
    yLabel: t.columns.share,
    x: model.days.map((_, i) => i),
    xLabels: labels,
    percent: true,
    series: [
      { label: t.metric.contactShare, colour: WHO_COLOURS.contact, values: model.days.map((d) => d.metrics.contactShare) },
      { label: t.metric.contactOrDeputyShare, colour: WHO_COLOURS.deputy, values: model.days.map((d) => d.metrics.contactOrDeputyShare) },
      { label: t.metric.reachable, colour: WHO_COLOURS.none, values: model.days.map((d) => d.metrics.contactReachableShare) },
    ],
    width: 760,
    height: 240,
  });
  const rows = model.days.map((d, i) => ({ d, label: labels[i] }));
  return `<p class="note">${esc(t.notes.perDay)}</p>${graph}${table(
    t.sections.perDay,
    [
      { head: t.columns.date, cell: (r: (typeof rows)[number]) => esc(`${r.label} (${r.d.date})`) },
      { head: t.metric.contactShare, numeric: true, cell: (r) => esc(texts.share(r.d.metrics.contactShare)) },
      { head: t.metric.contactOrDeputyShare, numeric: true, cell: (r) => esc(texts.share(r.d.metrics.contactOrDeputyShare)) },
      { head: t.metric.reachable, numeric: true, cell: (r) => esc(texts.share(r.d.metrics.contactReachableShare)) },
      { head: t.metric.visits, numeric: true, cell: (r) => esc(`${texts.number(r.d.metrics.assigned, 0)} / ${texts.number(r.d.metrics.visits, 0)}`) },
      { head: t.metric.travel, numeric: true, cell: (r) => esc(texts.duration(r.d.metrics.travelMinutes)) },
    ],
    rows,
  )}`;
}

const CODE: Record<Acquaintance, string> = { contact: 'c', deputy: 'd', familiar: 'f', new: 'n' };
/** Above this many recipients the strips open on the first team: drawing every strip of a district costs a second. */
const ALL_STRIPS_UP_TO = 150;

/**
 * The strips as a table that the page script fills, one team at a time on a large period,
 * from compact JSON (a district's 700 strips as elements would slow the page's opening).
 */
function strips(model: PeriodModel, texts: Texts): string {
  const { t } = texts;
  const letter = t.acquaintanceLetter;
  const kinds = ['contact', 'deputy', 'familiar', 'new'] as const;
  const legend = kinds.map((a) => `<li><i class="a-${CODE[a]}">${esc(letter[a])}</i>${esc(t.acquaintance[a])}</li>`).join('');
  const first = model.strips.length > ALL_STRIPS_UP_TO ? (model.teams[0]?.id ?? '') : '';
  const option = (value: string, label: string) => `<option value="${esc(value)}"${value === first ? ' selected' : ''}>${esc(label)}</option>`;
  const teamSelect = `<div class="filter"><label>${esc(t.filter.team)} <select id="strip-team">${option('', t.filter.allTeams)}${model.teams
    .map((team) => option(team.id, team.name))
    .join('')}</select></label></div>`;
  const data = {
    letters: Object.fromEntries(kinds.map((a) => [CODE[a], letter[a]])),
    rows: model.strips.map((r) => [r.name, r.team ?? '', texts.number(r.distinct, 0), r.days.map((d) => d.map((a) => CODE[a]).join('')).join('|')]),
  };
  const columns = [t.columns.recipient, t.columns.team, t.columns.distinctStaff, ...model.dates.map((d) => texts.date(d, 'short'))].map((head, i) => ({
    head,
    numeric: i === 2,
    cell: () => '',
  }));
  return `<ul class="legend">${legend}</ul><p class="note">${esc(t.notes.strips)}</p>${teamSelect}${jsonScript(data, ' id="strip-data"')}<div class="strips">${table(
    t.sections.strips,
    columns,
    [],
  )}</div>`;
}

export interface PeriodViewModel {
  period: PeriodProblem;
  model: PeriodModel;
}

export const periodView: ReportView<PeriodViewModel> = {
  kind: 'period',
  format: 'kontinuitet/period-schedule@1',
  problem: { format: 'kontinuitet/period@1', what: 'its period problem' },
  load(input: ReportInput): PeriodViewModel {
    const { files } = input;
    const schedule = parseIn(schemas.PeriodSchedule, input.document, files.document, 'period schedule');
    const problemFile = files.problem!;
    const { problem } = inFile(problemFile, 'period problem', () => loadPeriodProblem(input.problem));
    const days = new Map(expandPeriod(problem).map((d) => [d.date, d]));
    refuseMismatches(periodMismatches(problem, days, schedule, files.document, problemFile), files.document, problemFile);
    return { period: problem, model: preparePeriod(problem, schedule) };
  },
  render({ period, model }, texts) {
    const { t } = texts;
    const last = model.dates[model.dates.length - 1] ?? period.startDate;
    const [kolada, ...kpiRest] = kpiSections(model.kpi, texts);
    const body = [
      section({ id: 'headline', title: t.sections.headline, body: headline(model, texts) }),
      kolada,
      section({ id: 'per-day', title: t.sections.perDay, body: perDay(model, texts) }),
      ...kpiRest,
      section({ id: 'strips', title: t.sections.strips, body: strips(model, texts) }),
      section({
        id: 'not-contact',
        title: t.sections.notContact,
        body: reasonTable(t.sections.notContact, model.notContactByReason, (r) => t.explanationReasons[r], texts),
      }),
    ];
    return {
      title: `${t.kinds.period} ${texts.date(period.startDate)} – ${texts.date(last)}`,
      subtitle: model.teams.length > 3 ? `${texts.number(model.teams.length, 0)} ${t.teams}` : model.teams.map((team) => team.name).join(', '),
      body: body.join('\n'),
    };
  },
};
