/** The types of a study (FORMAT §8), inferred from the public schemas so that the two never drift. */
import type { z } from 'zod';
import type * as S from '../model/schemas.ts';
import type { DayProblem, PeriodProblem, PeriodSchedule, Schedule } from '../model/types.ts';

export type Study = z.infer<typeof S.Study>;
export type StudyVariant = Study['variants'][number];
export type StudyOp = NonNullable<StudyVariant['apply']>[number];
export type StudyCosts = z.infer<typeof S.StudyCosts>;
export type StudyMetrics = z.infer<typeof S.StudyMetrics>;
export type StudyResult = z.infer<typeof S.StudyResult>;
export type StudyVariantResult = StudyResult['variants'][number];
export type StudySweepResult = StudyResult['sweep'][number];

/** A study's base, validated: a day or a period. */
export type StudyBase = { kind: 'day'; problem: DayProblem } | { kind: 'period'; problem: PeriodProblem };
export type StudyKind = StudyBase['kind'];

/** One plan of a study: a day's schedule or a period's. */
export type StudyPlan = { kind: 'day'; schedule: Schedule } | { kind: 'period'; schedule: PeriodSchedule };

/** What a study plans, in order: each variant, then each value of the sweep. */
export type StudyPart = { kind: 'variant'; index: number } | { kind: 'sweep'; index: number };
