/** Pieces of HTML several views share: headline cards, the staff filter, counts by reason. */
import { esc, table } from '../html.ts';
import type { Texts } from '../i18n.ts';
import type { ReasonCount } from '../prepare/day.ts';

export interface Card {
  label: string;
  /** The figure as shown, and the raw value it was formatted from (for tests and copy-paste). */
  value: string;
  raw: number | null;
  key: string;
  detail?: string;
  /** Two columns wide, for a value such as "46,6 % → 39,6 %". */
  wide?: boolean;
}

export function cards(list: readonly Card[]): string {
  const items = list.map(
    (c) =>
      `<div class="card${c.wide ? ' wide' : ''}"><dt>${esc(c.label)}</dt><dd><span class="big" data-key="${esc(c.key)}" data-value="${c.raw === null ? '' : c.raw}">${esc(c.value)}</span>${
        c.detail ? `<small>${esc(c.detail)}</small>` : ''
      }</dd></div>`,
  );
  return `<dl class="cards">${items.join('')}</dl>`;
}

/** The staff filter: by team, or one staff member; the page script applies it to every element with `data-staff`. */
export function staffFilter(teams: readonly { id: string; name: string }[], staff: readonly { id: string; name: string; team: string }[], texts: Texts): string {
  const { t } = texts;
  const teamOptions = teams.map((team) => `<option value="${esc(team.id)}">${esc(team.name)}</option>`).join('');
  const groups = teams
    .map((team) => {
      const members = staff.filter((s) => s.team === team.id);
      if (members.length === 0) return '';
      return `<optgroup label="${esc(team.name)}">${members.map((s) => `<option value="${esc(s.id)}">${esc(s.name)}</option>`).join('')}</optgroup>`;
    })
    .join('');
  return `<div class="filter" role="search">
<label>${esc(t.filter.team)} <select id="team-filter"><option value="">${esc(t.filter.allTeams)}</option>${teamOptions}</select></label>
<label>${esc(t.filter.staff)} <select id="staff-filter"><option value="">${esc(t.filter.allStaff)}</option>${groups}</select></label>
<output id="filter-count" aria-live="polite"></output>
</div>`;
}

/** A count per reason with its share of the total, as a table with a bar in each row. */
export function reasonTable<R extends string>(caption: string, counts: readonly ReasonCount<R>[], label: (r: R) => string, texts: Texts): string {
  const total = counts.reduce((n, c) => n + c.count, 0);
  if (total === 0) return `<p>${esc(texts.t.notes.nothing)}</p>`;
  const { t } = texts;
  return table(
    caption,
    [
      { head: t.columns.reason, cell: (c: ReasonCount<R>) => esc(label(c.reason)) },
      { head: t.columns.count, numeric: true, cell: (c) => esc(texts.number(c.count, 0)) },
      { head: t.columns.share, numeric: true, cell: (c) => esc(texts.share(c.count / total)) },
      {
        head: '',
        cell: (c) => `<svg class="bar" width="160" height="10" aria-hidden="true"><rect x="0" y="1" width="${Math.max(1, Math.round((160 * c.count) / total))}" height="8"/></svg>`,
      },
    ],
    counts,
  );
}
