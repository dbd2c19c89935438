/**
 * What the field-benchmark converters share: where the published files live, the fixed
 * plan day that benchmark time units are mapped onto, benchmark plane coordinates mapped
 * to plausible points, the travel matrix layout, and the iolab-uniud solution format that
 * both the Mankowska and the UHHC solution files use.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { InputError, fromZodIssues } from '../../src/model/errors.ts';
import type { DayProblem, Objective, Point, Staff, Team } from '../../src/model/types.ts';

/**
 * The published files sit beside the repository (`../shared/datasets-external/`), in CI a
 * clean clone with `../shared` next to it, so the folder is found from this file's own
 * location and never from an absolute path.
 */
export const EXTERNAL_ROOT = new URL('../../../shared/datasets-external/', import.meta.url);

export function externalPath(relative: string): string {
  return fileURLToPath(new URL(relative, EXTERNAL_ROOT));
}

/** Reads a published file; a missing one is an input error naming the path. */
export async function readExternal(relative: string, encoding: 'utf8' | 'latin1' = 'utf8'): Promise<string> {
  const path = externalPath(relative);
  try {
    const text = await readFile(path, encoding);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError([{ path, message: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`, severity: 'error' }], `cannot read ${relative}`);
  }
}

export function parseJsonDocument(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError([{ path: file, message: `is not valid JSON (${(err as Error).message})`, severity: 'error' }], `cannot parse ${file}`);
  }
}

export function parseShape<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = fromZodIssues(result.error.issues, data).map((p) => ({ ...p, path: `${file}: ${p.path}` }));
    throw new InputError(problems, `invalid ${file}`);
  }
  return result.data;
}

/** A problem in a benchmark text file, named `file:line: sentence`. */
export function textError(file: string, line: number | null, message: string): InputError {
  const path = line === null ? file : `${file}:${line}`;
  return new InputError([{ path, message, severity: 'error' }], `cannot convert ${file}`);
}

// ── Time ────────────────────────────────────────────────────────────────────

/**
 * Benchmark time units map 1:1 onto minutes after local midnight of one fixed plan day, a
 * Monday in November (no daylight-saving change near it), so a benchmark time t is the
 * clock reading t minutes after 00:00 and schedules convert back with `PlanClock`.
 */
export const BENCH_DATE = '2026-11-23';
export const BENCH_TIMEZONE = 'Europe/Stockholm';
const MINUTES_PER_DAY = 1440;

/** Whole minutes after midnight as `"HH:MM"`, or `"HH:MM+1"` on the following day. */
export function clockTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 2 * MINUTES_PER_DAY) {
    throw new RangeError(`${minutes} is not a whole minute within two days of midnight`);
  }
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  const rest = minutes % MINUTES_PER_DAY;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return `${hh}:${mm}${day ? '+1' : ''}`;
}

// ── Places ──────────────────────────────────────────────────────────────────

/**
 * Benchmark plane coordinates placed in a box of about 10 × 10 km in Stockholm. Only for
 * maps and tools that want a point: the travel matrix, not these points, defines travel.
 */
export function planePoint(x: number, y: number, extent: number): Point {
  const scale = extent > 0 ? 1 / extent : 0;
  return { lat: round6(59.28 + y * scale * 0.09), lon: round6(17.98 + x * scale * 0.18) };
}

/**
 * A point for a place known only by its travel times: on a ring around the office, at a
 * radius growing with its time from the office. The matrix defines travel.
 */
export function ringPoint(office: Point, index: number, count: number, fromOffice: number, maxFromOffice: number): Point {
  const angle = (2 * Math.PI * index) / Math.max(1, count);
  const radius = maxFromOffice > 0 ? 0.002 + (0.04 * fromOffice) / maxFromOffice : 0.002;
  return { lat: round6(office.lat + radius * Math.sin(angle)), lon: round6(office.lon + 2 * radius * Math.cos(angle)) };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * The converted problem's car matrix: `ids` in order with `row(k)` giving row k of the
 * benchmark's own matrix (indices into `source`). Team and staff ids naming the same
 * depot take the depot's row (FORMAT §6.7: a team id names its office, a staff id that
 * person's start point).
 */
export function matrixOver(ids: string[], sourceIndex: number[], source: (from: number, to: number) => number): DayProblem['travel'] {
  const minutes = sourceIndex.map((from) => sourceIndex.map((to) => (from === to ? 0 : source(from, to))));
  return { matrix: { ids, minutes: { car: minutes } } };
}

/** Every converted problem uses one role and the title proof that makes a contact qualified. */
export function benchStaff(fields: Pick<Staff, 'id' | 'team' | 'skills' | 'shift'> & Partial<Staff>): Staff {
  return { role: 'assistant_nurse', titleProof: 'certificate', travelMode: 'car', ...fields };
}

export function benchTeam(id: string, office: Point, name: string): Team {
  return { id, name, office, travelMode: 'car' };
}

/** Weight that makes leaving a mandatory visit out dearer than any benchmark objective. */
export const UNASSIGNED_MANDATORY_WEIGHT = 100_000;

/** The weights a benchmark's own objective sets; continuity only where it has preferences. */
export interface BenchWeights {
  travelMinute: number;
  lateMinute: number;
  maxLateMinute: number;
  notContact?: number;
  unassignedOptional?: number;
}

/**
 * A converted problem's objective: the benchmark's own weights, nothing for what none of
 * them models (deputies, new staff, start preferences, language, help across teams), and leaving a
 * mandatory visit out never worth it.
 */
export function benchObjective({ travelMinute, lateMinute, maxLateMinute, notContact = 0, unassignedOptional }: BenchWeights): Objective {
  return {
    travelMinute,
    lateMinute,
    maxLateMinute,
    notContact,
    byDeputy: 0,
    newStaff: 0,
    extraStaffToday: 0,
    preferredStartMinute: 0,
    languageMismatch: 0,
    otherTeam: 0,
    // Only UHHC has optional visits; the other problems carry no such weight at all.
    ...(unassignedOptional !== undefined ? { unassignedOptional } : {}),
    unassignedMandatory: UNASSIGNED_MANDATORY_WEIGHT,
  };
}

/** A converted problem: every one is a day problem on the fixed plan day. */
export function benchDay(parts: Omit<DayProblem, 'format' | 'date' | 'timezone'>): DayProblem {
  return { format: 'kontinuitet/day@1', date: BENCH_DATE, timezone: BENCH_TIMEZONE, ...parts };
}

// ── iolab-uniud solution files (hhcrsp and uhhc) ────────────────────────────

const Time = z.number().nonnegative();
/** A service by a caregiver; `arrival_time` in these files is the start of service. */
const SolutionVisit = z.looseObject({
  patient: z.string(),
  service: z.string(),
  arrival_time: Time.optional(),
  departure_time: Time.optional(),
  start_time: Time.optional(),
  end_time: Time.optional(),
  start_service_time: Time.optional(),
  end_service_time: Time.optional(),
});
export const IolabSolutionSchema = z.looseObject({
  routes: z.array(z.looseObject({ caregiver_id: z.string(), locations: z.array(SolutionVisit).nullable().optional() })),
  cost: z.looseObject({ objective: z.number().optional() }).optional(),
  cost_components: z.record(z.string(), z.number()).optional(),
});

export interface SolutionStop {
  patient: string;
  service: string;
  start: number;
  end: number;
}
export interface IolabSolution {
  routes: { caregiver: string; stops: SolutionStop[] }[];
  /** Weighted cost components as the solver wrote them (uhhc files only). */
  costComponents: Record<string, number>;
  objective: number | null;
}

/** Parses a solution file; each route's stops sorted by start, as the uhhc validator does. */
export function parseIolabSolution(data: unknown, file: string): IolabSolution {
  const raw = parseShape(IolabSolutionSchema, data, file);
  const routes = raw.routes.map((route, r) => {
    const stops = (route.locations ?? []).map((l, k) => {
      const start = l.start_service_time ?? l.arrival_time ?? l.start_time;
      const end = l.end_service_time ?? l.departure_time ?? l.end_time;
      if (start === undefined || end === undefined) {
        throw textError(file, null, `routes[${r}].locations[${k}] has no start or end time`);
      }
      return { patient: l.patient, service: l.service, start, end };
    });
    stops.sort((a, b) => a.start - b.start);
    return { caregiver: route.caregiver_id, stops };
  });
  return { routes, costComponents: raw.cost_components ?? {}, objective: raw.cost?.objective ?? null };
}
