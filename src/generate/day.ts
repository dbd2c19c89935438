/**
 * `kontinuitet/day@1` problems for a Södermalm-like district, and with `planted` the
 * hidden feasible schedule they were built around (`kontinuitet/schedule@1`).
 *
 * Order of work: teams, staff with today's shifts, recipients with care plans, the
 * visits that fall on the date (with usual windows, or planted and windows derived from
 * the planted starts), contacts and deputies, the 14-day history, then ids and JSON.
 */
import type { DayProblem, Route, Schedule, Staff, Visit } from '../model/types.ts';
import { travelSettings } from '../geo/index.ts';
import { assembleSchedule } from '../solver/assemble.ts';
import { qualifiedAsContact } from '../rules/eligibility.ts';
import { DEFAULT_TIMEZONE, PlanClock, weekdayOf } from '../time/index.ts';
import { EARLIEST_WINDOW, LATEST_WINDOW, clockText } from './catalog.ts';
import { occursOn, type CareNeed } from './care.ts';
import { assignContacts, pickDeputies, recentHistory, type PastVisit } from './continuity.ts';
import {
  acceptableContact,
  buildTeams,
  covers,
  drawShift,
  mayServe,
  recipientJson,
  settleConstraints,
  staffFields,
  teamJson,
  type ClientFacts,
  type DistrictTeam,
  type Shift,
} from './district.ts';
import { DEFAULT_DAY_DATE, checkOptions, type GenerateOptions } from './options.ts';
import { plantRoutes, type PlantedRoute, type PlantStaff, type PlantVisit } from './plant.ts';
import { Random } from '../random/index.ts';
import { drawClients, type Client } from './recipients.ts';
import { dayWorkforce, offDutyColleagues, type Person } from './workforce.ts';

interface Worker {
  person: Person;
  shift: Shift;
  /** Index in the day's staff list. */
  index: number;
}

/** One visit of the day: a client's need with its window and soft times (wall-clock minutes). */
interface DayVisit {
  client: number;
  need: CareNeed;
  window: [number, number];
  preferredStart: number | null;
  dueStart: number | null;
  dependsOn: DayVisit | null;
}

/** What planting adds: the routes, who went to each visit, and break intervals opened earlier. */
interface Planted {
  routes: PlantedRoute[];
  /** The day visit of each planted visit index. */
  visitAt: DayVisit[];
  sent: Map<DayVisit, Worker[]>;
  breakEarliest: Map<number, number>;
}

/** The day as the generator sees it while it works. */
interface Day {
  date: string;
  teams: DistrictTeam[];
  workers: Worker[];
  byTeam: Worker[][];
  /** Colleagues off today, per team: history and deputies only. */
  offDuty: Person[][];
  clients: Client[];
}

/** Planted starts may move this far before their target, and `laterSlack` after. */
const EARLIER_SLACK = 45;
/** The narrowest window a planted visit gets. */
const MIN_WINDOW = 30;
function laterSlack(need: CareNeed): number {
  return Math.max(45, need.kind.plantedWidth[1] / 2);
}

function floorTo(minutes: number, step: number): number {
  return Math.floor(minutes / step) * step;
}

/**
 * The clock of the plan day. The generator keeps all work between 05:00 and midnight
 * and writes wall-clock times; that is exact only when the offset does not change then.
 */
function openClock(date: string, timezone: string): PlanClock {
  const clock = new PlanClock(date, timezone);
  if (clock.minutes('23:59') - clock.minutes('05:00') !== 19 * 60 - 1) {
    throw new RangeError(`${timezone} changes its UTC offset between 05:00 and midnight on ${date}; choose another date`);
  }
  return clock;
}

/** How many of `visits` the worker may serve with a start inside the window and the shift. */
function coverage(worker: Worker, client: Client, visits: readonly { need: CareNeed; window: readonly [number, number] }[]): number {
  return visits.filter((v) => mayServe(worker.person, v.need, client) && covers(worker.shift, v.window, v.need.durationMinutes)).length;
}

export function generateDay(opts: GenerateOptions): { problem: DayProblem; planted?: Schedule } {
  checkOptions(opts, 'day');
  const date = opts.date ?? DEFAULT_DAY_DATE;
  const timezone = opts.timezone ?? DEFAULT_TIMEZONE;
  const clock = openClock(date, timezone);
  const random = new Random(opts.seed);
  const day = buildDay(random, opts, date);

  const needsToday = day.clients.map((c) => c.profile.needs.filter((n) => occursOn(n.days, date, date)));
  const planted = opts.planted ? plant(random, day, needsToday) : null;
  const visits = planted ? planted.visitAt.filter((v) => v !== undefined) : usualVisits(needsToday);
  const visitsOf = day.clients.map((): DayVisit[] => []);
  for (const v of visits) visitsOf[v.client].push(v);

  const contacts = chooseContacts(random.fork('contacts'), day, visitsOf, planted);
  const facts = clientFacts(random.fork('facts'), day, visitsOf, contacts);

  // Ids in document order: recipients by team, visits by recipient and window.
  const recipientId = new Map<number, string>();
  day.clients.forEach((_, c) => {
    if (visitsOf[c].length > 0) recipientId.set(c, `r${recipientId.size + 1}`);
  });
  const ordered = visitsOf.flatMap((list) => list.slice().sort((a, b) => a.window[0] - b.window[0] || a.window[1] - b.window[1]));
  const visitId = new Map<DayVisit, string>(ordered.map((v, i) => [v, `v${i + 1}`]));

  const problem: DayProblem = {
    format: 'kontinuitet/day@1',
    date,
    timezone,
    teams: day.teams.map(teamJson),
    staff: day.workers.map((w) => staffJson(w, day.teams[w.person.team], planted?.breakEarliest.get(w.index))),
    recipients: day.clients.flatMap((client, c) => {
      const id = recipientId.get(c);
      return id ? [recipientJson(id, client, day.teams[client.team].id, facts[c])] : [];
    }),
    visits: ordered.map((v) => visitJson(v, visitId, recipientId)),
  };
  if (!planted) return { problem };
  return { problem, planted: plantedSchedule(clock, problem, day, planted, visitId, recipientId) };
}

/** Teams, today's staff and shifts, colleagues off today, and recipients with settled constraints. */
function buildDay(random: Random, opts: GenerateOptions, date: string): Day {
  const teams = buildTeams(random, opts.teams);
  let lastStaff = 0;
  const nextStaffId = () => `s${++lastStaff}`;
  const workers: Worker[] = [];
  const byTeam = teams.map((_, t) => {
    const rng = random.fork(`staff:${t}`);
    return dayWorkforce(rng, t, opts.staffPerTeam, nextStaffId).map((person) => {
      const worker = { person, shift: drawShift(rng, person.shiftKind), index: workers.length };
      workers.push(worker);
      return worker;
    });
  });
  // About 1.4 × the day's staff belong to a team; the rest are off today.
  const offDuty = teams.map((_, t) => offDutyColleagues(random.fork(`off:${t}`), t, Math.round(opts.staffPerTeam * 0.4), nextStaffId));

  const today = weekdayOf(date);
  const clients = teams.flatMap((team, t) => drawClients(random.fork(`recipients:${t}`), t, team.cell, opts.recipientsPerTeam, today));
  const constraintRandom = random.fork('constraints');
  for (const client of clients) {
    const team = byTeam[client.team];
    const enough = (need: CareNeed) => team.filter((w) => mayServe(w.person, need, client) && covers(w.shift, need.window, need.durationMinutes)).length >= need.staffCount;
    settleConstraints(
      constraintRandom,
      client,
      team.map((w) => w.person),
      enough,
    );
  }
  return { date, teams, workers, byTeam, offDuty, clients };
}

/** Visits with the usual windows of their plans (unplanted problems). */
function usualVisits(needsToday: readonly CareNeed[][]): DayVisit[] {
  return needsToday.flatMap((needs, client) => {
    const made = new Map<CareNeed, DayVisit>();
    return needs.map((need) => {
      const visit: DayVisit = {
        client,
        need,
        window: [need.window[0], need.window[1]],
        preferredStart: need.preferredStart,
        dueStart: need.dueStart,
        dependsOn: need.dependsOn ? (made.get(need.dependsOn.need) ?? null) : null,
      };
      made.set(need, visit);
      return visit;
    });
  });
}

/**
 * One contact per recipient with visits: a qualified assistant nurse of the team whose
 * shift covers most of the recipient's visits, the load spread over the team; in planted
 * problems the qualified staff member who did most of the recipient's planted visits.
 */
function chooseContacts(random: Random, day: Day, visitsOf: readonly DayVisit[][], planted: Planted | null): Map<number, Person> {
  const contacts = new Map<number, Person>();
  day.byTeam.forEach((team, t) => {
    const qualified = team.filter((w) => qualifiedAsContact(w.person, day.date));
    const members = day.clients.map((_, c) => c).filter((c) => day.clients[c].team === t && visitsOf[c].length > 0);
    const byCoverage = assignContacts(
      random,
      members,
      qualified.map((w) => w.person),
      (c, person) => {
        const worker = team.find((w) => w.person === person);
        return worker ? coverage(worker, day.clients[c], visitsOf[c]) : 0;
      },
    );
    for (const c of members) {
      const byCover = byCoverage.get(c) ?? null;
      let contact = byCover;
      if (planted) {
        const done = new Map<Person, number>();
        for (const v of visitsOf[c]) for (const w of planted.sent.get(v) ?? []) done.set(w.person, (done.get(w.person) ?? 0) + 1);
        let most = 0;
        for (const w of qualified) {
          const n = done.get(w.person) ?? 0;
          if (n > most || (n === most && n > 0 && w.person === byCover)) {
            most = n;
            contact = w.person;
          }
        }
      }
      const acceptable = qualified.filter((w) => acceptableContact(w.person, day.clients[c]));
      if (!contact && acceptable.length > 0) contact = random.pick(acceptable).person;
      if (contact) contacts.set(c, contact);
    }
  });
  return contacts;
}

/** Waived contacts (a third of service-only recipients), deputies and the 14-day history. */
function clientFacts(random: Random, day: Day, visitsOf: readonly DayVisit[][], contacts: Map<number, Person>): ClientFacts[] {
  return day.clients.map((client, c) => {
    const waived = client.profile.serviceOnly && random.chance(0.35);
    const contact = waived ? null : (contacts.get(c) ?? null);
    const team = day.byTeam[client.team];
    const deputies = waived
      ? []
      : pickDeputies(
          random,
          contact,
          team.map((w) => w.person),
          day.offDuty[client.team],
          (person) => {
            const worker = team.find((w) => w.person === person);
            return worker ? coverage(worker, client, visitsOf[c]) : 0;
          },
        );
    const colleagues = [...team.map((w) => w.person), ...day.offDuty[client.team]];
    // One recipient in twenty is new (or back from hospital): no history.
    const recent = random.chance(0.05)
      ? null
      : recentHistory(random, day.date, colleagues, contact, deputies, (date) =>
          client.profile.needs
            .filter((n) => occursOn(n.days, date, day.date))
            .map((n): PastVisit => ({ type: n.kind.type, staffCount: n.staffCount, evening: n.window[0] >= 15 * 60 })),
        );
    return { contact, waived, deputies, recent };
  });
}

function staffJson(w: Worker, team: DistrictTeam, openedAt: number | undefined): Staff {
  const rule = w.shift.breakRule;
  const earliest = rule && openedAt !== undefined ? floorTo(openedAt, 15) : rule?.earliest;
  return {
    ...staffFields(w.person, team.id),
    shift: { start: clockText(w.shift.start), end: clockText(w.shift.end) },
    ...(rule && earliest !== undefined ? { breaks: [{ earliest: clockText(earliest), latest: clockText(rule.latest), minutes: rule.minutes }] } : {}),
  };
}

function visitJson(v: DayVisit, visitId: Map<DayVisit, string>, recipientId: Map<number, string>): Visit {
  const need = v.need;
  const dep = v.dependsOn && need.dependsOn ? visitId.get(v.dependsOn) : undefined;
  return {
    id: visitId.get(v) ?? '',
    recipient: recipientId.get(v.client) ?? '',
    type: need.kind.type,
    window: { start: clockText(v.window[0]), end: clockText(v.window[1]) },
    ...(v.preferredStart !== null ? { preferredStart: clockText(v.preferredStart) } : {}),
    ...(v.dueStart !== null ? { dueStart: clockText(v.dueStart) } : {}),
    durationMinutes: need.durationMinutes,
    ...(need.staffCount === 2 ? { staffCount: 2 as const } : {}),
    ...(need.requires.length > 0 ? { requires: [...need.requires] } : {}),
    ...(need.mandatory ? {} : { mandatory: false }),
    ...(dep && need.dependsOn
      ? { dependsOn: [{ visit: dep, minGapMinutes: need.dependsOn.minGapMinutes, maxGapMinutes: need.dependsOn.maxGapMinutes }] }
      : {}),
  };
}

function isoAt(clock: PlanClock, wallMinutes: number): string {
  return clock.iso(clock.minutes(clockText(wallMinutes)));
}

/** The planted routes as a `kontinuitet/schedule@1` document, with the project's metrics. */
function plantedSchedule(clock: PlanClock, problem: DayProblem, day: Day, planted: Planted, visitId: Map<DayVisit, string>, recipientId: Map<number, string>): Schedule {
  const routes: Route[] = planted.routes.map((route) => {
    const worker = day.workers[route.staff];
    return {
      staff: worker.person.id,
      start: isoAt(clock, route.start),
      end: isoAt(clock, route.end),
      stops: route.stops.map((stop) => {
        const v = planted.visitAt[stop.visit];
        return {
          visit: visitId.get(v) ?? '',
          recipient: recipientId.get(v.client) ?? '',
          arrival: isoAt(clock, stop.arrival),
          start: isoAt(clock, stop.start),
          end: isoAt(clock, stop.end),
          travelMinutes: stop.travelMinutes,
          waitMinutes: stop.waitMinutes,
        };
      }),
      breaks:
        route.breakStart === null
          ? []
          : [{ start: isoAt(clock, route.breakStart), end: isoAt(clock, route.breakStart + (worker.shift.breakRule?.minutes ?? 0)) }],
      travelMinutes: route.travelMinutes,
      serviceMinutes: route.serviceMinutes,
      waitMinutes: route.waitMinutes,
    };
  });
  return assembleSchedule(problem, { routes, unassigned: [] });
}

/**
 * Plants the day: draws a target start for each need, places the needs on routes that
 * favour each recipient's likely contact, keeps what could be placed, and derives every
 * window around its planted start (and preferred and due times next to it).
 */
function plant(random: Random, day: Day, needsToday: readonly CareNeed[][]): Planted {
  const targetRandom = random.fork('targets');
  const drafts: { client: number; need: CareNeed; target: number }[] = [];
  needsToday.forEach((needs, client) => {
    for (const need of needs) {
      // Service waits until the morning round is done: late in its window, after lunch.
      const from = need.kind.type === 'service' ? Math.max(need.window[0], need.window[1] - 90) : need.window[0];
      drafts.push({ client, need, target: targetRandom.step(from, need.window[1], 5) });
    }
  });
  // A dependent visit may use its whole usual window: the gap to the first visit narrows it enough.
  const rangeOf = (d: (typeof drafts)[number]): [number, number] =>
    d.need.dependsOn
      ? [d.need.window[0] - EARLIER_SLACK, d.need.window[1] + laterSlack(d.need)]
      : [Math.max(d.need.window[0], d.target - EARLIER_SLACK), d.target + laterSlack(d.need)];

  // Each recipient's likely contact, by coverage of the planting ranges; the routes favour them.
  const intended = new Map<number, number>();
  day.byTeam.forEach((team, t) => {
    const members = day.clients.map((_, c) => c).filter((c) => day.clients[c].team === t);
    const chosen = assignContacts(
      random.fork(`intended:${t}`),
      members,
      team.filter((w) => qualifiedAsContact(w.person, day.date)).map((w) => w.person),
      (c, person) => {
        const worker = team.find((w) => w.person === person);
        return worker ? coverage(worker, day.clients[c], drafts.filter((d) => d.client === c).map((d) => ({ need: d.need, window: rangeOf(d) }))) : 0;
      },
    );
    for (const [c, person] of chosen) {
      const worker = team.find((w) => w.person === person);
      if (worker) intended.set(c, worker.index);
    }
  });

  const plantStaff: PlantStaff[] = day.workers.map((w) => ({
    shiftStart: w.shift.start,
    shiftEnd: w.shift.end,
    breakRule: w.shift.breakRule,
    mode: w.person.travelMode ?? 'walk',
    base: day.teams[w.person.team].office,
  }));
  const draftIndex = new Map<CareNeed, number>();
  drafts.forEach((d, i) => draftIndex.set(d.need, i));
  const plantVisits: PlantVisit[] = drafts.map((d) => {
    const [earliest, latest] = rangeOf(d);
    const client = day.clients[d.client];
    const dep = d.need.dependsOn;
    const depIndex = dep ? draftIndex.get(dep.need) : undefined;
    return {
      recipient: d.client,
      location: client.location,
      durationMinutes: d.need.durationMinutes,
      staffCount: d.need.staffCount,
      target: d.target,
      earliest: Math.max(EARLIEST_WINDOW, earliest),
      latest,
      eligible: day.byTeam[client.team].filter((w) => mayServe(w.person, d.need, client)).map((w) => w.index),
      dependsOn: dep && depIndex !== undefined ? { visit: depIndex, minGapMinutes: dep.minGapMinutes, maxGapMinutes: dep.maxGapMinutes } : null,
    };
  });
  // Favour the likely contact; keep staff with an insulin delegation free for insulin when others can go.
  const planting = plantRoutes(
    random.fork('plant'),
    plantStaff,
    plantVisits,
    travelSettings(undefined),
    (s, v) =>
      (intended.get(plantVisits[v].recipient) === s ? -25 : 0) +
      (day.workers[s].person.skills.includes('insulin') && !drafts[v].need.requires.includes('insulin') ? 10 : 0),
  );

  const windowRandom = random.fork('windows');
  const made = new Map<CareNeed, DayVisit>();
  const visitAt: DayVisit[] = [];
  const sent = new Map<DayVisit, Worker[]>();
  drafts.forEach((d, i) => {
    const start = planting.starts[i];
    if (start === null) return;
    const kind = d.need.kind;
    const width = windowRandom.step(kind.plantedWidth[0], kind.plantedWidth[1], 15);
    let from = floorTo(start - Math.round(width * windowRandom.float(0.2, 0.8)), 15);
    from = Math.min(start, Math.max(EARLIEST_WINDOW, from));
    const to = Math.max(start, Math.min(LATEST_WINDOW, from + width));
    // A late start clipped at the latest window end still gets half an hour of window.
    from = Math.min(from, Math.max(EARLIEST_WINDOW, floorTo(to - MIN_WINDOW, 15)));
    const care = kind.type !== 'service';
    const before = d.need.dependsOn ? made.get(d.need.dependsOn.need) : undefined;
    const visit: DayVisit = {
      client: d.client,
      need: d.need,
      window: [from, to],
      preferredStart: care && windowRandom.chance(0.25) ? Math.min(to, Math.max(from, Math.round(start / 5) * 5)) : null,
      dueStart: !care && windowRandom.chance(0.4) ? Math.min(to, Math.ceil(start / 15) * 15 + windowRandom.step(0, 60, 15)) : null,
      dependsOn: before ?? null,
    };
    made.set(d.need, visit);
    visitAt[i] = visit;
    sent.set(
      visit,
      planting.sent[i].map((s) => day.workers[s]),
    );
  });
  return { routes: planting.routes, visitAt, sent, breakEarliest: planting.breakEarliest };
}

