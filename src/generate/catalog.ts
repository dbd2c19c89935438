/**
 * The generator's parameters in one place: shift templates, breaks and the kinds of
 * visit with their usual windows and durations. Times are wall-clock minutes of the day
 * (07:30 → 450); every template lies between 07:00 and 22:00, well away from any DST
 * change, so a difference of wall-clock minutes is also a difference of elapsed minutes.
 * datasets/README.md documents these numbers; change both together.
 */
import type { VisitType } from '../model/types.ts';

/** "07:30" → 450. */
export function wall(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** 450 → "07:30"; minutes from 24:00 on are written "HH:MM+1". */
export function clockText(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 2 * 1440) throw new RangeError(`${minutes} is not a minute of the plan day`);
  const m = minutes % 1440;
  const text = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return minutes >= 1440 ? `${text}+1` : text;
}

// ── Shifts ──────────────────────────────────────────────────────────────────

export type ShiftKind = 'day' | 'day_part' | 'evening' | 'evening_part' | 'service' | 'weekend_day';

export interface BreakRule {
  earliest: number;
  latest: number;
  minutes: number;
}

export interface ShiftTemplate {
  kind: ShiftKind;
  start: number;
  end: number;
}

/** Shift times per kind with their weights; part-time shifts are shorter than six hours. */
export const SHIFT_TIMES: Record<ShiftKind, readonly (readonly [string, string, number])[]> = {
  day: [
    ['07:00', '16:00', 5],
    ['07:00', '15:30', 2],
    ['07:30', '16:00', 2],
  ],
  day_part: [
    ['07:00', '12:30', 2],
    ['07:00', '12:00', 1],
  ],
  evening: [
    ['14:00', '22:00', 5],
    ['14:30', '22:00', 3],
    ['15:00', '22:00', 2],
  ],
  evening_part: [
    ['16:30', '22:00', 2],
    ['17:00', '22:00', 1],
  ],
  service: [
    ['09:00', '17:30', 3],
    ['08:00', '16:30', 1],
  ],
  weekend_day: [
    ['07:00', '15:30', 2],
    ['08:00', '14:00', 1],
  ],
};

/** A 30-minute meal break is owed on shifts of six hours or more. */
export const BREAK_MIN_SHIFT_MINUTES = 360;
export const BREAK_MINUTES = 30;

/** The break interval of a shift: lunch for shifts that start in the morning, dinner for evening shifts. */
export function breakRule(start: number, end: number): BreakRule | null {
  if (end - start < BREAK_MIN_SHIFT_MINUTES) return null;
  if (start < wall('11:00')) return { earliest: wall('11:00'), latest: wall('14:00'), minutes: BREAK_MINUTES };
  return { earliest: wall('17:30'), latest: wall('19:30'), minutes: BREAK_MINUTES };
}

// ── Visits ──────────────────────────────────────────────────────────────────

export type KindKey =
  | 'morning'
  | 'shower'
  | 'lunch'
  | 'supervision_am'
  | 'supervision_pm'
  | 'supervision_late'
  | 'dinner'
  | 'evening'
  | 'insulin_am'
  | 'insulin_pm'
  | 'insulin_eve'
  | 'wound'
  | 'cleaning'
  | 'shopping'
  | 'laundry'
  | 'walk'
  | 'escort'
  | 'discharge';

export interface VisitKind {
  key: KindKey;
  type: VisitType;
  /** Window templates of unplanted problems, ["HH:MM", "HH:MM"]. */
  windows: readonly (readonly [string, string])[];
  /** Duration range in minutes; drawn in steps of 5. */
  duration: readonly [number, number];
  /** Range of the window width around a planted start. */
  plantedWidth: readonly [number, number];
  requires?: readonly string[];
  /** An optional visit may be left out at a small cost. */
  optional?: boolean;
}

export const KINDS: Record<KindKey, VisitKind> = {
  morning: {
    key: 'morning',
    type: 'personal_care',
    windows: [['07:00', '09:00'], ['07:30', '09:30'], ['08:00', '10:00'], ['07:00', '10:00'], ['08:30', '10:30'], ['09:00', '11:00']],
    duration: [15, 30],
    plantedWidth: [60, 150],
  },
  shower: { key: 'shower', type: 'personal_care', windows: [['09:00', '12:00'], ['10:00', '13:00']], duration: [30, 45], plantedWidth: [120, 180] },
  lunch: { key: 'lunch', type: 'meal', windows: [['11:00', '13:00'], ['11:30', '13:00'], ['12:00', '13:30']], duration: [10, 20], plantedWidth: [60, 90] },
  supervision_am: { key: 'supervision_am', type: 'supervision', windows: [['10:00', '11:30']], duration: [10, 10], plantedWidth: [60, 90] },
  supervision_pm: { key: 'supervision_pm', type: 'supervision', windows: [['14:30', '16:00']], duration: [10, 10], plantedWidth: [60, 90] },
  supervision_late: { key: 'supervision_late', type: 'supervision', windows: [['20:30', '21:15']], duration: [10, 10], plantedWidth: [45, 75] },
  dinner: { key: 'dinner', type: 'meal', windows: [['16:00', '17:30'], ['16:00', '18:00'], ['16:30', '18:00']], duration: [10, 20], plantedWidth: [60, 120] },
  evening: { key: 'evening', type: 'personal_care', windows: [['18:00', '20:00'], ['18:30', '20:30'], ['19:00', '21:00'], ['19:30', '21:15'], ['20:00', '21:15']], duration: [10, 20], plantedWidth: [60, 120] },
  insulin_am: { key: 'insulin_am', type: 'health', windows: [['07:30', '08:30'], ['07:30', '09:00'], ['08:00', '09:00']], duration: [10, 10], plantedWidth: [45, 60], requires: ['insulin'] },
  insulin_pm: { key: 'insulin_pm', type: 'health', windows: [['11:45', '13:30'], ['12:00', '14:00']], duration: [10, 10], plantedWidth: [45, 60], requires: ['insulin'] },
  insulin_eve: { key: 'insulin_eve', type: 'health', windows: [['20:00', '21:00']], duration: [10, 10], plantedWidth: [45, 60], requires: ['insulin'] },
  wound: { key: 'wound', type: 'health', windows: [['09:30', '14:00']], duration: [20, 30], plantedWidth: [120, 240], requires: ['wound_care'] },
  cleaning: { key: 'cleaning', type: 'service', windows: [['08:30', '14:30'], ['09:00', '15:00']], duration: [60, 120], plantedWidth: [240, 360] },
  shopping: { key: 'shopping', type: 'service', windows: [['09:00', '15:00'], ['10:00', '15:00']], duration: [60, 60], plantedWidth: [240, 360] },
  laundry: { key: 'laundry', type: 'service', windows: [['09:00', '14:30']], duration: [60, 60], plantedWidth: [240, 300] },
  walk: { key: 'walk', type: 'other', windows: [['10:00', '15:00']], duration: [30, 45], plantedWidth: [180, 300], optional: true },
  escort: { key: 'escort', type: 'other', windows: [['09:00', '13:00']], duration: [90, 120], plantedWidth: [120, 240] },
  discharge: { key: 'discharge', type: 'supervision', windows: [['10:00', '12:00'], ['15:00', '16:30']], duration: [15, 20], plantedWidth: [90, 120] },
};

/** Insulin taken twice: the second dose 4–6 hours after the first (FORMAT `dependsOn`). */
export const INSULIN_GAP = { minGapMinutes: 240, maxGapMinutes: 360 } as const;

/** Planted windows and service due times are kept inside these bounds. */
export const EARLIEST_WINDOW = wall('07:00');
export const LATEST_WINDOW = wall('21:30');
