/** What a route's times and legs imply for each stop (FORMAT §2, §6.6, §6.8). */
import { coveredMinutes, type Span, type StopTimes } from './timeline.ts';

export interface StopTiming {
  /** The leg that leads to the stop. */
  leg: number;
  /** End of the previous stop, or the route's start for the first. */
  previousEnd: number;
  /** Minutes of breaks inside [previousEnd, start]. */
  breakMinutes: number;
  /** The gap before the stop less the leg and the breaks in it; negative when they do not fit. */
  wait: number;
}

export interface RouteTiming {
  stops: StopTiming[];
  legHome: number;
  /** Minutes of breaks between the last stop's end and the route's end. */
  homeBreakMinutes: number;
  /** All legs, the one home included. */
  travel: number;
}

export function timeRoute(
  route: Span & { stops: readonly StopTimes[]; breaks: readonly Span[] },
  legs: { toStops: readonly number[]; home: number },
): RouteTiming {
  let previousEnd = route.start;
  const stops = route.stops.map((stop, i) => {
    const leg = legs.toStops[i];
    const breakMinutes = coveredMinutes(route.breaks, previousEnd, stop.start);
    const timing = { leg, previousEnd, breakMinutes, wait: stop.start - previousEnd - leg - breakMinutes };
    previousEnd = stop.end;
    return timing;
  });
  const homeBreakMinutes = route.stops.length === 0 ? 0 : coveredMinutes(route.breaks, previousEnd, route.end);
  const travel = stops.reduce((sum, s) => sum + s.leg, legs.home);
  return { stops, legHome: legs.home, homeBreakMinutes, travel };
}
