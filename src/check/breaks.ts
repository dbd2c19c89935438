/**
 * Breaks (FORMAT §6.8): owed only by staff with at least one stop; each inside the shift
 * and inside its own interval, exactly `minutes` long, taken once, overlapping no service.
 * How breaks and travel share a gap is judged with the legs in routes.ts.
 */
import type { Route } from '../model/types.ts';
import type { BreakRule, RouteTimes, Span, StaffTimes } from '../metrics/index.ts';
import { minutesText, TIME_TOLERANCE, type Violations } from './violations.ts';

export function checkBreaks(route: Route, r: number, times: RouteTimes, shift: StaffTimes, out: Violations): void {
  const who = route.staff;
  const path = (b: number) => `routes[${r}].breaks[${b}]`;
  times.breaks.forEach((taken, b) => {
    if (taken.start < shift.shiftStart - TIME_TOLERANCE || taken.end > shift.shiftEnd + TIME_TOLERANCE) {
      out.add(
        'break_outside_shift',
        path(b),
        `${who}'s break ${out.at(taken.start)}–${out.at(taken.end)} is not inside the shift ${out.at(shift.shiftStart)}–${out.at(shift.shiftEnd)}`,
        [who],
      );
    }
    times.stops.forEach((stop, i) => {
      if (Math.min(stop.end, taken.end) - Math.max(stop.start, taken.start) > TIME_TOLERANCE) {
        const visit = route.stops[i].visit;
        out.add('break_overlaps_service', path(b), `${who}'s break ${out.at(taken.start)}–${out.at(taken.end)} overlaps visit ${visit} (${out.at(stop.start)}–${out.at(stop.end)})`, [who, visit]);
      }
    });
    times.breaks.slice(0, b).forEach((earlier, e) => {
      if (Math.min(earlier.end, taken.end) - Math.max(earlier.start, taken.start) > TIME_TOLERANCE) {
        out.add('break_overlap', path(b), `${who}'s breaks ${e} and ${b} overlap`, [who]);
      }
    });
  });

  const rules = shift.breaks;
  const match = matchBreaks(times.breaks, rules);
  const spareBreaks = times.breaks.map((_, b) => b).filter((b) => match.ruleOf[b] < 0);
  const spareRules = rules.map((_, k) => k).filter((k) => match.breakOf[k] < 0);
  // Pair what is left so that a break taken wrongly is reported as such, not also as missing.
  for (const b of spareBreaks) {
    const taken = times.breaks[b];
    const pick = spareRules.findIndex((k) => Math.abs(rules[k].minutes - (taken.end - taken.start)) <= TIME_TOLERANCE);
    const k = spareRules.splice(pick >= 0 ? pick : 0, 1)[0];
    if (k === undefined) {
      out.add('extra_break', path(b), `${who} takes a break ${out.at(taken.start)}–${out.at(taken.end)} beyond the ${rules.length} owed`, [who]);
      continue;
    }
    const rule = rules[k];
    if (taken.start < rule.earliest - TIME_TOLERANCE || taken.end > rule.latest + TIME_TOLERANCE) {
      out.add(
        'break_outside_interval',
        path(b),
        `${who}'s break ${out.at(taken.start)}–${out.at(taken.end)} is not inside its interval ${out.at(rule.earliest)}–${out.at(rule.latest)}`,
        [who],
      );
    }
    if (Math.abs(taken.end - taken.start - rule.minutes) > TIME_TOLERANCE) {
      out.add('break_wrong_length', path(b), `${who}'s break ${out.at(taken.start)}–${out.at(taken.end)} lasts ${minutesText(taken.end - taken.start)}, not ${rule.minutes} min`, [who]);
    }
  }
  if (route.stops.length === 0) return;
  for (const k of spareRules) {
    const rule = rules[k];
    out.add('missing_break', `routes[${r}].breaks`, `${who} has visits but takes no ${rule.minutes} min break between ${out.at(rule.earliest)} and ${out.at(rule.latest)}`, [who]);
  }
}

function fits(taken: Span, rule: BreakRule): boolean {
  return (
    taken.start >= rule.earliest - TIME_TOLERANCE &&
    taken.end <= rule.latest + TIME_TOLERANCE &&
    Math.abs(taken.end - taken.start - rule.minutes) <= TIME_TOLERANCE
  );
}

/** A largest matching of breaks taken to breaks owed (augmenting paths; a day has a handful of each). */
function matchBreaks(taken: readonly Span[], rules: readonly BreakRule[]): { ruleOf: number[]; breakOf: number[] } {
  const ruleOf = taken.map(() => -1);
  const breakOf = rules.map(() => -1);
  const augment = (b: number, visited: Set<number>): boolean => {
    for (let k = 0; k < rules.length; k++) {
      if (visited.has(k) || !fits(taken[b], rules[k])) continue;
      visited.add(k);
      if (breakOf[k] < 0 || augment(breakOf[k], visited)) {
        breakOf[k] = b;
        ruleOf[b] = k;
        return true;
      }
    }
    return false;
  };
  taken.forEach((_, b) => augment(b, new Set()));
  return { ruleOf, breakOf };
}
