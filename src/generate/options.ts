/** Generator options, their defaults and the presets behind the bundled datasets. */
import { DateString } from '../model/schemas.ts';
import { DEFAULT_TIMEZONE, isValidZone } from '../time/index.ts';
import { beyond, grouped, limitOf } from '../limits/index.ts';

export interface GenerateOptions {
  seed: number;
  teams: number;
  /** Staff working on a day (day problems); a period's team has about 1.5 × as many people. */
  staffPerTeam: number;
  /** Recipients with a visit on the day (day problems); a period's recipients. */
  recipientsPerTeam: number;
  /** Plan date of a day problem (default 2026-11-23, a Monday); a period's start when `startDate` is not given. */
  date?: string;
  timezone?: string;
  /** Build a hidden feasible schedule first and derive the windows and contacts from it. */
  planted?: boolean;
}

export interface PeriodOptions extends GenerateOptions {
  /** First day of the period (default 2026-11-02, a Monday). */
  startDate?: string;
  /** Days in the period, 1–31 (default 14). */
  days?: number;
}

export const DEFAULT_DAY_DATE = '2026-11-23';
export const DEFAULT_PERIOD_START = '2026-11-02';
export const DEFAULT_PERIOD_DAYS = 14;

export type PresetName = 'small-team' | 'full-team' | 'district';

export interface Preset {
  teams: number;
  staffPerTeam: number;
  recipientsPerTeam: number;
  description: string;
}

export const PRESETS: Record<PresetName, Preset> = {
  'small-team': { teams: 1, staffPerTeam: 8, recipientsPerTeam: 40, description: 'one small team: 8 staff, 40 recipients' },
  'full-team': { teams: 1, staffPerTeam: 15, recipientsPerTeam: 70, description: 'one full team: 15 staff, 70 recipients, about 200 visits a weekday' },
  district: { teams: 10, staffPerTeam: 15, recipientsPerTeam: 70, description: 'ten teams of a Södermalm-like district: about 2,000 visits a weekday' },
};

export const LIMITS = { teams: 60, staffPerTeam: 200, recipientsPerTeam: 1000 } as const;

function wholeNumber(value: number, name: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be a whole number from ${min} to ${max} (got ${value})`);
}

/**
 * Throws `RangeError` with a plain sentence for an option out of range, or for sizes whose
 * problem would be past the places limit every command holds it to (a period's rota has
 * up to twice the day's staff).
 */
export function checkOptions(opts: PeriodOptions, kind: 'day' | 'period'): void {
  if (!Number.isSafeInteger(opts.seed)) throw new RangeError(`seed must be a whole number (got ${opts.seed})`);
  wholeNumber(opts.teams, 'teams', 1, LIMITS.teams);
  wholeNumber(opts.staffPerTeam, 'staff per team', 1, LIMITS.staffPerTeam);
  wholeNumber(opts.recipientsPerTeam, 'recipients per team', 0, LIMITS.recipientsPerTeam);
  for (const [name, value] of [['date', opts.date], ['start date', opts.startDate]] as const) {
    if (value !== undefined && !DateString.safeParse(value).success) throw new RangeError(`${name} must be a calendar date YYYY-MM-DD (got "${value}")`);
  }
  if (opts.days !== undefined) wholeNumber(opts.days, 'days', 1, 31);
  const places = opts.teams * (1 + opts.staffPerTeam * (kind === 'period' ? 2 : 1) + opts.recipientsPerTeam);
  if (places > limitOf('places')) {
    throw new RangeError(`${opts.teams} teams of ${opts.staffPerTeam} staff and ${opts.recipientsPerTeam} recipients make up to ${grouped(places)} places, ${beyond('places')}`);
  }
  const zone = opts.timezone ?? DEFAULT_TIMEZONE;
  if (!isValidZone(zone)) throw new RangeError(`timezone "${zone}" is not an IANA time zone (such as "Europe/Stockholm")`);
}
