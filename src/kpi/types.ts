/** What the KPI reads: performed visits (from a log or a planned period) and who the recipients are. */
import type { LOG_VISIT_TYPES } from '../model/schemas.ts';
import type { Role, VisitLogRow } from '../model/types.ts';

export type LogVisitType = (typeof LOG_VISIT_TYPES)[number];

/** One staff member at one performed visit: a visit log row with its start as an instant. */
export interface PerformedRow {
  recipient: string;
  staff: string;
  startMs: number;
  endMs?: number;
  type?: LogVisitType;
  staffRole?: Role;
  team?: string;
  /** Physical line in the file it was read from, when read from a file. */
  line?: number;
}

/** One performed visit with every staff member who was there (a planned double-staffed visit, say). */
export interface PerformedVisit {
  recipient: string;
  staff: readonly string[];
  startMs: number;
  type?: LogVisitType;
  /** Applies to every staff member listed; split the visit into rows when roles differ. */
  staffRole?: Role;
  team?: string;
}

/** Any of the row forms `computeKpi` accepts; `VisitLogRow` times are read in the report's timezone. */
export type KpiRow = PerformedRow | PerformedVisit | VisitLogRow;

export interface KpiRecipientInfo {
  id: string;
  birthYear?: number | null;
  age?: number | null;
  team?: string | null;
  /** Staff id of the fast omsorgskontakt, or null when none is known. */
  contact?: string | null;
}

export interface KpiOptions {
  /** First day of the first 14-day window, `YYYY-MM-DD`. */
  from: string;
  /** IANA zone for local days and the 07–22 rule; default `Europe/Stockholm`. */
  timezone?: string;
  /** Number of windows; default: as many whole windows as the rows cover, at least one. */
  windows?: number;
}
