/**
 * From the solver's numbers back to the public schedule: ISO times with the zone's
 * offset, legs and waits per FORMAT §2 and §6.6, breaks only for staff with a stop.
 */
import type { Instance } from '../compile/index.ts';
import type { Route as RouteOut, Stop } from '../model/types.ts';
import type { Solution } from './solution.ts';

export function routesOf(sol: Solution): RouteOut[] {
  const inst: Instance = sol.inst;
  const clock = inst.clock;
  const V = inst.visitCount;
  const P = inst.placeCount;
  const out: RouteOut[] = [];
  for (const route of sol.routes) {
    if (route.visitCount === 0) continue;
    const s = route.staff;
    const T = inst.staffTravel[s];
    const nodes = route.nodes;
    const stops: Stop[] = [];
    const breaks: { start: string; end: string }[] = [];
    const firstVisit = route.nextVisit[0];
    const firstLeg = T[inst.startPlace[s] * P + inst.visitPlace[nodes[firstVisit]]];
    // Leave as late as the first stop allows; a break before it is taken at the start point.
    const routeStart = firstVisit === 0 ? route.start[0] - firstLeg : route.start[0];
    let prevEnd = routeStart;
    let place = inst.startPlace[s];
    let breakMinutes = 0;
    let travel = 0;
    let service = 0;
    let wait = 0;
    let end = routeStart;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const st = route.start[i];
      if (node >= V) {
        const b = inst.breaks[node - V];
        breaks.push({ start: clock.iso(st), end: clock.iso(st + b.minutes) });
        breakMinutes += b.minutes;
        end = st + b.minutes;
        continue;
      }
      const leg = T[place * P + inst.visitPlace[node]];
      const stopWait = Math.max(0, st - prevEnd - leg - breakMinutes);
      const arrival = i > 0 && nodes[i - 1] >= V ? route.start[i - 1] + inst.breaks[nodes[i - 1] - V].minutes + leg : st - stopWait;
      stops.push({
        visit: inst.visitIds[node],
        recipient: inst.recipientIds[inst.visitRecipient[node]],
        arrival: clock.iso(Math.min(arrival, st)),
        start: clock.iso(st),
        end: clock.iso(st + inst.duration[node]),
        travelMinutes: leg,
        waitMinutes: stopWait,
      });
      travel += leg;
      service += inst.duration[node];
      wait += stopWait;
      prevEnd = st + inst.duration[node];
      end = prevEnd;
      breakMinutes = 0;
      place = inst.visitPlace[node];
    }
    const home = T[place * P + inst.endPlace[s]];
    travel += home;
    out.push({
      staff: inst.staffIds[s],
      start: clock.iso(routeStart),
      end: clock.iso(end + home),
      stops,
      breaks,
      travelMinutes: travel,
      serviceMinutes: service,
      waitMinutes: wait,
    });
  }
  return out;
}
