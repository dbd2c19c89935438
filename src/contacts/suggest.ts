/**
 * "Who should be whose contact": a proposed fast omsorgskontakt and deputy for every
 * recipient of a period, chosen among qualified assistant nurses of the recipient's team
 * so that as many as possible of the recipient's planned visits fall inside the contact's
 * shifts, contacts stay near, and nobody is contact for more than `maxPerContact`.
 */
import type { PeriodProblem, PeriodStaff, Recipient, Schedule, Team } from '../model/types.ts';
import { InputError, type InputProblem } from '../model/errors.ts';
import { ineligibility, qualifiedAsContact } from '../rules/eligibility.ts';
import { haversineKm } from '../geo/index.ts';
import { expandPeriod } from '../period/index.ts';
import { PeriodCoverage, reachableShare, type Occurrence } from './coverage.ts';
import { solveAssignment, type Arc } from './assign.ts';
import type { Job } from './capacity.ts';
import { PeriodWork, TimedAssignment, type RecipientDay, type TimedArc } from './work.ts';

export interface SuggestOptions {
  /** Most recipients one staff member is proposed as contact for; default 8. */
  maxPerContact?: number;
  /** Most recipients one staff member is proposed as deputy for; default `maxPerContact`. */
  maxPerDeputy?: number;
  /** Candidates farther than this from the recipient's home are left out; default no limit. */
  maxDistanceKm?: number;
  /**
   * Cost of one kilometre from the recipient's home to the staff member's start point (their
   * `start`, else the team office), in covered care minutes over the period (a covered visit
   * is worth the team's mean visit length under the default weight); default 5.
   */
  distancePenaltyPerKm?: number;
  /**
   * Worth of keeping the current contact, in covered care minutes over the period (under the
   * default weight about that many minutes' worth of visits); default
   * `DEFAULT_KEEP_CURRENT_BONUS`. 0 chooses by coverage and distance alone.
   */
  keepCurrentBonus?: number;
  /** Propose contacts for recipients with `contactWaived` too; default false. */
  includeWaived?: boolean;
  /** Round and repair the LP answer even when it is integral (tests the fallback path). */
  forceFallback?: boolean;
  /**
   * Count a visit only as far as the contact (or deputy) has time for it, next to the other
   * recipients they are given (default true); false counts shift coverage alone.
   */
  capacity?: boolean;
  /**
   * The days of a plan of this period (a `kontinuitet/period-schedule@1`'s `days`): when
   * given, a pair is worth the recipient's visits the staff member made in that plan, and a
   * deputy the visits of the contact's gaps there; the plan stands for what each person has
   * time for, so `capacity` is not modelled on top. For suggest → plan → suggest again.
   */
  planned?: readonly Pick<Schedule, 'routes'>[];
  /**
   * What "covered care" counts: `"visits"` (default) counts visits, as contactReachableShare
   * (FORMAT §6.3) does, each worth the team's mean visit in minutes so that distance and
   * bonus keep their scale; `"minutes"` weighs each visit by its duration, which favours a
   * contact for a few long visits over one for many short ones and can lower the
   * visit-based share.
   */
  weight?: CareWeight;
}

export type CareWeight = 'minutes' | 'visits';
export const CARE_WEIGHTS: readonly CareWeight[] = ['minutes', 'visits'];
/** Visits, because contactReachableShare and the acceptance rule for the suggestion count visits. */
export const DEFAULT_CARE_WEIGHT: CareWeight = 'visits';

export const DEFAULT_MAX_PER_CONTACT = 8;
export const DEFAULT_DISTANCE_PENALTY_PER_KM = 5;
/**
 * A contact changes only for at least one more covered visit (about 28 minutes on the bundled
 * periods), not for a start up to 4 km nearer or an equal alternative. There, 0 changed two
 * contacts in three for a reachable-share gain of 1.2–1.4 points; 20 changes about one in
 * seven for three quarters of that gain, and the period planned after it has a lower U21401
 * than after 0 (benchmarks/period.ts, row (d)).
 */
export const DEFAULT_KEEP_CURRENT_BONUS = 20;

export interface ContactSuggestionRow {
  recipient: string;
  team: string;
  contact: string | null;
  deputy: string | null;
  /** Share of the recipient's planned visits (minutes under `weight: "minutes"`) the proposed contact's shifts cover. */
  coveredShare: number | null;
  previousContact: string | null;
  /** The same share for the previous contact. */
  previousCoveredShare: number | null;
  /**
   * Share of the recipient's planned visits (minutes under `weight: "minutes"`) the proposed
   * contact can make in their own time, next to their other recipients' visits (see `sequence`).
   */
  withinTimeShare: number | null;
  /** Why contact or deputy is null. */
  reason?: string;
}

export interface TeamShares {
  /** contactReachableShare over the period's planned visits with the given contacts. */
  before: number | null;
  /** The same with the suggestion applied. */
  after: number | null;
  /** Both over planned care minutes instead of visits: what `weight: "minutes"` maximises. */
  minutesBefore: number | null;
  minutesAfter: number | null;
  /** Over visits: the share each contact can make in their own time, before and after (see `withinTimeShare`). */
  withinTimeBefore: number | null;
  withinTimeAfter: number | null;
  recipients: number;
  withContactBefore: number;
  withContactAfter: number;
}

export interface LpStats {
  variables: number;
  seconds: number;
  integral: boolean;
  fallback: boolean;
  /** Moves and swaps the local search on the staff's time took after the LP (0 without `capacity`). */
  moves: number;
  searchSeconds: number;
}

export interface ContactSuggestion {
  suggestions: ContactSuggestionRow[];
  byTeam: Record<string, TeamShares>;
  /** Summed over the teams' LPs; `integral` when every one was, `fallback` when any fell back. */
  lp: LpStats & { byTeam: Record<string, LpStats> };
  /** The deputies' LPs, as `lp`. */
  deputyLp: LpStats & { byTeam: Record<string, LpStats> };
  maxPerContact: number;
  maxPerDeputy: number;
  /** What `coveredShare` and the assignment counted. */
  weight: CareWeight;
  /** Whether the assignment counted the contacts' time (`SuggestOptions.capacity`). */
  capacity: boolean;
}

interface Resolved {
  maxPerContact: number;
  maxPerDeputy: number;
  maxDistanceKm: number;
  distancePenaltyPerKm: number;
  keepCurrentBonus: number;
  includeWaived: boolean;
  forceFallback: boolean;
  weight: CareWeight;
  capacity: boolean;
  planned: readonly Pick<Schedule, 'routes'>[] | null;
}

function resolveOptions(opts: SuggestOptions): Resolved {
  const maxPerContact = opts.maxPerContact ?? DEFAULT_MAX_PER_CONTACT;
  const maxPerDeputy = opts.maxPerDeputy ?? maxPerContact;
  for (const [name, value] of [['maxPerContact', maxPerContact], ['maxPerDeputy', maxPerDeputy]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1, not ${value}`);
  }
  const resolved = {
    maxPerContact,
    maxPerDeputy,
    maxDistanceKm: opts.maxDistanceKm ?? Number.POSITIVE_INFINITY,
    distancePenaltyPerKm: opts.distancePenaltyPerKm ?? DEFAULT_DISTANCE_PENALTY_PER_KM,
    keepCurrentBonus: opts.keepCurrentBonus ?? DEFAULT_KEEP_CURRENT_BONUS,
    includeWaived: opts.includeWaived ?? false,
    forceFallback: opts.forceFallback ?? false,
    weight: opts.weight ?? DEFAULT_CARE_WEIGHT,
    capacity: opts.capacity ?? true,
    planned: opts.planned ?? null,
  };
  if (!CARE_WEIGHTS.includes(resolved.weight)) throw new RangeError(`weight must be "minutes" or "visits", not ${JSON.stringify(resolved.weight)}`);
  for (const name of ['maxDistanceKm', 'distancePenaltyPerKm', 'keepCurrentBonus'] as const) {
    if (Number.isNaN(resolved[name]) || resolved[name] < 0) throw new RangeError(`${name} must not be negative, not ${resolved[name]}`);
  }
  return resolved;
}

/**
 * The team each recipient belongs to: its `team`, else its current contact's team, else
 * the team with the nearest office. Team and staff references must name a team.
 */
function recipientTeams(period: PeriodProblem): Map<string, string> {
  const teamIds = new Set(period.teams.map((t) => t.id));
  const problems: InputProblem[] = [];
  period.staff.forEach((s, i) => {
    if (!teamIds.has(s.team)) problems.push({ path: `staff[${i}].team`, message: `"${s.team}" names no team`, severity: 'error' });
  });
  period.recipients.forEach((r, i) => {
    if (r.team !== undefined && !teamIds.has(r.team)) problems.push({ path: `recipients[${i}].team`, message: `"${r.team}" names no team`, severity: 'error' });
  });
  if (problems.length > 0) throw new InputError(problems, 'invalid period');
  const staffTeam = new Map(period.staff.map((s) => [s.id, s.team]));
  const teams = new Map<string, string>();
  for (const r of period.recipients) {
    const viaContact = r.contact ? staffTeam.get(r.contact) : undefined;
    teams.set(r.id, r.team ?? viaContact ?? nearestTeam(period.teams, r).id);
  }
  return teams;
}

function nearestTeam(teams: readonly Team[], r: Recipient): Team {
  let best = teams[0];
  for (const t of teams) if (haversineKm(r.location, t.office) < haversineKm(r.location, best.office)) best = t;
  return best;
}

interface Candidate {
  staff: PeriodStaff;
  km: number;
  /** Weighed care of the recipient inside this person's shifts. */
  covered: number;
}

/** How one team's planned care is weighed (see `SuggestOptions.weight`). */
interface Weigher {
  of(o: Occurrence): number;
  covered(recipientId: string, staffId: string): number;
  total(recipientId: string): number;
}

function weigher(coverage: PeriodCoverage, members: readonly Recipient[], weight: CareWeight): Weigher {
  if (weight === 'minutes') {
    return {
      of: (o) => o.durationMinutes,
      covered: (r, s) => coverage.covered(r, s).minutes,
      total: (r) => coverage.total(r).minutes,
    };
  }
  let minutes = 0;
  let visits = 0;
  for (const r of members) {
    const t = coverage.total(r.id);
    minutes += t.minutes;
    visits += t.visits;
  }
  const mean = visits === 0 ? 1 : minutes / visits;
  return {
    of: () => mean,
    covered: (r, s) => coverage.covered(r, s).visits * mean,
    total: (r) => coverage.total(r).visits * mean,
  };
}

/**
 * A recipient's candidates among `teamStaff`: qualified as contact on the period's first
 * date, not barred by the recipient (excluded, avoided tag, required gender), within the
 * distance limit, and eligible for at least one planned visit when there are any.
 */
function candidatesFor(
  r: Recipient,
  teamStaff: readonly PeriodStaff[],
  coverage: PeriodCoverage,
  weigh: Weigher,
  startOf: (s: PeriodStaff) => { lat: number; lon: number },
  date: string,
  maxDistanceKm: number,
): { candidates: Candidate[]; reason: string | null } {
  const qualified = teamStaff.filter((s) => qualifiedAsContact(s, date));
  if (qualified.length === 0) return { candidates: [], reason: `the team has no assistant nurse qualified as contact on ${date}` };
  // A visit-free probe: assistant nurses pass the role rule, so only the recipient's own bars remain.
  const allowed = qualified.filter((s) => ineligibility(s, {}, r) === null);
  if (allowed.length === 0) {
    const why = qualified.map((s) => `${s.id} ${ineligibility(s, {}, r)!.message}`).join('; ');
    return { candidates: [], reason: `every qualified assistant nurse of the team is barred: ${why}` };
  }
  const hasVisits = coverage.occurrencesOf(r.id).length > 0;
  const able = allowed.filter((s) => !hasVisits || coverage.eligibleForAny(r.id, s.id));
  if (able.length === 0) return { candidates: [], reason: 'no qualified assistant nurse of the team is eligible for any of the recipient\'s visits' };
  const candidates = able
    .map((s) => ({ staff: s, km: haversineKm(r.location, startOf(s)), covered: weigh.covered(r.id, s.id) }))
    .filter((c) => c.km <= maxDistanceKm);
  if (candidates.length === 0) return { candidates: [], reason: `no qualified eligible assistant nurse starts within ${maxDistanceKm} km` };
  return { candidates, reason: null };
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** A team's recipients that may be given a contact, their candidates and the staff they are indexed against. */
interface TeamPlan {
  teamStaff: PeriodStaff[];
  /** Index of each team staff member in `period.staff` (the `PeriodWork` index). */
  globalIndex: number[];
  planned: { r: Recipient; candidates: Candidate[] }[];
  weigh: Weigher;
}

/**
 * One assignment over a team's planned recipients: the LP on `score` per candidate (null
 * leaves the pair out), then, with `time`, the local search on what each staff member can
 * make in their own time (`TimedAssignment`), each pair worth its visits made plus
 * `fixedScore`. The search also starts from `current` (when given and within the cap, with
 * every recipient that the LP gives someone given someone) and the better end is kept, so
 * the answer is never worth less than what the team has now. Returns the staff index (in
 * `plan.teamStaff`) chosen per planned recipient.
 */
function assignTeam(
  plan: TeamPlan,
  cap: number,
  score: (r: Recipient, c: Candidate) => number | null,
  time: {
    work: PeriodWork;
    jobs: (r: Recipient, j: number) => RecipientDay[];
    fixedScore: (r: Recipient, c: Candidate) => number;
    fixed?: ReadonlyMap<number, readonly Job[]>;
    current?: (r: Recipient) => string | null | undefined;
  } | null,
  forceFallback: boolean,
): { contactOf: (number | null)[]; stats: LpStats } {
  const staffIndex = new Map(plan.teamStaff.map((s, j) => [s.id, j]));
  const arcs: Arc[] = [];
  const timed: TimedArc[][] = plan.planned.map(() => []);
  plan.planned.forEach(({ r, candidates }, i) => {
    for (const c of candidates) {
      const value = score(r, c);
      if (value === null) continue;
      const j = staffIndex.get(c.staff.id)!;
      arcs.push({ recipient: i, staff: j, score: value });
      if (time) timed[i].push({ staff: j, fixedScore: time.fixedScore(r, c), days: time.jobs(r, plan.globalIndex[j]) });
    }
  });
  const result = solveAssignment({ recipients: plan.planned.length, staff: plan.teamStaff.length, arcs, cap }, { forceFallback });
  const stats: LpStats = { variables: result.variables, seconds: result.seconds, integral: result.integral, fallback: result.fallback, moves: 0, searchSeconds: 0 };
  if (!time) return { contactOf: result.contactOf, stats };
  const started = performance.now();
  const starts = [result.contactOf];
  const current = time.current ? currentStart(plan, timed, result.contactOf, cap, time.current) : null;
  if (current) starts.push(current);
  let best: TimedAssignment | null = null;
  for (const start of starts) {
    const search = new TimedAssignment(time.work, timed, start, cap, plan.weigh.of, time.fixed);
    const moves = search.improve();
    if (!best || search.value() > best.value() + 1e-9) {
      best = search;
      stats.moves = moves;
    }
  }
  stats.searchSeconds = (performance.now() - started) / 1000;
  return { contactOf: best!.staffOf, stats };
}

/**
 * The current contacts as a start of the search: each planned recipient's current contact
 * where that is one of its arcs, else the LP's choice; null when that breaks the cap or
 * gives fewer recipients someone than the LP does.
 */
function currentStart(
  plan: TeamPlan,
  timed: readonly (readonly TimedArc[])[],
  lp: readonly (number | null)[],
  cap: number,
  current: (r: Recipient) => string | null | undefined,
): (number | null)[] | null {
  const staffIndex = new Map(plan.teamStaff.map((s, j) => [s.id, j]));
  const start = plan.planned.map(({ r }, i) => {
    const j = staffIndex.get(current(r) ?? '');
    return j !== undefined && timed[i].some((a) => a.staff === j) ? j : lp[i];
  });
  const load = new Map<number, number>();
  for (const j of start) if (j !== null) load.set(j, (load.get(j) ?? 0) + 1);
  return [...load.values()].some((n) => n > cap) ? null : start;
}

/**
 * Proposes a contact and a deputy for every recipient, solving two assignment LPs per team
 * (the recipient's team × that team's candidates).
 *
 * The contact maximises, in this order: recipients given a contact, then the summed planned
 * visits (over the expanded period, each worth the team's mean visit in minutes; care
 * minutes under `weight: "minutes"`) that fall inside the contact's shifts, less
 * `distancePenaltyPerKm` per km, plus `keepCurrentBonus` for keeping the current contact, so
 * that a contact changes only for a clear gain. With `capacity` (the default) a visit
 * counts only as far as the contact has time for it: the visits of all the recipients a
 * staff member is contact for share that person's hours (see assign.ts), so eight
 * recipients who all want 07:30–09:00 do not all get the same morning contact.
 *
 * The deputy is chosen for the contact's gaps: the visits the contact cannot make (days
 * off, hours off and, with `capacity`, the visits that do not fit in the contact's time).
 * A second LP gives each recipient the candidate other than the contact who can make most
 * of those, in the time left after their own contact visits, less the distance penalty; at
 * most `maxPerDeputy` recipients per deputy.
 *
 * `byTeam` measures the period with the suggestion applied (`applySuggestion`), so a
 * recipient left without a proposal counts with the contact it keeps.
 *
 * Recipients with `contactWaived` are given no contact unless `includeWaived`.
 */
export function suggestContacts(period: PeriodProblem, opts: SuggestOptions = {}): ContactSuggestion {
  const o = resolveOptions(opts);
  const date = period.startDate;
  const days = expandPeriod(period);
  const coverage = new PeriodCoverage(period, days);
  const work = new PeriodWork(coverage, period, days.map((d) => d.date));
  const teamOf = recipientTeams(period);
  const officeOf = new Map(period.teams.map((t) => [t.id, t.office]));
  const startOf = (s: PeriodStaff) => s.start ?? officeOf.get(s.team)!;
  const globalIndex = new Map(period.staff.map((s, j) => [s.id, j]));
  const plannedStaff = o.planned ? staffByVisit(o.planned) : null;

  const rows = new Map<string, ContactSuggestionRow>();
  const lpByTeam: Record<string, LpStats> = {};
  const deputyLpByTeam: Record<string, LpStats> = {};

  for (const team of period.teams) {
    const teamStaff = period.staff.filter((s) => s.team === team.id);
    const members = period.recipients.filter((r) => teamOf.get(r.id) === team.id);
    const weigh = weigher(coverage, members, o.weight);
    const plan: TeamPlan = { teamStaff, globalIndex: teamStaff.map((s) => globalIndex.get(s.id)!), planned: [], weigh };
    const madeInPlan = plannedStaff
      ? (r: Recipient, s: PeriodStaff, keep: (o: Occurrence) => boolean) => {
          let weight = 0;
          for (const occurrence of coverage.occurrencesOf(r.id)) if (keep(occurrence) && plannedStaff.get(occurrence.visit.id)?.has(s.id)) weight += weigh.of(occurrence);
          return weight;
        }
      : null;

    for (const r of members) {
      const total = weigh.total(r.id);
      const previousContact = r.contact ?? null;
      const row: ContactSuggestionRow = {
        recipient: r.id,
        team: team.id,
        contact: null,
        deputy: null,
        coveredShare: null,
        withinTimeShare: null,
        previousContact,
        previousCoveredShare: previousContact === null ? null : share(weigh.covered(r.id, previousContact), total),
      };
      rows.set(r.id, row);
      if (r.contactWaived && !o.includeWaived) {
        row.reason = 'contact waived (contactWaived)';
        continue;
      }
      const { candidates, reason } = candidatesFor(r, teamStaff, coverage, weigh, startOf, date, o.maxDistanceKm);
      if (reason !== null) row.reason = reason;
      else plan.planned.push({ r, candidates });
    }

    const fixedScore = (r: Recipient, c: Candidate) => (c.staff.id === r.contact ? o.keepCurrentBonus : 0) - o.distancePenaltyPerKm * c.km;
    const contacts = assignTeam(
      plan,
      o.maxPerContact,
      (r, c) => (madeInPlan ? madeInPlan(r, c.staff, () => true) : c.covered) + fixedScore(r, c),
      o.capacity && !madeInPlan ? { work, jobs: (r, j) => work.jobsOf(r, j), fixedScore, current: (r) => r.contact } : null,
      o.forceFallback,
    );
    lpByTeam[team.id] = contacts.stats;

    const given: { recipient: Recipient; staff: number; days: RecipientDay[] }[] = [];
    plan.planned.forEach(({ r }, i) => {
      const row = rows.get(r.id)!;
      const s = contacts.contactOf[i];
      if (s === null) {
        row.reason = `every candidate is already contact for ${o.maxPerContact} recipients`;
        return;
      }
      row.contact = teamStaff[s].id;
      row.coveredShare = share(weigh.covered(r.id, row.contact), weigh.total(r.id));
      given.push({ recipient: r, staff: plan.globalIndex[s], days: work.jobsOf(r, plan.globalIndex[s]) });
    });
    const madeByContact = work.made(given);
    for (const { recipient: r } of given) {
      const row = rows.get(r.id)!;
      let made = 0;
      for (const occurrence of coverage.occurrencesOf(r.id)) if (madeByContact.has(occurrence.visit.id)) made += weigh.of(occurrence);
      row.withinTimeShare = share(made, weigh.total(r.id));
    }

    // A deputy covers the contact's gaps: what the contact does not make in the plan, else in their own time.
    const isGap = (contact: string) => (occurrence: Occurrence) =>
      plannedStaff ? !plannedStaff.get(occurrence.visit.id)?.has(contact) : !madeByContact.has(occurrence.visit.id);
    deputyLpByTeam[team.id] = chooseDeputies(coverage, plan, rows, work, given, madeByContact, isGap, madeInPlan, o);
  }

  const suggestions = period.recipients.map((r) => rows.get(r.id)!);
  checkSuggestion(period, suggestions, teamOf, coverage, o);
  const after = applySuggestion(period, { suggestions });
  const afterById = new Map(after.recipients.map((r) => [r.id, r]));
  const byTeam: Record<string, TeamShares> = {};
  for (const team of period.teams) {
    const members = period.recipients.filter((r) => teamOf.get(r.id) === team.id);
    const before = reachableShare(coverage, members, (r) => r.contact);
    const later = reachableShare(coverage, members, (r) => afterById.get(r.id)!.contact);
    byTeam[team.id] = {
      before: before.share,
      after: later.share,
      minutesBefore: before.minutesShare,
      minutesAfter: later.minutesShare,
      withinTimeBefore: withinTimeShare(coverage, work, members, (r) => r.contact, globalIndex),
      withinTimeAfter: withinTimeShare(coverage, work, members, (r) => afterById.get(r.id)!.contact, globalIndex),
      recipients: members.length,
      withContactBefore: before.recipientsWithContact,
      withContactAfter: later.recipientsWithContact,
    };
  }

  return {
    suggestions,
    byTeam,
    lp: summed(lpByTeam),
    deputyLp: summed(deputyLpByTeam),
    maxPerContact: o.maxPerContact,
    maxPerDeputy: o.maxPerDeputy,
    weight: o.weight,
    capacity: o.capacity,
  };
}

/** Who made each visit of a plan: visit id → staff ids. */
function staffByVisit(days: readonly Pick<Schedule, 'routes'>[]): Map<string, Set<string>> {
  const made = new Map<string, Set<string>>();
  for (const day of days) {
    for (const route of day.routes) {
      for (const stop of route.stops) {
        let staff = made.get(stop.visit);
        if (!staff) made.set(stop.visit, (staff = new Set()));
        staff.add(route.staff);
      }
    }
  }
  return made;
}

function summed(byTeam: Record<string, LpStats>): LpStats & { byTeam: Record<string, LpStats> } {
  const stats = Object.values(byTeam);
  return {
    variables: stats.reduce((n, s) => n + s.variables, 0),
    seconds: stats.reduce((n, s) => n + s.seconds, 0),
    integral: stats.every((s) => s.integral),
    fallback: stats.some((s) => s.fallback),
    moves: stats.reduce((n, s) => n + s.moves, 0),
    searchSeconds: stats.reduce((n, s) => n + s.searchSeconds, 0),
    byTeam,
  };
}

/**
 * Of the planned visits of `recipients` that have a contact, the share the contact can
 * make in their own time: each contact's recipients' visits in sequence per day (the
 * `withinTimeShare` of the rows, over visits); null when none has a contact.
 */
function withinTimeShare(
  coverage: PeriodCoverage,
  work: PeriodWork,
  recipients: readonly Recipient[],
  contactOf: (r: Recipient) => string | null | undefined,
  globalIndex: ReadonlyMap<string, number>,
): number | null {
  const given: { recipient: Recipient; staff: number; days: RecipientDay[] }[] = [];
  let visits = 0;
  for (const r of recipients) {
    const contact = contactOf(r);
    if (contact === null || contact === undefined) continue;
    visits += coverage.occurrencesOf(r.id).length;
    const j = globalIndex.get(contact);
    if (j !== undefined) given.push({ recipient: r, staff: j, days: work.jobsOf(r, j) });
  }
  return visits === 0 ? null : work.made(given).size / visits;
}

/** Deputies for one team's recipients that were given a contact (see suggestContacts); the LP's stats. */
function chooseDeputies(
  coverage: PeriodCoverage,
  plan: TeamPlan,
  rows: Map<string, ContactSuggestionRow>,
  work: PeriodWork,
  given: readonly { recipient: Recipient; staff: number; days: readonly RecipientDay[] }[],
  madeByContact: ReadonlySet<string>,
  isGap: (contact: string) => (o: Occurrence) => boolean,
  madeInPlan: ((r: Recipient, s: PeriodStaff, keep: (o: Occurrence) => boolean) => number) | null,
  o: Resolved,
): LpStats {
  // Each staff member's own contact visits stay theirs: a deputy's room is what is left.
  const fixed = new Map<number, Job[]>();
  for (const { days } of given) {
    for (const { day, jobs, occurrences } of days) {
      const kept = jobs.filter((_, i) => madeByContact.has(occurrences[i].visit.id));
      if (kept.length > 0) fixed.set(day, [...(fixed.get(day) ?? []), ...kept]);
    }
  }
  const withContact: TeamPlan = { ...plan, planned: plan.planned.filter(({ r }) => rows.get(r.id)!.contact !== null) };
  const gapOf = (r: Recipient) => isGap(rows.get(r.id)!.contact!);
  const gapWeight = (r: Recipient, s: PeriodStaff) => {
    const gap = gapOf(r);
    if (madeInPlan) return madeInPlan(r, s, gap);
    let weight = 0;
    for (const occurrence of coverage.occurrencesOf(r.id)) if (gap(occurrence) && coverage.covers(s.id, r.id, occurrence)) weight += plan.weigh.of(occurrence);
    return weight;
  };
  const fixedScore = (_r: Recipient, c: Candidate) => -o.distancePenaltyPerKm * c.km;
  const deputies = assignTeam(
    withContact,
    o.maxPerDeputy,
    (r, c) => (c.staff.id === rows.get(r.id)!.contact ? null : gapWeight(r, c.staff) + fixedScore(r, c)),
    o.capacity && !madeInPlan ? { work, jobs: (r, j) => work.jobsOf(r, j, gapOf(r)), fixedScore, fixed, current: (r) => r.deputies?.[0] } : null,
    o.forceFallback,
  );
  withContact.planned.forEach(({ r, candidates }, i) => {
    const row = rows.get(r.id)!;
    const s = deputies.contactOf[i];
    if (s !== null) row.deputy = plan.teamStaff[s].id;
    else {
      row.reason =
        candidates.length > 1
          ? `every other candidate is already deputy for ${o.maxPerDeputy} recipients`
          : 'no other qualified eligible assistant nurse in the team to be deputy';
    }
  });
  return deputies.stats;
}

/**
 * Re-checks the whole answer against the rules it was built from; a breach is a bug in this
 * module, so it throws a plain Error (exit 1), never an InputError.
 */
function checkSuggestion(
  period: PeriodProblem,
  rows: readonly ContactSuggestionRow[],
  teamOf: ReadonlyMap<string, string>,
  coverage: PeriodCoverage,
  o: Resolved,
): void {
  const staffById = new Map(period.staff.map((s) => [s.id, s]));
  const recipientById = new Map(period.recipients.map((r) => [r.id, r]));
  const contactLoad = new Map<string, number>();
  const deputyLoad = new Map<string, number>();
  const breaches: string[] = [];
  for (const row of rows) {
    const r = recipientById.get(row.recipient)!;
    if (r.contactWaived && !o.includeWaived && (row.contact !== null || row.deputy !== null)) breaches.push(`${r.id} waived a contact but was given one`);
    for (const [role, id, load] of [['contact', row.contact, contactLoad], ['deputy', row.deputy, deputyLoad]] as const) {
      if (id === null) continue;
      const s = staffById.get(id);
      if (!s) {
        breaches.push(`${role} ${id} of ${r.id} is not on the staff list`);
        continue;
      }
      if (!qualifiedAsContact(s, period.startDate)) breaches.push(`${role} ${id} of ${r.id} is not a qualified assistant nurse`);
      if (ineligibility(s, {}, r) !== null) breaches.push(`${role} ${id} of ${r.id} is barred by the recipient`);
      if (s.team !== teamOf.get(r.id)) breaches.push(`${role} ${id} of ${r.id} is of another team`);
      if (coverage.occurrencesOf(r.id).length > 0 && !coverage.eligibleForAny(r.id, id)) breaches.push(`${role} ${id} of ${r.id} is eligible for none of its visits`);
      load.set(id, (load.get(id) ?? 0) + 1);
    }
    if (row.contact !== null && row.contact === row.deputy) breaches.push(`${r.id} has ${row.contact} as both contact and deputy`);
  }
  for (const [id, n] of contactLoad) if (n > o.maxPerContact) breaches.push(`${id} is contact for ${n} recipients, more than ${o.maxPerContact}`);
  for (const [id, n] of deputyLoad) if (n > o.maxPerDeputy) breaches.push(`${id} is deputy for ${n} recipients, more than ${o.maxPerDeputy}`);
  if (breaches.length > 0) throw new Error(`contact suggestion breaks its own rules: ${breaches.join('; ')}`);
}

/**
 * The period with the suggestion's contact and deputy written into each recipient. A
 * recipient whose row proposes no contact (waived, or no candidate) keeps what it had.
 */
export function applySuggestion(period: PeriodProblem, suggestion: Pick<ContactSuggestion, 'suggestions'>): PeriodProblem {
  const byRecipient = new Map(suggestion.suggestions.map((row) => [row.recipient, row]));
  return {
    ...period,
    recipients: period.recipients.map((r) => {
      const row = byRecipient.get(r.id);
      if (!row || row.contact === null) return { ...r };
      return { ...r, contact: row.contact, deputies: row.deputy === null ? [] : [row.deputy] };
    }),
  };
}
