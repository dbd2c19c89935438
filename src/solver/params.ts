/**
 * Every tunable number of the search, stated once (as HGS-CVRP's `AlgorithmParameters`):
 * ruin sizes and widths, blinks, the adaptive operator weights, the annealing temperature,
 * neighbour counts and the hardness order. The objective's weights are not here: they are
 * the cost evaluator's (`cost.ts`). Callers override any of these with a partial object.
 */
export interface SearchParams {
  /**
   * Visits removed per ruin: uniform in [`ruinMin`, max(`ruinMin`, min(`ruinMax`, ⌈`ruinShare` × visits⌉))].
   * @defaultValue 3, 40 and 0.15
   */
  ruinMin: number;
  ruinMax: number;
  ruinShare: number;
  /**
   * Chance that recreate skips a position it would otherwise consider (SISR's blinks):
   * a little noise that lets equal-cost alternatives be tried. @defaultValue 0.01
   */
  blinkRate: number;
  /** Iterations between updates of the ruin operators' weights. @defaultValue 50 */
  weightPeriod: number;
  /**
   * The reaction factor of the adaptive weights: at each update an operator's weight moves this
   * share of the way to its recent score per use. @defaultValue 0.2
   */
  weightReaction: number;
  /** Score of a ruin that gives a new best, a better current, or an accepted candidate. @defaultValue 3, 2, 1 */
  scoreBest: number;
  scoreBetter: number;
  scoreAccepted: number;
  /** No operator's weight falls below this, so every one keeps being tried. @defaultValue 0.1 */
  weightFloor: number;
  /**
   * Simulated-annealing temperature at the start and the end of the run, as fractions of the
   * first schedule's cost without its unassigned penalties; it falls geometrically between.
   * @defaultValue 0.01 and 0.0002
   */
  temperatureStart: number;
  temperatureEnd: number;
  /** Chance that a ruin also lets one eligible route's breaks move. @defaultValue 0.25 */
  breakMoveProbability: number;
  /** Longest string a string removal takes from one route (SISR's L_max). @defaultValue 10 */
  stringMaxLength: number;
  /** Chance a recipient removal skips each neighbour of its seed recipient. @defaultValue 0.3 */
  recipientSkipProbability: number;
  /** Width of a time-slice removal, in minutes. @defaultValue 20 to 90 */
  timeSliceMinMinutes: number;
  timeSliceMaxMinutes: number;
  /** Visits not made by the contact that one contact removal frees the contact for. @defaultValue 3 */
  contactRemovalSeeds: number;
  /** Minutes around such a visit's window whose contact visits are removed too. @defaultValue 60 */
  contactRemovalMarginMinutes: number;
  /** Minutes around a left-out visit's window whose visits an unassigned removal clears. @defaultValue 45 */
  unassignedMarginMinutes: number;
  /** Chance an unassigned removal clears every eligible route instead of a few. @defaultValue 0.3 */
  unassignedAllStaffProbability: number;
  /** Routes beyond the visit's staffCount an unassigned removal clears: 0 to this many. @defaultValue 3 */
  unassignedExtraStaff: number;
  /** Nearest recipients kept per recipient for string and recipient removals. @defaultValue 12 */
  neighbours: number;
  /**
   * Hardness order of construction (the hardest first): points for a mandatory visit, a
   * double-staffed one, a dependency; a share for few eligible staff (`eligible` / (1 + count))
   * and a narrow window (`window` / (1 + width / 30 min)); duration in minutes / `duration`.
   * @defaultValue 2000, 1000, 500, 200, 100 and 10
   */
  hardnessMandatory: number;
  hardnessDouble: number;
  hardnessDependency: number;
  hardnessEligible: number;
  hardnessWindow: number;
  hardnessDurationDivisor: number;
  /**
   * After lending, room-making ruins (a left-out visit's window cleared in a few eligible
   * routes of any team, then regret) per visit still left out; a better day is kept. On the
   * district day 10 place about 3 of 37 left-out visits in about 2 s; 30 one more in 6 s.
   * @defaultValue 10
   */
  lendingIterationsPerVisit: number;
  /**
   * What lending may take when a day is planned team by team: this share of the time limit
   * (the teams share the rest, and lending stops at the limit) and, under an iteration budget,
   * at most this share of the iterations as room-making tries. @defaultValue 0.1
   */
  lendingShare: number;
  /** Regret of a visit with only one feasible route: it goes in before any visit with a choice. @defaultValue 1e6 */
  regretAlone: number;
  /** Among equal regrets, a cheaper insertion first: its cost times this comes off the score. @defaultValue 0.001 */
  regretCostTieBreak: number;
}

export const DEFAULT_SEARCH_PARAMS: Readonly<SearchParams> = {
  ruinMin: 3,
  ruinMax: 40,
  ruinShare: 0.15,
  blinkRate: 0.01,
  weightPeriod: 50,
  weightReaction: 0.2,
  scoreBest: 3,
  scoreBetter: 2,
  scoreAccepted: 1,
  weightFloor: 0.1,
  temperatureStart: 0.01,
  temperatureEnd: 0.0002,
  breakMoveProbability: 0.25,
  stringMaxLength: 10,
  recipientSkipProbability: 0.3,
  timeSliceMinMinutes: 20,
  timeSliceMaxMinutes: 90,
  contactRemovalSeeds: 3,
  contactRemovalMarginMinutes: 60,
  unassignedMarginMinutes: 45,
  unassignedAllStaffProbability: 0.3,
  unassignedExtraStaff: 3,
  neighbours: 12,
  hardnessMandatory: 2000,
  hardnessDouble: 1000,
  hardnessDependency: 500,
  hardnessEligible: 200,
  hardnessWindow: 100,
  hardnessDurationDivisor: 10,
  lendingIterationsPerVisit: 10,
  lendingShare: 0.1,
  regretAlone: 1e6,
  regretCostTieBreak: 1e-3,
};

export function searchParams(overrides: Partial<SearchParams> = {}): SearchParams {
  return { ...DEFAULT_SEARCH_PARAMS, ...overrides };
}
