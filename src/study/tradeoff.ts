/** The trade-off a sweep shows: what each step up the weight costs in travel for the contact share it buys. */

export interface CurvePoint {
  contactShare: number | null;
  travelMinutes: number;
}

/**
 * For each point after the first: travel minutes added per percentage point of contact
 * share gained since the point before; null for the first, and where the share did not
 * rise (the step buys no continuity, whatever it costs).
 */
export function travelPerPoint(curve: readonly CurvePoint[]): (number | null)[] {
  return curve.map((point, i) => {
    const before = i === 0 ? null : curve[i - 1];
    if (before === null || point.contactShare === null || before.contactShare === null) return null;
    const gained = (point.contactShare - before.contactShare) * 100;
    return gained <= 0 ? null : (point.travelMinutes - before.travelMinutes) / gained;
  });
}
