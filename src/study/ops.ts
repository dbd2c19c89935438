/**
 * A variant's problem: the base with the variant's ops applied in order (FORMAT §8). Plain
 * data in, plain data out. The two ops that need the engine come in as hooks (a count removal
 * needs the base plan, `suggest_contacts` the assignment LP), so that a study can be checked,
 * every reference with its JSON path, by code that loads no search: the queue's producer and
 * `kontinuitet validate`. While checking, the hooks are absent and those two ops change nothing;
 * neither can make a problem invalid (staff named by contacts or locks may be off, FORMAT §6.15).
 */
import type { z } from 'zod';
import type { InputProblem } from '../model/errors.ts';
import { ClockTime, type PatchOp, type SuggestContactsOp } from '../model/schemas.ts';
import type { DayProblem, Objective, PeriodProblem, PeriodStaff, Recipient, Staff, Team } from '../model/types.ts';
import { validateDayProblem, validatePeriodProblem } from '../validate/index.ts';
import { ProblemList, listIds, quote, type Path } from '../validate/problems.ts';
import { addDays } from '../time/index.ts';
import type { StudyBase, StudyKind, StudyOp, StudyVariant } from './types.ts';

type AnyStaff = Staff | PeriodStaff;
type AnyVisit = { id: string; type?: string; roles?: string[] };

/** The fields of a day or a period the ops read and write; the rest passes through. */
interface Doc {
  format: string;
  teams: Team[];
  staff: AnyStaff[];
  recipients: Recipient[];
  visits?: AnyVisit[];
  visitPlans?: AnyVisit[];
  objective?: Objective;
  [field: string]: unknown;
}

export type SuggestContactsOptions = Omit<z.infer<typeof SuggestContactsOp>, 'op'>;

export interface OpHooks {
  /** Planned service minutes per staff member in the base plan; null while checking (a count removal then removes nobody). */
  plannedMinutes: ReadonlyMap<string, number> | null;
  /** `contacts suggest --apply` on the problem as it stands; null while checking (contacts then stay as they are). */
  suggest: ((problem: StudyBase, options: SuggestContactsOptions) => { problem: StudyBase; applied: string }) | null;
}

export const CHECK_ONLY: OpHooks = { plannedMinutes: null, suggest: null };

export interface BuiltVariant {
  problem: DayProblem | PeriodProblem;
  /** What changed, one clause per op, in words. */
  applied: string;
  /** Warnings of the variant's problem that the base does not have (a visit nobody may now make). */
  warnings: InputProblem[];
}

/** What `applied` says of a variant without ops. */
export const UNCHANGED = 'nothing: the base as it is';

interface Context {
  kind: StudyKind;
  variantId: string;
  hooks: OpHooks;
  problems: ProblemList;
  /** Staff of the base, to tell "never there" from "removed by an earlier op". */
  baseStaff: ReadonlySet<string>;
  /** The plan dates: a day's date, or each date of a period. */
  dates: readonly string[];
}

/** Ids for a sentence of `applied`, unquoted: `s4, s9 and 3 more`. */
function idList(ids: readonly string[], max = 10): string {
  return ids.length > max ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more` : ids.join(', ');
}

/** The dates a base covers. */
function baseDates(base: StudyBase): string[] {
  if (base.kind === 'day') return [base.problem.date];
  return Array.from({ length: base.problem.days }, (_, i) => addDays(base.problem.startDate, i));
}

/**
 * Applies a variant's ops to the base in order, then validates the problem they build with
 * `options` as every plan of the study gets them. Problems go to `problems` at their paths in
 * the study (`variants[1].apply[0].staff[1]`); null when any was an error.
 */
export function buildVariant(
  base: StudyBase,
  variant: StudyVariant,
  path: Path,
  options: DayProblem['options'],
  hooks: OpHooks,
  problems: ProblemList,
  baseWarnings: readonly InputProblem[],
): BuiltVariant | null {
  const ctx: Context = {
    kind: base.kind,
    variantId: variant.id,
    hooks,
    problems,
    baseStaff: new Set(base.problem.staff.map((s) => s.id)),
    dates: baseDates(base),
  };
  const errorsBefore = problems.all().filter((p) => p.severity === 'error').length;
  let doc = structuredClone(base.problem) as unknown as Doc;
  const applied: string[] = [];
  for (const [j, op] of (variant.apply ?? []).entries()) {
    const opPath = [...path, 'apply', j];
    const result = applyOp(doc, op, opPath, ctx);
    if (result === null) continue;
    if (typeof result === 'string') applied.push(result);
    else {
      // A patch or a suggestion returns a new document; a patch that breaks its shape stops the variant here.
      if (result.doc === null) return null;
      doc = result.doc;
      applied.push(result.applied);
    }
  }
  if (problems.all().filter((p) => p.severity === 'error').length > errorsBefore) return null;
  doc.options = options;
  const validated = validateAs(base.kind, doc);
  if (!validated.ok) {
    for (const p of validated.problems) problems.error(path, `builds a problem that is invalid at ${p.path}: ${p.message}`, p.code ?? 'invalid_variant');
    return null;
  }
  const known = new Set(baseWarnings.map((w) => `${w.path}\u0000${w.message}`));
  return {
    problem: validated.value,
    applied: applied.length === 0 ? UNCHANGED : applied.join('; '),
    warnings: validated.warnings.filter((w) => !known.has(`${w.path}\u0000${w.message}`)),
  };
}

function validateAs(kind: StudyKind, doc: unknown) {
  return kind === 'day' ? validateDayProblem(doc) : validatePeriodProblem(doc);
}

type OpResult = string | { doc: Doc | null; applied: string } | null;

function applyOp(doc: Doc, op: StudyOp, path: Path, ctx: Context): OpResult {
  switch (op.op) {
    case 'remove_staff':
      return removeStaff(doc, op, path, ctx);
    case 'add_staff':
      return addStaff(doc, op.staff as AnyStaff[], path, ctx);
    case 'service_assistants':
      return serviceAssistants(doc, op, path, ctx);
    case 'travel_mode':
      return travelMode(doc, op, path, ctx);
    case 'objective':
      return objective(doc, op, path, ctx);
    case 'reassign_team':
      return reassignTeam(doc, op, path, ctx);
    case 'suggest_contacts':
      return suggestContacts(doc, op, ctx);
    case 'patch':
      return patch(doc, op, path, ctx);
  }
}

function teamKnown(doc: Doc, team: string, path: Path, ctx: Context): boolean {
  if (doc.teams.some((t) => t.id === team)) return true;
  ctx.problems.error(path, `${quote(team)} is not a team of the base (teams: ${listIds(doc.teams.map((t) => t.id))})`, 'unknown_reference');
  return false;
}

/** The ids of `ids` that are staff of the variant as it stands; an error for each other one. */
function knownStaff(doc: Doc, ids: readonly string[], path: Path, ctx: Context): string[] {
  const present = new Set(doc.staff.map((s) => s.id));
  const seen = new Set<string>();
  const known: string[] = [];
  ids.forEach((id, k) => {
    if (seen.has(id)) ctx.problems.error([...path, k], `${quote(id)} is listed twice`, 'duplicate_id');
    else if (!present.has(id)) {
      const why = ctx.baseStaff.has(id) ? 'was removed by an earlier op of this variant' : 'is not a staff member of the base';
      ctx.problems.error([...path, k], `${quote(id)} ${why}`, 'unknown_reference');
    } else known.push(id);
    seen.add(id);
  });
  return known;
}

function removeStaff(doc: Doc, op: Extract<StudyOp, { op: 'remove_staff' }>, path: Path, ctx: Context): string | null {
  const { problems } = ctx;
  if (op.staff !== undefined && op.count !== undefined) {
    problems.error(path, 'gives both "staff" and "count": name the staff, or give a count to remove those with the fewest planned service minutes', 'remove_staff_form');
    return null;
  }
  if (op.staff !== undefined) {
    for (const field of ['role', 'team'] as const) {
      if (op[field] !== undefined) problems.error([...path, field], 'applies with "count" only: "staff" names the people to remove', 'remove_staff_form');
    }
    const ids = knownStaff(doc, op.staff, [...path, 'staff'], ctx);
    const gone = new Set(ids);
    doc.staff = doc.staff.filter((s) => !gone.has(s.id));
    return `${ids.length} staff removed: ${idList(ids)}`;
  }
  if (op.count === undefined) {
    problems.error(path, 'needs "staff" (the ids to remove) or "count" (how many of those with the fewest planned service minutes)', 'remove_staff_form');
    return null;
  }
  if (op.team !== undefined && !teamKnown(doc, op.team, [...path, 'team'], ctx)) return null;
  const candidates = doc.staff.filter((s) => (op.role === undefined || s.role === op.role) && (op.team === undefined || s.team === op.team));
  const among = [op.role && `of role ${quote(op.role)}`, op.team && `in team ${quote(op.team)}`].filter(Boolean).join(' ');
  if (op.count > candidates.length) {
    problems.error([...path, 'count'], `${op.count} is more than the ${candidates.length} staff ${among ? `${among} ` : ''}of the variant at this op`, 'count_too_large');
    return null;
  }
  const minutes = ctx.hooks.plannedMinutes;
  if (minutes === null) return `${op.count} staff removed`;
  // Fewest planned service minutes first, ties by id in code-point order (FORMAT §8).
  const chosen = candidates
    .map((s) => ({ id: s.id, minutes: minutes.get(s.id) ?? 0 }))
    .sort((a, b) => a.minutes - b.minutes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, op.count);
  const gone = new Set(chosen.map((c) => c.id));
  doc.staff = doc.staff.filter((s) => !gone.has(s.id));
  return `${op.count} staff removed, the fewest planned service minutes in the base plan${among ? ` ${among}` : ''}: ${chosen.map((c) => `${c.id} (${c.minutes} min)`).join(', ')}`;
}

function addStaff(doc: Doc, added: readonly AnyStaff[], path: Path, ctx: Context): string {
  const present = new Set(doc.staff.map((s) => s.id));
  const kept: AnyStaff[] = [];
  added.forEach((person, k) => {
    const at = [...path, 'staff', k];
    if (present.has(person.id)) {
      ctx.problems.error([...at, 'id'], `${quote(person.id)} is already a staff member of the variant`, 'duplicate_id');
      return;
    }
    present.add(person.id);
    if (teamKnown(doc, person.team, [...at, 'team'], ctx)) kept.push(structuredClone(person));
  });
  doc.staff.push(...kept);
  return `${kept.length} staff added: ${kept.map((s) => `${s.id} (${s.role}, team ${s.team})`).join(', ')}`;
}

function serviceAssistants(doc: Doc, op: Extract<StudyOp, { op: 'service_assistants' }>, path: Path, ctx: Context): string | null {
  const { problems } = ctx;
  const teamOk = teamKnown(doc, op.team, [...path, 'team'], ctx);
  if (ctx.kind === 'period') {
    // A period's shift repeats on every date, so it must be a clock time, not an instant.
    const clock = (time: string, at: Path) => {
      if (!ClockTime.safeParse(time).success) problems.error(at, `${quote(time)} must be "HH:MM" or "HH:MM+1" in a period: the shift repeats every day`, 'not_clock_time');
    };
    clock(op.shift.start, [...path, 'shift', 'start']);
    clock(op.shift.end, [...path, 'shift', 'end']);
    op.breaks?.forEach((b, k) => {
      clock(b.earliest, [...path, 'breaks', k, 'earliest']);
      clock(b.latest, [...path, 'breaks', k, 'latest']);
    });
  }
  const ids = Array.from({ length: op.count }, (_, k) => `${ctx.variantId}-sa${k + 1}`);
  const taken = ids.filter((id) => doc.staff.some((s) => s.id === id));
  if (taken.length > 0) problems.error([...path, 'count'], `would add ${listIds(taken)}, already ${taken.length === 1 ? 'a staff member' : 'staff'} of the variant`, 'duplicate_id');
  if (!teamOk || taken.length > 0) return null;
  const breaks = op.breaks ? { breaks: op.breaks } : {};
  const mode = op.travelMode ? { travelMode: op.travelMode } : {};
  for (const id of ids) {
    const common = { id, team: op.team, role: 'service_assistant' as const, ...mode };
    doc.staff.push(
      ctx.kind === 'day'
        ? { ...common, shift: { ...op.shift }, ...structuredClone(breaks) }
        : { ...common, roster: ctx.dates.map((date) => ({ date, shift: { ...op.shift }, ...structuredClone(breaks) })) },
    );
  }
  const types = new Set<string>(op.visitTypes);
  const restrict = (visits: AnyVisit[] | undefined): number => {
    let n = 0;
    for (const visit of visits ?? []) {
      if (!types.has(visit.type ?? 'personal_care')) continue;
      visit.roles = ['service_assistant'];
      n++;
    }
    return n;
  };
  const typeWords = `of type ${op.visitTypes.join(' or ')}`;
  const restricted =
    ctx.kind === 'day'
      ? `${restrict(doc.visits)} visits ${typeWords}`
      : `${restrict(doc.visitPlans)} visit plans and ${restrict(doc.visits)} one-off visits ${typeWords}`;
  return `${op.count} service assistant${op.count === 1 ? '' : 's'} added to team ${op.team} (${ids.join(', ')}; ${op.shift.start}–${op.shift.end} every day); ${restricted} now for service assistants only`;
}

function travelMode(doc: Doc, op: Extract<StudyOp, { op: 'travel_mode' }>, path: Path, ctx: Context): string | null {
  if (op.team !== undefined && op.staff !== undefined) {
    ctx.problems.error(path, 'gives both "team" and "staff": give one, or neither for everyone', 'travel_mode_form');
    return null;
  }
  if (op.staff !== undefined) {
    const ids = new Set(knownStaff(doc, op.staff, [...path, 'staff'], ctx));
    for (const s of doc.staff) if (ids.has(s.id)) s.travelMode = op.mode;
    return `travel by ${op.mode} for ${idList([...ids])}`;
  }
  if (op.team !== undefined && !teamKnown(doc, op.team, [...path, 'team'], ctx)) return null;
  // The team's own mode too, so that staff added by a later op travel the same way.
  for (const t of doc.teams) if (op.team === undefined || t.id === op.team) t.travelMode = op.mode;
  const affected = doc.staff.filter((s) => op.team === undefined || s.team === op.team);
  for (const s of affected) s.travelMode = op.mode;
  return `travel by ${op.mode} for ${op.team === undefined ? 'everyone' : `team ${op.team}`} (${affected.length} staff)`;
}

function objective(doc: Doc, op: Extract<StudyOp, { op: 'objective' }>, path: Path, ctx: Context): string | null {
  const { op: _op, weights, ...fields } = op;
  const direct = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Objective;
  const nested = Object.fromEntries(Object.entries(weights ?? {}).filter(([, v]) => v !== undefined)) as Objective;
  if (Object.keys(direct).length > 0 && Object.keys(nested).length > 0) {
    ctx.problems.error(path, 'gives weights both in "weights" and as fields of the op: give them in one place', 'objective_form');
    return null;
  }
  const given = { ...direct, ...nested };
  if (Object.keys(given).length === 0) {
    ctx.problems.error(path, 'names no weight: give "weights", such as {"notContact": 120}', 'objective_form');
    return null;
  }
  doc.objective = { ...doc.objective, ...given };
  return `objective: ${Object.entries(given).map(([k, v]) => `${k} ${v}`).join(', ')}`;
}

function reassignTeam(doc: Doc, op: Extract<StudyOp, { op: 'reassign_team' }>, path: Path, ctx: Context): string | null {
  const teamOk = teamKnown(doc, op.team, [...path, 'team'], ctx);
  const byId = new Map(doc.recipients.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const moved: Recipient[] = [];
  op.recipients.forEach((id, k) => {
    const recipient = byId.get(id);
    if (seen.has(id)) ctx.problems.error([...path, 'recipients', k], `${quote(id)} is listed twice`, 'duplicate_id');
    else if (!recipient) ctx.problems.error([...path, 'recipients', k], `${quote(id)} is not a recipient of the base`, 'unknown_reference');
    else moved.push(recipient);
    seen.add(id);
  });
  if (!teamOk) return null;
  for (const r of moved) r.team = op.team;
  return `${moved.length} recipient${moved.length === 1 ? '' : 's'} moved to team ${op.team}: ${idList(moved.map((r) => r.id))}`;
}

function suggestContacts(doc: Doc, op: Extract<StudyOp, { op: 'suggest_contacts' }>, ctx: Context): OpResult {
  const suggest = ctx.hooks.suggest;
  if (suggest === null) return 'contacts and deputies as `contacts suggest --apply` sets them';
  const { op: _op, ...options } = op;
  const done = suggest({ kind: ctx.kind, problem: doc } as unknown as StudyBase, options);
  return { doc: done.problem.problem as unknown as Doc, applied: done.applied };
}

function patch(doc: Doc, op: z.infer<typeof PatchOp>, path: Path, ctx: Context): OpResult {
  if ('format' in op.patch && op.patch.format !== doc.format) {
    ctx.problems.error([...path, 'patch', 'format'], `may not change the format (${quote(doc.format)})`, 'patch_format');
    return null;
  }
  const patched = mergePatch(doc, op.patch);
  const keys = Object.keys(op.patch);
  const applied = `patched: ${keys.length === 0 ? 'nothing' : keys.join(', ')}`;
  // The ops after a patch read its result, so its shape is checked here, at the patch.
  const validated = validateAs(ctx.kind, patched);
  if (!validated.ok) {
    for (const p of validated.problems) ctx.problems.error([...path, 'patch'], `makes the problem invalid at ${p.path}: ${p.message}`, p.code ?? 'invalid_variant');
    return { doc: null, applied };
  }
  return { doc: validated.value as unknown as Doc, applied };
}

/**
 * RFC 7396: objects merge key by key, `null` removes a key, anything else (arrays too)
 * replaces. Keys are defined, not assigned, so a `"__proto__"` key in a patch is plain data.
 */
export function mergePatch(target: unknown, patchValue: unknown): unknown {
  if (patchValue === null || typeof patchValue !== 'object' || Array.isArray(patchValue)) return structuredClone(patchValue);
  const out: Record<string, unknown> = {};
  if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
    for (const [key, value] of Object.entries(target)) define(out, key, value);
  }
  for (const [key, value] of Object.entries(patchValue)) {
    if (value === null) delete out[key];
    else define(out, key, mergePatch(Object.hasOwn(out, key) ? out[key] : undefined, value));
  }
  return out;
}

function define(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
