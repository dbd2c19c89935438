/** Ids and what refers to them: duplicates, unknown references, the travel matrix's ids and rows. */
import { formatPath } from '../model/errors.ts';
import type { Recipient, Travel } from '../model/types.ts';
import type { Path, ProblemList } from './problems.ts';
import { listIds, quote } from './problems.ts';

/**
 * Maps each id of `list` to the index of its first occurrence; a later occurrence is an
 * error at its own path naming the first. `firstSeen` lets lists that share one namespace
 * (a period's plans and one-off visits) see each other's ids.
 */
export function indexIds(
  items: ReadonlyArray<{ id: string }>,
  list: string,
  problems: ProblemList,
  firstSeen: Map<string, string> = new Map(),
): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const first = firstSeen.get(item.id);
    if (first !== undefined) {
      problems.error([list, i, 'id'], `duplicate id ${quote(item.id)}: already used at ${first}`, 'duplicate_id');
      return;
    }
    firstSeen.set(item.id, formatPath([list, i]));
    index.set(item.id, i);
  });
  return index;
}

/** An error when `id` names nothing in `known`; short lists are quoted to help spot a typo. */
export function checkReference(
  id: string,
  known: ReadonlyMap<string, unknown>,
  what: string,
  path: Path,
  problems: ProblemList,
  plural = `${what}s`,
): void {
  if (known.has(id)) return;
  const ids = [...known.keys()];
  const hint = ids.length === 0 ? ` (there are no ${plural})` : ids.length <= 5 ? ` (${plural}: ${listIds(ids)})` : '';
  problems.error(path, `${quote(id)} names no ${what}${hint}`, 'unknown_reference');
}

/** The travel matrix: unique ids naming known places, one square table per mode. */
export function checkMatrix(travel: Travel | undefined, placeIds: ReadonlySet<string>, problems: ProblemList): void {
  const matrix = travel?.matrix;
  if (!matrix) return;
  const base = ['travel', 'matrix'];
  const first = new Map<string, number>();
  matrix.ids.forEach((id, k) => {
    const earlier = first.get(id);
    if (earlier !== undefined) {
      problems.error([...base, 'ids', k], `duplicate id ${quote(id)}: already at travel.matrix.ids[${earlier}]`, 'duplicate_id');
      return;
    }
    first.set(id, k);
    if (!placeIds.has(id)) {
      problems.warning([...base, 'ids', k], `${quote(id)} names no team, recipient or staff member, so its row and column are not used`, 'matrix_unknown_id');
    }
  });
  const n = matrix.ids.length;
  for (const [mode, rows] of Object.entries(matrix.minutes)) {
    if (!rows) continue;
    if (rows.length !== n) {
      problems.error([...base, 'minutes', mode], `has ${rows.length} rows but ids has ${n}; the table must be ${n} × ${n}`, 'matrix_shape');
    }
    rows.forEach((row, r) => {
      if (row.length !== n) {
        problems.error([...base, 'minutes', mode, r], `has ${row.length} entries but ids has ${n}; the table must be ${n} × ${n}`, 'matrix_shape');
      }
    });
  }
}

/**
 * Staff named by recipients. Contacts, deputies and the rest may name staff not working
 * today (FORMAT §6.15); a contact who is also excluded, or a visit in `recentStaff` that
 * has not happened yet, is a contradiction worth a warning.
 */
export function checkRecipientStaff(recipients: readonly Recipient[], firstPlanDate: string, problems: ProblemList): void {
  recipients.forEach((recipient, i) => {
    const { contact } = recipient;
    if (contact != null && recipient.excludedStaff?.includes(contact)) {
      problems.warning(['recipients', i, 'contact'], `${quote(contact)} is also in excludedStaff, so the contact can never be sent`, 'contact_excluded');
    }
    recipient.recentStaff?.forEach((recent, j) => {
      if (recent.lastSeen >= firstPlanDate) {
        problems.warning(
          ['recipients', i, 'recentStaff', j, 'lastSeen'],
          `${quote(recent.lastSeen)} is not before the first plan date ${firstPlanDate}; recentStaff records earlier visits`,
          'recent_staff_not_past',
        );
      }
    });
  });
}

/** Period only: a contact, deputy or lock naming nobody in the period's staff is likely a typo. */
export function warnUnknownStaff(id: string, staff: ReadonlyMap<string, unknown>, path: Path, role: string, problems: ProblemList): void {
  if (staff.has(id)) return;
  problems.warning(path, `${quote(id)} names nobody in the period's staff, so this ${role} never works in the period`, 'unknown_staff');
}
