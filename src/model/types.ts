/**
 * TypeScript types inferred from the public schemas, so the two never drift. Problems are
 * typed as validation returns them (src/validate/normalise.ts): `recentStaff` entries with
 * the defaults of FORMAT §6.20 filled in.
 */
import type { z } from 'zod';
import type * as S from './schemas.ts';

export type Point = z.infer<typeof S.Point>;
export type Area = z.infer<typeof S.Area>;
export type TravelMode = z.infer<typeof S.TravelMode>;
export type Role = z.infer<typeof S.Role>;
export type Gender = z.infer<typeof S.Gender>;
export type VisitType = z.infer<typeof S.VisitType>;
export type Interval = z.infer<typeof S.Interval>;
export type Break = z.infer<typeof S.Break>;
export type Team = z.infer<typeof S.Team>;
export type Staff = z.infer<typeof S.Staff>;
/** A `recentStaff` entry with its defaults filled in. */
export type RecentStaff = Required<z.infer<typeof S.RecentStaff>>;
export type Recipient = Omit<z.infer<typeof S.Recipient>, 'recentStaff'> & { recentStaff?: RecentStaff[] };
export type Visit = z.infer<typeof S.Visit>;
export type Dependency = z.infer<typeof S.Dependency>;
export type Travel = z.infer<typeof S.Travel>;
export type Objective = z.infer<typeof S.Objective>;
export type { ObjectiveWeight } from './schemas.ts';
export type SolveOptions = z.infer<typeof S.SolveOptions>;
export type DayProblem = Omit<z.infer<typeof S.DayProblem>, 'recipients'> & { recipients: Recipient[] };

export type Stop = z.infer<typeof S.Stop>;
export type Route = z.infer<typeof S.Route>;
export type UnassignedReason = z.infer<typeof S.UnassignedReason>;
export type Unassigned = z.infer<typeof S.Unassigned>;
export type Warning = z.infer<typeof S.Warning>;
export type Metrics = z.infer<typeof S.Metrics>;
export type RecipientMetrics = z.infer<typeof S.RecipientMetrics>;
export type StaffMetrics = z.infer<typeof S.StaffMetrics>;
export type TeamMetrics = z.infer<typeof S.TeamMetrics>;
export type Explanation = z.infer<typeof S.Explanation>;
export type Schedule = z.infer<typeof S.Schedule>;
export type CheckedSchedule = z.infer<typeof S.CheckedSchedule>;
export type ReplanSummary = z.infer<typeof S.ReplanSummary>;
export type Change = z.infer<typeof S.Change>;
export type Changes = z.infer<typeof S.Changes>;

export type Weekday = z.infer<typeof S.Weekday>;
export type PlanDays = z.infer<typeof S.PlanDays>;
export type RosterEntry = z.infer<typeof S.RosterEntry>;
export type PeriodStaff = z.infer<typeof S.PeriodStaff>;
export type VisitPlan = z.infer<typeof S.VisitPlan>;
export type PeriodVisit = z.infer<typeof S.PeriodVisit>;
export type PeriodProblem = Omit<z.infer<typeof S.PeriodProblem>, 'recipients'> & { recipients: Recipient[] };
export type PeriodSchedule = z.infer<typeof S.PeriodSchedule>;

export type VisitLogRow = z.infer<typeof S.VisitLogRow>;
export type RecipientsFileRow = z.infer<typeof S.RecipientsFileRow>;
export type KpiGroup = z.infer<typeof S.KpiGroup>;
export type KpiRecipient = z.infer<typeof S.KpiRecipient>;
export type KpiWindow = z.infer<typeof S.KpiWindow>;
export type KpiReport = z.infer<typeof S.KpiReport>;
