/**
 * Care plans: what each recipient needs and how often. A plan is a recurring need (daily,
 * on some weekdays, or every other week) with a usual window and a fixed duration; a day
 * problem holds the plans that fall on its date, a period problem holds the plans
 * themselves. The profile mix gives 1–6 visits on a day, about 2.8 on a weekday.
 */
import type { PlanDays, Weekday } from '../model/types.ts';
import { daysBetween, weekdayOf } from '../time/index.ts';
import { KINDS, INSULIN_GAP, wall, type KindKey, type VisitKind } from './catalog.ts';
import type { Random } from '../random/index.ts';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const MAX_VISITS_PER_DAY = 6;

export interface CareNeed {
  kind: VisitKind;
  days: PlanDays;
  /** The usual window, wall-clock minutes. */
  window: readonly [number, number];
  durationMinutes: number;
  staffCount: 1 | 2;
  requires: string[];
  /** A soft preferred start inside the window (about a quarter of care visits). */
  preferredStart: number | null;
  /** A soft due time inside the window (some service visits). */
  dueStart: number | null;
  dependsOn: { need: CareNeed; minGapMinutes: number; maxGapMinutes: number } | null;
  mandatory: boolean;
}

export interface CareProfile {
  needs: CareNeed[];
  /** Has only service plans (cleaning, shopping, laundry): a contact may be waived. */
  serviceOnly: boolean;
}

/** Sets of daily visits with their weights; one is drawn per recipient who has care. */
const DAILY_SETS: readonly (readonly [readonly KindKey[], number])[] = [
  [['morning'], 8],
  [['evening'], 4],
  [['supervision_am'], 2],
  [['lunch'], 2],
  [['morning', 'evening'], 13],
  [['lunch', 'dinner'], 5],
  [['supervision_am', 'evening'], 3],
  [['morning', 'lunch'], 4],
  [['morning', 'dinner'], 4],
  [['morning', 'supervision_pm', 'evening'], 4],
  [['morning', 'lunch', 'evening'], 9],
  [['morning', 'dinner', 'evening'], 8],
  [['lunch', 'dinner', 'evening'], 3],
  [['morning', 'lunch', 'dinner', 'evening'], 10],
  [['morning', 'lunch', 'dinner', 'evening', 'supervision_pm'], 4],
  [['morning', 'lunch', 'dinner', 'evening', 'supervision_late'], 3],
  [['morning', 'supervision_am', 'lunch', 'dinner', 'evening', 'supervision_late'], 1],
];
/** Share of recipients whose only help is service (städ, inköp, tvätt). */
const SERVICE_ONLY_SHARE = 0.08;

function draw(random: Random, kind: VisitKind): { window: readonly [number, number]; durationMinutes: number } {
  const [from, to] = random.pick(kind.windows);
  return { window: [wall(from), wall(to)], durationMinutes: random.step(kind.duration[0], kind.duration[1], 5) };
}

function need(random: Random, key: KindKey, days: PlanDays): CareNeed {
  const kind = KINDS[key];
  const { window, durationMinutes } = draw(random, kind);
  const care = kind.type !== 'service';
  return {
    kind,
    days,
    window,
    durationMinutes,
    staffCount: 1,
    requires: [...(kind.requires ?? [])],
    preferredStart: care && random.chance(0.25) ? random.step(window[0], window[1], 5) : null,
    dueStart: !care && random.chance(0.4) ? random.step(window[0] + 60, window[1], 15) : null,
    dependsOn: null,
    mandatory: !kind.optional,
  };
}

/** Visits of a profile on each weekday (index 0 = Monday). */
function perWeekday(needs: readonly CareNeed[]): number[] {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  const names: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  for (const n of needs) {
    names.forEach((day, i) => {
      if (n.days === 'daily' || (Array.isArray(n.days) ? n.days : n.days.weekdays).includes(day)) counts[i]++;
    });
  }
  return counts;
}

/** Adds a weekday plan (on `prefer` when given) when every day it falls on stays within six visits. */
function addWeekly(random: Random, needs: CareNeed[], key: KindKey, days: (day: Weekday) => PlanDays, prefer: Weekday | null): void {
  const counts = perWeekday(needs);
  const open = WEEKDAYS.filter((_, i) => counts[i] < MAX_VISITS_PER_DAY);
  if (open.length === 0) return;
  const planDays = days(prefer && open.includes(prefer) ? prefer : random.pick(open));
  const falls = planDays === 'daily' ? WEEKDAYS : Array.isArray(planDays) ? planDays : planDays.weekdays;
  if (falls.every((d) => open.includes(d))) needs.push(need(random, key, planDays));
}

/**
 * One recipient's care plans. `today` (a weekday, or null for a period) makes sure the
 * recipient has a visit on that weekday: a day problem lists only recipients with visits.
 */
export function careProfile(random: Random, today: Weekday | null): CareProfile {
  const weekend = today === 'sat' || today === 'sun';
  const serviceOnly = !weekend && random.chance(SERVICE_ONLY_SHARE);
  const needs: CareNeed[] = [];
  if (serviceOnly) {
    const key = random.weighted<KindKey>([['cleaning', 5], ['shopping', 4], ['laundry', 1]]);
    addWeekly(random, needs, key, (d) => (key === 'shopping' ? [d] : { weekdays: [d], everyWeeks: 2 }), today);
    if (random.chance(0.35)) addWeekly(random, needs, key === 'shopping' ? 'cleaning' : 'shopping', (d) => [d], null);
    return { needs, serviceOnly };
  }

  const daily = random.weighted(DAILY_SETS);
  for (const key of daily) needs.push(need(random, key, 'daily'));

  // Diabetes: a morning dose, often a second one 4–6 h later, sometimes an evening dose.
  if (needs.length < MAX_VISITS_PER_DAY && random.chance(0.13)) {
    const first = need(random, 'insulin_am', 'daily');
    needs.push(first);
    const second = random.weighted<KindKey | null>([['insulin_pm', 6], ['insulin_eve', 2], [null, 2]]);
    if (second && needs.length < MAX_VISITS_PER_DAY) {
      const dose = need(random, second, 'daily');
      if (second === 'insulin_pm') dose.dependsOn = { need: first, ...INSULIN_GAP };
      needs.push(dose);
    }
  }

  // Transfers with a lift need two staff who both hold `lift`.
  if (daily.includes('morning') && daily.length >= 2 && random.chance(0.2)) {
    for (const n of needs) {
      if (n.kind.key === 'morning' || n.kind.key === 'evening') {
        n.staffCount = 2;
        n.requires.push('lift');
        n.durationMinutes = Math.max(n.durationMinutes, 20);
      }
    }
  }
  // Advanced dementia: personal care only by staff trained for it.
  if (daily.includes('morning') && random.chance(0.05)) {
    for (const n of needs) if (n.kind.type === 'personal_care') n.requires.push('dementia');
  }

  if (random.chance(0.3)) addWeekly(random, needs, 'shower', (d) => [d], null);
  if (random.chance(0.05)) addWeekly(random, needs, 'wound', (d) => (d === 'mon' || d === 'tue' ? [d, 'thu'] : ['mon', d]), null);
  if (random.chance(0.25)) addWeekly(random, needs, 'cleaning', (d) => ({ weekdays: [d], everyWeeks: 2 }), null);
  if (random.chance(0.2)) addWeekly(random, needs, 'shopping', (d) => [d], null);
  if (random.chance(0.1)) addWeekly(random, needs, 'laundry', (d) => ({ weekdays: [d], everyWeeks: 2 }), null);
  if (random.chance(0.07)) addWeekly(random, needs, 'walk', (d) => [d], null);
  return { needs, serviceOnly };
}

/** Week number of `date` counted from the week (Monday–Sunday) that holds `startDate`; negative before it. */
export function weekIndex(date: string, startDate: string): number {
  const mondayOf = (d: string) => {
    const n = daysBetween('2001-01-01', d); // a Monday
    return n - (((n % 7) + 7) % 7);
  };
  return Math.floor((mondayOf(date) - mondayOf(startDate)) / 7);
}

/** Whether a plan falls on `date` (FORMAT §6.18: every n weeks means weeks 0, n, 2n … from the week of `startDate`). */
export function occursOn(days: PlanDays, date: string, startDate: string): boolean {
  if (days === 'daily') return true;
  const weekday = weekdayOf(date);
  if (Array.isArray(days)) return days.includes(weekday);
  if (!days.weekdays.includes(weekday)) return false;
  return ((weekIndex(date, startDate) % days.everyWeeks) + days.everyWeeks) % days.everyWeeks === 0;
}
