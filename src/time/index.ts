/**
 * Time at the edge: every `Time` form of FORMAT.md becomes minutes since the plan day's
 * start instant (local midnight of the plan date), and minutes become ISO 8601 with the
 * zone's offset at that instant. The solver only ever sees the numbers.
 *
 * Minutes are elapsed minutes, not wall-clock readings: on 2026-03-29 in Stockholm,
 * "08:00" is 420 minutes after midnight because the 02:00–03:00 hour does not exist.
 */
import { IANAZone } from 'luxon';

export const DEFAULT_TIMEZONE = 'Europe/Stockholm';
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export class TimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeError';
  }
}

const zoneCache = new Map<string, IANAZone>();
export function zoneOf(name: string): IANAZone {
  let zone = zoneCache.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    if (!zone.isValid) throw new TimeError(`"${name}" is not an IANA time zone`);
    zoneCache.set(name, zone);
  }
  return zone;
}

export function isValidZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

// ── Calendar dates as plain strings ─────────────────────────────────────────

const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function dateUtcMs(date: string): number {
  const year = Number(date.slice(0, 4));
  const ms = Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  // Date.UTC reads the years 0–99 as 1900–1999.
  return year < 100 ? new Date(ms).setUTCFullYear(year) : ms;
}

function utcMsToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `2026-11-23` + 2 days → `2026-11-25`. */
export function addDays(date: string, days: number): string {
  return utcMsToDate(dateUtcMs(date) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateUtcMs(to) - dateUtcMs(from)) / MS_PER_DAY);
}

export function weekdayOf(date: string): (typeof WEEKDAY_NAMES)[number] {
  return WEEKDAY_NAMES[new Date(dateUtcMs(date)).getUTCDay()];
}

// ── Local wall-clock ↔ instants ─────────────────────────────────────────────

// luxon asks Intl for every offset (~50 µs); offsets only change on whole minutes, so
// one answer per zone and minute serves every instant in it.
const offsetCache = new WeakMap<IANAZone, Map<number, number>>();

/** Offset of `zone` at `epochMs`, in minutes east of UTC. */
export function offsetAt(zone: IANAZone, epochMs: number): number {
  let byMinute = offsetCache.get(zone);
  if (!byMinute) offsetCache.set(zone, (byMinute = new Map()));
  const minute = Math.floor(epochMs / MS_PER_MINUTE);
  let offset = byMinute.get(minute);
  if (offset === undefined) {
    offset = zone.offset(minute * MS_PER_MINUTE);
    byMinute.set(minute, offset);
  }
  return offset;
}

/**
 * The instant of a local wall-clock reading. A reading in the spring gap does not exist
 * (error); one in the autumn repeat means its first occurrence.
 */
export function localToEpochMs(zone: IANAZone, date: string, hour: number, minute: number, secondMs = 0): number {
  const naive = dateUtcMs(date) + (hour * 60 + minute) * MS_PER_MINUTE + secondMs;
  const before = offsetAt(zone, naive - MS_PER_DAY);
  const after = offsetAt(zone, naive + MS_PER_DAY);
  let best = Number.POSITIVE_INFINITY;
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = naive - offset * MS_PER_MINUTE;
    if (offsetAt(zone, candidate) === offset && candidate < best) best = candidate;
  }
  if (best === Number.POSITIVE_INFINITY) {
    const hh = String(hour).padStart(2, '0');
    const mm = String(minute).padStart(2, '0');
    throw new TimeError(`${date} ${hh}:${mm} does not exist in ${zone.name} (the clocks skip it for daylight saving time)`);
  }
  return best;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** ISO 8601 with the zone's offset at that instant; seconds and milliseconds only as needed beyond `:00`. */
export function epochMsToIso(zone: IANAZone, epochMs: number): string {
  const rounded = Math.round(epochMs);
  const offset = offsetAt(zone, rounded);
  const local = new Date(rounded + offset * MS_PER_MINUTE);
  const ms = local.getUTCMilliseconds();
  const seconds = `${pad(local.getUTCSeconds())}${ms ? `.${pad(ms, 3).replace(/0+$/, '')}` : ''}`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${seconds}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The local calendar date and minute of the day of an instant. */
export function localParts(zone: IANAZone, epochMs: number): { date: string; minuteOfDay: number } {
  const local = epochMs + offsetAt(zone, epochMs) * MS_PER_MINUTE;
  const date = utcMsToDate(Math.floor(local / MS_PER_DAY) * MS_PER_DAY);
  return { date, minuteOfDay: (local - dateUtcMs(date)) / MS_PER_MINUTE };
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)(\+1)?$/;
const ISO =
  /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d+)?)?(Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?$/;

function offsetMinutes(text: string): number {
  if (text === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

/**
 * Parses an instant written as ISO 8601 (with or without offset) or as the spreadsheet
 * form `YYYY-MM-DD HH:MM[:SS]`; readings without offset are local in `zone`.
 */
export function parseInstant(text: string, zone: IANAZone): number {
  const m = ISO.exec(text);
  if (!m) throw new TimeError(`"${text}" is not a time`);
  const [, date, hh, mm, ss, frac, offset] = m;
  if (utcMsToDate(dateUtcMs(date)) !== date) throw new TimeError(`"${text}" is not a real calendar date`);
  const secondMs = (ss ? Number(ss) * 1000 : 0) + (frac ? Math.round(Number(frac) * 1000) : 0);
  if (offset) {
    return dateUtcMs(date) + (Number(hh) * 60 + Number(mm) - offsetMinutes(offset)) * MS_PER_MINUTE + secondMs;
  }
  return localToEpochMs(zone, date, Number(hh), Number(mm), secondMs);
}

/**
 * The clock of one plan day: converts every `Time` form to minutes since local midnight
 * of `date` and back.
 */
export class PlanClock {
  readonly date: string;
  readonly timezone: string;
  readonly zone: IANAZone;
  /** Epoch milliseconds of the plan day's start instant. */
  readonly originMs: number;

  constructor(date: string, timezone: string = DEFAULT_TIMEZONE) {
    this.date = date;
    this.timezone = timezone;
    this.zone = zoneOf(timezone);
    this.originMs = localToEpochMs(this.zone, date, 0, 0);
  }

  /** Minutes since the plan day's start; throws `TimeError` with a plain sentence. */
  minutes(time: string): number {
    const clock = CLOCK.exec(time);
    if (clock) {
      const day = clock[3] ? addDays(this.date, 1) : this.date;
      return this.fromEpochMs(localToEpochMs(this.zone, day, Number(clock[1]), Number(clock[2])));
    }
    return this.fromEpochMs(parseInstant(time, this.zone));
  }

  fromEpochMs(epochMs: number): number {
    return (epochMs - this.originMs) / MS_PER_MINUTE;
  }

  toEpochMs(minutes: number): number {
    return this.originMs + minutes * MS_PER_MINUTE;
  }

  /** ISO 8601 with the offset in force at that instant. */
  iso(minutes: number): string {
    return epochMsToIso(this.zone, this.toEpochMs(minutes));
  }

  /** Minutes to the next day's start (23, 24 or 25 hours on DST days). */
  dayLengthMinutes(): number {
    return this.fromEpochMs(localToEpochMs(this.zone, addDays(this.date, 1), 0, 0));
  }
}

/** A time read on a plan day: its minutes and the local date it falls on, or why it cannot be read. */
export type Reading = { minutes: number; date: string } | { error: TimeError };

/**
 * A plan day's clock that remembers what it has read: a period repeats the same few wall-clock
 * times thousands of times, and each fresh reading asks the zone database (about 0.2 ms).
 */
export class MemoClock {
  readonly clock: PlanClock;
  private readonly known = new Map<string, Reading>();

  constructor(date: string, timezone: string = DEFAULT_TIMEZONE) {
    this.clock = new PlanClock(date, timezone);
  }

  get date(): string {
    return this.clock.date;
  }

  read(time: string): Reading {
    let found = this.known.get(time);
    if (!found) {
      try {
        const minutes = this.clock.minutes(time);
        found = { minutes, date: localParts(this.clock.zone, this.clock.toEpochMs(minutes)).date };
      } catch (err) {
        if (!(err instanceof TimeError)) throw err;
        found = { error: err };
      }
      this.known.set(time, found);
    }
    return found;
  }

  /** As `PlanClock.minutes`: minutes since the day's start, or a thrown `TimeError`. */
  minutes(time: string): number {
    const found = this.read(time);
    if ('error' in found) throw found.error;
    return found.minutes;
  }
}
