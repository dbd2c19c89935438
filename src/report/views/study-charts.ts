/**
 * The study view's charts, drawn here as SVG (as the Gantt and the map are): bars with the
 * variant's name beside each and its value at the end, and the trade-off curve with each
 * point labelled by its weight. uPlot draws numeric x axes; it names neither bars nor points,
 * and a sweep's travel does not rise in order of the weight.
 */
import { esc } from '../html.ts';

export interface Bar {
  label: string;
  value: number;
  /** The value as shown at the bar's end. */
  text: string;
  /** Drawn in the alarm colour (a variant that leaves mandatory visits out). */
  flagged?: boolean;
}

const LABEL_WIDTH = 200;
const BAR_WIDTH = 240;
const ROW = 24;
/** Room for the value after the longest bar. */
const VALUE_WIDTH = 96;
const MAX_LABEL = 30;
/** Room for the value left of the zero line, beside a bar that grows left. */
const LEFT_VALUE_WIDTH = 72;

function clip(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/**
 * Horizontal bars. `difference` bars grow left or right of a zero line (less or more than the
 * first variant); otherwise they grow from zero to `max` (default the largest value).
 */
export function barChart(title: string, bars: readonly Bar[], options: { difference?: boolean; max?: number } = {}): string {
  const before = options.difference ? LEFT_VALUE_WIDTH : 0;
  const width = LABEL_WIDTH + before + BAR_WIDTH + VALUE_WIDTH;
  const height = bars.length * ROW + 8;
  const largest = Math.max(...bars.map((b) => Math.abs(b.value)));
  const scale = options.max ?? (largest > 0 ? largest : 1);
  const zero = options.difference ? LABEL_WIDTH + before + BAR_WIDTH / 2 : LABEL_WIDTH;
  const span = options.difference ? BAR_WIDTH / 2 : BAR_WIDTH;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW;
    const length = (Math.abs(b.value) / scale) * span;
    const x = b.value < 0 ? zero - length : zero;
    const textX = b.value < 0 ? x - 4 : zero + length + 4;
    const anchor = b.value < 0 ? 'end' : 'start';
    const flag = b.flagged ? ' flag' : '';
    return (
      `<g><text class="lab" x="${LABEL_WIDTH - 8}" y="${y + 16}"><title>${esc(b.label)}</title>${esc(clip(b.label))}</text>` +
      `<rect class="${flag.trim()}" x="${x.toFixed(1)}" y="${y + 4}" width="${Math.max(length, b.value === 0 ? 0 : 1).toFixed(1)}" height="${ROW - 8}"/>` +
      `<text class="val${flag}" x="${textX.toFixed(1)}" y="${y + 16}" text-anchor="${anchor}">${esc(b.text)}</text></g>`
    );
  });
  const zeroLine = `<line class="zero" x1="${zero}" y1="2" x2="${zero}" y2="${height - 2}"/>`;
  return `<svg class="sbars" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">${zeroLine}${rows.join('')}</svg>`;
}

/** About `count` round tick values from `low` to `high` (steps of 1, 2 or 5 times a power of ten). */
export function ticks(low: number, high: number, count = 5): number[] {
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

export interface CurvePoint {
  label: string;
  x: number;
  y: number;
}

export interface Axis {
  title: string;
  format: (n: number) => string;
}

/** A domain around `values` with a margin, at least `minimumSpan` wide. */
function domain(values: readonly number[], minimumSpan: number): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) * 0.08, minimumSpan / 2);
  return [low - pad, high + pad];
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Where each point's label may go, in order of preference: beside it, above or below. */
const PLACES = [
  { dx: 8, dy: -8, anchor: 'start' },
  { dx: 8, dy: 16, anchor: 'start' },
  { dx: -8, dy: -8, anchor: 'end' },
  { dx: -8, dy: 16, anchor: 'end' },
  { dx: 0, dy: -12, anchor: 'middle' },
  { dx: 0, dy: 22, anchor: 'middle' },
  { dx: 10, dy: 4, anchor: 'start' },
  { dx: -10, dy: 4, anchor: 'end' },
] as const;

/** Text 12px high, about 7px a character: enough to keep labels apart. */
const CHAR_WIDTH = 7;

/**
 * A place for each label that covers no point and no label placed before it, inside the
 * plot; the first place when none is free (a sweep's close points can crowd).
 */
function placeLabels(points: readonly { x: number; y: number; text: string }[], plot: { left: number; top: number; right: number; bottom: number }) {
  const taken: Box[] = points.map((p) => ({ x0: p.x - 6, y0: p.y - 6, x1: p.x + 6, y1: p.y + 6 }));
  return points.map((p) => {
    const width = p.text.length * CHAR_WIDTH + 2;
    const boxOf = (place: (typeof PLACES)[number]): Box => {
      const x = p.x + place.dx;
      const x0 = place.anchor === 'start' ? x : place.anchor === 'end' ? x - width : x - width / 2;
      return { x0, y0: p.y + place.dy - 11, x1: x0 + width, y1: p.y + place.dy + 2 };
    };
    const inside = (b: Box) => b.x0 >= plot.left && b.x1 <= plot.right && b.y0 >= plot.top && b.y1 <= plot.bottom;
    const place = PLACES.find((c) => inside(boxOf(c)) && !taken.some((t) => overlaps(t, boxOf(c)))) ?? PLACES[0];
    taken.push(boxOf(place));
    return { x: p.x + place.dx, y: p.y + place.dy, anchor: place.anchor };
  });
}

/** Points joined in their order (the weight's), each labelled, on two numeric axes. */
export function curveChart(title: string, points: readonly CurvePoint[], xAxis: Axis, yAxis: Axis): string {
  const width = 720;
  const height = 380;
  const left = 72;
  const right = 24;
  const top = 16;
  const bottom = 52;
  const [x0, x1] = domain(points.map((p) => p.x), 10);
  const [y0, y1] = domain(points.map((p) => p.y), 0.02);
  const px = (x: number) => left + ((x - x0) / (x1 - x0)) * (width - left - right);
  const py = (y: number) => height - bottom - ((y - y0) / (y1 - y0)) * (height - top - bottom);
  const xTicks = ticks(x0, x1).map(
    (v) => `<line class="grid" x1="${px(v).toFixed(1)}" y1="${top}" x2="${px(v).toFixed(1)}" y2="${height - bottom}"/><text x="${px(v).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${esc(xAxis.format(v))}</text>`,
  );
  const yTicks = ticks(y0, y1).map(
    (v) => `<line class="grid" x1="${left}" y1="${py(v).toFixed(1)}" x2="${width - right}" y2="${py(v).toFixed(1)}"/><text x="${left - 6}" y="${(py(v) + 4).toFixed(1)}" text-anchor="end">${esc(yAxis.format(v))}</text>`,
  );
  const line = points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
  const labels = placeLabels(points.map((p) => ({ x: px(p.x), y: py(p.y), text: p.label })), { left, top, right: width - right, bottom: height - bottom });
  const marks = points.map(
    (p, i) =>
      `<circle class="pt" cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="5"><title>${esc(p.label)}</title></circle>` +
      `<text class="pt-lab" x="${labels[i].x.toFixed(1)}" y="${labels[i].y.toFixed(1)}" text-anchor="${labels[i].anchor}">${esc(p.label)}</text>`,
  );
  return `<svg class="tradeoff" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">
<g class="axis">${xTicks.join('')}${yTicks.join('')}<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}"/><line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}"/></g>
<text class="ax-title" x="${(left + width - right) / 2}" y="${height - 12}" text-anchor="middle">${esc(xAxis.title)}</text>
<text class="ax-title" transform="rotate(-90)" x="${-(top + height - bottom) / 2}" y="16" text-anchor="middle">${esc(yAxis.title)}</text>
<polyline class="curve" points="${line}"/>${marks.join('')}</svg>`;
}
