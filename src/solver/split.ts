/**
 * A district day as one problem per team, and each team's share of the budget. Teams are the
 * unit of planning (FORMAT rule 22): this is what makes a district fast and is how teams work;
 * the lending step afterwards lets teams help each other. Light on purpose: the worker's
 * producer splits a district here without loading the search.
 */
import type { DayProblem } from '../model/types.ts';
import { recipientTeam } from '../rules/team.ts';
import { DEFAULT_SEARCH_PARAMS } from './params.ts';

/** The team of each recipient of the day (`recipientTeam`). */
export function teamsOfRecipients(problem: DayProblem): Map<string, string> {
  const staffTeam = new Map(problem.staff.map((s) => [s.id, s.team]));
  return new Map(problem.recipients.map((r) => [r.id, recipientTeam(r, problem.teams, staffTeam)]));
}

/** Splits a day into one problem per team; null for one team, or when teams share a dependency. */
export function splitByTeam(problem: DayProblem): DayProblem[] | null {
  if (problem.teams.length < 2) return null;
  const teamOf = teamsOfRecipients(problem);
  const visitTeam = new Map(problem.visits.map((v) => [v.id, teamOf.get(v.recipient)!]));
  for (const v of problem.visits) {
    for (const d of v.dependsOn ?? []) if (visitTeam.get(d.visit) !== visitTeam.get(v.id)) return null;
  }
  return problem.teams.map((team) => ({
    ...problem,
    teams: [team],
    staff: problem.staff.filter((s) => s.team === team.id),
    recipients: problem.recipients.filter((r) => teamOf.get(r.id) === team.id),
    visits: problem.visits.filter((v) => visitTeam.get(v.id) === team.id),
  }));
}

export interface Budget {
  timeLimitMs: number;
  iterations: number | undefined;
}

/** One part's share of a budget, by its visits out of the day's (at least 1 ms and 1 iteration). */
export function splitBudget(budget: Budget, partVisits: number, totalVisits: number, parts: number): Budget {
  const share = parts === 1 ? 1 : partVisits / Math.max(1, totalVisits);
  return {
    timeLimitMs: Math.max(1, budget.timeLimitMs * share),
    iterations: budget.iterations === undefined ? undefined : Math.max(1, Math.round(budget.iterations * share)),
  };
}

export interface TeamPiece {
  problem: DayProblem;
  /** The team's id; the ids joined by "+" for a day planned as one piece. */
  team: string;
  budget: Budget;
}

/**
 * The pieces a day is planned in, each with its budget: the teams share the time limit less
 * what lending keeps (`lendingShare`), and the iterations, by visits. A day that does not
 * split, or is planned whole, is one piece with the whole budget.
 */
export function teamPieces(problem: DayProblem, budget: Budget, byTeam = true, lendingShare = DEFAULT_SEARCH_PARAMS.lendingShare): TeamPiece[] {
  const parts = byTeam ? splitByTeam(problem) : null;
  if (!parts) return [{ problem, team: problem.teams.map((t) => t.id).join('+'), budget }];
  const teams = { timeLimitMs: budget.timeLimitMs * (1 - lendingShare), iterations: budget.iterations };
  return parts.map((piece) => ({ problem: piece, team: piece.teams[0].id, budget: splitBudget(teams, piece.visits.length, problem.visits.length, parts.length) }));
}
