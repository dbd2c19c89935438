/**
 * The times of a schedule's routes as minutes of the plan day. Output times are absolute
 * (they carry an offset), so each is read as the instant it names.
 */
import type { IANAZone } from 'luxon';
import type { Route } from '../model/types.ts';
import { InputError, type InputProblem } from '../model/errors.ts';
import { offsetAt, parseInstant, type PlanClock, TimeError } from '../time/index.ts';

export interface Span {
  start: number;
  end: number;
}

export interface StopTimes extends Span {
  arrival: number;
}

export interface RouteTimes extends Span {
  stops: StopTimes[];
  breaks: Span[];
}

/** Every output time of the routes with its path in the schedule, in document order. */
export function* routeTimeFields(routes: readonly Route[]): Generator<{ path: string; text: string }> {
  for (const [r, route] of routes.entries()) {
    yield { path: `routes[${r}].start`, text: route.start };
    yield { path: `routes[${r}].end`, text: route.end };
    for (const [i, stop] of route.stops.entries()) {
      for (const key of ['arrival', 'start', 'end'] as const) yield { path: `routes[${r}].stops[${i}].${key}`, text: stop[key] };
    }
    for (const [b, pause] of route.breaks.entries()) {
      yield { path: `routes[${r}].breaks[${b}].start`, text: pause.start };
      yield { path: `routes[${r}].breaks[${b}].end`, text: pause.end };
    }
  }
}

/** Reads every route time; throws `InputError` naming each one that is not a time. */
export function readRouteTimes(clock: PlanClock, routes: readonly Route[]): RouteTimes[] {
  const problems: InputProblem[] = [];
  const read = (path: string, text: string): number => {
    try {
      return clock.minutes(text);
    } catch (err) {
      if (!(err instanceof TimeError)) throw err;
      problems.push({ path, message: err.message, severity: 'error' });
      return Number.NaN;
    }
  };
  const times = routes.map((route, r) => ({
    start: read(`routes[${r}].start`, route.start),
    end: read(`routes[${r}].end`, route.end),
    stops: route.stops.map((stop, i) => ({
      arrival: read(`routes[${r}].stops[${i}].arrival`, stop.arrival),
      start: read(`routes[${r}].stops[${i}].start`, stop.start),
      end: read(`routes[${r}].stops[${i}].end`, stop.end),
    })),
    breaks: route.breaks.map((pause, b) => ({
      start: read(`routes[${r}].breaks[${b}].start`, pause.start),
      end: read(`routes[${r}].breaks[${b}].end`, pause.end),
    })),
  }));
  if (problems.length > 0) throw new InputError(problems, 'invalid schedule');
  return times;
}

const OFFSET = /(Z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * The offset an output time is written with and the zone's offset at the instant it
 * names, both in minutes east of UTC; `written` is null when the time has no offset.
 */
export function offsetsOf(text: string, zone: IANAZone): { written: number | null; actual: number } {
  const instant = parseInstant(text, zone);
  const actual = offsetAt(zone, instant);
  const m = OFFSET.exec(text.slice(16));
  if (!m) return { written: null, actual };
  if (m[1] === 'Z') return { written: 0, actual };
  const sign = m[1][0] === '-' ? -1 : 1;
  const digits = m[1].slice(1).replace(':', '');
  return { written: sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')), actual };
}

/** Minutes of [from, to] covered by `spans` (spans assumed not to overlap one another). */
export function coveredMinutes(spans: readonly Span[], from: number, to: number): number {
  let total = 0;
  for (const s of spans) total += Math.max(0, Math.min(to, s.end) - Math.max(from, s.start));
  return total;
}
