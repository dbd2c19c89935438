/**
 * `kontinuitet/period@1` problems: two-week rotations where each person works every other
 * weekend (taking two weekdays off in that week), some rotate between day and evening
 * weeks, service assistants work weekdays, weekend helpers work Saturdays and Sundays,
 * and sick days leave people off the roster. Care comes as recurring visit plans plus a
 * few one-off visits (an escort to the doctor, extra checks after a hospital discharge).
 */
import type { PeriodProblem, PeriodStaff, PeriodVisit, RosterEntry, VisitPlan, Weekday } from '../model/types.ts';
import { qualifiedAsContact } from '../rules/eligibility.ts';
import { DEFAULT_TIMEZONE, addDays, weekdayOf } from '../time/index.ts';
import { KINDS, clockText, wall, type ShiftKind } from './catalog.ts';
import { occursOn, weekIndex, type CareNeed } from './care.ts';
import { assignContacts, pickDeputies, recentHistory, type PastVisit } from './continuity.ts';
import { acceptableContact, buildTeams, covers, drawShift, mayServe, recipientJson, settleConstraints, staffFields, teamJson, type ClientFacts, type Shift } from './district.ts';
import { DEFAULT_PERIOD_DAYS, DEFAULT_PERIOD_START, checkOptions, type PeriodOptions } from './options.ts';
import { Random } from '../random/index.ts';
import { drawClients, type Client } from './recipients.ts';
import { periodWorkforce, shiftGroup, type Person } from './workforce.ts';

const SWAP: Partial<Record<ShiftKind, ShiftKind>> = { day: 'evening', evening: 'day', day_part: 'evening_part', evening_part: 'day_part' };
const OFF_PAIRS: readonly (readonly Weekday[])[] = [['mon', 'tue'], ['tue', 'wed'], ['wed', 'thu'], ['thu', 'fri'], ['mon', 'fri']];
const WEEKDAY_NAMES: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

interface Rostered {
  person: Person;
  /** The shift worked on each working date. */
  days: Map<string, Shift>;
}

/** A person's place in the team's rota, dealt round-robin so that every weekday gets its share. */
interface Rota {
  /** 0: works the weekends of even weeks; 1: of odd weeks. */
  weekendParity: number;
  /** Two weekdays off in the week with a working weekend. */
  offPair: readonly Weekday[];
  /** The weekday a part-timer is off every week. */
  partOff: Weekday;
  /** Day and evening weeks alternate; odd weeks are the other kind when `rotating`. */
  rotating: boolean;
}

function rotaOf(slot: number): Rota {
  const pair = OFF_PAIRS[Math.floor(slot / 2) % OFF_PAIRS.length];
  const free = WEEKDAY_NAMES.filter((d) => !pair.includes(d));
  return { weekendParity: slot % 2, offPair: pair, partOff: free[slot % free.length], rotating: slot % 5 === 3 };
}

/** Working days and shifts of one person over the period. */
function roster(random: Random, person: Person, helper: boolean, rota: Rota, dates: readonly string[], startDate: string): Map<string, Shift> {
  const templates = new Map<ShiftKind, Shift>();
  const shiftOf = (kind: ShiftKind) => {
    let shift = templates.get(kind);
    if (!shift) {
      shift = drawShift(random, kind);
      templates.set(kind, shift);
    }
    return shift;
  };
  const rotating = SWAP[person.shiftKind] !== undefined && rota.rotating;
  const partTime = person.shiftKind === 'day_part' || person.shiftKind === 'evening_part';
  const service = person.role === 'service_assistant';

  const days = new Map<string, Shift>();
  for (const date of dates) {
    const week = weekIndex(date, startDate);
    const weekday = weekdayOf(date);
    const weekend = weekday === 'sat' || weekday === 'sun';
    const ownWeekend = ((week % 2) + 2) % 2 === rota.weekendParity;
    let works: boolean;
    if (helper) works = weekend;
    else if (service) works = !weekend;
    else if (weekend) works = ownWeekend;
    else works = !(ownWeekend && rota.offPair.includes(weekday)) && !(partTime && weekday === rota.partOff);
    if (!works) continue;
    const kind = rotating && ((week % 2) + 2) % 2 === 1 ? (SWAP[person.shiftKind] ?? person.shiftKind) : person.shiftKind;
    days.set(date, shiftOf(kind));
  }

  // Sick leave: about one person in six is away 1–5 days in a row.
  if (random.chance(0.18) && dates.length > 0) {
    const first = random.int(0, dates.length - 1);
    const length = random.weighted([[1, 4], [2, 3], [3, 2], [5, 1]]);
    for (const date of dates.slice(first, first + length)) days.delete(date);
  }
  return days;
}

function rosterJson(days: Map<string, Shift>): RosterEntry[] {
  return [...days].map(([date, shift]) => ({
    date,
    shift: { start: clockText(shift.start), end: clockText(shift.end) },
    ...(shift.breakRule
      ? { breaks: [{ earliest: clockText(shift.breakRule.earliest), latest: clockText(shift.breakRule.latest), minutes: shift.breakRule.minutes }] }
      : {}),
  }));
}

export function generatePeriod(opts: PeriodOptions): PeriodProblem {
  checkOptions(opts, 'period');
  const startDate = opts.startDate ?? opts.date ?? DEFAULT_PERIOD_START;
  const dayCount = opts.days ?? DEFAULT_PERIOD_DAYS;
  const timezone = opts.timezone ?? DEFAULT_TIMEZONE;
  const dates = Array.from({ length: dayCount }, (_, i) => addDays(startDate, i));
  const random = new Random(opts.seed);
  const teams = buildTeams(random, opts.teams);

  let lastStaff = 0;
  const nextStaffId = () => `s${++lastStaff}`;
  const byTeam: Rostered[][] = teams.map((_, t) => {
    const rng = random.fork(`staff:${t}`);
    const { core, weekend } = periodWorkforce(rng, t, opts.staffPerTeam, nextStaffId);
    // Deal rota slots separately to day and evening staff, so both keep their numbers every day.
    const slots = new Map<Person, number>();
    for (const group of ['day', 'evening'] as const) {
      rng.shuffle(core.filter((p) => shiftGroup(p.shiftKind) === group)).forEach((p, k) => slots.set(p, k));
    }
    return [
      ...core.map((person) => ({ person, days: roster(rng, person, false, rotaOf(slots.get(person) ?? 0), dates, startDate) })),
      ...weekend.map((person) => ({ person, days: roster(rng, person, true, rotaOf(0), dates, startDate) })),
    ];
  });

  const clients: Client[] = teams.flatMap((team, t) => drawClients(random.fork(`recipients:${t}`), t, team.cell, opts.recipientsPerTeam, null));
  const constraintRandom = random.fork('constraints');
  for (const client of clients) {
    const team = byTeam[client.team];
    const enough = (need: CareNeed) =>
      team.filter((r) => mayServe(r.person, need, client) && [...new Set(r.days.values())].some((shift) => covers(shift, need.window, need.durationMinutes)))
        .length >= need.staffCount;
    settleConstraints(
      constraintRandom,
      client,
      team.map((r) => r.person),
      enough,
    );
  }

  /** Visits of a client's plans a person's roster can hold over the period. */
  const cover = (client: Client, rostered: Rostered) => {
    let n = 0;
    for (const [date, shift] of rostered.days) {
      for (const need of client.profile.needs) {
        if (occursOn(need.days, date, startDate) && mayServe(rostered.person, need, client) && covers(shift, need.window, need.durationMinutes)) n++;
      }
    }
    return n;
  };

  const contactRandom = random.fork('contacts');
  const contacts = new Map<number, Person>();
  teams.forEach((_, t) => {
    const team = byTeam[t];
    const qualified = team.filter((r) => qualifiedAsContact(r.person, startDate));
    const members = clients.map((_, c) => c).filter((c) => clients[c].team === t);
    const chosen = assignContacts(
      contactRandom,
      members,
      qualified.map((r) => r.person),
      (c, person) => {
        const rostered = team.find((r) => r.person === person);
        return rostered ? cover(clients[c], rostered) : 0;
      },
    );
    for (const c of members) {
      const acceptable = qualified.filter((r) => acceptableContact(r.person, clients[c]));
      const contact = chosen.get(c) ?? (acceptable.length > 0 ? contactRandom.pick(acceptable).person : null);
      if (contact) contacts.set(c, contact);
    }
  });

  const factsRandom = random.fork('facts');
  const facts: ClientFacts[] = clients.map((client, c) => {
    const waived = client.profile.serviceOnly && factsRandom.chance(0.35);
    const contact = waived ? null : (contacts.get(c) ?? null);
    const team = byTeam[client.team];
    const people = team.map((r) => r.person);
    const deputies = waived
      ? []
      : pickDeputies(factsRandom, contact, people, [], (person) => {
          const rostered = team.find((r) => r.person === person);
          return rostered ? cover(client, rostered) : 0;
        });
    const recent = factsRandom.chance(0.05)
      ? null
      : recentHistory(factsRandom, startDate, people, contact, deputies, (day) =>
          client.profile.needs
            .filter((n) => occursOn(n.days, day, startDate))
            .map((n): PastVisit => ({ type: n.kind.type, staffCount: n.staffCount, evening: n.window[0] >= 15 * 60 })),
        );
    return { contact, waived, deputies, recent };
  });

  const recipientIds = clients.map((_, c) => `r${c + 1}`);
  const visitPlans: VisitPlan[] = [];
  clients.forEach((client, c) => {
    const planId = new Map<CareNeed, string>();
    const needs = client.profile.needs.slice().sort((a, b) => a.window[0] - b.window[0] || a.window[1] - b.window[1]);
    for (const need of needs) planId.set(need, `p${visitPlans.length + planId.size + 1}`);
    for (const need of needs) {
      const dep = need.dependsOn ? planId.get(need.dependsOn.need) : undefined;
      visitPlans.push({
        id: planId.get(need) ?? '',
        recipient: recipientIds[c],
        days: need.days,
        type: need.kind.type,
        window: { start: clockText(need.window[0]), end: clockText(need.window[1]) },
        ...(need.preferredStart !== null ? { preferredStart: clockText(need.preferredStart) } : {}),
        ...(need.dueStart !== null ? { dueStart: clockText(need.dueStart) } : {}),
        durationMinutes: need.durationMinutes,
        ...(need.staffCount === 2 ? { staffCount: 2 as const } : {}),
        ...(need.requires.length > 0 ? { requires: [...need.requires] } : {}),
        ...(need.mandatory ? {} : { mandatory: false }),
        ...(dep && need.dependsOn ? { dependsOn: [{ visit: dep, minGapMinutes: need.dependsOn.minGapMinutes, maxGapMinutes: need.dependsOn.maxGapMinutes }] } : {}),
      });
    }
  });

  const staff: PeriodStaff[] = byTeam.flat().map((r) => ({ ...staffFields(r.person, teams[r.person.team].id), roster: rosterJson(r.days) }));

  return {
    format: 'kontinuitet/period@1',
    startDate,
    days: dayCount,
    timezone,
    teams: teams.map(teamJson),
    staff,
    recipients: clients.map((client, c) => recipientJson(recipientIds[c], client, teams[client.team].id, facts[c])),
    visitPlans,
    visits: oneOffVisits(random.fork('one-off'), clients, recipientIds, dates, opts.recipientsPerTeam),
  };
}

/**
 * One-off visits (about one per twenty recipients and team): an escort to a healthcare
 * appointment, or three days of extra checks after a hospital discharge (tryggt mottagande).
 */
function oneOffVisits(random: Random, clients: readonly Client[], recipientIds: readonly string[], dates: readonly string[], perTeam: number): PeriodVisit[] {
  const drafts: Omit<PeriodVisit, 'id'>[] = [];
  const teamCount = clients.length === 0 ? 0 : Math.max(...clients.map((c) => c.team)) + 1;
  const weekdays = dates.filter((d) => weekdayOf(d) !== 'sat' && weekdayOf(d) !== 'sun');
  for (let t = 0; t < teamCount; t++) {
    const cared = clients.map((_, c) => c).filter((c) => clients[c].team === t && !clients[c].profile.serviceOnly);
    const events = Math.round(perTeam * 0.05);
    for (let e = 0; e < events && cared.length > 0; e++) {
      const c = random.pick(cared);
      const escort = random.chance(0.6);
      const kind = KINDS[escort ? 'escort' : 'discharge'];
      const [from, to] = random.pick(kind.windows);
      const duration = random.step(kind.duration[0], kind.duration[1], 5);
      const first = random.int(0, dates.length - 1);
      const on = escort ? [random.pick(weekdays.length > 0 ? weekdays : dates)] : dates.slice(first, first + 3);
      for (const date of on) {
        drafts.push({
          recipient: recipientIds[c],
          date,
          type: kind.type,
          window: { start: clockText(wall(from)), end: clockText(wall(to)) },
          durationMinutes: duration,
        });
      }
    }
  }
  // Stable sort: by date, then in the order drawn.
  return drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.date < b.d.date ? -1 : a.d.date > b.d.date ? 1 : a.i - b.i))
    .map(({ d }, i) => ({ id: `v${i + 1}`, ...d }));
}
