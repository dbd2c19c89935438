/**
 * Colours. Who made a visit (contact, deputy, other) uses three colours from the
 * Okabe–Ito set, which stay apart under the common colour-vision deficiencies (blue against
 * yellow-orange, and the vermilion darker than the orange), and each also has its own fill pattern, so colour is never the only cue. Staff routes take a
 * categorical palette by their place in their team, so the people shown together differ.
 */
export const WHO_COLOURS = { contact: '#0072B2', deputy: '#E69F00', other: '#D55E00', none: '#8C8C8C' } as const;

/** Acquaintance in the 14-day strip: the same three plus a fourth for a new face. */
export const ACQUAINTANCE_COLOURS = { contact: '#0072B2', deputy: '#E69F00', familiar: '#56B4E9', new: '#D55E00' } as const;

const STAFF_PALETTE = [
  '#1F77B4', '#D62728', '#2CA02C', '#9467BD', '#FF7F0E', '#17BECF',
  '#8C564B', '#E377C2', '#BCBD22', '#393B79', '#637939', '#AD494A',
  '#3182BD', '#E6550D', '#31A354', '#756BB1',
];

/** A colour per staff member, by their place among the listed staff of their team. */
export function staffColours(staff: readonly { staff: string; team: string }[]): Map<string, string> {
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const { staff: id, team } of staff) {
    const i = seen.get(team) ?? 0;
    seen.set(team, i + 1);
    out.set(id, STAFF_PALETTE[i % STAFF_PALETTE.length]);
  }
  return out;
}

/**
 * The fill patterns of who made a visit and of breaks, written once into the page: solid for
 * the contact, stripes for a deputy, dots for anyone else, crossed lines for a break.
 */
export function patternDefs(): string {
  const p = (id: string, colour: string, marks: string) =>
    `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${colour}"/>${marks}</pattern>`;
  return `<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>${[
    p('p-contact', WHO_COLOURS.contact, ''),
    p('p-deputy', WHO_COLOURS.deputy, '<path d="M-1 7L7 -1M-1 1L1 -1M5 7L7 5" stroke="#fff" stroke-width="1.4"/>'),
    p('p-other', WHO_COLOURS.other, '<circle cx="3" cy="3" r="1.3" fill="#fff"/>'),
    p('p-none', WHO_COLOURS.none, '<path d="M0 3H6" stroke="#fff" stroke-width="1.2"/>'),
    p('p-break', '#ffffff', '<path d="M0 0L6 6M6 0L0 6" stroke="#8a8a8a" stroke-width=".8"/>'),
  ].join('')}</defs></svg>`;
}

/** The same colours for HTML: the strip's letters and the colour chips in tables. */
export function paletteCss(): string {
  const strip = Object.entries({ 'a-c': ACQUAINTANCE_COLOURS.contact, 'a-d': ACQUAINTANCE_COLOURS.deputy, 'a-f': ACQUAINTANCE_COLOURS.familiar, 'a-n': ACQUAINTANCE_COLOURS.new })
    .map(([cls, colour]) => `i.${cls}{background:${colour};color:${cls === 'a-d' || cls === 'a-f' ? '#000' : '#fff'}}`)
    .join('');
  const chips = Object.entries(WHO_COLOURS)
    .map(([who, colour]) => `.who.${who}::before{background:${colour}}`)
    .join('');
  return strip + chips;
}
