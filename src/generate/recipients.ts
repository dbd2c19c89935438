/**
 * Recipients: a home inside the team's area, facts about the home (pets, smoking),
 * preferred languages, the occasional hard gender requirement or refused staff member,
 * and a care profile. About one in ten shares a building with an earlier recipient.
 */
import type { Gender, Point, Weekday } from '../model/types.ts';
import { careProfile, type CareProfile } from './care.ts';
import { pointInCell, type Cell } from './geography.ts';
import { recipientName } from './names.ts';
import type { Random } from '../random/index.ts';

export interface Client {
  team: number;
  name: string;
  gender: 'female' | 'male';
  location: Point;
  tags: string[];
  languages: string[];
  requiredGender: Gender | null;
  /** Staff ids the recipient has refused. */
  excluded: string[];
  profile: CareProfile;
}

const LANGUAGES: readonly (readonly [readonly string[], number])[] = [
  [['sv'], 80],
  [['fi'], 4],
  [['sv', 'fi'], 4],
  [['es'], 2],
  [['fa'], 2],
  [['ar'], 2],
  [['bs'], 2],
  [['el'], 1],
  [['pl'], 1],
  [['tr'], 1],
];

/** Draws the recipients of one team; `today` as for `careProfile`. */
export function drawClients(random: Random, team: number, cell: Cell, count: number, today: Weekday | null): Client[] {
  const out: Client[] = [];
  for (let i = 0; i < count; i++) {
    const gender = random.chance(0.64) ? 'female' : 'male';
    const shared = out.length > 0 && random.chance(0.1);
    const tags: string[] = [];
    if (random.chance(0.08)) tags.push('dog');
    if (random.chance(0.1)) tags.push('cat');
    if (random.chance(0.07)) tags.push('smoke');
    let requiredGender: Gender | null = null;
    if (gender === 'female' && random.chance(0.06)) requiredGender = 'female';
    else if (gender === 'male' && random.chance(0.02)) requiredGender = 'male';
    out.push({
      team,
      name: recipientName(random, gender),
      gender,
      location: shared ? random.pick(out).location : pointInCell(random, cell, 0.03),
      tags,
      languages: [...random.weighted(LANGUAGES)],
      requiredGender,
      excluded: [],
      profile: careProfile(random, today),
    });
  }
  return out;
}
