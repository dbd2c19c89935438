/** Periods (FORMAT §3): expansion into day problems and the staff history carried between days. */
export { expandPeriod, planDates, planDaysInclude, visitsOnDate, plannedVisitId, mondayOf } from './expand.ts';
export { planPeriod, plannedKpi, DEFAULT_DAY_SECONDS, LOOK_AHEAD_SHARE, type PlanPeriodOptions } from './plan.ts';
export { carryRecentStaff, recentOn, visitsMet, StaffHistory, RECENT_DAYS } from './history.ts';
