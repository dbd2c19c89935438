/**
 * Times in input (FORMAT §1 "Time", §6.12): each one parsed on its plan day, so that the
 * spring gap is caught where it is written, and the intervals they form checked for order.
 */
import { MemoClock, PlanClock, TimeError, addDays, type Reading } from '../time/index.ts';
import type { Path, ProblemList } from './problems.ts';
import { quote } from './problems.ts';

/** Minutes since the plan day's start, or null after reporting why the time cannot be used. */
export type ReadTime = (path: Path, text: string) => number | null;

function timeErrorMessage(text: string, err: TimeError): string {
  return err.message.includes(quote(text)) ? err.message : `${quote(text)} cannot be used: ${err.message}`;
}

/** Opens the clock of a plan date, reporting a timezone or date it cannot work with. */
export function openClock(date: string, timezone: string, datePath: Path, problems: ProblemList): PlanClock | null {
  try {
    return new PlanClock(date, timezone);
  } catch (err) {
    if (!(err instanceof TimeError)) throw err;
    problems.error(datePath, `${quote(date)} cannot be planned: ${err.message}`, 'invalid_time');
    return null;
  }
}

/** Readings of every plan date of a document, so that each distinct time is read once per date. */
export class TimeCache {
  private readonly clocks = new Map<string, MemoClock>();

  read(clock: PlanClock, text: string): Reading {
    const key = `${clock.date} ${clock.zone.name}`;
    let memo = this.clocks.get(key);
    if (!memo) this.clocks.set(key, (memo = new MemoClock(clock.date, clock.zone.name)));
    return memo.read(text);
  }
}

/** Reads times of one plan day; a time that lands far from the plan date is worth a warning. */
export function dayTimeReader(clock: PlanClock, problems: ProblemList, cache: TimeCache = new TimeCache()): ReadTime {
  const nextDate = addDays(clock.date, 1);
  return (path, text) => {
    const found = cache.read(clock, text);
    if ('error' in found) {
      problems.error(path, timeErrorMessage(text, found.error), 'invalid_time');
      return null;
    }
    if (found.date !== clock.date && found.date !== nextDate) {
      problems.warning(path, `${quote(text)} falls on ${found.date}, not on the plan date ${clock.date} or the day after`, 'time_off_date');
    }
    return found.minutes;
  };
}

/**
 * Reads a clock time of a visit plan, which recurs: it must exist on every date the plan
 * falls on. Returns its minutes on the first of those dates, enough to compare times.
 */
export function planTimeReader(clocks: readonly PlanClock[], problems: ProblemList, cache: TimeCache): ReadTime {
  return (path, text) => {
    let first: number | null = null;
    for (const clock of clocks) {
      const found = cache.read(clock, text);
      if ('error' in found) {
        problems.error(path, timeErrorMessage(text, found.error), 'invalid_time');
        return null;
      }
      first ??= found.minutes;
    }
    return first;
  };
}

interface ShiftLike {
  shift: { start: string; end: string };
  breaks?: ReadonlyArray<{ earliest: string; latest: string; minutes: number }>;
}

/** A shift and its breaks: the shift in order, each break fitting its interval and the shift. */
export function checkShift(read: ReadTime, work: ShiftLike, path: Path, problems: ProblemList): void {
  const { shift } = work;
  const start = read([...path, 'shift', 'start'], shift.start);
  const end = read([...path, 'shift', 'end'], shift.end);
  const shiftInOrder = start !== null && end !== null && end >= start;
  if (start !== null && end !== null && end < start) {
    problems.error(
      [...path, 'shift', 'end'],
      `${quote(shift.end)} is before the shift start ${quote(shift.start)} (work past midnight is written "HH:MM+1")`,
      'interval_reversed',
    );
  }
  work.breaks?.forEach((pause, j) => {
    const breakPath = [...path, 'breaks', j];
    const earliest = read([...breakPath, 'earliest'], pause.earliest);
    const latest = read([...breakPath, 'latest'], pause.latest);
    if (earliest === null || latest === null) return;
    if (latest < earliest) {
      problems.error([...breakPath, 'latest'], `${quote(pause.latest)} is before earliest ${quote(pause.earliest)}`, 'interval_reversed');
      return;
    }
    if (pause.minutes > latest - earliest) {
      problems.error(
        [...breakPath, 'minutes'],
        `a ${pause.minutes}-minute break does not fit between earliest ${quote(pause.earliest)} and latest ${quote(pause.latest)} (${latest - earliest} minutes); a break lies wholly inside its interval`,
        'break_too_long',
      );
      return;
    }
    if (shiftInOrder && Math.max(earliest, start) + pause.minutes > Math.min(latest, end)) {
      problems.error(
        breakPath,
        `the ${pause.minutes}-minute break cannot lie inside both its interval ${pause.earliest}–${pause.latest} and the shift ${shift.start}–${shift.end}`,
        'break_outside_shift',
      );
    }
  });
}

interface VisitTimesLike {
  window: { start: string; end: string };
  preferredStart?: string;
  dueStart?: string;
  lockedStart?: string;
  plannedStart?: string;
}

/** A visit's window in order (end equal to start is a fixed start) and its other times making sense against it. */
export function checkVisitTimes(read: ReadTime, visit: VisitTimesLike, path: Path, problems: ProblemList): void {
  const { window } = visit;
  const start = read([...path, 'window', 'start'], window.start);
  const end = read([...path, 'window', 'end'], window.end);
  const preferred = visit.preferredStart === undefined ? null : read([...path, 'preferredStart'], visit.preferredStart);
  const due = visit.dueStart === undefined ? null : read([...path, 'dueStart'], visit.dueStart);
  const locked = visit.lockedStart === undefined ? null : read([...path, 'lockedStart'], visit.lockedStart);
  // A planned start may lie outside today's window (a re-plan clips windows at `now`); it only has to be a time.
  if (visit.plannedStart !== undefined) read([...path, 'plannedStart'], visit.plannedStart);
  if (start === null || end === null) return;
  if (end < start) {
    problems.error([...path, 'window', 'end'], `${quote(window.end)} is before the window start ${quote(window.start)}`, 'interval_reversed');
    return;
  }
  const span = `${window.start}–${window.end}`;
  if (locked !== null && (locked < start || locked > end)) {
    problems.error([...path, 'lockedStart'], `${quote(visit.lockedStart)} is outside the window ${span}; a visit starts inside its window`, 'locked_start_outside_window');
  }
  if (preferred !== null && (preferred < start || preferred > end)) {
    problems.warning(
      [...path, 'preferredStart'],
      `${quote(visit.preferredStart)} is outside the window ${span}, so the visit can never start at its preferred time`,
      'preferred_start_outside_window',
    );
  }
  if (due !== null && due < start) {
    problems.warning([...path, 'dueStart'], `${quote(visit.dueStart)} is before the window start ${quote(window.start)}, so every start counts as late`, 'due_before_window');
  }
}
