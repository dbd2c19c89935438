/** Personalkontinuitet KPI (Kolada U21401/U21402/U21436) from a visit log or a planned period. */
export {
  computeKpi,
  WINDOW_DAYS,
  DAY_START_MINUTE,
  DAY_END_MINUTE,
  MIN_AGE,
  MIN_VISITS_PER_DAY,
  STAFF_THRESHOLD,
} from './compute.ts';
export { readVisitLog, readRecipientsFile, parseVisitLog, parseRecipients } from './read.ts';
export { formatKpi, KPI_FORMATS, type KpiFormat } from './format.ts';
export { parseCsv, detectSeparator, type CsvRecord, type CsvTable, type CsvSeparator } from './csv.ts';
export type { PerformedRow, PerformedVisit, KpiRow, KpiRecipientInfo, KpiOptions, LogVisitType } from './types.ts';
