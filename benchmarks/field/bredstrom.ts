/**
 * Bredström & Rönnqvist (2008), "Combined vehicle routing and scheduling with temporal
 * precedence and synchronization constraints", EJOR 191:19-31, in the re-formatted copy of
 * the book "Programmation par contraintes avancée" (Lacomme et al.; brunesto/PC_Avancee).
 *
 * Layout: three header lines (vehicles, visits, capacity, each followed by a `//` comment),
 * then sections opened by a `//` comment line (French, Latin-1), in this order:
 *   processing time     one line per visit: index, time
 *   vehicle window      one line "start end" for every vehicle, or one line per vehicle
 *   time window         one line per visit: earliest and latest start (hard)
 *   demand              one line per visit: index, demand (all 0: capacity is unused)
 *   visit distances     visits × visits travel times
 *   depot distances     one line per visit: index, time from the depot (used both ways)
 *   synchronisation     a count, then that many pairs "i j" that must start together
 * Times are integers (apparently scaled). The objective here is total travel time.
 *
 * Reference values for these files (the book's tours, e.g. 274 for `Bred_01S` from
 * `tournee_Bred_01S_GC.txt`) are yardsticks of what a heuristic reached, not proven optima.
 */
import type { DayProblem, Recipient, Visit } from '../../src/model/types.ts';
import { benchDay, benchObjective, benchStaff, benchTeam, clockTime, matrixOver, ringPoint, textError } from './common.ts';

export interface BredstromInstance {
  name: string;
  vehicles: number;
  /** Availability window per vehicle. */
  availability: { start: number; end: number }[];
  /** Per visit (0-based here; the file numbers visits from 1). */
  processing: number[];
  windows: { start: number; end: number }[];
  /** Travel between visits, visits × visits. */
  distance: number[][];
  /** Travel between the depot and each visit. */
  depot: number[];
  /** Pairs (0-based) that must start at the same time. */
  synchronised: [number, number][];
}

interface Block {
  line: number;
  rows: number[][];
}

function blocks(text: string, name: string): { header: Block; sections: Block[] } {
  const header: Block = { line: 1, rows: [] };
  const sections: Block[] = [];
  let current = header;
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed.startsWith('//')) {
      current = { line: i + 1, rows: [] };
      sections.push(current);
      return;
    }
    const body = trimmed.replace(/\/\/.*$/, '').trim();
    if (body === '') return;
    const row = body.split(/\s+/).map(Number);
    if (row.some((v) => !Number.isFinite(v))) throw textError(name, i + 1, `"${body}" is not a row of numbers`);
    current.rows.push(row);
  });
  return { header, sections };
}

export function parseBredstrom(text: string, name: string): BredstromInstance {
  const { header, sections } = blocks(text, name);
  const head = header.rows.flat();
  if (head.length !== 3) throw textError(name, 1, 'expected three header lines: vehicles, visits, capacity');
  const [vehicles, n] = head;
  if (!Number.isInteger(vehicles) || vehicles < 1 || !Number.isInteger(n) || n < 1) throw textError(name, 1, 'vehicle and visit counts should be positive whole numbers');
  if (sections.length !== 7) throw textError(name, null, `expected 7 commented sections after the header, found ${sections.length}`);
  const [proc, avail, tw, demand, dist, depot, sync] = sections;
  const indexed = (b: Block, what: string) => {
    if (b.rows.length !== n || b.rows.some((r, i) => r.length !== 2 || r[0] !== i + 1)) {
      throw textError(name, b.line, `${what}: expected ${n} lines "index value" numbered 1..${n}`);
    }
    return b.rows.map((r) => r[1]);
  };
  const pairs = (b: Block, count: number, what: string) => {
    if (b.rows.length !== count || b.rows.some((r) => r.length !== 2)) throw textError(name, b.line, `${what}: expected ${count} lines of two numbers`);
    return b.rows.map((r) => ({ start: r[0], end: r[1] }));
  };
  const processing = indexed(proc, 'processing time');
  indexed(demand, 'demand');
  const availability = avail.rows.length === 1 ? Array.from({ length: vehicles }, () => pairs(avail, 1, 'vehicle window')[0]) : pairs(avail, vehicles, 'vehicle window');
  const windows = pairs(tw, n, 'time window');
  if (dist.rows.length !== n || dist.rows.some((r) => r.length !== n)) throw textError(name, dist.line, `visit distances: expected ${n} rows of ${n} numbers`);
  const count = sync.rows[0]?.length === 1 ? sync.rows[0][0] : Number.NaN;
  const syncRows = sync.rows.slice(1);
  if (!Number.isInteger(count) || syncRows.length !== count || syncRows.some((r) => r.length !== 2 || r.some((v) => !Number.isInteger(v) || v < 1 || v > n))) {
    throw textError(name, sync.line, 'synchronisation: expected a count, then that many pairs of visit numbers');
  }
  return {
    name,
    vehicles,
    availability,
    processing,
    windows,
    distance: dist.rows,
    depot: indexed(depot, 'depot distances'),
    synchronised: syncRows.map((r) => [r[0] - 1, r[1] - 1] as [number, number]),
  };
}

export const BREDSTROM_TEAM = 'depot';

/** Our ids: visit `v7` for the file's visit 7, staff `k1` for vehicle 1. */
export const bredstromVisitId = (visit: number) => `v${visit + 1}`;
export const bredstromStaffId = (vehicle: number) => `k${vehicle + 1}`;

/**
 * The recipient of each visit: a synchronised pair whose travel rows coincide is one home
 * served by two people, any other visit its own recipient `r<n>`.
 */
export function bredstromRecipients(instance: BredstromInstance): string[] {
  const owner = instance.processing.map((_, i) => `r${i + 1}`);
  for (const [a, b] of instance.synchronised) {
    const sameHome = instance.depot[a] === instance.depot[b] && instance.distance[a].every((d, k) => d === instance.distance[b][k] || k === a || k === b);
    if (sameHome && instance.distance[a][b] === 0) owner[b] = owner[a];
  }
  return owner;
}

/**
 * Converts an instance: vehicles → staff of one team whose office is the depot, shift =
 * the vehicle's availability window; each visit → a mandatory visit with its processing
 * time and hard window; a synchronised pair → two visits, the second depending on the
 * first with a 0/0 gap. Points are placed on a ring by their depot distance; the matrix
 * (visit to visit, depot to visit) defines travel.
 */
export function convertBredstrom(instance: BredstromInstance): DayProblem {
  const owner = bredstromRecipients(instance);
  const homes = [...new Set(owner)];
  const firstVisitOf = new Map(homes.map((r) => [r, owner.indexOf(r)]));
  const office = { lat: 59.33, lon: 18.06 };
  const far = Math.max(...instance.depot);
  const recipients: Recipient[] = homes.map((id, k) => {
    const visit = firstVisitOf.get(id)!;
    // The paper knows no continuity: no contact is owed, so none is missing.
    return { id, team: BREDSTROM_TEAM, location: ringPoint(office, k, homes.length, instance.depot[visit], far), contactWaived: true };
  });
  const partnerOf = new Map(instance.synchronised.map(([a, b]) => [b, a]));
  const visits: Visit[] = instance.processing.map((duration, i) => {
    if (!Number.isInteger(duration) || duration <= 0) throw textError(instance.name, null, `visit ${i + 1}: processing time ${duration} is not a positive whole number`);
    const w = instance.windows[i];
    const partner = partnerOf.get(i);
    return {
      id: bredstromVisitId(i),
      recipient: owner[i],
      type: 'personal_care',
      window: { start: clockTime(w.start), end: clockTime(w.end) },
      durationMinutes: duration,
      mandatory: true,
      ...(partner !== undefined ? { dependsOn: [{ visit: bredstromVisitId(partner), minGapMinutes: 0, maxGapMinutes: 0 }] } : {}),
    };
  });
  const staff = instance.availability.map((a, k) =>
    benchStaff({ id: bredstromStaffId(k), team: BREDSTROM_TEAM, skills: [], shift: { start: clockTime(a.start), end: clockTime(a.end) } }),
  );
  // Source index: 0 the depot, 1 + i visit i; a home shared by a pair takes its first visit's row.
  const ids = [BREDSTROM_TEAM, ...staff.map((s) => s.id), ...homes];
  const rows = [0, ...staff.map(() => 0), ...homes.map((h) => 1 + firstVisitOf.get(h)!)];
  const source = (from: number, to: number) =>
    from === 0 ? instance.depot[to - 1] : to === 0 ? instance.depot[from - 1] : instance.distance[from - 1][to - 1];
  return benchDay({
    teams: [benchTeam(BREDSTROM_TEAM, office, `Bredström & Rönnqvist (2008) ${instance.name}: depot`)],
    staff,
    recipients,
    visits,
    travel: matrixOver(ids, rows, source),
    objective: benchObjective({ travelMinute: 1, lateMinute: 0, maxLateMinute: 0 }),
  });
}

/** The book's tour file: "vehicles cost", then per vehicle "k count v1 v2 …". */
export interface BredstromTour {
  cost: number;
  /** Per vehicle (0-based), its visits (0-based) in order. */
  routes: { vehicle: number; visits: number[] }[];
}

export function parseBredstromTour(text: string, name: string): BredstromTour {
  const rows = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.split(/\s+/).map(Number));
  const [vehicles, cost] = rows[0] ?? [];
  if (!Number.isInteger(vehicles) || !Number.isFinite(cost) || rows.length !== vehicles + 1) throw textError(name, 1, 'expected "vehicles cost" and one line per vehicle');
  const routes = rows.slice(1).map((r, k) => {
    const [vehicle, count, ...visits] = r;
    if (visits.length !== count || visits.some((v) => !Number.isInteger(v) || v < 1)) throw textError(name, k + 2, `expected vehicle, count and ${count} visit numbers`);
    return { vehicle: vehicle - 1, visits: visits.map((v) => v - 1) };
  });
  return { cost, routes };
}
