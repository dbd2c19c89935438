/**
 * Names for generated people. Staff names mirror the home care workforce of inner
 * Stockholm (many born abroad); recipient names are common among Swedes born in the
 * 1930s–1950s. Names only make the data readable: nothing in the model depends on them.
 */
import type { Random } from '../random/index.ts';

const STAFF_FIRST_FEMALE = [
  'Amina', 'Anna', 'Sara', 'Fatima', 'Maria', 'Elin', 'Hodan', 'Leyla', 'Emma', 'Sofia',
  'Marta', 'Nadia', 'Ida', 'Hanna', 'Samira', 'Eden', 'Lina', 'Johanna', 'Yasmin', 'Katarina',
  'Zahra', 'Helena', 'Selam', 'Agnieszka', 'Carmen', 'Ayan', 'Malin', 'Rania', 'Tove', 'Mirjam',
  'Ebba', 'Nasra', 'Aster', 'Paula', 'Shirin', 'Jenny', 'Dalia', 'Lejla', 'Anita', 'Saga',
];
const STAFF_FIRST_MALE = [
  'Mohamed', 'Johan', 'Ahmed', 'Erik', 'Daniel', 'Yonas', 'Ali', 'Oskar', 'Karim', 'Mikael',
  'Abdi', 'Jonas', 'Tesfaye', 'Emil', 'Hassan', 'Marko', 'Filip', 'Omar', 'Anders', 'Samuel',
];
const STAFF_FIRST_OTHER = ['Alex', 'Kim', 'Robin', 'Sam', 'Charlie', 'Noa'];

const RECIPIENT_FIRST_FEMALE = [
  'Birgitta', 'Margareta', 'Ingrid', 'Kerstin', 'Gunilla', 'Elisabeth', 'Britt', 'Inger', 'Karin', 'Marianne',
  'Ulla', 'Barbro', 'Gun', 'Maj-Britt', 'Siv', 'Anna-Lisa', 'Ingegerd', 'Gunnel', 'Astrid', 'Elsa',
  'Sonja', 'Maud', 'Ann-Marie', 'Berit', 'Solveig', 'Eva', 'Gudrun', 'Lilian', 'Aino', 'Ritva',
];
const RECIPIENT_FIRST_MALE = [
  'Karl-Erik', 'Lars', 'Gunnar', 'Bengt', 'Sven', 'Rolf', 'Lennart', 'Bo', 'Kjell', 'Göran',
  'Stig', 'Åke', 'Leif', 'Hans', 'Bertil', 'Olle', 'Sune', 'Ingvar', 'Tore', 'Pentti',
];
const SURNAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Jonsson', 'Lindberg', 'Lindqvist', 'Berg', 'Axelsson', 'Lundgren', 'Holm', 'Sandberg', 'Forsberg',
  'Mohammed', 'Ali', 'Hassan', 'Abdullahi', 'Tesfay', 'Haile', 'Nowak', 'Kowalska', 'Virtanen', 'Korhonen',
  'Hodžić', 'Rahimi', 'Hosseini', 'García', 'Öberg', 'Åberg', 'Ekström', 'Hedlund', 'Sjöberg', 'Wallin',
];
/** Older Stockholmers: mostly Swedish surnames, some Sweden-Finnish and later arrivals. */
const RECIPIENT_SURNAMES = [
  ...SURNAMES.slice(0, 20),
  'Virtanen', 'Korhonen', 'Nieminen', 'Hodžić', 'García', 'Papadopoulos',
  'Öberg', 'Åberg', 'Ekström', 'Hedlund', 'Sjöberg', 'Wallin', 'Blom', 'Strand',
];

export type NameGender = 'female' | 'male' | 'other';

export function staffName(random: Random, gender: NameGender): string {
  const first = gender === 'female' ? STAFF_FIRST_FEMALE : gender === 'male' ? STAFF_FIRST_MALE : STAFF_FIRST_OTHER;
  return `${random.pick(first)} ${random.pick(SURNAMES)}`;
}

export function recipientName(random: Random, gender: 'female' | 'male'): string {
  const first = gender === 'female' ? RECIPIENT_FIRST_FEMALE : RECIPIENT_FIRST_MALE;
  return `${random.pick(first)} ${random.pick(RECIPIENT_SURNAMES)}`;
}
