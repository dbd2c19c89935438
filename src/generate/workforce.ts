/**
 * Staff of a team: roles, title proofs, delegations and training, languages, allergies,
 * travel modes, and the kind of shift each person works. A day's team of ten or more has
 * about 10 % service assistants; 45 % of the care staff work evenings (a quarter of them
 * part-time), the rest days (a fifth part-time); 70 % of the care staff are assistant
 * nurses. Evening work is heavy in home care: dinners and the evening round.
 */
import type { Gender, Role, TravelMode } from '../model/types.ts';
import type { ShiftKind } from './catalog.ts';
import { staffName } from './names.ts';
import type { Random } from '../random/index.ts';

export interface Person {
  id: string;
  name: string;
  team: number;
  role: Role;
  /** Only assistant nurses carry a title proof. */
  titleProof?: 'certificate' | 'transitional' | null;
  skills: string[];
  languages: string[];
  gender: Gender;
  /** null: the team's mode (walk). */
  travelMode: TravelMode | null;
  avoidTags: string[];
  /** The kind of shift this person usually works. */
  shiftKind: ShiftKind;
}

const EXTRA_LANGUAGES: readonly (readonly [string, number])[] = [
  ['ar', 4], ['so', 3], ['ti', 2], ['fa', 2], ['fi', 2], ['es', 2], ['bs', 1], ['pl', 1], ['tr', 1], ['am', 1],
];

const SHIFT_GROUPS: Record<ShiftKind, 'day' | 'evening'> = {
  day: 'day',
  day_part: 'day',
  service: 'day',
  weekend_day: 'day',
  evening: 'evening',
  evening_part: 'evening',
};

export function shiftGroup(kind: ShiftKind): 'day' | 'evening' {
  return SHIFT_GROUPS[kind];
}

/** A seat in the team: role and shift kind, before the person is drawn. */
interface Seat {
  role: Role;
  shiftKind: ShiftKind;
  /** Forced to a certified assistant nurse, so every shift has a qualified contact. */
  anchor: boolean;
}

/** The seats of a team of `size` working staff. */
function seats(random: Random, size: number): Seat[] {
  const service = size >= 10 ? Math.max(1, Math.round(size * 0.1)) : 0;
  const care = size - service;
  const evening = care >= 2 ? Math.max(1, Math.round(care * 0.45)) : 0;
  const day = care - evening;
  const dayPart = Math.floor(day * 0.2);
  const eveningPart = Math.floor(evening * 0.25);
  const out: Seat[] = [];
  for (let i = 0; i < day; i++) {
    out.push({ role: i === 0 || random.chance(0.7) ? 'assistant_nurse' : 'care_aide', shiftKind: i >= day - dayPart ? 'day_part' : 'day', anchor: i === 0 });
  }
  for (let i = 0; i < evening; i++) {
    out.push({
      role: i === 0 || random.chance(0.7) ? 'assistant_nurse' : 'care_aide',
      shiftKind: i >= evening - eveningPart ? 'evening_part' : 'evening',
      anchor: i === 0,
    });
  }
  for (let i = 0; i < service; i++) out.push({ role: 'service_assistant', shiftKind: 'service', anchor: false });
  return out;
}

function drawPerson(random: Random, id: string, team: number, seat: Seat): Person {
  const gender = random.weighted<Gender>([['female', 80], ['male', 18], ['other', 2]]);
  const care = seat.role !== 'service_assistant';
  const skills: string[] = [];
  if (care) {
    const nurse = seat.role === 'assistant_nurse';
    if (random.chance(nurse ? 0.55 : 0.15)) skills.push('insulin');
    if (random.chance(nurse ? 0.8 : 0.7)) skills.push('lift');
    if (random.chance(nurse ? 0.4 : 0.3)) skills.push('dementia');
    if (nurse && random.chance(0.25)) skills.push('wound_care');
  }
  const languages = ['sv'];
  if (random.chance(0.35)) languages.push(random.weighted(EXTRA_LANGUAGES));
  const avoidTags: string[] = [];
  if (random.chance(0.06)) avoidTags.push('dog');
  if (random.chance(0.06)) avoidTags.push('cat');
  if (random.chance(0.03)) avoidTags.push('smoke');
  const person: Person = {
    id,
    name: staffName(random, gender),
    team,
    role: seat.role,
    skills,
    languages,
    gender,
    travelMode: random.chance(care ? 0.25 : 0.5) ? 'bike' : null,
    avoidTags,
    shiftKind: seat.shiftKind,
  };
  if (seat.role === 'assistant_nurse') {
    person.titleProof = seat.anchor ? 'certificate' : random.weighted<'certificate' | 'transitional' | null>([['certificate', 75], ['transitional', 18], [null, 7]]);
  }
  return person;
}

/**
 * Makes sure a shift group can do what its visits need: insulin delegations for about a
 * third of it, two lift-trained staff for double staffing, and wound care on day shifts.
 */
function ensureSkills(random: Random, people: Person[]): void {
  for (const group of ['day', 'evening'] as const) {
    const care = people.filter((p) => p.role !== 'service_assistant' && shiftGroup(p.shiftKind) === group);
    const grant = (skill: string, wanted: number, holders: Person[]) => {
      const lacking = random.shuffle(holders.filter((p) => !p.skills.includes(skill)));
      let have = holders.length - lacking.length;
      for (const p of lacking) {
        if (have >= wanted) break;
        p.skills.push(skill);
        have++;
      }
    };
    grant('insulin', Math.max(1, Math.ceil(care.length * 0.35)), care.filter((p) => p.role === 'assistant_nurse'));
    grant('lift', Math.min(2, care.length), care);
    if (group === 'day') grant('wound_care', 1, care.filter((p) => p.role === 'assistant_nurse'));
  }
  for (const p of people) p.skills.sort(skillOrder);
}

const SKILL_ORDER = ['insulin', 'wound_care', 'lift', 'dementia'];
function skillOrder(a: string, b: string): number {
  return SKILL_ORDER.indexOf(a) - SKILL_ORDER.indexOf(b);
}

/** The working staff of one team on a day; ids come from `nextId`. */
export function dayWorkforce(random: Random, team: number, size: number, nextId: () => string): Person[] {
  const people = seats(random, size).map((seat) => drawPerson(random, nextId(), team, seat));
  ensureSkills(random, people);
  return people;
}

/** Colleagues who are off today: they appear only in recipients' 14-day history and as deputies. */
export function offDutyColleagues(random: Random, team: number, count: number, nextId: () => string): Person[] {
  const out: Person[] = [];
  for (let i = 0; i < count; i++) {
    const seat: Seat = { role: random.chance(0.65) ? 'assistant_nurse' : 'care_aide', shiftKind: random.chance(0.6) ? 'day' : 'evening', anchor: false };
    out.push(drawPerson(random, nextId(), team, seat));
  }
  return out;
}

/**
 * A team's whole headcount for a period: `size` staff on a weekday needs about 1.25 × size
 * people when everyone works every other weekend, plus weekend helpers (25 % of `size`)
 * who work only Saturdays and Sundays.
 */
export function periodWorkforce(random: Random, team: number, size: number, nextId: () => string): { core: Person[]; weekend: Person[] } {
  const core = seats(random, Math.max(1, Math.round(size * 1.25))).map((seat) => drawPerson(random, nextId(), team, seat));
  const weekend: Person[] = [];
  const helpers = size >= 4 ? Math.round(size * 0.25) : 0;
  for (let i = 0; i < helpers; i++) {
    const seat: Seat = { role: random.chance(0.6) ? 'care_aide' : 'assistant_nurse', shiftKind: i % 2 === 0 ? 'weekend_day' : 'evening', anchor: false };
    const helper = drawPerson(random, nextId(), team, seat);
    // Weekend helpers are students and hourly staff: no delegations, rarely a title proof.
    helper.skills = helper.skills.filter((s) => s === 'lift');
    if (helper.role === 'assistant_nurse') helper.titleProof = null;
    weekend.push(helper);
  }
  ensureSkills(random, core);
  return { core, weekend };
}
