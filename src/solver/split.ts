/**
 * A district day as one problem per team, and each team's share of the budget. Teams are the
 * unit of planning (FORMAT rule 22): this is what makes a district fast and is how teams work;
 * the lending step afterwards lets teams help each other. Light on purpose: the worker's
 * producer splits a district here without loading the search.
 */
import type { DayProblem } from '../model/types.ts';
import { recipientTeam } from '../rules/team.ts';

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
