/**
 * The re-plan view's words in Swedish and English, beside the view that alone uses them; the
 * words every view shares (omsorgskontakt, besök, the reasons) stay in `i18n.ts`.
 */
import type { Language } from '../i18n.ts';
import type { ChangeKind, ReassignedRow } from '../prepare/replan.ts';

type Taker = NonNullable<ReassignedRow['taker']>;

export interface ReplanWords {
  kind: string;
  /** Subtitle of a day re-planned: "omplanerad kl. 10:00". */
  replannedAt: (clock: string) => string;
  sections: {
    replan: (clock: string) => string;
    headlineAfter: string;
    before: string;
    after: string;
    reassigned: string;
    newlyUnassigned: string;
    strangers: string;
    stopsBefore: string;
    stopsAfter: string;
  };
  cards: {
    now: string;
    nowDetail: string;
    frozen: string;
    frozenDetail: (clock: string) => string;
    changed: string;
    changedDetail: string;
    moved: string;
    movedDetail: string;
    movedMinutes: string;
    movedMinutesDetail: string;
    newlyUnassigned: string;
    absent: string;
    contactDetail: string;
  };
  /** The marks of the charts, in their legends and in the stop tables' change column. */
  kinds: Record<ChangeKind, string>;
  /** The cross of the published chart: no longer made, for either reason. */
  gone: string;
  frozen: string;
  absent: string;
  nowLine: string;
  absentFrom: (clock: string) => string;
  from: (clock: string) => string;
  reRouted: string;
  noLoser: string;
  notes: { before: (clock: string) => string; after: string; reassigned: string; strangers: string };
  columns: { change: string; start: string; had: string; has: string; meets: string; message: string; newStaff: string };
  takers: Record<Taker | 'none', string>;
  /** The change column: what a stop's other plan says. */
  change: {
    frozen: string;
    staff: (names: string) => string;
    moved: (minutes: string, clock: string) => string;
    lost: (names: string) => string;
    movedTo: (clock: string) => string;
  };
  visits: string;
}

const sv: ReplanWords = {
  kind: 'Omplanering',
  replannedAt: (clock) => `omplanerad kl. ${clock}`,
  sections: {
    replan: (clock) => `Omplanering kl. ${clock}`,
    headlineAfter: 'Nyckeltal för den nya planen',
    before: 'Publicerad plan (före)',
    after: 'Ny plan (efter)',
    reassigned: 'Besök som bytt personal',
    newlyUnassigned: 'Nya ej planerade besök',
    strangers: 'Omsorgstagare som nu möter någon ny',
    stopsBefore: 'Besök per medarbetare, publicerad plan',
    stopsAfter: 'Besök per medarbetare, ny plan',
  },
  cards: {
    now: 'Omplanerad kl.',
    nowDetail: 'det som började före står kvar',
    frozen: 'Frysta besök',
    frozenDetail: (clock) => `började före kl. ${clock}`,
    changed: 'Bytt personal',
    changedDetail: 'besök som nu görs av någon annan',
    moved: 'Flyttade besök',
    movedDetail: 'besök med ny starttid',
    movedMinutes: 'Flyttad tid',
    movedMinutesDetail: 'sammanlagt för de flyttade besöken',
    newlyUnassigned: 'Nya ej planerade',
    absent: 'Frånvarande',
    contactDetail: 'före → efter omplaneringen',
  },
  kinds: {
    staff: 'bytt personal',
    moved: 'flyttat',
    added: 'nytt i planen',
    lost: 'lämnar turen, görs av annan',
    dropped: 'görs inte längre (ej planerat)',
    cancelled: 'inställt',
  },
  gone: 'görs inte längre (ej planerat eller inställt)',
  frozen: 'fryst (började före omplaneringen)',
  absent: 'frånvarande',
  nowLine: 'nu',
  absentFrom: (clock) => `frånvarande från ${clock}`,
  from: (clock) => `från ${clock}`,
  reRouted: 'turen planerades om',
  noLoser: 'ingen lämnade besöket',
  notes: {
    before: (clock) =>
      `Planen som gällde. Skuggat till vänster: fryst, det som började före kl. ${clock}; skuggat resten av en rad: frånvarande. Snedstreck: besöket lämnar turen och görs av någon annan; kryss: besöket görs inte längre; streckad ram: besöket flyttas.`,
    after:
      'Den nya planen på samma tidsaxel. Hel ram: besöket görs nu av annan personal; streckad ram: flyttat; prickad ram: nytt i planen (tillagt eller tidigare ej planerat). Välj ett besök med musen eller tabbtangenten för detaljer.',
    reassigned: 'Grupperat efter den som lämnade besöket. Förklaringen är motorns egen mening, på engelska.',
    strangers: 'Personal som omsorgstagaren varken har som omsorgskontakt eller vice, har mött de senaste 14 dagarna eller hade planerad i dag.',
  },
  columns: {
    change: 'Ändring',
    start: 'Start före → efter',
    had: 'Hade besöket',
    has: 'Har det nu',
    meets: 'Omsorgstagaren möter',
    message: 'Förklaring (engelska)',
    newStaff: 'Ny personal',
  },
  takers: {
    contact: 'omsorgskontakten',
    deputy: 'vice omsorgskontakt',
    familiar: 'känd personal',
    new: 'ny för omsorgstagaren',
    none: 'ingen: ej planerat',
  },
  change: {
    frozen: 'fryst',
    staff: (names) => `bytt personal, förut ${names}`,
    moved: (minutes, clock) => `flyttat ${minutes} min (förut ${clock})`,
    lost: (names) => `görs nu av ${names}`,
    movedTo: (clock) => `flyttas till ${clock}`,
  },
  visits: 'besök',
};

const en: ReplanWords = {
  kind: 'Re-plan',
  replannedAt: (clock) => `re-planned at ${clock}`,
  sections: {
    replan: (clock) => `Re-plan at ${clock}`,
    headlineAfter: 'Key figures of the new plan',
    before: 'Published plan (before)',
    after: 'New plan (after)',
    reassigned: 'Visits that changed hands',
    newlyUnassigned: 'Newly unassigned visits',
    strangers: 'Recipients who now meet someone new',
    stopsBefore: 'Visits by staff member, published plan',
    stopsAfter: 'Visits by staff member, new plan',
  },
  cards: {
    now: 'Re-planned at',
    nowDetail: 'what began before stays as it was',
    frozen: 'Frozen stops',
    frozenDetail: (clock) => `begun before ${clock}`,
    changed: 'Changed hands',
    changedDetail: 'visits now made by someone else',
    moved: 'Moved visits',
    movedDetail: 'visits with a new start',
    movedMinutes: 'Time moved',
    movedMinutesDetail: 'in all, over the moved visits',
    newlyUnassigned: 'Newly unassigned',
    absent: 'Absent',
    contactDetail: 'before → after the re-plan',
  },
  kinds: {
    staff: 'other staff',
    moved: 'moved',
    added: 'new in the plan',
    lost: 'leaves the route, made by others',
    dropped: 'no longer made (unassigned)',
    cancelled: 'cancelled',
  },
  gone: 'no longer made (unassigned or cancelled)',
  frozen: 'frozen (begun before the re-plan)',
  absent: 'absent',
  nowLine: 'now',
  absentFrom: (clock) => `absent from ${clock}`,
  from: (clock) => `from ${clock}`,
  reRouted: 'route re-planned',
  noLoser: 'no one left the visit',
  notes: {
    before: (clock) =>
      `The plan as it was. Shaded on the left: frozen, what began before ${clock}; shaded for the rest of a row: absent. Slashed: the visit leaves the route and is made by someone else; crossed: the visit is no longer made; dashed frame: the visit moves.`,
    after:
      'The new plan on the same time axis. Solid frame: the visit is now made by other staff; dashed frame: moved; dotted frame: new in the plan (added, or not planned before). Point at a visit or reach it with the Tab key for details.',
    reassigned: 'Grouped by the staff member who left the visit; the explanation is the engine’s own sentence.',
    strangers: 'Staff who are neither the recipient’s contact nor a deputy, were not met in the last 14 days and were not planned for them today.',
  },
  columns: {
    change: 'Change',
    start: 'Start before → after',
    had: 'Had the visit',
    has: 'Has it now',
    meets: 'The recipient meets',
    message: 'Explanation',
    newStaff: 'New staff',
  },
  takers: {
    contact: 'the contact',
    deputy: 'a deputy',
    familiar: 'familiar staff',
    new: 'someone new to them',
    none: 'no one: unassigned',
  },
  change: {
    frozen: 'frozen',
    staff: (names) => `other staff, was ${names}`,
    moved: (minutes, clock) => `moved ${minutes} min (was ${clock})`,
    lost: (names) => `now made by ${names}`,
    movedTo: (clock) => `moves to ${clock}`,
  },
  visits: 'visits',
};

export const REPLAN_WORDS: Record<Language, ReplanWords> = { sv, en };
