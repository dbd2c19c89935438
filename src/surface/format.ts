/** Numbers as the terminal shows them to people. */

/** A share as a percentage, `"47.2 %"`; `"-"` when there is none (a zero denominator). */
export function percent(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined ? '-' : `${(share * 100).toFixed(digits)} %`;
}
