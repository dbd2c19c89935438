/**
 * A period schedule prepared for drawing: per day the contact shares, per recipient a strip
 * of the period's days showing who came (the contact, a deputy, someone met in the last 14
 * days, someone new), and the visits not made by the contact by reason. Who is familiar is
 * replayed day by day from the period's history, as planning carried it (FORMAT §6.18).
 * The day metrics are the period schedule's own: recomputing them (as the day view does)
 * costs about 0.4 s per district day, mostly building the travel table.
 */
import { EXPLANATION_REASONS } from '../../model/schemas.ts';
import type { Metrics, PeriodProblem, PeriodSchedule } from '../../model/types.ts';
import { StaffHistory, visitsMet } from '../../period/index.ts';
import type { Acquaintance, ExplanationReason } from '../i18n.ts';
import { countBy, type ReasonCount } from './day.ts';
import { prepareKpi, type KpiModel } from './kpi.ts';

export interface PeriodDay {
  date: string;
  metrics: Metrics;
}

export interface RecipientStrip {
  recipient: string;
  name: string;
  team: string | null;
  /** One entry per period day (in `PeriodModel.dates` order): who came, contact first. */
  days: Acquaintance[][];
  /** Distinct staff over the whole period. */
  distinct: number;
}

/** The period's days added up; shares over the visits to recipients with a contact, as on a day. */
export interface PeriodTotals {
  visits: number;
  assigned: number;
  unassignedMandatory: number;
  unassignedOptional: number;
  contactShare: number | null;
  contactOrDeputyShare: number | null;
  travelMinutes: number;
}

export interface PeriodModel {
  startDate: string;
  totals: PeriodTotals;
  dates: string[];
  days: PeriodDay[];
  strips: RecipientStrip[];
  teams: { id: string; name: string }[];
  notContactByReason: ReasonCount<ExplanationReason>[];
  kpi: KpiModel;
}

const RANK: Record<Acquaintance, number> = { contact: 0, deputy: 1, familiar: 2, new: 3 };

/** How a recipient knows a staff member on a day: contact, deputy, met in the last 13 days, or new. */
export function acquaintance(staff: string, contact: string | null | undefined, deputies: readonly string[] | undefined, recent: ReadonlySet<string>): Acquaintance {
  if (staff === contact) return 'contact';
  if (deputies?.includes(staff)) return 'deputy';
  return recent.has(staff) ? 'familiar' : 'new';
}

/** The schedule is assumed to belong to the period (the period view checks it against the expanded days first). */
export function preparePeriod(period: PeriodProblem, schedule: PeriodSchedule): PeriodModel {
  const history = new StaffHistory(period.recipients);
  const recipients = new Map(period.recipients.map((r) => [r.id, r]));
  const dates = schedule.days.map((d) => d.date);
  const strips = new Map<string, { days: Acquaintance[][]; met: Set<string> }>();
  const reasons: ExplanationReason[] = [];
  const days: PeriodDay[] = schedule.days.map((day, index) => {
    for (const [recipientId, byStaff] of visitsMet(day)) {
      const recipient = recipients.get(recipientId);
      const recent = new Set(history.recentStaffFor(recipientId, day.date).map((e) => e.staff));
      const strip = strips.get(recipientId) ?? { days: dates.map(() => []), met: new Set<string>() };
      strip.days[index] = [...byStaff.keys()].map((s) => acquaintance(s, recipient?.contact, recipient?.deputies, recent)).sort((a, b) => RANK[a] - RANK[b]);
      for (const s of byStaff.keys()) strip.met.add(s);
      strips.set(recipientId, strip);
    }
    for (const e of day.explanations ?? []) reasons.push(e.reason);
    history.record(day);
    return { date: day.date, metrics: day.metrics };
  });
  const teamOrder = new Map(period.teams.map((t, i) => [t.id, i]));
  const rows: RecipientStrip[] = [...strips].map(([id, s]) => ({
    recipient: id,
    name: recipients.get(id)?.name ?? id,
    team: recipients.get(id)?.team ?? null,
    days: s.days,
    distinct: s.met.size,
  }));
  rows.sort((a, b) => (teamOrder.get(a.team ?? '') ?? -1) - (teamOrder.get(b.team ?? '') ?? -1) || b.distinct - a.distinct || (a.recipient < b.recipient ? -1 : 1));
  return {
    startDate: period.startDate,
    totals: totalsOf(days.map((d) => d.metrics)),
    dates,
    days,
    strips: rows,
    teams: period.teams.map((t) => ({ id: t.id, name: t.name ?? t.id })),
    notContactByReason: countBy(reasons, EXPLANATION_REASONS),
    kpi: prepareKpi(schedule.kpi),
  };
}

/** Rows keyed by id or listed with an id (FORMAT §6.14), as a list. */
function rowsOf<T>(rows: Record<string, T> | (T & { id: string })[]): T[] {
  return Array.isArray(rows) ? rows : Object.values(rows);
}

export function totalsOf(days: readonly Metrics[]): PeriodTotals {
  let contact = 0;
  let deputy = 0;
  let of = 0;
  for (const m of days) {
    for (const r of rowsOf(m.byRecipient)) {
      if (r.contactShare === null || r.contactShare === undefined) continue;
      // A recipient's share is a count over their assigned visits: multiplying back is exact up to rounding.
      contact += Math.round(r.contactShare * r.assigned);
      deputy += Math.round((r.contactOrDeputyShare ?? 0) * r.assigned);
      of += r.assigned;
    }
  }
  const sum = (f: (m: Metrics) => number) => days.reduce((n, m) => n + f(m), 0);
  return {
    visits: sum((m) => m.visits),
    assigned: sum((m) => m.assigned),
    unassignedMandatory: sum((m) => m.unassignedMandatory),
    unassignedOptional: sum((m) => m.unassignedOptional),
    contactShare: of === 0 ? null : contact / of,
    contactOrDeputyShare: of === 0 ? null : deputy / of,
    travelMinutes: sum((m) => m.travelMinutes),
  };
}
