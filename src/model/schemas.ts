/**
 * The public data contract (FORMAT.md, version 1) as zod schemas.
 * Shape only: cross-references, time semantics and the other rules that need the
 * whole document live in `src/validate`.
 */
import { z } from 'zod';

/**
 * An optional field: absent, or `null`, which FORMAT reads as absent (its default), so
 * `"staffCount": null` is one staff member. Null comes out as `undefined`; validation drops
 * the key (src/validate/normalise.ts). Fields where null has a meaning of its own
 * (`contact`, `titleProof`) are `.nullable()` instead.
 */
export function optional<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .transform((value): z.output<T> | undefined => value ?? undefined)
    .optional();
}

export const Id = z.string().min(1, 'must be a non-empty id');
export const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date');

/** "HH:MM", "HH:MM+1" or an ISO 8601 date-time; the DST rules are checked in src/time. */
export const TIME_PATTERN =
  /^(?:(?:[01]\d|2[0-3]):[0-5]\d(?:\+1)?|\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)$/;
export const Time = z.string().regex(TIME_PATTERN, 'is not a time ("HH:MM", "HH:MM+1" or ISO 8601)');
/** Period plans are wall-clock only (FORMAT §6.18). */
export const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d(?:\+1)?$/, 'is not a clock time ("HH:MM" or "HH:MM+1")');

export const Point = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
const LinearRing = z.array(Position).min(4, 'a linear ring needs at least 4 positions');
export const Area = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(LinearRing).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(LinearRing).min(1)).min(1) }),
]);

export const TRAVEL_MODES = ['walk', 'bike', 'car', 'transit'] as const;
export const TravelMode = z.enum(TRAVEL_MODES);
export const ROLES = ['assistant_nurse', 'care_aide', 'service_assistant', 'nurse'] as const;
export const Role = z.enum(ROLES);
export const GENDERS = ['female', 'male', 'other'] as const;
export const Gender = z.enum(GENDERS);
export const VISIT_TYPES = ['personal_care', 'service', 'health', 'supervision', 'meal', 'other'] as const;
export const VisitType = z.enum(VISIT_TYPES);

export const Interval = z.object({ start: Time, end: Time });
export const Break = z.object({
  earliest: Time,
  latest: Time,
  minutes: z.number().int().positive(),
});

export const Team = z.object({
  id: Id,
  name: optional(z.string()),
  office: Point,
  area: optional(Area),
  travelMode: optional(TravelMode),
});

const staffCommon = {
  id: Id,
  name: optional(z.string()),
  team: Id,
  role: Role,
  titleProof: z.enum(['certificate', 'transitional']).nullable().optional(),
  skills: optional(z.array(z.string().min(1))),
  languages: optional(z.array(z.string().min(1))),
  gender: optional(Gender),
  start: optional(Point),
  end: optional(Point),
  travelMode: optional(TravelMode),
  avoidTags: optional(z.array(z.string().min(1))),
};

export const Staff = z.object({
  ...staffCommon,
  shift: Interval,
  breaks: optional(z.array(Break)),
});

/** Only `staff` is needed (FORMAT §6.20); validation fills in the defaults (src/validate/normalise.ts). */
export const RecentStaff = z.object({
  staff: Id,
  lastSeen: optional(DateString),
  visits: optional(z.number().int().nonnegative()),
});

export const Recipient = z.object({
  id: Id,
  name: optional(z.string()),
  team: optional(Id),
  location: Point,
  contact: Id.nullable().optional(),
  contactWaived: optional(z.boolean()),
  deputies: optional(z.array(Id)),
  excludedStaff: optional(z.array(Id)),
  requiredGender: optional(Gender),
  languages: optional(z.array(z.string().min(1))),
  tags: optional(z.array(z.string().min(1))),
  recentStaff: optional(z.array(RecentStaff)),
  /** Our addition: lets the KPI of a planned period apply the 65+ rule. */
  birthYear: optional(z.number().int().min(1880).max(2100)),
});

/** FORMAT §6.9: the gap is start(this) − start(other), so a visit that must come first holds no `dependsOn` of its own. */
const GapMinutes = z
  .number()
  .int()
  .min(0, 'may not be negative: the gap is start(this) − start(other), so a visit that must start first is the other visit of a dependsOn');
export const Dependency = z.object({
  visit: Id,
  minGapMinutes: optional(GapMinutes),
  maxGapMinutes: optional(GapMinutes),
});

const visitCommon = {
  recipient: Id,
  type: optional(VisitType),
  preferredStart: optional(Time),
  dueStart: optional(Time),
  durationMinutes: z.number().int().positive(),
  staffCount: optional(z.literal([1, 2])),
  requires: optional(z.array(z.string().min(1))),
  roles: optional(z.array(Role).min(1)),
  mandatory: optional(z.boolean()),
  lockedStaff: optional(z.array(Id).min(1)),
  lockedStart: optional(Time),
  dependsOn: optional(z.array(Dependency)),
};

export const Visit = z.object({
  id: Id,
  ...visitCommon,
  window: Interval,
  /**
   * Our addition (FORMAT §7 rule 3): the staff a published plan sent and the start it gave,
   * which the objective's `changedStaff` and `movedStartMinute` keep the day close to.
   */
  plannedStaff: optional(z.array(Id).min(1).max(2)),
  plannedStart: optional(Time),
});

export const Matrix = z.object({
  ids: z.array(Id).min(1),
  minutes: z.partialRecord(TravelMode, optional(z.array(z.array(z.number().nonnegative().nullable())))),
});

export const Travel = z.object({
  detourFactor: optional(z.number().positive()),
  speedKmh: optional(z.partialRecord(TravelMode, optional(z.number().positive()))),
  legOverheadMinutes: optional(z.partialRecord(TravelMode, optional(z.number().nonnegative()))),
  matrix: optional(Matrix),
});

export const OBJECTIVE_WEIGHTS = [
  'unassignedMandatory',
  'unassignedOptional',
  'notContact',
  'byDeputy',
  'newStaff',
  'extraStaffToday',
  'travelMinute',
  'preferredStartMinute',
  'lateMinute',
  'maxLateMinute',
  'languageMismatch',
  'otherTeam',
  'changedStaff',
  'movedStartMinute',
] as const;
export type ObjectiveWeight = (typeof OBJECTIVE_WEIGHTS)[number];
/**
 * The largest weight: a billion minute-equivalents, 100,000 times a missed mandatory visit.
 * Past it the objective's sums leave the range of exact arithmetic, and at 1e308 they
 * overflow to Infinity and every visit stays unassigned.
 */
export const MAX_WEIGHT = 1e9;
/** The longest search one may ask for, in seconds: a day, and an hour for each day of a period. */
export const MAX_TIME_LIMIT_SECONDS = 24 * 3600;
export const MAX_TIME_LIMIT_SECONDS_PER_DAY = 3600;
const weight = () => optional(z.number().nonnegative().max(MAX_WEIGHT));
export const Objective = z.object(Object.fromEntries(OBJECTIVE_WEIGHTS.map((k) => [k, weight()])) as Record<ObjectiveWeight, ReturnType<typeof weight>>);

export const SolveOptions = z.object({
  timeLimitSeconds: optional(z.number().positive().max(MAX_TIME_LIMIT_SECONDS)),
  seed: optional(z.number().int()),
  iterations: optional(z.number().int().positive()),
});

const Timezone = optional(z.string().min(1));

export const DayProblem = z.object({
  format: z.literal('kontinuitet/day@1'),
  date: DateString,
  timezone: Timezone,
  teams: z.array(Team).min(1, 'needs at least one team'),
  staff: z.array(Staff),
  recipients: z.array(Recipient),
  visits: z.array(Visit),
  travel: optional(Travel),
  objective: optional(Objective),
  options: optional(SolveOptions),
});

// ── Schedule ────────────────────────────────────────────────────────────────

const IsoOut = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/, 'is not an ISO 8601 time with an offset');
const Minutes = z.number().nonnegative();

export const Stop = z.object({
  visit: Id,
  recipient: Id,
  arrival: IsoOut,
  start: IsoOut,
  end: IsoOut,
  travelMinutes: Minutes,
  waitMinutes: Minutes,
});

export const Route = z.object({
  staff: Id,
  start: IsoOut,
  end: IsoOut,
  stops: z.array(Stop),
  breaks: z.array(z.object({ start: IsoOut, end: IsoOut })),
  travelMinutes: Minutes,
  serviceMinutes: Minutes,
  waitMinutes: Minutes,
});

export const UNASSIGNED_REASONS = ['no_eligible_staff', 'outside_shifts', 'locked_infeasible', 'dependency', 'no_capacity', 'window_passed'] as const;
export const UnassignedReason = z.enum(UNASSIGNED_REASONS);
export const Unassigned = z.object({ visit: Id, reason: UnassignedReason, message: z.string() });

export const Warning = z.object({ code: z.string().min(1), message: z.string(), ids: z.array(z.string()).optional() });

const Share = z.number().min(0).max(1).nullable();
const Spread = z.object({ mean: z.number(), median: z.number(), max: z.number() });

export const RecipientMetrics = z.object({
  visits: z.number().int().nonnegative(),
  assigned: z.number().int().nonnegative(),
  unassignedMandatory: z.number().int().nonnegative().optional(),
  unassignedOptional: z.number().int().nonnegative().optional(),
  contactShare: Share.optional(),
  contactOrDeputyShare: Share.optional(),
  contactReachableShare: Share.optional(),
  distinctStaff: z.number().int().nonnegative().optional(),
  newStaff: z.number().int().nonnegative().optional(),
  travelMinutes: z.number().optional(),
  serviceMinutes: z.number().optional(),
  waitMinutes: z.number().optional(),
  lateMinutes: z.number().optional(),
  maxLateMinutes: z.number().optional(),
});

export const StaffMetrics = z.object({
  visits: z.number().int().nonnegative(),
  recipients: z.number().int().nonnegative().optional(),
  contactVisits: z.number().int().nonnegative().optional(),
  travelMinutes: z.number(),
  serviceMinutes: z.number(),
  waitMinutes: z.number(),
  lateMinutes: z.number().optional(),
});

/** Our addition: a team's visits and the help across teams (FORMAT rule 22). */
export const TeamMetrics = z.object({
  /** Visits of the team's recipients, those made, and those made with another team's staff. */
  visits: z.number().int().nonnegative(),
  assigned: z.number().int().nonnegative(),
  borrowed: z.number().int().nonnegative(),
  /** Visits the team's staff made for other teams' recipients. */
  lent: z.number().int().nonnegative(),
});

const keyedRows = <T extends z.ZodType>(row: T) =>
  z.union([z.record(z.string(), row), z.array(z.intersection(z.object({ id: Id }), row))]);

export const Metrics = z.object({
  visits: z.number().int().nonnegative(),
  assigned: z.number().int().nonnegative(),
  unassignedMandatory: z.number().int().nonnegative(),
  unassignedOptional: z.number().int().nonnegative(),
  contactShare: Share,
  contactOrDeputyShare: Share,
  contactReachableShare: Share,
  distinctStaffPerRecipient: Spread,
  newStaffPerRecipient: z.number(),
  travelMinutes: Minutes,
  serviceMinutes: Minutes,
  waitMinutes: Minutes,
  lateMinutes: Minutes,
  maxLateMinutes: Minutes,
  byRecipient: keyedRows(RecipientMetrics),
  byStaff: keyedRows(StaffMetrics),
  /** Our addition: visits made with at least one staff member of another team than the recipient's. */
  borrowedVisits: z.number().int().nonnegative().optional(),
  byTeam: keyedRows(TeamMetrics).optional(),
});

export const EXPLANATION_REASONS = [
  'no_contact',
  'contact_not_working',
  'contact_not_eligible',
  'contact_outside_shift',
  'contact_busy',
  'contact_break',
  'contact_travel',
  'cost_tradeoff',
] as const;
export const Explanation = z.object({
  visit: Id,
  recipient: Id,
  contact: Id.nullable(),
  sent: z.array(Id),
  reason: z.enum(EXPLANATION_REASONS),
  message: z.string(),
  busyWith: Id.optional(),
  /** Our addition: the team whose staff made the visit, when not the recipient's own (FORMAT rule 22). */
  borrowedFrom: Id.optional(),
});

export const Schedule = z.object({
  format: z.literal('kontinuitet/schedule@1'),
  date: DateString,
  timezone: z.string().min(1),
  routes: z.array(Route),
  unassigned: z.array(Unassigned),
  warnings: z.array(Warning),
  metrics: Metrics,
  solver: z
    .object({
      seconds: z.number(),
      iterations: z.number().int(),
      seed: z.number().int(),
      objective: z.number(),
      /** Our addition: an LP upper bound on contactShare that also counts the contacts' time (src/solver/ceiling.ts). */
      contactCeiling: z.number().min(0).max(1).nullable(),
    })
    .partial()
    .optional(),
  explanations: z.array(Explanation).optional(),
  /** A re-plan's account of what moved (FORMAT §7 rule 4; present only on a re-planned day). */
  replan: z.lazy(() => ReplanSummary).optional(),
});

/**
 * A schedule as `check` reads it: any schedule, also one another tool wrote or a person
 * edited. Its `metrics`, `warnings`, `solver` and `explanations` are its claims: each one
 * given is compared with what the checker recomputes, one left out is not; `date` and
 * `timezone` are compared when present (FORMAT §6.11), and `unassigned` may be left out
 * when every visit is in a route.
 */
export const CheckedSchedule = Schedule.extend({
  date: optional(DateString),
  timezone: optional(z.string().min(1)),
  unassigned: optional(z.array(Unassigned)),
  warnings: optional(z.array(Warning)),
  metrics: optional(Metrics.extend({ distinctStaffPerRecipient: Spread.partial() }).partial()),
  solver: optional(Schedule.shape.solver.unwrap()),
  explanations: optional(z.array(Explanation)),
  /** A re-plan's account is not a claim the checker judges; another tool's may be shaped otherwise. */
  replan: optional(z.looseObject({})),
});

// ── Re-planning the day (FORMAT §7) ─────────────────────────────────────────

/** What a re-plan changed against the published schedule (FORMAT §7 rule 4). */
export const ReplanSummary = z.object({
  now: IsoOut,
  /** Stops of the published schedule that started before `now` and stand unchanged. */
  frozenStops: z.number().int().nonnegative(),
  /** Visits of the published plan, not frozen and still made, whose staff differ from those sent then. */
  changedStaffVisits: z.number().int().nonnegative(),
  /** Of those visits, the ones whose start moved, and by how many minutes in all. */
  movedVisits: z.number().int().nonnegative(),
  movedMinutes: z.number().nonnegative(),
  /** Visits unassigned now that were not unassigned in the published schedule (added visits included). */
  newlyUnassigned: z.array(Id),
  /** Our addition: the staff who went off sick or left, and from when. */
  absent: z.array(z.object({ staff: Id, from: IsoOut })).optional(),
  /**
   * Our addition: every visit of the published plan that changed hands, who went then and
   * now (none: unassigned), whom the recipient sees now (the least familiar of those sent),
   * and why, in a sentence.
   */
  reassigned: z
    .array(
      z.object({
        visit: Id,
        recipient: Id,
        from: z.array(Id),
        to: z.array(Id),
        taker: z.enum(['contact', 'deputy', 'familiar', 'new']).nullable(),
        message: z.string(),
      }),
    )
    .optional(),
});

/** A field `visit_changed` may set: left out, it stays; `null`, it goes back to its default. */
const changed = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const CHANGE_TYPES = ['staff_absent', 'staff_added', 'visit_added', 'visit_cancelled', 'visit_changed'] as const;
export const Change = z.discriminatedUnion('type', [
  z.object({ type: z.literal('staff_absent'), staff: Id, from: optional(Time) }),
  z.object({ type: z.literal('staff_added'), staff: Staff }),
  z.object({ type: z.literal('visit_added'), visit: Visit }),
  z.object({ type: z.literal('visit_cancelled'), visit: Id }),
  z.object({
    type: z.literal('visit_changed'),
    visit: Id,
    window: optional(Interval),
    durationMinutes: optional(visitCommon.durationMinutes),
    staffCount: changed(z.literal([1, 2])),
    requires: changed(z.array(z.string().min(1))),
    roles: changed(z.array(Role).min(1)),
    mandatory: changed(z.boolean()),
    lockedStaff: changed(z.array(Id).min(1)),
    lockedStart: changed(Time),
    preferredStart: changed(Time),
    dueStart: changed(Time),
  }),
]);

export const Changes = z.object({
  format: z.literal('kontinuitet/changes@1'),
  now: Time,
  changes: z.array(Change),
});

// ── Period ──────────────────────────────────────────────────────────────────

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const Weekday = z.enum(WEEKDAYS);
export const PlanDays = z.union([
  z.literal('daily'),
  z.array(Weekday).min(1),
  z.object({ weekdays: z.array(Weekday).min(1), everyWeeks: z.number().int().min(1) }),
]);

export const ClockInterval = z.object({ start: ClockTime, end: ClockTime });

/** Every `Time` form (FORMAT §6.19): clock times are read on the entry's `date`, an ISO date-time names its own instant. */
export const RosterEntry = z.object({
  date: DateString,
  shift: Interval,
  breaks: optional(z.array(Break)),
});

/** FORMAT §3: a roster *instead of* a shift; a shift or breaks beside it would be silently ignored, so they are an error. */
export const PeriodStaff = z.object({
  ...staffCommon,
  roster: z.array(RosterEntry),
  shift: optional(z.never({ error: "is not allowed here: a period's staff member has a roster instead of a shift (FORMAT §3); give each day's shift in its roster entry" })),
  breaks: optional(z.never({ error: "is not allowed here: in a period, breaks belong to each roster entry (roster[].breaks)" })),
});

const clockVisitTimes = {
  preferredStart: optional(ClockTime),
  dueStart: optional(ClockTime),
  lockedStart: optional(ClockTime),
};

export const VisitPlan = z.object({
  id: Id,
  ...visitCommon,
  ...clockVisitTimes,
  window: ClockInterval,
  days: PlanDays,
});

export const PeriodVisit = z.object({ id: Id, ...visitCommon, window: Interval, date: DateString });

export const PeriodProblem = z.object({
  format: z.literal('kontinuitet/period@1'),
  startDate: DateString,
  days: z.number().int().min(1).max(31),
  timezone: Timezone,
  teams: z.array(Team).min(1, 'needs at least one team'),
  staff: z.array(PeriodStaff),
  recipients: z.array(Recipient),
  visitPlans: optional(z.array(VisitPlan)),
  visits: optional(z.array(PeriodVisit)),
  travel: optional(Travel),
  objective: optional(Objective),
  options: optional(SolveOptions),
});

// ── Visit log, recipients file, KPI ─────────────────────────────────────────

export const LOG_VISIT_TYPES = [...VISIT_TYPES, 'alarm', 'meal_delivery'] as const;
export const LogTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)$/,
    'is not a time (ISO 8601 or YYYY-MM-DD HH:MM)',
  );

export const VisitLogRow = z.object({
  recipient: Id,
  staff: Id,
  start: LogTime,
  end: LogTime,
  type: z.enum(LOG_VISIT_TYPES).optional(),
  staffRole: Role.optional(),
  team: Id.optional(),
});

export const RecipientsFileRow = z.object({
  recipient: Id,
  birthYear: z.number().int().min(1880).max(2100).optional(),
  age: z.number().int().min(0).max(130).optional(),
  team: Id.optional(),
  contact: Id.nullable().optional(),
});

export const KPI_EXCLUSION_REASONS = ['no_age', 'under_65', 'no_visits', 'too_few_visits'] as const;

export const KpiGroup = z.object({
  recipients: z.number().int().nonnegative(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  over20: z.number().int().nonnegative(),
  shareOver20: z.number().min(0).max(1).nullable(),
  contactShare: z.number().min(0).max(1).nullable(),
  excluded: z.number().int().nonnegative(),
  excludedByReason: z.partialRecord(z.enum(KPI_EXCLUSION_REASONS), z.number().int().nonnegative()),
});

export const KpiRecipient = z.object({
  team: Id.nullable(),
  counted: z.boolean(),
  reason: z.enum(KPI_EXCLUSION_REASONS).nullable(),
  distinctStaff: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
  contactShare: z.number().min(0).max(1).nullable(),
});

export const KpiWindow = z.object({
  from: DateString,
  to: DateString,
  partial: z.boolean(),
  kolada: z.object({ U21401: z.number().nullable(), U21402: z.number().nullable(), U21436: z.number().nullable() }),
  overall: KpiGroup,
  byTeam: z.record(z.string(), KpiGroup),
  byRecipient: z.record(z.string(), KpiRecipient),
});

export const KpiReport = z.object({
  format: z.literal('kontinuitet/kpi@1'),
  timezone: z.string().min(1),
  from: DateString,
  windows: z.array(KpiWindow).min(1),
});

export const PeriodSchedule = z.object({
  format: z.literal('kontinuitet/period-schedule@1'),
  startDate: DateString.optional(),
  timezone: z.string().min(1).optional(),
  days: z.array(Schedule),
  kpi: KpiReport,
});

// ── Scenario studies (FORMAT §8) ────────────────────────────────────────────

/** A variant's id names its files in `--out-dir` (`<id>.problem.json`), so it must be a file name. */
export const StudyVariantId = Id.regex(/^(?!\.\.?$)[\p{L}\p{N}._-]+$/u, 'is not a variant id: letters, digits, ".", "_" and "-" only (it names the variant\'s files)');
const StaffIds = z.array(Id).min(1);

export const RemoveStaffOp = z.object({
  op: z.literal('remove_staff'),
  /** These staff members; or `count` of them, the fewest planned service minutes in the base plan first. */
  staff: optional(StaffIds),
  count: optional(z.number().int().min(1)),
  /** With `count`: only staff of this role, of this team. */
  role: optional(Role),
  team: optional(Id),
});

export const ServiceAssistantsOp = z.object({
  op: z.literal('service_assistants'),
  team: Id,
  count: z.number().int().min(1),
  /** Every day of the base (a period's "HH:MM" or "HH:MM+1"). */
  shift: Interval,
  breaks: optional(z.array(Break)),
  travelMode: optional(TravelMode),
  /** Visits of these types get `roles: ["service_assistant"]`. */
  visitTypes: z.array(VisitType).min(1),
});

export const TravelModeOp = z.object({
  op: z.literal('travel_mode'),
  mode: TravelMode,
  /** A team's staff, or the listed staff; neither: everyone. */
  team: optional(Id),
  staff: optional(StaffIds),
});

/** The weights in `weights`, or as fields of the op itself. */
export const ObjectiveOp = z.object({ op: z.literal('objective'), weights: optional(Objective), ...Objective.shape });

export const ReassignTeamOp = z.object({ op: z.literal('reassign_team'), recipients: z.array(Id).min(1), team: Id });

/** The options of `kontinuitet contacts suggest`, with its defaults. */
export const SuggestContactsOp = z.object({
  op: z.literal('suggest_contacts'),
  maxPerContact: optional(z.number().int().min(1).max(100_000)),
  maxPerDeputy: optional(z.number().int().min(1).max(100_000)),
  maxDistanceKm: optional(z.number().min(0).max(20_037)),
  keepCurrentBonus: optional(z.number().min(0).max(1_000_000)),
  includeWaived: optional(z.boolean()),
  capacity: optional(z.boolean()),
  weight: optional(z.enum(['minutes', 'visits'])),
});

/** An RFC 7396 JSON merge patch on the variant's problem as the ops before it left it. */
export const PatchOp = z.object({ op: z.literal('patch'), patch: z.record(z.string(), z.unknown()) });

export const StudyCosts = z.object({
  hourlySek: optional(z.partialRecord(Role, optional(z.number().nonnegative().max(100_000)))),
  carSekPerKm: optional(z.number().nonnegative().max(10_000)),
});

/** The study with `add_staff` taking `staff` items of one shape: a day's `Staff`, a period's `PeriodStaff`. */
export function studyShape<T extends z.ZodType>(addedStaff: T) {
  const op = z.discriminatedUnion('op', [
    RemoveStaffOp,
    z.object({ op: z.literal('add_staff'), staff: z.array(addedStaff).min(1) }),
    ServiceAssistantsOp,
    TravelModeOp,
    ObjectiveOp,
    ReassignTeamOp,
    SuggestContactsOp,
    PatchOp,
  ]);
  return z.object({
    format: z.literal('kontinuitet/study@1'),
    /** A path relative to the study file, or an inline `kontinuitet/day@1` or `kontinuitet/period@1`. */
    base: z.union([z.string().min(1), z.looseObject({ format: z.string() })]),
    costs: optional(StudyCosts),
    variants: z.array(z.object({ id: StudyVariantId, label: optional(z.string()), apply: optional(z.array(op)) })).min(1),
    sweep: optional(z.object({ weight: z.enum(OBJECTIVE_WEIGHTS), values: z.array(z.number().nonnegative().max(MAX_WEIGHT)).min(1) })),
    /** Every plan's budget and seed; for a period base the time limit and iterations are per day. */
    options: optional(SolveOptions),
  });
}

export const Study = studyShape(z.union([Staff, PeriodStaff]));

export const StudyMetrics = z.object({
  visits: z.number().int().nonnegative(),
  assigned: z.number().int().nonnegative(),
  unassignedMandatory: z.number().int().nonnegative(),
  contactShare: Share,
  contactReachableShare: Share,
  contactOrDeputyShare: Share,
  distinctStaffMean: z.number().nonnegative(),
  newStaffMean: z.number().nonnegative(),
  travelMinutes: Minutes,
  serviceMinutes: Minutes,
  /** Shift minutes of the staff with at least one stop (each day of a period). */
  paidMinutes: Minutes,
  /** Our addition: `paidMinutes` by role, and the kilometres driven by car, which `costSek` prices. */
  paidMinutesByRole: z.partialRecord(Role, Minutes),
  carKm: z.number().nonnegative(),
  /** Periods: Kolada U21401 of the plan's first 14-day window. */
  U21401: z.number().nullable().optional(),
});

const StudyEntry = { metrics: StudyMetrics, costSek: z.number().nonnegative() };

export const StudyResult = z.object({
  format: z.literal('kontinuitet/study-result@1'),
  base: z.object({ kind: z.enum(['day', 'period']), date: DateString, days: z.number().int().min(1) }),
  costs: z.object({ hourlySek: z.record(Role, z.number().nonnegative()), carSekPerKm: z.number().nonnegative() }),
  /** The budget and seed every plan got (per day for a period). */
  options: z.object({ timeLimitSeconds: z.number().positive(), seed: z.number().int(), iterations: z.number().int().positive().optional() }),
  variants: z.array(z.object({ id: Id, label: z.string(), applied: z.string(), ...StudyEntry })).min(1),
  sweepWeight: z.enum(OBJECTIVE_WEIGHTS).optional(),
  sweep: z.array(z.object({ value: z.number().nonnegative(), ...StudyEntry })),
});
