/**
 * "Who should be whose contact": a proposed fast omsorgskontakt and deputy for every
 * recipient of a period, chosen among qualified assistant nurses of the recipient's team
 * so that as many as possible of the recipient's planned visits fall inside the contact's
 * shifts, contacts stay near, and nobody is contact for more than `maxPerContact`.
 */
import type { PeriodProblem, PeriodStaff, Recipient, Team } from '../model/types.ts';
import { InputError, type InputProblem } from '../model/errors.ts';
import { ineligibility, qualifiedAsContact } from '../rules/eligibility.ts';
import { haversineKm } from '../geo/index.ts';
import { expandPeriod } from '../period/index.ts';
import { PeriodCoverage, reachableShare, type Occurrence } from './coverage.ts';
import { solveAssignment, type Arc } from './assign.ts';

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
  recipients: number;
  withContactBefore: number;
  withContactAfter: number;
}

export interface LpStats {
  variables: number;
  seconds: number;
  integral: boolean;
  fallback: boolean;
}

export interface ContactSuggestion {
  suggestions: ContactSuggestionRow[];
  byTeam: Record<string, TeamShares>;
  /** Summed over the teams' LPs; `integral` when every one was, `fallback` when any fell back. */
  lp: LpStats & { byTeam: Record<string, LpStats> };
  maxPerContact: number;
  maxPerDeputy: number;
  /** What `coveredShare` and the assignment counted. */
  weight: CareWeight;
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

/**
 * Proposes a contact and a deputy for every recipient, solving one assignment LP per team
 * (the recipient's team × that team's candidates).
 *
 * The contact maximises, in this order: recipients given a contact, then the summed planned
 * visits (over the expanded period, each worth the team's mean visit in minutes; care
 * minutes under `weight: "minutes"`) that fall inside the contact's shifts, less
 * `distancePenaltyPerKm` per km, plus `keepCurrentBonus` for keeping the current contact, so
 * that a contact changes only for a clear gain. The deputy is chosen greedily afterwards:
 * recipients whose contact leaves the most care uncovered choose first, each taking the
 * candidate other than the contact who covers most of that care (then most care overall,
 * then nearest), at most `maxPerDeputy` recipients per deputy.
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
  const teamOf = recipientTeams(period);
  const officeOf = new Map(period.teams.map((t) => [t.id, t.office]));
  const startOf = (s: PeriodStaff) => s.start ?? officeOf.get(s.team)!;

  const rows = new Map<string, ContactSuggestionRow>();
  const lpByTeam: Record<string, LpStats> = {};
  const deputyLoad = new Map<string, number>();

  for (const team of period.teams) {
    const teamStaff = period.staff.filter((s) => s.team === team.id);
    const members = period.recipients.filter((r) => teamOf.get(r.id) === team.id);
    const staffIndex = new Map(teamStaff.map((s, j) => [s.id, j]));
    const weigh = weigher(coverage, members, o.weight);

    const planned: { r: Recipient; candidates: Candidate[] }[] = [];
    for (const r of members) {
      const total = weigh.total(r.id);
      const previousContact = r.contact ?? null;
      const row: ContactSuggestionRow = {
        recipient: r.id,
        team: team.id,
        contact: null,
        deputy: null,
        coveredShare: null,
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
      else planned.push({ r, candidates });
    }

    const arcs: Arc[] = [];
    planned.forEach(({ r, candidates }, i) => {
      for (const c of candidates) {
        const keep = c.staff.id === r.contact ? o.keepCurrentBonus : 0;
        arcs.push({ recipient: i, staff: staffIndex.get(c.staff.id)!, score: c.covered - o.distancePenaltyPerKm * c.km + keep });
      }
    });
    const result = solveAssignment({ recipients: planned.length, staff: teamStaff.length, arcs, cap: o.maxPerContact }, { forceFallback: o.forceFallback });
    lpByTeam[team.id] = { variables: result.variables, seconds: result.seconds, integral: result.integral, fallback: result.fallback };

    planned.forEach(({ r }, i) => {
      const row = rows.get(r.id)!;
      const s = result.contactOf[i];
      if (s === null) {
        row.reason = `every candidate is already contact for ${o.maxPerContact} recipients`;
        return;
      }
      row.contact = teamStaff[s].id;
      row.coveredShare = share(weigh.covered(r.id, row.contact), weigh.total(r.id));
    });

    chooseDeputies(planned, rows, coverage, weigh, deputyLoad, o.maxPerDeputy);
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
      recipients: members.length,
      withContactBefore: before.recipientsWithContact,
      withContactAfter: later.recipientsWithContact,
    };
  }

  const stats = Object.values(lpByTeam);
  return {
    suggestions,
    byTeam,
    lp: {
      variables: stats.reduce((n, s) => n + s.variables, 0),
      seconds: stats.reduce((n, s) => n + s.seconds, 0),
      integral: stats.every((s) => s.integral),
      fallback: stats.some((s) => s.fallback),
      byTeam: lpByTeam,
    },
    maxPerContact: o.maxPerContact,
    maxPerDeputy: o.maxPerDeputy,
    weight: o.weight,
  };
}

/** Greedy deputies for one team's recipients that were given a contact (see suggestContacts). */
function chooseDeputies(
  planned: readonly { r: Recipient; candidates: Candidate[] }[],
  rows: Map<string, ContactSuggestionRow>,
  coverage: PeriodCoverage,
  weigh: Weigher,
  deputyLoad: Map<string, number>,
  maxPerDeputy: number,
): void {
  const gapsOf = (r: Recipient, contact: string) => coverage.occurrencesOf(r.id).filter((occ) => !coverage.covers(contact, r.id, occ));
  const needs = planned
    .filter(({ r }) => rows.get(r.id)!.contact !== null)
    .map(({ r, candidates }) => {
      const gaps = gapsOf(r, rows.get(r.id)!.contact!);
      return { r, candidates, gaps, uncovered: gaps.reduce((n, occ) => n + weigh.of(occ), 0) };
    })
    .sort((a, b) => b.uncovered - a.uncovered || a.r.id.localeCompare(b.r.id));
  for (const { r, candidates, gaps } of needs) {
    const row = rows.get(r.id)!;
    let best: { id: string; fills: number; covered: number; km: number } | null = null;
    for (const c of candidates) {
      if (c.staff.id === row.contact || (deputyLoad.get(c.staff.id) ?? 0) >= maxPerDeputy) continue;
      let fills = 0;
      for (const occ of gaps) if (coverage.covers(c.staff.id, r.id, occ)) fills += weigh.of(occ);
      const better =
        !best ||
        fills > best.fills ||
        (fills === best.fills && (c.covered > best.covered || (c.covered === best.covered && c.km < best.km)));
      if (better) best = { id: c.staff.id, fills, covered: c.covered, km: c.km };
    }
    if (best) {
      row.deputy = best.id;
      deputyLoad.set(best.id, (deputyLoad.get(best.id) ?? 0) + 1);
    } else {
      row.reason =
        candidates.length > 1
          ? `every other candidate is already deputy for ${maxPerDeputy} recipients`
          : 'no other qualified eligible assistant nurse in the team to be deputy';
    }
  }
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
