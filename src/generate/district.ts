/**
 * What day and period problems share: the teams of the district, shift draws, the
 * eligibility and coverage tests the generator plans with, recipient constraints, and
 * the JSON of teams, staff and recipients in a fixed key order (same seed, same bytes).
 */
import type { Point, RecentStaff, Recipient, Team } from '../model/types.ts';
import { isEligible } from '../rules/eligibility.ts';
import { shiftCovers } from '../rules/coverage.ts';
import { SHIFT_TIMES, breakRule, wall, type BreakRule, type ShiftKind } from './catalog.ts';
import type { CareNeed } from './care.ts';
import { cellArea, officeIn, teamCell, type Cell } from './geography.ts';
import type { Random } from '../random/index.ts';
import type { Client } from './recipients.ts';
import type { Person } from './workforce.ts';

export interface DistrictTeam {
  id: string;
  cell: Cell;
  office: Point;
}

export function buildTeams(random: Random, count: number): DistrictTeam[] {
  return Array.from({ length: count }, (_, i) => {
    const cell = teamCell(i);
    return { id: `T${i + 1}`, cell, office: officeIn(random.fork(`office:${i}`), cell) };
  });
}

export function teamJson(team: DistrictTeam): Team {
  return { id: team.id, name: `Hemtjänst ${team.cell.name}`, office: team.office, area: cellArea(team.cell), travelMode: 'walk' };
}

export interface Shift {
  start: number;
  end: number;
  breakRule: BreakRule | null;
}

export function drawShift(random: Random, kind: ShiftKind): Shift {
  const [start, end] = random.weighted(SHIFT_TIMES[kind].map(([s, e, w]) => [[wall(s), wall(e)] as const, w] as const));
  return { start, end, breakRule: breakRule(start, end) };
}

/** Whether a visit of `need` may start in `window` and end inside the shift (travel and breaks aside). */
export function covers(shift: Shift, window: readonly [number, number], durationMinutes: number): boolean {
  return shiftCovers(shift.start, shift.end, window[0], window[1], durationMinutes);
}

/** FORMAT §6.1 for a need of a client, through the project's one eligibility rule. */
export function mayServe(person: Person, need: CareNeed, client: Client): boolean {
  return isEligible(
    person,
    { type: need.kind.type, requires: need.requires },
    { requiredGender: client.requiredGender ?? undefined, excludedStaff: client.excluded, tags: client.tags },
  );
}

/** Whether a person could be the client's contact at all: not refused, no avoided tag, the required gender. */
export function acceptableContact(person: Person, client: Client): boolean {
  return (
    !client.excluded.includes(person.id) &&
    !person.avoidTags.some((t) => client.tags.includes(t)) &&
    (client.requiredGender === null || person.gender === client.requiredGender)
  );
}

/**
 * Some recipients (4 %) have refused one staff member. A hard requirement that would
 * leave a need with too few eligible staff is dropped: first the gender requirement,
 * then the refusal, then a dementia-training requirement.
 */
export function settleConstraints(random: Random, client: Client, team: readonly Person[], enough: (need: CareNeed) => boolean): void {
  const care = team.filter((p) => p.role !== 'service_assistant');
  if (care.length > 1 && random.chance(0.04)) client.excluded = [random.pick(care).id];
  const fine = () => client.profile.needs.every(enough);
  if (fine()) return;
  client.requiredGender = null;
  if (fine()) return;
  client.excluded = [];
  if (fine()) return;
  for (const need of client.profile.needs) need.requires = need.requires.filter((s) => s !== 'dementia');
}

/** Staff fields common to day and period problems, in document order. */
export function staffFields(person: Person, teamId: string) {
  return {
    id: person.id,
    name: person.name,
    team: teamId,
    role: person.role,
    ...(person.titleProof !== undefined ? { titleProof: person.titleProof } : {}),
    ...(person.skills.length > 0 ? { skills: [...person.skills] } : {}),
    languages: [...person.languages],
    gender: person.gender,
    ...(person.travelMode ? { travelMode: person.travelMode } : {}),
    ...(person.avoidTags.length > 0 ? { avoidTags: [...person.avoidTags] } : {}),
  };
}

export interface ClientFacts {
  contact: Person | null;
  waived: boolean;
  deputies: readonly Person[];
  recent: RecentStaff[] | null;
}

export function recipientJson(id: string, client: Client, teamId: string, facts: ClientFacts): Recipient {
  return {
    id,
    name: client.name,
    team: teamId,
    location: client.location,
    contact: facts.contact?.id ?? null,
    ...(facts.waived ? { contactWaived: true } : {}),
    ...(facts.deputies.length > 0 ? { deputies: facts.deputies.map((p) => p.id) } : {}),
    ...(client.excluded.length > 0 ? { excludedStaff: [...client.excluded] } : {}),
    ...(client.requiredGender ? { requiredGender: client.requiredGender } : {}),
    languages: [...client.languages],
    ...(client.tags.length > 0 ? { tags: [...client.tags] } : {}),
    ...(facts.recent && facts.recent.length > 0 ? { recentStaff: facts.recent } : {}),
  };
}
