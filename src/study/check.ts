/**
 * A study checked before anything is planned: its shape, its base (a day or a period, in
 * full), and every variant built as far as data alone allows, so that an op naming unknown
 * staff is an input error with its JSON path (`variants[1].apply[0].staff[1]`). Loads no
 * search: the queue's producer checks a study here before it adds the flow.
 */
import { InputError, type InputProblem } from '../model/errors.ts';
import * as S from '../model/schemas.ts';
import { MAX_TIME_LIMIT_SECONDS_PER_DAY } from '../model/schemas.ts';
import { validateDayProblem, validatePeriodProblem } from '../validate/index.ts';
import { ProblemList, quote } from '../validate/problems.ts';
import { isPlainObject } from '../validate/schema-walk.ts';
import { parseShapeInto } from '../validate/shape.ts';
import { valueLimitProblems } from '../limits/index.ts';
import { CHECK_ONLY, buildVariant } from './ops.ts';
import type { StudyDocument } from './load.ts';
import type { Study, StudyBase, StudyKind, StudyPart } from './types.ts';

/** The study's shape once the base's kind is known: `add_staff` then takes that kind's staff. */
const SHAPES = { day: S.studyShape(S.Staff), period: S.studyShape(S.PeriodStaff) } as const;
const BASE_FORMATS: Record<string, StudyKind> = { 'kontinuitet/day@1': 'day', 'kontinuitet/period@1': 'period' };

export interface CheckedStudy {
  study: Study;
  base: StudyBase;
  baseWarnings: InputProblem[];
  /** What each plan is, in order: the variants, then the sweep's values. */
  parts: StudyPart[];
  /** The base's warnings, and those a variant's problem has and the base has not. */
  warnings: InputProblem[];
}

/** `base (day.json).staff[3]`, or `base.staff[3]` for an inline base. */
function inBase(path: string, baseName: string | null): string {
  const prefix = baseName === null ? 'base' : `base (${baseName})`;
  if (path === '(document)') return prefix;
  return `${prefix}${path.startsWith('[') ? '' : '.'}${path}`;
}

/** The file stem of a part's problem and plan in `--out-dir`, and its id in progress lines. */
export function partId(study: Study, part: StudyPart): string {
  return part.kind === 'variant' ? study.variants[part.index].id : `sweep-${study.sweep!.weight}-${study.sweep!.values[part.index]}`;
}

export interface CheckOptions {
  /**
   * The variants to build (by index); default all. A worker's child needs only its own,
   * the flow's parent none: the producer has built them all before adding the flow.
   */
  build?: readonly number[];
}

/**
 * Checks a study whose base is inline, or a study file as `readStudyFile` read it (its base
 * inlined, or the problems of reading it). Throws `InputError` with every problem at once.
 */
export function checkStudy(data: unknown, source: Partial<Omit<StudyDocument, 'data'>> = {}, options: CheckOptions = {}): CheckedStudy {
  const baseName = source.baseName ?? null;
  const tooBig = valueLimitProblems(data);
  if (tooBig.length > 0) throw new InputError(tooBig, 'invalid study');
  const problems = new ProblemList();
  for (const p of source.baseProblems ?? []) problems.error([p.path], p.message, p.code ?? 'base_unreadable');
  const rawBase = isPlainObject(data) ? data.base : undefined;
  const format = isPlainObject(rawBase) ? rawBase.format : undefined;
  const kind = typeof format === 'string' && Object.hasOwn(BASE_FORMATS, format) ? BASE_FORMATS[format] : null;
  const shape = kind === null ? S.Study : SHAPES[kind];
  const parsed = parseShapeInto(shape, data, problems);

  let base: StudyBase | null = null;
  let baseWarnings: InputProblem[] = [];
  if (typeof rawBase === 'string' && (source.baseProblems ?? []).length > 0) {
    // Already said: the file could not be read.
  } else if (typeof rawBase === 'string') {
    problems.error(['base'], `${quote(rawBase)} names a file, which only a study read from a file can resolve: give the base inline`, 'base_not_inline');
  } else if (isPlainObject(rawBase) && kind === null && typeof format === 'string') {
    problems.error(['base', 'format'], `${quote(format)} cannot be a study's base: it is a kontinuitet/day@1 or kontinuitet/period@1`, 'base_format');
  } else if (kind !== null) {
    const validated = kind === 'day' ? validateDayProblem(rawBase) : validatePeriodProblem(rawBase);
    const found = validated.ok ? validated.warnings : validated.problems;
    for (const p of found) (p.severity === 'error' ? problems.error : problems.warning).call(problems, [inBase(p.path, baseName)], p.message, p.code ?? 'base');
    if (validated.ok) {
      base = { kind, problem: validated.value } as StudyBase;
      baseWarnings = validated.warnings;
    }
  }
  if (parsed === null || base === null || problems.hasErrors) throw new InputError(problems.all(), 'invalid study');

  const study = parsed;
  if (base.kind === 'period' && (study.options?.timeLimitSeconds ?? 0) > MAX_TIME_LIMIT_SECONDS_PER_DAY) {
    problems.error(['options', 'timeLimitSeconds'], `${study.options!.timeLimitSeconds} is more than ${MAX_TIME_LIMIT_SECONDS_PER_DAY}: for a period base it is the time per day`, 'time_limit_per_day');
  }
  const variantWarnings: InputProblem[] = [];
  const sweepIds = new Set((study.sweep?.values ?? []).map((_, index) => partId(study, { kind: 'sweep', index })));
  const firstId = new Map<string, number>();
  const build = new Set(options.build ?? study.variants.keys());
  study.variants.forEach((variant, i) => {
    checkId(variant.id, i, firstId, sweepIds, problems);
    if (!build.has(i)) return;
    const built = buildVariant(base, variant, ['variants', i], base.problem.options, CHECK_ONLY, problems, baseWarnings);
    for (const w of built?.warnings ?? []) variantWarnings.push({ ...w, path: `variants[${i}]`, message: `the variant's problem: ${w.path}: ${w.message}` });
  });
  const seen = new Set<number>();
  study.sweep?.values.forEach((value, k) => {
    if (seen.has(value)) problems.warning(['sweep', 'values', k], `${value} is listed twice, so it is planned twice`, 'duplicate_value');
    seen.add(value);
  });
  if (problems.hasErrors) throw new InputError(problems.all(), 'invalid study');
  const parts: StudyPart[] = [
    ...study.variants.map((_, index) => ({ kind: 'variant' as const, index })),
    ...(study.sweep?.values ?? []).map((_, index) => ({ kind: 'sweep' as const, index })),
  ];
  return { study, base, baseWarnings, parts, warnings: [...problems.warnings(), ...variantWarnings] };
}

/** Variant ids name files: unique, and none that a sweep's files use. */
function checkId(id: string, i: number, first: Map<string, number>, sweepIds: ReadonlySet<string>, problems: ProblemList): void {
  const earlier = first.get(id);
  if (earlier !== undefined) problems.error(['variants', i, 'id'], `duplicate id ${quote(id)}: already used at variants[${earlier}]`, 'duplicate_id');
  else first.set(id, i);
  if (sweepIds.has(id)) problems.error(['variants', i, 'id'], `${quote(id)} is the name of a sweep plan's files; choose another id`, 'duplicate_id');
}
