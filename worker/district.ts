/**
 * A district day on the queue: split into one `solve-team` child per team, each with the
 * share of the budget `solveDay` gives it in process (`teamPieces`). Light on purpose: the
 * producer splits here without loading the search.
 */
import type { DayProblem } from '../src/model/types.ts';
import { resolveSolveSettings } from '../src/solver/settings.ts';
import { teamPieces } from '../src/solver/split.ts';
import type { SolveDistrictData, SolveTeamData } from './jobs.ts';

export interface DistrictPart {
  name: 'solve-team';
  data: SolveTeamData;
}

/** The district's budget and seed, resolved as `solveDay` resolves them (FORMAT rule 21). */
export function districtSettings(problem: DayProblem, settings: Pick<SolveDistrictData, 'timeLimitSeconds' | 'iterations' | 'seed'>) {
  return resolveSolveSettings(
    { timeLimitMs: settings.timeLimitSeconds === undefined ? undefined : settings.timeLimitSeconds * 1000, iterations: settings.iterations, seed: settings.seed },
    problem.options,
  );
}

/** One `solve-team` job per team; a day that cannot be split (one team, or dependencies across teams) is one part. */
export function districtParts(problem: DayProblem, settings: Pick<SolveDistrictData, 'timeLimitSeconds' | 'iterations' | 'seed'>): DistrictPart[] {
  const { timeLimitMs, iterations, seed } = districtSettings(problem, settings);
  const pieces = teamPieces(problem, { timeLimitMs, iterations });
  return pieces.map((piece, part) => ({
    name: 'solve-team',
    data: {
      problem: piece.problem,
      team: piece.team,
      part,
      parts: pieces.length,
      timeLimitSeconds: piece.budget.timeLimitMs / 1000,
      iterations: piece.budget.iterations,
      seed,
    },
  }));
}
