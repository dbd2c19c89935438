/**
 * UHHC, the unified home-healthcare routing and scheduling instances of Ceschia, Da Ros,
 * Di Gaspero, Mancini, Maniezzo, Montemanni, Rosati & Schaerf, "A Unified Formulation for
 * Home Healthcare Routing and Scheduling Problems", ITOR (2026), doi 10.1111/itor.70140
 * (data CC BY 4.0, github.com/iolab-uniud/uhhc).
 *
 * Semantics follow the authors' validator (iolab-uniud/uhhc-toolbox): a service may not
 * start before its time window; tardiness is measured at the service start or end
 * (`metadata.time_window_met`); a sequential pair has the second listed service start
 * min..max after the first; preferences cost once per service done by a caregiver not in
 * the patient's `preferred_caregivers`; lunch is a break of `min_duration` inside the
 * lunch interval (its end bounds the start or the end, as the windows do).
 *
 * Differences from the original, by design of the format: a visit has one time window, so
 * patients with several windows are left out (and listed); shifts and lunch breaks are
 * hard here while the original prices overtime and a missed lunch; waiting and idle time
 * have no weight of ours.
 */
import { z } from 'zod';
import type { Break, DayProblem, Recipient, Team, Visit } from '../../src/model/types.ts';
import { benchDay, benchObjective, benchStaff, benchTeam, clockTime, matrixOver, parseShape, textError } from './common.ts';

const Window = z.looseObject({ start: z.number(), end: z.number() });
const Weight = z.union([z.number(), z.literal('HARD')]);
const Location = z.tuple([z.number(), z.number()]);

export const UhhcInstanceSchema = z.looseObject({
  metadata: z.looseObject({
    name: z.string().optional(),
    time_window_met: z.enum(['at_service_start', 'at_service_end']),
    horizon: z.number().optional(),
    cost_components: z.record(z.string(), Weight),
  }),
  distances: z.array(z.array(z.number().nonnegative())),
  terminal_points: z.array(z.looseObject({ id: z.string(), distance_matrix_index: z.number().int().nonnegative(), location: Location })).min(1),
  caregivers: z.array(
    z.looseObject({
      id: z.string(),
      abilities: z.array(z.string()),
      departing_point: z.string(),
      arrival_point: z.string(),
      working_shift: Window.nullable().optional(),
      lunch_break: z.boolean().optional(),
    }),
  ),
  patients: z.array(
    z.looseObject({
      id: z.string(),
      required_services: z.array(z.looseObject({ service: z.string(), duration: z.number().positive() })).min(1).max(2),
      distance_matrix_index: z.number().int().nonnegative(),
      time_windows: z.array(Window),
      location: Location,
      synchronization: z
        .union([
          z.looseObject({ type: z.enum(['simultaneous', 'independent']) }),
          z.looseObject({ type: z.literal('sequential'), distance: z.looseObject({ min: z.number(), max: z.number() }) }),
        ])
        .nullable()
        .optional(),
      preferred_caregivers: z.array(z.string()).nullable().optional(),
      incompatible_caregivers: z.array(z.string()).nullable().optional(),
      optional: z.boolean().nullable().optional(),
    }),
  ),
  services: z.array(z.looseObject({ id: z.string() })),
  lunch_breaks: z.looseObject({ start: z.number(), end: z.number(), min_duration: z.number() }).nullable().optional(),
});
export type UhhcInstance = z.infer<typeof UhhcInstanceSchema> & { file: string };
export type UhhcPatient = UhhcInstance['patients'][number];

export function parseUhhc(data: unknown, file: string): UhhcInstance {
  const instance = { ...parseShape(UhhcInstanceSchema, data, file), file };
  const size = instance.distances.length;
  if (instance.distances.some((row) => row.length !== size)) throw textError(file, null, 'distances is not a square matrix');
  for (const place of [...instance.terminal_points, ...instance.patients]) {
    if (place.distance_matrix_index >= size) throw textError(file, null, `${place.id}: distance_matrix_index ${place.distance_matrix_index} is outside the ${size}-row matrix`);
  }
  return instance;
}

/** A weight of the instance: a number, `"HARD"` (a constraint, here 1 as the validator does) or absent (0). */
export function uhhcWeight(instance: UhhcInstance, component: string): number {
  const w = instance.metadata.cost_components[component];
  return w === undefined ? 0 : w === 'HARD' ? 1 : w;
}

export interface UhhcLeftOut {
  patient: string;
  reason: 'multiple_time_windows' | 'no_time_window';
  message: string;
}

/** Our visit ids for a patient's services: `p3-s1`; the same service twice gets `-2` on the second. */
export function uhhcVisitIds(patient: UhhcPatient): string[] {
  return patient.required_services.map((rs, i) => {
    const repeated = patient.required_services.findIndex((other) => other.service === rs.service) !== i;
    return repeated ? `${patient.id}-${rs.service}-2` : `${patient.id}-${rs.service}`;
  });
}

/** Whether a patient's two services are one synchronised job for two people with the same skill. */
function isSameServicePair(patient: UhhcPatient): boolean {
  const [a, b] = patient.required_services;
  return b !== undefined && a.service === b.service && a.duration === b.duration && patient.synchronization?.type === 'simultaneous';
}

/**
 * Our visit id → (patient, service) for every service the converted problem holds; a
 * same-service simultaneous pair is one visit for two staff.
 */
export function uhhcVisitIndex(instance: UhhcInstance): Map<string, { patient: string; service: string }> {
  const index = new Map<string, { patient: string; service: string }>();
  for (const p of instance.patients) {
    const ids = uhhcVisitIds(p);
    const count = isSameServicePair(p) ? 1 : ids.length;
    for (let i = 0; i < count; i++) index.set(ids[i], { patient: p.id, service: p.required_services[i].service });
  }
  return index;
}

export interface UhhcConversion {
  problem: DayProblem;
  /** Patients not converted, with why. */
  leftOut: UhhcLeftOut[];
}

const point = (location: [number, number]) => ({ lat: location[1], lon: location[0] });

/**
 * Converts an instance: terminal points a caregiver departs from → teams (office = the
 * terminal); caregivers → staff (skills = abilities, the working shift, a lunch break when
 * owed); patients with one time window → recipients (first preferred caregiver the
 * contact, the others deputies, incompatible caregivers excluded); each service → a visit
 * (optional patients' visits not mandatory); a simultaneous pair of the same service → one
 * visit with `staffCount` 2, another pair → two visits, the second depending on the first
 * (0/0 for simultaneous, min..max for sequential, none for independent).
 */
export function convertUhhc(instance: UhhcInstance): UhhcConversion {
  const name = instance.file;
  const meta = instance.metadata;
  const leftOut: UhhcLeftOut[] = [];
  const kept = instance.patients.filter((p) => {
    if (p.time_windows.length === 1) return true;
    leftOut.push(
      p.time_windows.length === 0
        ? { patient: p.id, reason: 'no_time_window', message: `${p.id} has no time window` }
        : {
            patient: p.id,
            reason: 'multiple_time_windows',
            message: `${p.id} may be served in any of ${p.time_windows.length} windows (${p.time_windows.map((w) => `${w.start}-${w.end}`).join(', ')}); a visit has one window`,
          },
    );
    return false;
  });

  const terminals = new Map(instance.terminal_points.map((t) => [t.id, t]));
  const teams: Team[] = [];
  for (const c of instance.caregivers) {
    if (c.arrival_point !== c.departing_point) {
      throw textError(name, null, `caregiver ${c.id} ends at ${c.arrival_point}, not at ${c.departing_point}; a travel matrix cannot name an end point`);
    }
    const terminal = terminals.get(c.departing_point);
    if (!terminal) throw textError(name, null, `caregiver ${c.id}: no terminal point ${c.departing_point}`);
    if (!teams.some((t) => t.id === terminal.id)) teams.push(benchTeam(terminal.id, point(terminal.location), `UHHC ${name}: terminal ${terminal.id}`));
  }

  const shiftEnds = instance.caregivers.map((c) => c.working_shift?.end ?? meta.horizon ?? 0);
  const horizon = Math.max(meta.horizon ?? 0, ...shiftEnds);
  const lunch = instance.lunch_breaks;
  const staff = instance.caregivers.map((c) => {
    const breaks: Break[] = [];
    if (c.lunch_break && lunch) {
      // With windows met at the service start, lunch may start as late as the interval's end.
      const latest = meta.time_window_met === 'at_service_start' ? lunch.end + lunch.min_duration : lunch.end;
      breaks.push({ earliest: clockTime(lunch.start), latest: clockTime(latest), minutes: lunch.min_duration });
    }
    return benchStaff({
      id: c.id,
      team: c.departing_point,
      skills: [...c.abilities],
      shift: { start: clockTime(c.working_shift?.start ?? 0), end: clockTime(c.working_shift?.end ?? horizon) },
      ...(breaks.length ? { breaks } : {}),
    });
  });

  const tardinessHard = meta.cost_components.total_tardiness === 'HARD' || meta.cost_components.highest_tardiness === 'HARD';
  const recipients: Recipient[] = [];
  const visits: Visit[] = [];
  for (const p of kept) {
    const [preferred, ...others] = p.preferred_caregivers ?? [];
    recipients.push({
      id: p.id,
      location: point(p.location),
      ...(preferred !== undefined ? { contact: preferred } : {}),
      ...(others.length ? { deputies: others } : {}),
      ...(p.incompatible_caregivers?.length ? { excludedStaff: [...p.incompatible_caregivers] } : {}),
    });
    const tw = p.time_windows[0];
    const ids = uhhcVisitIds(p);
    const pair = isSameServicePair(p);
    p.required_services.slice(0, pair ? 1 : 2).forEach((rs, i) => {
      if (!Number.isInteger(rs.duration)) throw textError(name, null, `${p.id} ${rs.service}: duration ${rs.duration} is not a whole minute`);
      // Latest start without tardiness: the window end, or the end less the service when measured at the end.
      const due = meta.time_window_met === 'at_service_start' ? tw.end : tw.end - rs.duration;
      const visit: Visit = {
        id: ids[i],
        recipient: p.id,
        type: 'personal_care',
        window: { start: clockTime(tw.start), end: clockTime(tardinessHard ? due : Math.max(horizon, tw.end)) },
        ...(tardinessHard ? {} : { dueStart: clockTime(due) }),
        durationMinutes: rs.duration,
        requires: [rs.service],
        mandatory: !p.optional,
        ...(pair ? { staffCount: 2 as const } : {}),
      };
      const sync = p.synchronization;
      if (i === 1 && sync && sync.type !== 'independent') {
        const gap = sync.type === 'sequential' ? sync.distance : { min: 0, max: 0 };
        visit.dependsOn = [{ visit: ids[0], minGapMinutes: gap.min, maxGapMinutes: gap.max }];
      }
      visits.push(visit);
    });
  }

  const ids = [...teams.map((t) => t.id), ...staff.map((s) => s.id), ...recipients.map((r) => r.id)];
  const rows = [
    ...teams.map((t) => terminals.get(t.id)!.distance_matrix_index),
    ...instance.caregivers.map((c) => terminals.get(c.departing_point)!.distance_matrix_index),
    ...kept.map((p) => p.distance_matrix_index),
  ];
  const problem = benchDay({
    teams,
    staff,
    recipients,
    visits,
    travel: matrixOver(ids, rows, (i, j) => instance.distances[i][j]),
    objective: benchObjective({
      travelMinute: uhhcWeight(instance, 'travel_time'),
      lateMinute: tardinessHard ? 0 : uhhcWeight(instance, 'total_tardiness'),
      maxLateMinute: tardinessHard ? 0 : uhhcWeight(instance, 'highest_tardiness'),
      notContact: uhhcWeight(instance, 'caregiver_preferences'),
      unassignedOptional: uhhcWeight(instance, 'optional_patients'),
    }),
  });
  return { problem, leftOut };
}
