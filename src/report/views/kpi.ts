/** The KPI view: a `kontinuitet/kpi@1` report on its own, as an analyst brings it from a visit log. */
import { schemas } from '../../model/index.ts';
import { parseIn } from '../../validate/documents.ts';
import { prepareKpi, type KpiModel } from '../prepare/kpi.ts';
import { kpiSections } from './kpi-sections.ts';
import type { ReportView } from './types.ts';

export const kpiView: ReportView<KpiModel> = {
  kind: 'kpi',
  format: 'kontinuitet/kpi@1',
  problem: null,
  load(input) {
    return prepareKpi(parseIn(schemas.KpiReport, input.document, input.files.document, 'KPI report'));
  },
  render(model, texts) {
    const last = model.windows[model.windows.length - 1];
    return {
      title: texts.t.kinds.kpi,
      subtitle: `${texts.date(model.windows[0].from)} – ${texts.date(last.to)}`,
      body: kpiSections(model, texts).join('\n'),
    };
  },
};
