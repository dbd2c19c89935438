/** The `kpi` job: a visit log and a recipients file (as text) to a `kontinuitet/kpi@1` report. */
import { InputError } from '../../src/model/errors.ts';
import type { KpiReport } from '../../src/model/types.ts';
import { DEFAULT_TIMEZONE, isValidZone } from '../../src/time/index.ts';
import { computeKpi, parseRecipients, parseVisitLog, type KpiRecipientInfo, type PerformedRow } from '../../src/kpi/index.ts';
import type { KpiData } from '../jobs.ts';

/** Both texts are read before failing, so one failure lists every bad row of either. */
function readBoth(data: KpiData, timezone: string): [PerformedRow[], KpiRecipientInfo[]] {
  const problems: InputError[] = [];
  let rows: PerformedRow[] = [];
  let recipients: KpiRecipientInfo[] = [];
  try {
    rows = parseVisitLog(data.visitLog, 'visitLog', timezone);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(err);
  }
  try {
    recipients = parseRecipients(data.recipients, 'recipients');
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(err);
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new InputError(problems.flatMap((e) => e.problems), 'invalid KPI input');
  return [rows, recipients];
}

export function kpiJob(data: KpiData): KpiReport {
  const timezone = data.timezone ?? DEFAULT_TIMEZONE;
  // The readers need the zone to read local times; a bad one is the producer's input error.
  if (!isValidZone(timezone)) throw new InputError([{ path: 'timezone', message: `"${timezone}" is not an IANA time zone`, severity: 'error' }], 'invalid KPI input');
  const [rows, recipients] = readBoth(data, timezone);
  return computeKpi(rows, recipients, { from: data.from, timezone, windows: data.windows });
}
