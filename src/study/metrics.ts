/**
 * The metrics of one plan of a study (FORMAT §8), read from the plan's own metrics (which
 * the checker recomputes) and, for paid time and kilometres, from its problem and routes.
 *
 * A period adds its days up: counts and minutes are sums; a share is taken over all the
 * period's visits it counts on a day (each recipient's day rows give numerator and
 * denominator); `distinctStaffMean` and `newStaffMean` are means over recipient-days (a
 * recipient with a visit that day), so a period reads as an average day; `U21401` is the
 * Kolada value of the plan's first 14-day window.
 */
import type { DayProblem, Metrics, PeriodProblem, RecipientMetrics, Role, Schedule } from '../model/types.ts';
import { ROLES } from '../model/schemas.ts';
import { expandPeriod } from '../period/index.ts';
import { carKm, costSek, inRoleOrder, paidMinutesByRole, type ResolvedCosts } from './cost.ts';
import type { StudyBase, StudyMetrics, StudyPlan } from './types.ts';

/** Metres are enough for a kilometre figure. */
const KM_DECIMALS = 1000;

export function studyEntry(problem: StudyBase, plan: StudyPlan, costs: ResolvedCosts): { metrics: StudyMetrics; costSek: number } {
  const metrics = problem.kind === 'day' && plan.kind === 'day' ? dayMetrics(problem.problem, plan.schedule) : periodMetrics(problem.problem as PeriodProblem, plan);
  return { metrics, costSek: costSek(metrics.paidMinutesByRole, metrics.carKm, costs) };
}

function dayMetrics(problem: DayProblem, schedule: Schedule): StudyMetrics {
  const m = schedule.metrics;
  const paid = paidMinutesByRole(problem, schedule.routes);
  return {
    visits: m.visits,
    assigned: m.assigned,
    unassignedMandatory: m.unassignedMandatory,
    contactShare: m.contactShare,
    contactReachableShare: m.contactReachableShare,
    contactOrDeputyShare: m.contactOrDeputyShare,
    distinctStaffMean: m.distinctStaffPerRecipient.mean,
    newStaffMean: m.newStaffPerRecipient,
    travelMinutes: m.travelMinutes,
    serviceMinutes: m.serviceMinutes,
    paidMinutes: total(paid),
    paidMinutesByRole: paid,
    carKm: Math.round(carKm(problem, schedule.routes) * KM_DECIMALS) / KM_DECIMALS,
  };
}

function periodMetrics(period: PeriodProblem, plan: StudyPlan): StudyMetrics {
  if (plan.kind !== 'period') throw new Error('a period base needs a period plan');
  const days = expandPeriod(period);
  const sums = { visits: 0, assigned: 0, unassignedMandatory: 0, travel: 0, service: 0, km: 0 };
  const shares = { contact: 0, reachable: 0, deputy: 0, of: 0 };
  const faces = { distinct: 0, fresh: 0, recipientDays: 0 };
  const paid: Partial<Record<Role, number>> = {};
  plan.schedule.days.forEach((schedule, d) => {
    const m = schedule.metrics;
    sums.visits += m.visits;
    sums.assigned += m.assigned;
    sums.unassignedMandatory += m.unassignedMandatory;
    sums.travel += m.travelMinutes;
    sums.service += m.serviceMinutes;
    sums.km += carKm(days[d], schedule.routes);
    for (const [role, minutes] of Object.entries(paidMinutesByRole(days[d], schedule.routes)) as [Role, number][]) paid[role] = (paid[role] ?? 0) + minutes;
    for (const row of recipientRows(m)) {
      faces.recipientDays += 1;
      faces.distinct += row.distinctStaff ?? 0;
      faces.fresh += row.newStaff ?? 0;
      // A share is null when the recipient has no contact or no visit made: it counts for no visit.
      if (row.contactShare === null || row.contactShare === undefined) continue;
      shares.of += row.assigned;
      shares.contact += Math.round(row.contactShare * row.assigned);
      shares.reachable += Math.round((row.contactReachableShare ?? 0) * row.assigned);
      shares.deputy += Math.round((row.contactOrDeputyShare ?? 0) * row.assigned);
    }
  });
  const share = (n: number) => (shares.of === 0 ? null : n / shares.of);
  return {
    visits: sums.visits,
    assigned: sums.assigned,
    unassignedMandatory: sums.unassignedMandatory,
    contactShare: share(shares.contact),
    contactReachableShare: share(shares.reachable),
    contactOrDeputyShare: share(shares.deputy),
    distinctStaffMean: faces.recipientDays === 0 ? 0 : faces.distinct / faces.recipientDays,
    newStaffMean: faces.recipientDays === 0 ? 0 : faces.fresh / faces.recipientDays,
    travelMinutes: sums.travel,
    serviceMinutes: sums.service,
    paidMinutes: total(paid),
    paidMinutesByRole: inRoleOrder(paid),
    carKm: Math.round(sums.km * KM_DECIMALS) / KM_DECIMALS,
    U21401: plan.schedule.kpi.windows[0]?.kolada.U21401 ?? null,
  };
}

/** A day's recipient rows, keyed or listed (FORMAT §6.14). */
function recipientRows(m: Metrics): RecipientMetrics[] {
  return Array.isArray(m.byRecipient) ? m.byRecipient : Object.values(m.byRecipient);
}

function total(paid: Partial<Record<Role, number>>): number {
  return ROLES.reduce((sum, role) => sum + (paid[role] ?? 0), 0);
}

/** Planned service minutes per staff member over a plan's days: what a count removal ranks by. */
export function plannedServiceMinutes(plan: StudyPlan): Map<string, number> {
  const minutes = new Map<string, number>();
  const days = plan.kind === 'day' ? [plan.schedule] : plan.schedule.days;
  for (const day of days) for (const route of day.routes) minutes.set(route.staff, (minutes.get(route.staff) ?? 0) + route.serviceMinutes);
  return minutes;
}
