/**
 * HTML writing: escaping, small builders for tables and charts, and the page itself. The
 * page is one self-contained file under a strict content-security policy: no source but
 * its own inline script and style (allowed by hash), no network of any kind.
 */
import { createHash } from 'node:crypto';

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that can sit inside a `<script type="application/json">` element. */
export function jsonScript(value: unknown, attributes = ''): string {
  const text = JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<script type="application/json"${attributes}>${text}</script>`;
}

export interface Column<Row> {
  head: string;
  cell: (row: Row) => string;
  /** Right-aligned (numbers). */
  numeric?: boolean;
}

/**
 * A table in a scroll box that the keyboard can reach; `rowAttributes` lets the filter and
 * the Gantt's details find rows. Cells are HTML (escape text with `esc`).
 */
export function table<Row>(caption: string, columns: readonly Column<Row>[], rows: readonly Row[], rowAttributes?: (row: Row, i: number) => string): string {
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${esc(c.head)}</th>`).join('');
  const body = rows
    .map((row, i) => `<tr${rowAttributes ? ` ${rowAttributes(row, i)}` : ''}>${columns.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${c.cell(row)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table" tabindex="0"><table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

export interface Section {
  id: string;
  title: string;
  body: string;
}

export function section(s: Section): string {
  return `<section id="${esc(s.id)}" aria-labelledby="${esc(s.id)}-h"><h2 id="${esc(s.id)}-h">${esc(s.title)}</h2>\n${s.body}\n</section>`;
}

/** A chart drawn in the page by uPlot from its data; the table under it carries the same numbers. */
export interface Chart {
  kind: 'bars' | 'lines';
  title: string;
  xLabel: string;
  yLabel: string;
  /** x values; `xLabels` (when given) are shown at them instead. */
  x: number[];
  xLabels?: string[];
  series: { label: string; colour: string; values: (number | null)[] }[];
  /** y values are shares from 0 to 1, shown as percentages. */
  percent?: boolean;
  width?: number;
  height?: number;
}

export function chart(c: Chart): string {
  return `<figure class="chart"><figcaption>${esc(c.title)}</figcaption>${jsonScript(c, ' class="chart-data"')}<div class="chart-canvas" role="img" aria-label="${esc(c.title)}"></div></figure>`;
}

export interface Page {
  lang: string;
  title: string;
  subtitle: string;
  body: string;
  css: string;
  scripts: string[];
  generated: string;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The whole page; every script and the style are allowed by their hash and nothing else is. */
export function page(p: Page): string {
  const csp = [
    "default-src 'none'",
    `script-src ${p.scripts.map(sha256).join(' ')}`,
    `style-src ${sha256(p.css)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="${esc(p.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<style>${p.css}</style>
</head>
<body>
<header class="page-head"><h1>${esc(p.title)}</h1><p class="subtitle">${esc(p.subtitle)}</p></header>
<main>
${p.body}
</main>
<footer class="page-foot">${esc(p.generated)}</footer>
<div id="tip" role="tooltip" class="tip" hidden></div>
${p.scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
