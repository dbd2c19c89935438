/**
 * One day problem looked up by id, with every input time it holds turned into minutes
 * of the plan day once. Metrics and the checker read the problem only through this.
 */
import type { DayProblem, Recipient, Staff, Team, Visit } from '../model/types.ts';
import { InputError, type InputProblem } from '../model/errors.ts';
import { DEFAULT_TIMEZONE, PlanClock, TimeError } from '../time/index.ts';
import { recipientTeam } from '../rules/team.ts';

export interface VisitTimes {
  windowStart: number;
  windowEnd: number;
  lockedStart: number | null;
  dueStart: number | null;
}

/** A break owed by a staff member: `minutes` long, wholly inside [earliest, latest]. */
export interface BreakRule {
  earliest: number;
  latest: number;
  minutes: number;
}

export interface StaffTimes {
  shiftStart: number;
  shiftEnd: number;
  breaks: BreakRule[];
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) if (!map.has(row.id)) map.set(row.id, row);
  return map;
}

export class DayIndex {
  readonly problem: DayProblem;
  readonly timezone: string;
  readonly clock: PlanClock;
  readonly teams: Map<string, Team>;
  readonly staff: Map<string, Staff>;
  readonly recipients: Map<string, Recipient>;
  readonly visits: Map<string, Visit>;
  /** The team each recipient belongs to (`recipientTeam`). */
  readonly recipientTeams: Map<string, string>;
  readonly visitTimes = new Map<string, VisitTimes>();
  readonly staffTimes = new Map<string, StaffTimes>();

  /** Throws `InputError` naming the JSON path of every input time that cannot be read. */
  constructor(problem: DayProblem) {
    this.problem = problem;
    this.timezone = problem.timezone ?? DEFAULT_TIMEZONE;
    try {
      this.clock = new PlanClock(problem.date, this.timezone);
    } catch (err) {
      if (err instanceof TimeError) throw new InputError([{ path: 'timezone', message: err.message, severity: 'error' }], 'invalid problem');
      throw err;
    }
    this.teams = byId(problem.teams);
    this.staff = byId(problem.staff);
    this.recipients = byId(problem.recipients);
    this.visits = byId(problem.visits);
    const staffTeam = new Map([...this.staff.values()].map((s) => [s.id, s.team]));
    this.recipientTeams = new Map([...this.recipients.values()].map((r) => [r.id, recipientTeam(r, problem.teams, staffTeam)]));

    const problems: InputProblem[] = [];
    const at = (path: string, time: string): number => {
      try {
        return this.clock.minutes(time);
      } catch (err) {
        if (!(err instanceof TimeError)) throw err;
        problems.push({ path, message: err.message, severity: 'error' });
        return Number.NaN;
      }
    };
    problem.visits.forEach((v, i) => {
      if (this.visitTimes.has(v.id)) return;
      this.visitTimes.set(v.id, {
        windowStart: at(`visits[${i}].window.start`, v.window.start),
        windowEnd: at(`visits[${i}].window.end`, v.window.end),
        lockedStart: v.lockedStart === undefined ? null : at(`visits[${i}].lockedStart`, v.lockedStart),
        dueStart: v.dueStart === undefined ? null : at(`visits[${i}].dueStart`, v.dueStart),
      });
    });
    problem.staff.forEach((s, i) => {
      if (this.staffTimes.has(s.id)) return;
      this.staffTimes.set(s.id, {
        shiftStart: at(`staff[${i}].shift.start`, s.shift.start),
        shiftEnd: at(`staff[${i}].shift.end`, s.shift.end),
        breaks: (s.breaks ?? []).map((b, k) => ({
          earliest: at(`staff[${i}].breaks[${k}].earliest`, b.earliest),
          latest: at(`staff[${i}].breaks[${k}].latest`, b.latest),
          minutes: b.minutes,
        })),
      });
    });
    if (problems.length > 0) throw new InputError(problems, 'invalid problem');
  }

  staffCount(visit: Visit): number {
    return visit.staffCount ?? 1;
  }

  mandatory(visit: Visit): boolean {
    return visit.mandatory ?? true;
  }

  /** The recipient's contact, or null when there is none. */
  contactOf(recipient: Recipient | undefined): string | null {
    return recipient?.contact ?? null;
  }
}
