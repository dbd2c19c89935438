/** Violations found by the checker, and the wording shared by its parts. */
import type { PlanClock } from '../time/index.ts';

export interface Violation {
  code: string;
  message: string;
  /** Path into the schedule, e.g. `routes[2].stops[4].start`. */
  path?: string;
  ids: string[];
}

/**
 * Output times are written to the millisecond at best, so a time read back may differ
 * from the solver's own number by up to half a millisecond; comparisons that involve
 * times allow 1e-3 minutes (60 ms). Plain numbers (legs, reported minutes) allow 1e-6.
 */
export const TIME_TOLERANCE = 1e-3;
export const NUMBER_TOLERANCE = 1e-6;

export class Violations {
  readonly list: Violation[] = [];
  private readonly clock: PlanClock;

  constructor(clock: PlanClock) {
    this.clock = clock;
  }

  add(code: string, path: string | undefined, message: string, ids: string[]): void {
    this.list.push(path === undefined ? { code, message, ids } : { code, message, path, ids });
  }

  /** A minute of the plan day as local clock time: `08:15`, `08:15:30`, or with its date when another day. */
  at(minutes: number): string {
    const iso = this.clock.iso(minutes);
    const time = iso.slice(11, 19).replace(/:00$/, '');
    return iso.slice(0, 10) === this.clock.date ? time : `${iso.slice(0, 10)} ${time}`;
  }
}

/** Minutes for a sentence: whole numbers as they are, fractions to two decimals. */
export function minutesText(minutes: number): string {
  const rounded = Math.round(minutes * 100) / 100;
  return `${rounded} min`;
}
