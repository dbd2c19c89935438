/**
 * The study view's own words in Swedish and English; the words every view shares (contact
 * share, travel, U21401) come from `i18n.ts`.
 */
import type { Language } from '../i18n.ts';

export interface StudyWords {
  kind: string;
  day: string;
  period: (days: string) => string;
  budget: (seconds: string, perDay: boolean, iterations: string | null, seed: number) => string;
  variants: (n: number) => string;
  sections: { leftOut: string; variants: string; applied: string; sweep: (weight: string) => string };
  variant: string;
  applied: string;
  cost: string;
  costVs: (first: string) => string;
  travelVs: (first: string) => string;
  difference: string;
  /** Percentage points: a difference of shares. */
  points: string;
  paidHours: string;
  carKm: string;
  leftOut: string;
  moreThan: (n: string, first: string) => string;
  noneLeftOut: string;
  weightValue: string;
  travelPerPoint: string;
  travelAxis: string;
  notes: { leftOut: string; variants: string; sweep: (weight: string) => string };
}

const sv: StudyWords = {
  kind: 'Scenariostudie',
  day: 'Dag',
  period: (days) => `Period om ${days} dagar från`,
  budget: (seconds, perDay, iterations, seed) => `varje plan: ${seconds} s${perDay ? ' per dag' : ''}${iterations ? ` eller ${iterations} iterationer` : ''}, frö ${seed}`,
  variants: (n) => `${n} ${n === 1 ? 'variant' : 'varianter'}`,
  sections: {
    leftOut: 'Obligatoriska besök som inte planeras',
    variants: 'Varianterna sida vid sida',
    applied: 'Vad varje variant ändrar',
    sweep: (weight) => `Kontinuitet mot restid (vikten ${weight})`,
  },
  variant: 'Variant',
  applied: 'Ändring',
  cost: 'Kostnad (kr)',
  costVs: (first) => `Kostnad jämfört med ${first} (kr)`,
  travelVs: (first) => `Restid jämfört med ${first} (min)`,
  difference: 'Skillnad',
  points: 'procentenheter',
  paidHours: 'Betalda timmar',
  carKm: 'Bilkilometer',
  leftOut: 'Ej planerade obligatoriska besök',
  moreThan: (n, first) => `${n} fler än ${first}`,
  noneLeftOut: 'Alla varianter planerar alla obligatoriska besök.',
  weightValue: 'Vikt',
  travelPerPoint: 'Restid per procentenhet kontinuitet (min)',
  travelAxis: 'Restid (min)',
  notes: {
    leftOut: 'En variant som lämnar obligatoriska besök oplanerade sparar på omsorg som måste ges. Läs skillnaderna mot den första varianten.',
    variants: 'Varje variant planerad med samma tid och samma frö. Restid och kostnad visas som skillnad mot den första varianten; tabellen under varje diagram har siffrorna.',
    sweep: (weight) =>
      `Basen planerad en gång per värde av vikten ${weight}, en punkt per värde. Ju högre vikt, desto fler besök av omsorgskontakten och desto mer restid; där kurvan planar ut slutar kontinuiteten att löna sig.`,
  },
};

const en: StudyWords = {
  kind: 'Scenario study',
  day: 'Day',
  period: (days) => `Period of ${days} days from`,
  budget: (seconds, perDay, iterations, seed) => `each plan: ${seconds} s${perDay ? ' a day' : ''}${iterations ? ` or ${iterations} iterations` : ''}, seed ${seed}`,
  variants: (n) => `${n} ${n === 1 ? 'variant' : 'variants'}`,
  sections: {
    leftOut: 'Mandatory visits left out',
    variants: 'The variants side by side',
    applied: 'What each variant changes',
    sweep: (weight) => `Continuity against travel (weight ${weight})`,
  },
  variant: 'Variant',
  applied: 'Change',
  cost: 'Cost (SEK)',
  costVs: (first) => `Cost against ${first} (SEK)`,
  travelVs: (first) => `Travel against ${first} (min)`,
  difference: 'Difference',
  points: 'points',
  paidHours: 'Paid hours',
  carKm: 'Car kilometres',
  leftOut: 'Mandatory visits left out',
  moreThan: (n, first) => `${n} more than ${first}`,
  noneLeftOut: 'Every variant plans every mandatory visit.',
  weightValue: 'Weight',
  travelPerPoint: 'Travel per point of continuity (min)',
  travelAxis: 'Travel (min)',
  notes: {
    leftOut: 'A variant that leaves mandatory visits out saves on care that must be given. Read the differences to the first variant.',
    variants: 'Every variant planned with the same time and seed. Travel and cost are shown as the difference to the first variant; the table under each chart has the numbers.',
    sweep: (weight) =>
      `The base planned once per value of the weight ${weight}, one point per value. The higher the weight, the more visits by the contact and the more travel; where the curve flattens, continuity stops paying.`,
  },
};

export const STUDY_WORDS: Record<Language, StudyWords> = { sv, en };
