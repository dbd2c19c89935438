/**
 * Mankowska, Meisel & Bierwirth (2014), "The home health care routing and scheduling
 * problem with interdependent services", Health Care Management Science 17:15-30.
 *
 * Text layout (`InstanzCPLEX_HCSRP_*.txt`, worked out against the iolab-uniud JSON
 * copies): keyword lines, each followed by its numbers.
 *   nbNodes N     depot, the N-2 patients, the depot again (node N-1)
 *   nbVehi V, nbServi S
 *   r             N rows × S: 1 when the node requires that service (depot rows all 1)
 *   DS            the nodes (1-based) with a double service
 *   a             V rows × S: 1 when the caregiver is qualified for the service
 *   x, y          N coordinates each (a plane of 0..100)
 *   d             N × N travel times (the paper's distances, real-valued)
 *   p             N·V rows × S: processing time of node i, caregiver v, service s at row i·V+v
 *   mind, maxd    N values: for a double service, the second service (the higher service
 *                 index) starts mind..maxd after the first; 0/0 means at the same time
 *   e, l          N values: the time window; starting before e is forbidden, after l costs
 *                 tardiness (the window end is soft)
 * Objective: (total travel, depot to depot + total tardiness + maximum tardiness) / 3.
 */
import { z } from 'zod';
import type { DayProblem, Recipient, Visit } from '../../src/model/types.ts';
import { benchDay, benchObjective, benchStaff, benchTeam, clockTime, matrixOver, parseShape, planePoint, textError } from './common.ts';

export interface MankowskaService {
  service: string;
  duration: number;
}

export interface MankowskaPatient {
  id: string;
  x: number;
  y: number;
  windowStart: number;
  windowEnd: number;
  /** One or two services, in service-index order. */
  services: MankowskaService[];
  /** For a double service: the second starts min..max after the first (0/0: together). */
  gap: { min: number; max: number } | null;
}

export interface MankowskaInstance {
  name: string;
  services: string[];
  caregivers: { id: string; services: string[] }[];
  depot: { x: number; y: number };
  patients: MankowskaPatient[];
  /** Travel times: index 0 the depot, index i the i-th patient (1-based). */
  distance: number[][];
}

const KEYWORDS = ['nbNodes', 'nbVehi', 'nbServi', 'r', 'DS', 'a', 'x', 'y', 'd', 'p', 'mind', 'maxd', 'e', 'l'] as const;
type Keyword = (typeof KEYWORDS)[number];

interface Section {
  line: number;
  rows: number[][];
}

function sections(text: string, file: string): Map<Keyword, Section> {
  const found = new Map<Keyword, Section>();
  let current: Section | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (/^[A-Za-z]/.test(line)) {
      if (!(KEYWORDS as readonly string[]).includes(line)) throw textError(file, i + 1, `unknown section "${line}"`);
      if (found.has(line as Keyword)) throw textError(file, i + 1, `section "${line}" appears twice`);
      current = { line: i + 1, rows: [] };
      found.set(line as Keyword, current);
      return;
    }
    if (!current) throw textError(file, i + 1, 'numbers before the first section name');
    const row = line.split(/\s+/).map(Number);
    if (row.some((v) => !Number.isFinite(v))) throw textError(file, i + 1, `"${line}" is not a row of numbers`);
    current.rows.push(row);
  });
  for (const k of KEYWORDS) if (!found.has(k)) throw textError(file, null, `section "${k}" is missing`);
  return found;
}

/** Parses the text layout; `name` (the file name) is used in messages and as the instance name. */
export function parseMankowskaText(text: string, name: string): MankowskaInstance {
  const s = sections(text, name);
  const scalar = (k: Keyword) => {
    const sec = s.get(k)!;
    const v = sec.rows[0]?.[0];
    if (!Number.isInteger(v) || v! <= 0) throw textError(name, sec.line, `${k} should be a positive whole number`);
    return v!;
  };
  const nodes = scalar('nbNodes');
  const V = scalar('nbVehi');
  const S = scalar('nbServi');
  const matrix = (k: Keyword, rows: number, cols: number) => {
    const sec = s.get(k)!;
    if (sec.rows.length !== rows || sec.rows.some((r) => r.length !== cols)) {
      throw textError(name, sec.line, `${k} should be ${rows} rows of ${cols} numbers`);
    }
    return sec.rows;
  };
  const vector = (k: Keyword, n: number) => {
    const sec = s.get(k)!;
    const flat = sec.rows.flat();
    if (flat.length !== n) throw textError(name, sec.line, `${k} should hold ${n} numbers, not ${flat.length}`);
    return flat;
  };
  const r = matrix('r', nodes, S);
  const a = matrix('a', V, S);
  const d = matrix('d', nodes, nodes);
  const p = matrix('p', nodes * V, S);
  const x = vector('x', nodes);
  const y = vector('y', nodes);
  const mind = vector('mind', nodes);
  const maxd = vector('maxd', nodes);
  const e = vector('e', nodes);
  const l = vector('l', nodes);
  const ds = new Set(s.get('DS')!.rows.flat());

  const last = nodes - 1;
  if (d[last].some((v, j) => v !== d[0][j === last ? 0 : j === 0 ? last : j])) {
    throw textError(name, s.get('d')!.line, `row ${last} (the depot again) differs from row 0`);
  }
  const services = Array.from({ length: S }, (_, k) => `s${k + 1}`);
  const caregivers = a.map((row, v) => ({ id: `c${v + 1}`, services: services.filter((_, k) => row[k] === 1) }));
  const patients: MankowskaPatient[] = [];
  for (let i = 1; i < last; i++) {
    const needed = services.flatMap((service, k) => (r[i][k] === 1 ? [{ service, k }] : []));
    if (needed.length < 1 || needed.length > 2) throw textError(name, s.get('r')!.line + i, `node ${i} requires ${needed.length} services; 1 or 2 expected`);
    if ((needed.length === 2) !== ds.has(i + 1)) {
      throw textError(name, s.get('DS')!.line, `node ${i} ${needed.length === 2 ? 'has a double service but is not' : 'is'} listed in DS (1-based)`);
    }
    const withDuration = needed.map(({ service, k }) => {
      const times = new Set(Array.from({ length: V }, (_, v) => p[i * V + v][k]));
      if (times.size !== 1) throw textError(name, s.get('p')!.line + i * V + 1, `node ${i}, ${service}: processing time differs by caregiver, which one visit cannot hold`);
      return { service, duration: [...times][0] };
    });
    patients.push({
      id: `p${i}`,
      x: x[i],
      y: y[i],
      windowStart: e[i],
      windowEnd: l[i],
      services: withDuration,
      gap: needed.length === 2 ? { min: mind[i], max: maxd[i] } : null,
    });
  }
  const keep = Array.from({ length: last }, (_, i) => i);
  return {
    name,
    services,
    caregivers,
    depot: { x: x[0], y: y[0] },
    patients,
    distance: keep.map((i) => keep.map((j) => d[i][j])),
  };
}

const Pair = z.tuple([z.number(), z.number()]);
const MankowskaJson = z.looseObject({
  patients: z.array(
    z.looseObject({
      id: z.string(),
      location: Pair,
      time_window: Pair,
      required_caregivers: z.array(z.looseObject({ service: z.string(), duration: z.number() })).min(1).max(2),
      synchronization: z
        .union([z.looseObject({ type: z.literal('simultaneous') }), z.looseObject({ type: z.literal('sequential'), distance: Pair })])
        .optional(),
    }),
  ),
  services: z.array(z.looseObject({ id: z.string() })),
  caregivers: z.array(z.looseObject({ id: z.string(), abilities: z.array(z.string()) })),
  central_offices: z.array(z.looseObject({ id: z.string(), location: Pair })).length(1),
  distances: z.array(z.array(z.number())),
});

/** Parses the iolab-uniud JSON copy (`instances/mankowska/*.json`); distances rounded to 3 decimals there. */
export function parseMankowskaJson(data: unknown, name: string): MankowskaInstance {
  const raw = parseShape(MankowskaJson, data, name);
  const n = raw.patients.length;
  if (raw.distances.length !== n + 1 || raw.distances.some((row) => row.length !== n + 1)) {
    throw textError(name, null, `distances should be ${n + 1} × ${n + 1} (depot, then the patients)`);
  }
  return {
    name,
    services: raw.services.map((sv) => sv.id),
    caregivers: raw.caregivers.map((c) => ({ id: c.id, services: [...c.abilities] })),
    depot: { x: raw.central_offices[0].location[0], y: raw.central_offices[0].location[1] },
    patients: raw.patients.map((pt) => {
      const sync = pt.synchronization;
      const gap = pt.required_caregivers.length < 2 ? null : sync?.type === 'sequential' ? { min: sync.distance[0], max: sync.distance[1] } : { min: 0, max: 0 };
      return {
        id: pt.id,
        x: pt.location[0],
        y: pt.location[1],
        windowStart: pt.time_window[0],
        windowEnd: pt.time_window[1],
        services: pt.required_caregivers.map((rc) => ({ service: rc.service, duration: rc.duration })),
        gap,
      };
    }),
    distance: raw.distances.map((row) => [...row]),
  };
}

/** Our visit id for a patient's service: `p8-s5`. */
export function mankowskaVisitId(patient: string, service: string): string {
  return `${patient}-${service}`;
}

export const MANKOWSKA_TEAM = 'depot';

/**
 * The paper's objective as our weights: (travel + total tardiness + max tardiness) / 3;
 * no continuity, and leaving a visit out is never worth it.
 */
export const MANKOWSKA_OBJECTIVE = benchObjective({ travelMinute: 1 / 3, lateMinute: 1 / 3, maxLateMinute: 1 / 3 });

/** The paper has no shifts: everyone works the whole day. */
const SHIFT_END = 23 * 60 + 59;
/** The paper's window end is soft (tardiness); the hard window stays open until here. */
const LATEST_START = 21 * 60;

/**
 * Converts an instance: caregivers → staff (skills = the services they are qualified for)
 * of one team whose office is the depot; patients → recipients; each required service →
 * one mandatory visit; a double service → two visits, the second depending on the first
 * with the instance's gap (0/0: simultaneous), never `staffCount` 2 since the two
 * services may need different skills. Window start is hard, window end becomes `dueStart`.
 */
export function convertMankowska(instance: MankowskaInstance): DayProblem {
  const extent = Math.max(1, instance.depot.x, instance.depot.y, ...instance.patients.flatMap((p) => [p.x, p.y]));
  const office = planePoint(instance.depot.x, instance.depot.y, extent);
  const recipients: Recipient[] = [];
  const visits: Visit[] = [];
  instance.patients.forEach((p, k) => {
    const home = k + 1;
    // The paper's tardiness is unbounded; the converted window must still leave the way home inside the shift.
    const longest = Math.max(...p.services.map((sv) => sv.duration));
    if (LATEST_START + longest + instance.distance[home][0] > SHIFT_END) {
      throw textError(instance.name, null, `${p.id}: a start at ${clockTime(LATEST_START)} would not leave time to get back by ${clockTime(SHIFT_END)}`);
    }
    // The paper knows no continuity: no contact is owed, so none is missing.
    recipients.push({ id: p.id, team: MANKOWSKA_TEAM, location: planePoint(p.x, p.y, extent), contactWaived: true });
    p.services.forEach((sv, i) => {
      if (!Number.isInteger(sv.duration) || sv.duration <= 0) throw textError(instance.name, null, `${p.id} ${sv.service}: duration ${sv.duration} is not a positive whole minute`);
      const visit: Visit = {
        id: mankowskaVisitId(p.id, sv.service),
        recipient: p.id,
        type: 'personal_care',
        window: { start: clockTime(p.windowStart), end: clockTime(LATEST_START) },
        dueStart: clockTime(p.windowEnd),
        durationMinutes: sv.duration,
        requires: [sv.service],
        mandatory: true,
      };
      if (i === 1 && p.gap) {
        visit.dependsOn = [{ visit: mankowskaVisitId(p.id, p.services[0].service), minGapMinutes: p.gap.min, maxGapMinutes: p.gap.max }];
      }
      visits.push(visit);
    });
  });
  const staff = instance.caregivers.map((c) =>
    benchStaff({ id: c.id, team: MANKOWSKA_TEAM, skills: [...c.services], shift: { start: '00:00', end: clockTime(SHIFT_END) } }),
  );
  // Matrix rows: the office, each caregiver's start (the depot), each patient's home.
  const ids = [MANKOWSKA_TEAM, ...staff.map((s) => s.id), ...recipients.map((r) => r.id)];
  const rows = [0, ...staff.map(() => 0), ...instance.patients.map((_, k) => k + 1)];
  return benchDay({
    teams: [benchTeam(MANKOWSKA_TEAM, office, `Mankowska et al. (2014) ${instance.name}: depot`)],
    staff,
    recipients,
    visits,
    travel: matrixOver(ids, rows, (i, j) => instance.distance[i][j]),
    objective: MANKOWSKA_OBJECTIVE,
  });
}
