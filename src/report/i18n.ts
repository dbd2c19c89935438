/**
 * The report's words and number forms in Swedish (the default) and English. Swedish labels
 * are the ones Swedish home-care staff use: omsorgskontakt, undersköterska, besök, restid.
 */
import type { Role, UnassignedReason, VisitType } from '../model/types.ts';
import type { EXPLANATION_REASONS, KPI_EXCLUSION_REASONS } from '../model/schemas.ts';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sv';

export type ExplanationReason = (typeof EXPLANATION_REASONS)[number];
export type ExclusionReason = (typeof KPI_EXCLUSION_REASONS)[number];
/** Who made a visit, as the report colours it. */
export type WhoCame = 'contact' | 'deputy' | 'other' | 'none';
/** Who a recipient met on a day of a period, as the 14-day strip shows it. */
export type Acquaintance = 'contact' | 'deputy' | 'familiar' | 'new';

interface Words {
  locale: string;
  kinds: { day: string; period: string; kpi: string };
  generated: string;
  /** `10 arbetslag`: the subtitle of a day of many teams. */
  teams: string;
  sections: {
    headline: string;
    gantt: string;
    map: string;
    stops: string;
    unassigned: string;
    notContact: string;
    kolada: string;
    histogram: string;
    byTeam: string;
    strips: string;
    perDay: string;
  };
  filter: { team: string; staff: string; allTeams: string; allStaff: string };
  metric: {
    contactShare: string;
    contactOrDeputyShare: string;
    reachable: string;
    ceiling: string;
    distinct: string;
    newStaff: string;
    travel: string;
    wait: string;
    unassigned: string;
    mandatory: string;
    optional: string;
    visits: string;
    assigned: string;
    median: string;
    max: string;
    min: string;
    perVisit: string;
    ofAssigned: string;
    noneWithContact: string;
  };
  kolada: { U21401: string; U21402: string; U21436: string; recipients: string; excluded: string; window: string; partial: string; contactShare: string };
  columns: {
    staff: string;
    team: string;
    role: string;
    visit: string;
    recipient: string;
    type: string;
    start: string;
    end: string;
    who: string;
    why: string;
    reason: string;
    count: string;
    share: string;
    message: string;
    date: string;
    distinctStaff: string;
    recipients: string;
    office: string;
    stops: string;
    day: string;
  };
  legend: {
    travel: string;
    wait: string;
    break: string;
    double: string;
    locked: string;
    office: string;
    home: string;
    route: string;
  };
  who: Record<WhoCame, string>;
  acquaintance: Record<Acquaintance, string>;
  /** One letter per acquaintance, the strip's second cue beside colour. */
  acquaintanceLetter: Record<Acquaintance, string>;
  roles: Record<Role, string>;
  visitTypes: Record<VisitType, string>;
  unassignedReasons: Record<UnassignedReason, string>;
  explanationReasons: Record<ExplanationReason, string>;
  exclusionReasons: Record<ExclusionReason, string>;
  busyWith: string;
  /** The link that lets a keyboard user jump past the Gantt's visits. */
  skipGantt: string;
  doubleStaffed: string;
  locked: string;
  hours: string;
  minutes: string;
  notes: {
    gantt: string;
    map: string;
    histogram: string;
    strips: string;
    perDay: string;
    noStops: string;
    nothing: string;
  };
}

const sv: Words = {
  locale: 'sv-SE',
  kinds: { day: 'Dagsplanering', period: 'Periodplanering', kpi: 'Personalkontinuitet' },
  generated: 'Skapad med kontinuitet',
  teams: 'arbetslag',
  sections: {
    headline: 'Nyckeltal',
    gantt: 'Dagens turer',
    map: 'Karta',
    stops: 'Besök per medarbetare',
    unassigned: 'Ej planerade besök',
    notContact: 'Besök som inte gjordes av omsorgskontakten',
    kolada: 'Personalkontinuitet (Kolada)',
    histogram: 'Antal personal per omsorgstagare',
    byTeam: 'Per arbetslag',
    strips: 'Vem kom, dag för dag',
    perDay: 'Andel besök av omsorgskontakten per dag',
  },
  filter: { team: 'Arbetslag', staff: 'Medarbetare', allTeams: 'Alla arbetslag', allStaff: 'All personal' },
  metric: {
    contactShare: 'Besök av omsorgskontakten',
    contactOrDeputyShare: 'Av omsorgskontakt eller vice',
    reachable: 'nåbart tak',
    ceiling: 'tak med kontaktens tid',
    distinct: 'Personal per omsorgstagare',
    newStaff: 'nya ansikten per omsorgstagare',
    travel: 'Restid',
    wait: 'Väntetid',
    unassigned: 'Ej planerade',
    mandatory: 'obligatoriska',
    optional: 'valfria',
    visits: 'Besök',
    assigned: 'planerade',
    median: 'median',
    max: 'max',
    min: 'min',
    perVisit: 'per besök',
    ofAssigned: 'av planerade besök hos omsorgstagare med omsorgskontakt',
    noneWithContact: 'inga besök hos omsorgstagare med omsorgskontakt',
  },
  kolada: {
    U21401: 'U21401 Antal personal under 14 dagar, medelvärde',
    U21402: 'U21402 Antal personal under 14 dagar, median',
    U21436: 'U21436 Andel som mött fler än 20 personal, %',
    recipients: 'omsorgstagare räknade',
    excluded: 'ej räknade',
    window: 'Period',
    partial: 'ofullständig',
    contactShare: 'Besök av omsorgskontakten hos räknade omsorgstagare (07–22)',
  },
  columns: {
    staff: 'Medarbetare',
    team: 'Arbetslag',
    role: 'Yrke',
    visit: 'Besök',
    recipient: 'Omsorgstagare',
    type: 'Insats',
    start: 'Start',
    end: 'Slut',
    who: 'Utfört av',
    why: 'Varför inte omsorgskontakten',
    reason: 'Orsak',
    count: 'Antal',
    share: 'Andel',
    message: 'Förklaring',
    date: 'Datum',
    distinctStaff: 'Antal personal',
    recipients: 'Omsorgstagare',
    office: 'Kontor',
    stops: 'Besök',
    day: 'Dag',
  },
  legend: {
    travel: 'restid',
    wait: 'väntetid',
    break: 'rast',
    double: 'dubbelbemanning',
    locked: 'låst',
    office: 'kontor',
    home: 'omsorgstagarens hem',
    route: 'tur',
  },
  who: { contact: 'omsorgskontakten', deputy: 'vice omsorgskontakt', other: 'annan personal', none: 'omsorgstagare utan omsorgskontakt' },
  acquaintance: {
    contact: 'omsorgskontakten',
    deputy: 'vice omsorgskontakt',
    familiar: 'känd (mötts de senaste 14 dagarna)',
    new: 'ny (inte mötts de senaste 14 dagarna)',
  },
  acquaintanceLetter: { contact: 'O', deputy: 'V', familiar: 'K', new: 'N' },
  roles: { assistant_nurse: 'undersköterska', care_aide: 'vårdbiträde', service_assistant: 'serviceassistent', nurse: 'sjuksköterska' },
  visitTypes: {
    personal_care: 'personlig omvårdnad',
    service: 'service',
    health: 'hälso- och sjukvård',
    supervision: 'tillsyn',
    meal: 'måltid',
    other: 'övrigt',
  },
  unassignedReasons: {
    no_eligible_staff: 'ingen behörig personal',
    outside_shifts: 'ingen behörig personal arbetar då',
    locked_infeasible: 'låsningen går inte att hålla',
    dependency: 'tidsavståndet till ett annat besök går inte att hålla',
    no_capacity: 'ingen plats i turerna',
    window_passed: 'tidsfönstret har passerat',
  },
  explanationReasons: {
    no_contact: 'omsorgstagaren har ingen fast omsorgskontakt',
    contact_not_working: 'omsorgskontakten arbetar inte i dag',
    contact_not_eligible: 'omsorgskontakten får inte göra besöket',
    contact_outside_shift: 'besöket ligger utanför omsorgskontaktens pass',
    contact_busy: 'omsorgskontakten är upptagen med ett annat besök',
    contact_break: 'omsorgskontakten har rast',
    contact_travel: 'omsorgskontakten hinner inte dit',
    cost_tradeoff: 'dagen som helhet blir bättre så',
  },
  exclusionReasons: {
    no_age: 'ålder saknas',
    under_65: 'under 65 år',
    no_visits: 'inga besök',
    too_few_visits: 'färre än två besök någon dag',
  },
  busyWith: 'upptagen med',
  skipGantt: 'Hoppa förbi diagrammet till tabellen',
  doubleStaffed: 'dubbelbemanning',
  locked: 'låst',
  hours: 'h',
  minutes: 'min',
  notes: {
    gantt: 'En rad per medarbetare. Fyllda fält: besök av omsorgskontakten; randiga: av vice omsorgskontakt; prickiga: av annan personal. Välj ett besök med musen eller tabbtangenten för detaljer.',
    map: 'Hem, kontor och turer ritade från koordinaterna (ingen bakgrundskarta). Tabellen ovan listar varje tur i ordning.',
    histogram: 'Antal omsorgstagare efter hur många olika personal de mött under 14 dagar (räknade omsorgstagare).',
    strips: 'En ruta per medarbetare som kom den dagen: O omsorgskontakten, V vice omsorgskontakt, K känd, N ny.',
    perDay: 'Andel av dagens planerade besök hos omsorgstagare med omsorgskontakt.',
    noStops: 'inga besök',
    nothing: 'Inga.',
  },
};

const en: Words = {
  locale: 'en-GB',
  kinds: { day: 'Day schedule', period: 'Period schedule', kpi: 'Staff continuity' },
  generated: 'Made with kontinuitet',
  teams: 'teams',
  sections: {
    headline: 'Key figures',
    gantt: 'Routes of the day',
    map: 'Map',
    stops: 'Visits by staff member',
    unassigned: 'Visits not planned',
    notContact: 'Visits not made by the contact',
    kolada: 'Staff continuity (Kolada)',
    histogram: 'Distinct staff per recipient',
    byTeam: 'By team',
    strips: 'Who came, day by day',
    perDay: 'Share of visits by the contact, per day',
  },
  filter: { team: 'Team', staff: 'Staff member', allTeams: 'All teams', allStaff: 'All staff' },
  metric: {
    contactShare: 'Visits by the contact',
    contactOrDeputyShare: 'By contact or deputy',
    reachable: 'reachable ceiling',
    ceiling: "ceiling with the contact's time",
    distinct: 'Staff per recipient',
    newStaff: 'new faces per recipient',
    travel: 'Travel',
    wait: 'Waiting',
    unassigned: 'Not planned',
    mandatory: 'mandatory',
    optional: 'optional',
    visits: 'Visits',
    assigned: 'planned',
    median: 'median',
    max: 'max',
    min: 'min',
    perVisit: 'per visit',
    ofAssigned: 'of planned visits to recipients with a contact',
    noneWithContact: 'no visits to recipients with a contact',
  },
  kolada: {
    U21401: 'U21401 Staff met in 14 days, mean',
    U21402: 'U21402 Staff met in 14 days, median',
    U21436: 'U21436 Share who met more than 20 staff, %',
    recipients: 'recipients counted',
    excluded: 'not counted',
    window: 'Window',
    partial: 'partial',
    contactShare: 'Visits by the contact to counted recipients (07–22)',
  },
  columns: {
    staff: 'Staff member',
    team: 'Team',
    role: 'Role',
    visit: 'Visit',
    recipient: 'Recipient',
    type: 'Type',
    start: 'Start',
    end: 'End',
    who: 'Made by',
    why: 'Why not the contact',
    reason: 'Reason',
    count: 'Count',
    share: 'Share',
    message: 'Explanation',
    date: 'Date',
    distinctStaff: 'Distinct staff',
    recipients: 'Recipients',
    office: 'Office',
    stops: 'Visits',
    day: 'Day',
  },
  legend: {
    travel: 'travel',
    wait: 'waiting',
    break: 'break',
    double: 'double-staffed',
    locked: 'locked',
    office: 'office',
    home: "recipient's home",
    route: 'route',
  },
  who: { contact: 'the contact', deputy: 'a deputy', other: 'other staff', none: 'recipient without a contact' },
  acquaintance: {
    contact: 'the contact',
    deputy: 'a deputy',
    familiar: 'familiar (met in the last 14 days)',
    new: 'new (not met in the last 14 days)',
  },
  acquaintanceLetter: { contact: 'C', deputy: 'D', familiar: 'F', new: 'N' },
  roles: { assistant_nurse: 'assistant nurse', care_aide: 'care aide', service_assistant: 'service assistant', nurse: 'nurse' },
  visitTypes: {
    personal_care: 'personal care',
    service: 'service',
    health: 'health care',
    supervision: 'supervision',
    meal: 'meal',
    other: 'other',
  },
  unassignedReasons: {
    no_eligible_staff: 'no eligible staff',
    outside_shifts: 'no eligible staff work then',
    locked_infeasible: 'the lock cannot be kept',
    dependency: 'the gap to another visit cannot be kept',
    no_capacity: 'no room in the routes',
    window_passed: 'the window has passed',
  },
  explanationReasons: {
    no_contact: 'the recipient has no contact',
    contact_not_working: 'the contact is not working today',
    contact_not_eligible: 'the contact may not make this visit',
    contact_outside_shift: "the visit lies outside the contact's shift",
    contact_busy: 'the contact is busy with another visit',
    contact_break: 'the contact is on a break',
    contact_travel: 'the contact cannot get there in time',
    cost_tradeoff: 'the day as a whole is better this way',
  },
  exclusionReasons: {
    no_age: 'no age',
    under_65: 'under 65',
    no_visits: 'no visits',
    too_few_visits: 'fewer than two visits on some day',
  },
  busyWith: 'busy with',
  skipGantt: 'Skip the chart to the table',
  doubleStaffed: 'double-staffed',
  locked: 'locked',
  hours: 'h',
  minutes: 'min',
  notes: {
    gantt: 'One row per staff member. Solid marks: visits by the contact; striped: by a deputy; dotted: by other staff. Point at a visit or reach it with the Tab key for details.',
    map: 'Homes, offices and routes drawn from their coordinates (no map tiles). The table above lists each route in order.',
    histogram: 'Recipients by how many distinct staff they met in 14 days (counted recipients).',
    strips: 'One box per staff member who came that day: C the contact, D a deputy, F familiar, N new.',
    perDay: "Share of the day's planned visits to recipients with a contact.",
    noStops: 'no visits',
    nothing: 'None.',
  },
};

const WORDS: Record<Language, Words> = { sv, en };

/** The words of one language and the locale's number, percent, date and duration forms. */
export class Texts {
  readonly lang: Language;
  readonly t: Words;
  private readonly decimals: Intl.NumberFormat[];
  private readonly percent: Intl.NumberFormat;

  constructor(lang: Language) {
    this.lang = lang;
    this.t = WORDS[lang];
    this.decimals = [0, 1, 2].map((d) => new Intl.NumberFormat(this.t.locale, { maximumFractionDigits: d, minimumFractionDigits: 0 }));
    this.percent = new Intl.NumberFormat(this.t.locale, { style: 'percent', maximumFractionDigits: 1 });
  }

  /** A number with at most `digits` decimals in the locale's form; `–` for null. */
  number(value: number | null, digits: 0 | 1 | 2 = 1): string {
    return value === null ? '–' : this.decimals[digits].format(value);
  }

  /** A share from 0 to 1 as a percentage with one decimal. */
  share(value: number | null): string {
    return value === null ? '–' : this.percent.format(value);
  }

  /** Minutes as `12 h 5 min` (or `45 min`). */
  duration(minutes: number): string {
    const whole = Math.round(minutes);
    const h = Math.floor(whole / 60);
    const m = whole % 60;
    return h === 0 ? `${m} ${this.t.minutes}` : `${this.decimals[0].format(h)} ${this.t.hours} ${m} ${this.t.minutes}`;
  }

  /** A calendar date (`YYYY-MM-DD`) written out, e.g. `måndag 23 november 2026`. */
  date(date: string, style: 'full' | 'short' = 'full'): string {
    const options: Intl.DateTimeFormatOptions =
      style === 'full' ? { dateStyle: 'full', timeZone: 'UTC' } : { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(this.t.locale, options).format(new Date(`${date}T12:00:00Z`));
  }
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
