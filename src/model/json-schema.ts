/** JSON Schema files generated from the zod schemas, so other tools can validate our documents. */
import { z } from 'zod';
import * as S from './schemas.ts';

export const JSON_SCHEMAS: Record<string, z.ZodType> = {
  'day.schema.json': S.DayProblem,
  'schedule.schema.json': S.Schedule,
  'period.schema.json': S.PeriodProblem,
  'period-schedule.schema.json': S.PeriodSchedule,
  'visit-log-row.schema.json': S.VisitLogRow,
  'recipients-file-row.schema.json': S.RecipientsFileRow,
  'kpi.schema.json': S.KpiReport,
  'changes.schema.json': S.Changes,
  'study.schema.json': S.Study,
  'study-result.schema.json': S.StudyResult,
};

/** The text of one schema file: draft 2020-12, input shapes, stable key order. */
export function jsonSchemaText(name: string): string {
  const schema = z.toJSONSchema(JSON_SCHEMAS[name], { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ $id: `https://kontinuitet.se/schemas/${name}`, ...schema }, null, 2)}\n`;
}
