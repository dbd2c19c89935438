/**
 * Whether a staff member's shift covers a visit (FORMAT §6.3): some start the visit may take
 * keeps it wholly inside the shift. Travel and breaks are ignored, so this is the ceiling's
 * test, the explanations' `contact_outside_shift` and the `outside_shifts` reason alike.
 * Minutes of one plan day in, as every caller has them.
 */
export function shiftCovers(shiftStart: number, shiftEnd: number, earliestStart: number, latestStart: number, durationMinutes: number): boolean {
  return Math.max(earliestStart, shiftStart) <= Math.min(latestStart, shiftEnd - durationMinutes) + 1e-9;
}
