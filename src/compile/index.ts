/**
 * Compiles a validated day problem into the numeric instance the solver works on:
 * integer indices, minutes since the plan day's start, typed arrays, one travel table
 * per staff member's mode. Everything about time zones, ids and JSON stops here.
 */
import type { DayProblem, Staff, TravelMode, Visit } from '../model/types.ts';
import { DEFAULT_TIMEZONE, PlanClock } from '../time/index.ts';
import { compileTravel, type Place } from '../geo/index.ts';
import { ineligibility } from '../rules/eligibility.ts';
import { recipientTeam } from '../rules/team.ts';

export interface BreakSpec {
  staff: number;
  earliest: number;
  /** Latest start: the break must end by its interval's `latest`. */
  latestStart: number;
  minutes: number;
}

export interface Dependency {
  /** start(visit) − start(other) ∈ [minGap, maxGap] */
  visit: number;
  other: number;
  minGap: number;
  maxGap: number;
}

export interface Instance {
  problem: DayProblem;
  clock: PlanClock;

  staffCount: number;
  staffIds: string[];
  staffIndex: Map<string, number>;
  /** Team index of each staff member (into `teamIds`). */
  staffTeam: Int32Array;
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  startPlace: Int32Array;
  endPlace: Int32Array;
  /** The travel table of each staff member's mode: minutes[from * placeCount + to]. */
  staffTravel: Float64Array[];
  staffLanguages: Set<string>[];
  /** Breaks owed by each staff member (indices into `breaks`). */
  staffBreaks: number[][];
  breaks: BreakSpec[];

  visitCount: number;
  visitIds: string[];
  visitIndex: Map<string, number>;
  visitRecipient: Int32Array;
  visitPlace: Int32Array;
  winStart: Float64Array;
  winEnd: Float64Array;
  duration: Float64Array;
  visitStaffCount: Uint8Array;
  mandatory: Uint8Array;
  /** NaN when absent. */
  dueStart: Float64Array;
  preferredStart: Float64Array;
  /** The start a published plan gave (FORMAT §7 rule 3); NaN when absent. */
  plannedStart: Float64Array;
  /**
   * The staff a published plan sent: plannedStaff[2v], plannedStaff[2v+1]; −1 where none,
   * −2 for someone not on today's list (whoever goes now, the staff changed).
   */
  plannedStaff: Int32Array;
  /** Whether visit v has a soft time cost (dueStart, preferredStart or plannedStart). */
  softTime: Uint8Array;
  /**
   * A visit locked to its staff and its start: it has one place in the day (a re-plan's
   * frozen stops are such visits), so the search never takes it out to try another.
   */
  fixed: Uint8Array;
  /** eligible[v * staffCount + s] */
  eligible: Uint8Array;
  /** For a double-staffed visit locked to one person: that person, else −1. */
  mustInclude: Int32Array;
  dependencies: Dependency[];
  /** Dependencies touching each visit (indices into `dependencies`). */
  visitDependencies: number[][];

  recipientCount: number;
  recipientIds: string[];
  /** Team index of each recipient (`recipientTeam`): other teams' staff sent there are lent. */
  recipientTeam: Int32Array;
  teamIds: string[];
  /** Staff index of the contact, −1 when none or not working today. */
  contact: Int32Array;
  /** Contact id even when not working today (for explanations); null when none. */
  contactId: (string | null)[];
  deputies: Set<number>[];
  recentStaff: Set<number>[];
  recipientLanguages: string[][];
  recipientVisits: number[][];

  placeCount: number;
}

/** Compiles a day problem that has passed validation. */
export function compileDay(problem: DayProblem): Instance {
  const clock = new PlanClock(problem.date, problem.timezone ?? DEFAULT_TIMEZONE);
  const teams = new Map(problem.teams.map((t) => [t.id, t]));
  const teamIds = problem.teams.map((t) => t.id);
  const teamIndex = new Map(teamIds.map((id, i) => [id, i]));

  const places: Place[] = problem.teams.map((t) => ({ point: t.office, matrixIds: [t.id] }));
  const staffIds = problem.staff.map((s) => s.id);
  const staffIndex = new Map(staffIds.map((id, i) => [id, i]));
  const S = problem.staff.length;
  const startPlace = new Int32Array(S);
  const endPlace = new Int32Array(S);
  const staffTeam = new Int32Array(S);
  const shiftStart = new Float64Array(S);
  const shiftEnd = new Float64Array(S);
  const staffMode: TravelMode[] = [];
  const staffBreaks: number[][] = [];
  const breaks: BreakSpec[] = [];
  problem.staff.forEach((s, i) => {
    const team = teams.get(s.team)!;
    staffTeam[i] = teamIndex.get(s.team)!;
    const startPoint = s.start ?? team.office;
    startPlace[i] = places.length;
    places.push({ point: startPoint, matrixIds: s.start ? [s.id] : [s.id, team.id] });
    if (s.end && (s.end.lat !== startPoint.lat || s.end.lon !== startPoint.lon)) {
      endPlace[i] = places.length;
      places.push({ point: s.end, matrixIds: [] });
    } else endPlace[i] = startPlace[i];
    shiftStart[i] = clock.minutes(s.shift.start);
    shiftEnd[i] = clock.minutes(s.shift.end);
    staffMode.push(s.travelMode ?? team.travelMode ?? 'walk');
    staffBreaks.push(
      (s.breaks ?? []).map((b) => {
        breaks.push({ staff: i, earliest: clock.minutes(b.earliest), latestStart: clock.minutes(b.latest) - b.minutes, minutes: b.minutes });
        return breaks.length - 1;
      }),
    );
  });

  const recipientIds = problem.recipients.map((r) => r.id);
  const recipientIndex = new Map(recipientIds.map((id, i) => [id, i]));
  const R = problem.recipients.length;
  const recipientPlace = new Int32Array(R);
  const contact = new Int32Array(R).fill(-1);
  const contactId: (string | null)[] = [];
  const deputies: Set<number>[] = [];
  const recentStaff: Set<number>[] = [];
  const recipientTeams = new Int32Array(R);
  const teamOfStaff = new Map(problem.staff.map((s) => [s.id, s.team]));
  problem.recipients.forEach((r, i) => {
    recipientTeams[i] = teamIndex.get(recipientTeam(r, problem.teams, teamOfStaff))!;
    recipientPlace[i] = places.length;
    places.push({ point: r.location, matrixIds: [r.id] });
    contactId.push(r.contact ?? null);
    contact[i] = r.contact != null ? (staffIndex.get(r.contact) ?? -1) : -1;
    deputies.push(new Set((r.deputies ?? []).map((d) => staffIndex.get(d)).filter((d): d is number => d !== undefined)));
    recentStaff.push(new Set((r.recentStaff ?? []).map((e) => staffIndex.get(e.staff)).filter((d): d is number => d !== undefined)));
  });

  const travel = compileTravel(problem.travel, places, staffMode);
  const staffTravel = staffMode.map((m) => travel.table(m));

  const V = problem.visits.length;
  const visitIds = problem.visits.map((v) => v.id);
  const visitIndex = new Map(visitIds.map((id, i) => [id, i]));
  const visitRecipient = new Int32Array(V);
  const visitPlace = new Int32Array(V);
  const winStart = new Float64Array(V);
  const winEnd = new Float64Array(V);
  const duration = new Float64Array(V);
  const visitStaffCount = new Uint8Array(V);
  const mandatory = new Uint8Array(V);
  const dueStart = new Float64Array(V).fill(Number.NaN);
  const preferredStart = new Float64Array(V).fill(Number.NaN);
  const plannedStart = new Float64Array(V).fill(Number.NaN);
  const plannedStaff = new Int32Array(2 * V).fill(-1);
  const softTime = new Uint8Array(V);
  const fixed = new Uint8Array(V);
  const eligible = new Uint8Array(V * S);
  const mustInclude = new Int32Array(V).fill(-1);
  const recipientVisits: number[][] = Array.from({ length: R }, () => []);
  const recipients = problem.recipients;

  problem.visits.forEach((v, i) => {
    const r = recipientIndex.get(v.recipient)!;
    visitRecipient[i] = r;
    recipientVisits[r].push(i);
    visitPlace[i] = recipientPlace[r];
    if (v.lockedStart !== undefined) {
      winStart[i] = winEnd[i] = clock.minutes(v.lockedStart);
    } else {
      winStart[i] = clock.minutes(v.window.start);
      winEnd[i] = clock.minutes(v.window.end);
    }
    duration[i] = v.durationMinutes;
    visitStaffCount[i] = v.staffCount ?? 1;
    mandatory[i] = v.mandatory === false ? 0 : 1;
    if (v.dueStart !== undefined) dueStart[i] = clock.minutes(v.dueStart);
    if (v.preferredStart !== undefined) preferredStart[i] = clock.minutes(v.preferredStart);
    if (v.plannedStart !== undefined) plannedStart[i] = clock.minutes(v.plannedStart);
    (v.plannedStaff ?? []).forEach((id, k) => (plannedStaff[2 * i + k] = staffIndex.get(id) ?? -2));
    softTime[i] = v.dueStart !== undefined || v.preferredStart !== undefined || v.plannedStart !== undefined ? 1 : 0;
    fixed[i] = v.lockedStart !== undefined && (v.lockedStaff?.length ?? 0) >= visitStaffCount[i] ? 1 : 0;
    const lock = v.lockedStaff;
    // §6.2: a lock naming fewer people than staffCount means those are sent, others may join.
    const partialLock = lock !== undefined && lock.length < visitStaffCount[i];
    const ruleVisit: Visit = partialLock ? { ...v, lockedStaff: undefined } : v;
    for (let s = 0; s < S; s++) {
      eligible[i * S + s] = ineligibility(problem.staff[s], ruleVisit, recipients[r]) === null ? 1 : 0;
    }
    if (partialLock) {
      const person = staffIndex.get(lock[0]);
      mustInclude[i] = person !== undefined && eligible[i * S + person] ? person : -2;
    }
  });

  const dependencies: Dependency[] = [];
  const visitDependencies: number[][] = Array.from({ length: V }, () => []);
  problem.visits.forEach((v, i) => {
    for (const d of v.dependsOn ?? []) {
      const other = visitIndex.get(d.visit);
      if (other === undefined) continue;
      dependencies.push({
        visit: i,
        other,
        minGap: d.minGapMinutes ?? 0,
        maxGap: d.maxGapMinutes ?? Number.POSITIVE_INFINITY,
      });
      visitDependencies[i].push(dependencies.length - 1);
      visitDependencies[other].push(dependencies.length - 1);
    }
  });

  return {
    problem,
    clock,
    staffCount: S,
    staffIds,
    staffIndex,
    staffTeam,
    shiftStart,
    shiftEnd,
    startPlace,
    endPlace,
    staffTravel,
    staffLanguages: problem.staff.map((s: Staff) => new Set(s.languages ?? [])),
    staffBreaks,
    breaks,
    visitCount: V,
    visitIds,
    visitIndex,
    visitRecipient,
    visitPlace,
    winStart,
    winEnd,
    duration,
    visitStaffCount,
    mandatory,
    dueStart,
    preferredStart,
    plannedStart,
    plannedStaff,
    softTime,
    fixed,
    eligible,
    mustInclude,
    dependencies,
    visitDependencies,
    recipientCount: R,
    recipientIds,
    recipientTeam: recipientTeams,
    teamIds,
    contact,
    contactId,
    deputies,
    recentStaff,
    recipientLanguages: recipients.map((r) => r.languages ?? []),
    recipientVisits,
    placeCount: places.length,
  };
}
