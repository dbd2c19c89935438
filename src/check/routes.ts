/**
 * Each route in time: inside the shift, stops in time order without overlapping services,
 * every leg fitting its gap (breaks included), the reported travel, wait and totals
 * (FORMAT §2, §6.6, §6.10).
 */
import type { Route, TravelMode } from '../model/types.ts';
import { coveredMinutes, type RoutesView, timeRoute, type RouteTimes, type StaffTimes } from '../metrics/index.ts';
import { checkBreaks } from './breaks.ts';
import { minutesText, NUMBER_TOLERANCE, TIME_TOLERANCE, type Violations } from './violations.ts';

export function checkRoutes(view: RoutesView, out: Violations): void {
  view.routes.forEach((route, r) => {
    const shift = view.day.staffTimes.get(route.staff);
    if (!shift) return;
    const times = view.times[r];
    checkShift(route, r, times, shift, out);
    const inOrder = checkOrder(route, r, times, out);
    checkBreaks(route, r, times, shift, out);
    checkTravel(view, route, r, inOrder, out);
  });
}

function checkShift(route: Route, r: number, times: RouteTimes, shift: StaffTimes, out: Violations): void {
  const who = route.staff;
  if (times.end < times.start - TIME_TOLERANCE) {
    out.add('route_ends_before_start', `routes[${r}].end`, `${who}'s route ends at ${out.at(times.end)}, before it starts at ${out.at(times.start)}`, [who]);
  }
  if (times.start < shift.shiftStart - TIME_TOLERANCE) {
    out.add('route_before_shift', `routes[${r}].start`, `${who} leaves at ${out.at(times.start)}, before the shift starts at ${out.at(shift.shiftStart)}`, [who]);
  }
  if (times.end > shift.shiftEnd + TIME_TOLERANCE) {
    out.add('route_after_shift', `routes[${r}].end`, `${who} is back at ${out.at(times.end)}, after the shift ends at ${out.at(shift.shiftEnd)}`, [who]);
  }
}

/** Stops listed in time order (§6.10) and no two services at once; returns whether the order holds. */
function checkOrder(route: Route, r: number, times: RouteTimes, out: Violations): boolean {
  let inOrder = true;
  times.stops.forEach((stop, i) => {
    if (i > 0 && stop.start < times.stops[i - 1].start - TIME_TOLERANCE) {
      inOrder = false;
      out.add(
        'stop_order',
        `routes[${r}].stops[${i}].start`,
        `${route.staff}'s stop ${i} (${route.stops[i].visit}) starts at ${out.at(stop.start)}, before the stop listed ahead of it (${out.at(times.stops[i - 1].start)})`,
        [route.staff, route.stops[i].visit],
      );
    }
  });
  const byStart = times.stops.map((stop, i) => ({ ...stop, i })).sort((a, b) => a.start - b.start);
  for (let k = 1; k < byStart.length; k++) {
    const [before, after] = [byStart[k - 1], byStart[k]];
    if (after.start < before.end - TIME_TOLERANCE) {
      const [a, b] = [route.stops[before.i].visit, route.stops[after.i].visit];
      out.add(
        'service_overlap',
        `routes[${r}].stops[${after.i}].start`,
        `${route.staff} starts visit ${b} at ${out.at(after.start)} while still at visit ${a} until ${out.at(before.end)}`,
        [route.staff, a, b],
      );
    }
  }
  return inOrder;
}

/** Legs, arrivals, waits and the route's totals. The legs are judged only when the stops are in order. */
function checkTravel(view: RoutesView, route: Route, r: number, inOrder: boolean, out: Violations): void {
  const { day } = view;
  const times = view.times[r];
  const who = route.staff;
  const homes = route.stops.map((stop) => day.visits.get(stop.visit)?.recipient ?? (day.recipients.has(stop.recipient) ? stop.recipient : null));
  const legs = view.legs.legs(who, homes);
  const timing = timeRoute(times, legs);
  const mode = modeText(view.legs.modeOf(who));

  if (inOrder) {
    route.stops.forEach((stop, i) => {
      const path = `routes[${r}].stops[${i}]`;
      const { arrival, start } = times.stops[i];
      const { leg, previousEnd, wait } = timing.stops[i];
      const from = i === 0 ? 'the start point' : `visit ${route.stops[i - 1].visit}`;
      if (arrival > start + TIME_TOLERANCE) {
        out.add('arrival_after_start', `${path}.arrival`, `${who} arrives at visit ${stop.visit} at ${out.at(arrival)}, after it starts at ${out.at(start)}`, [who, stop.visit]);
      }
      if (Number.isNaN(leg)) return;
      if (Math.abs(stop.travelMinutes - leg) > NUMBER_TOLERANCE) {
        out.add('wrong_stop_travel', `${path}.travelMinutes`, `the leg from ${from} to visit ${stop.visit} takes ${minutesText(leg)} ${mode}, not ${minutesText(stop.travelMinutes)}`, [who, stop.visit]);
      }
      const reached = Math.min(arrival, start);
      const room = reached - previousEnd - coveredMinutes(times.breaks, previousEnd, reached);
      if (room < leg - TIME_TOLERANCE) {
        out.add(
          'travel_too_short',
          `${path}.arrival`,
          `${who} leaves ${from} at ${out.at(previousEnd)} and is at visit ${stop.visit} by ${out.at(reached)}, ${minutesText(room)} of travel time, but the leg takes ${minutesText(leg)} ${mode}`,
          [who, stop.visit],
        );
      } else if (Math.abs(stop.waitMinutes - wait) > TIME_TOLERANCE) {
        out.add('wrong_wait', `${path}.waitMinutes`, `${who} waits ${minutesText(wait)} before visit ${stop.visit}, not ${minutesText(stop.waitMinutes)}`, [who, stop.visit]);
      }
    });
    const last = times.stops.at(-1);
    if (last && !Number.isNaN(timing.legHome)) {
      const room = times.end - last.end - timing.homeBreakMinutes;
      if (room < timing.legHome - TIME_TOLERANCE) {
        out.add(
          'leg_home_too_short',
          `routes[${r}].end`,
          `${who} ends the last visit at ${out.at(last.end)} and is back at ${out.at(times.end)}${
            timing.homeBreakMinutes > 0 ? ` with ${minutesText(timing.homeBreakMinutes)} of break between` : ''
          }, but the leg home takes ${minutesText(timing.legHome)} ${mode}`,
          [who],
        );
      }
    }
  }

  const stopTravel = route.stops.reduce((sum, s) => sum + s.travelMinutes, 0);
  if (!Number.isNaN(timing.legHome) && Math.abs(route.travelMinutes - stopTravel - timing.legHome) > NUMBER_TOLERANCE) {
    out.add(
      'wrong_route_travel',
      `routes[${r}].travelMinutes`,
      `${who}'s route reports ${minutesText(route.travelMinutes)} of travel; its stops' legs and the leg home (${minutesText(timing.legHome)}) add up to ${minutesText(stopTravel + timing.legHome)}`,
      [who],
    );
  }
  const service = times.stops.reduce((sum, s) => sum + (s.end - s.start), 0);
  if (Math.abs(route.serviceMinutes - service) > TIME_TOLERANCE * Math.max(1, times.stops.length)) {
    out.add('wrong_route_service', `routes[${r}].serviceMinutes`, `${who}'s route reports ${minutesText(route.serviceMinutes)} of service; its stops add up to ${minutesText(service)}`, [who]);
  }
  const waits = route.stops.reduce((sum, s) => sum + s.waitMinutes, 0);
  if (Math.abs(route.waitMinutes - waits) > NUMBER_TOLERANCE) {
    out.add('wrong_route_wait', `routes[${r}].waitMinutes`, `${who}'s route reports ${minutesText(route.waitMinutes)} of waiting; its stops add up to ${minutesText(waits)}`, [who]);
  }
}

const MODE_WORDS: Record<TravelMode, string> = { walk: 'on foot', bike: 'by bike', car: 'by car', transit: 'by public transport' };

function modeText(mode: TravelMode | undefined): string {
  return mode === undefined ? '' : MODE_WORDS[mode];
}
