/**
 * Trend line chart over reporting periods (受理量趋势: 咨询, 投诉, 举报). Each series differs in
 * colour, dash pattern and marker shape, so the lines stay distinguishable in greyscale and for
 * colour-blind readers; the latest value of each is written next to its last point.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import {
  AXIS_COLOUR,
  DATA_COLOURS,
  escapeXml,
  FONT_SIZE,
  GRID_COLOUR,
  el,
  emptyChart,
  formatNumber,
  niceScale,
  num,
  svgRoot,
  text,
  textWidth,
} from './svg.ts';

interface LineSeries {
  name: string;
  /** One per category; null where the period has no figure (the line breaks there). */
  values: (number | null)[];
}

export interface LineChartOptions {
  /** Unique on the page: prefixes the title and desc ids. */
  id: string;
  title: string;
  /** Replaces the generated text summary in `<desc>`. */
  description?: string;
  unit: string;
  /** Period names in time order, e.g. 2024年第1季度. */
  categories: string[];
  /** At most three series. */
  series: LineSeries[];
}

const WIDTH = 640;
const HEIGHT = 340;
const HEADER = 48; // legend and unit line, plus headroom for the top tick label
const FOOTER = 36; // period labels
const DASHES = ['none', '10 5', '3 4'] as const;

const QUARTER_NAMES = ['一', '二', '三', '四'];

/**
 * `2024年第四季度` (or `第4季度`) → `24年四季度`, `2024年3月` → `24.03`: used only when the full names
 * do not fit. Still words a reader says, not a code like `24Q4`.
 */
export function shortPeriod(label: string): string {
  const quarter = /^\d{2}(\d{2})年第([1-4一二三四])季度$/.exec(label);
  if (quarter) return `${quarter[1]}年${QUARTER_NAMES[Number(quarter[2]) - 1] ?? quarter[2]}季度`;
  const month = /^\d{2}(\d{2})年(\d{1,2})月$/.exec(label);
  if (month) return `${month[1]}.${month[2]!.padStart(2, '0')}`;
  return label;
}

/** Axis labels: full names if they fit their slot, else short ones, thinned to every n-th if still crowded. */
function periodLabels(categories: string[], slot: number): (string | null)[] {
  const widest = (labels: string[]) => Math.max(...labels.map((l) => textWidth(l))) + 8;
  if (widest(categories) <= slot) return categories;
  const short = categories.map(shortPeriod);
  const every = Math.ceil(widest(short) / slot);
  return short.map((label, i) => ((categories.length - 1 - i) % every === 0 ? label : null)); // keep the latest period
}

/** Marker of the n-th series: circle, square, triangle. The white outline separates overlapping points. */
function marker(index: number, cx: number, cy: number, colour: string): string {
  const paint = { fill: colour, stroke: '#ffffff', 'stroke-width': 1.5 };
  if (index === 0) return el('circle', { cx, cy, r: 5, ...paint });
  if (index === 1) return el('rect', { x: cx - 4.5, y: cy - 4.5, width: 9, height: 9, ...paint });
  return el('path', { d: `M${num(cx)} ${num(cy - 6)}L${num(cx + 5.5)} ${num(cy + 4)}L${num(cx - 5.5)} ${num(cy + 4)}Z`, ...paint });
}

/** Pushes end labels apart vertically so two series ending at similar values stay readable. */
function spread(ys: number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  const overflow = order.length > 0 ? order[order.length - 1]!.y - bottom : 0;
  if (overflow > 0) for (const item of order) item.y = Math.max(top, item.y - overflow);
  const result = [...ys];
  for (const item of order) result[item.i] = item.y;
  return result;
}

function summary(options: LineChartOptions): string {
  const parts = options.series.map((s) => {
    const points = options.categories.map((c, i) => {
      const value = s.values[i];
      return `${c} ${value === null || value === undefined ? '无数据' : `${formatNumber(value)}${options.unit}`}`;
    });
    return `${s.name}：${points.join('，')}`;
  });
  return `${options.title}。${parts.join('；')}。`;
}

function check(options: LineChartOptions): void {
  const { id, categories, series } = options;
  if (series.length > DASHES.length) throw new Error(`lineChart(${id}): at most ${DASHES.length} series, got ${series.length}`);
  for (const s of series) {
    if (s.values.length !== categories.length)
      throw new Error(`lineChart(${id}): “${s.name}” has ${s.values.length} values for ${categories.length} periods`);
    for (const v of s.values) {
      if (v !== null && (!Number.isFinite(v) || v < 0))
        throw new Error(`lineChart(${id}): “${s.name}” has value ${v}; need a finite number ≥ 0 or null`);
    }
  }
}

/** Legend on the header line: a short stretch of each line with its marker, then the name. */
function legend(series: LineSeries[]): string {
  let x = 0;
  return series
    .map((s, i) => {
      const colour = DATA_COLOURS[i]!;
      const sample = el('line', { x1: x, y1: 16, x2: x + 36, y2: 16, stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': DASHES[i] });
      const item = sample + marker(i, x + 18, 16, colour) + text(x + 44, 16, s.name, { dy: '0.35em' });
      x += 44 + textWidth(s.name) + 22;
      return item;
    })
    .join('');
}

export function lineChart(options: LineChartOptions): string {
  check(options);
  const { id, categories, series, unit } = options;
  const known = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (categories.length === 0 || known.length === 0)
    return emptyChart({ id, title: options.title, width: WIDTH, desc: options.description });

  const scale = niceScale(Math.max(...known));
  const lasts = series.map((s) => s.values.findLastIndex((v) => v !== null));
  const left = Math.max(...scale.ticks.map((t) => textWidth(formatNumber(t)))) + 12;
  const right = Math.max(...series.map((s, i) => (lasts[i]! < 0 ? 0 : textWidth(formatNumber(s.values[lasts[i]!]!))))) + 16;
  const bottom = HEIGHT - FOOTER;
  // Points at the centres of equal slots (padding 0.5), so end labels never touch the edge.
  const x = scalePoint<number>()
    .domain(categories.keys())
    .range([left, WIDTH - right])
    .padding(0.5);
  const at = (i: number) => x(i)!;
  const slot = x.step();
  const y = scaleLinear().domain([0, scale.max]).range([bottom, HEADER]);
  // A null value lifts the pen, so a missing period is a visible gap, not a guess.
  const pathData = line<number | null>()
    .defined((v) => v !== null)
    .x((_, k) => at(k))
    .y((v) => y(v!))
    .digits(2);

  const grid = scale.ticks
    .map((tick) => {
      const stroke = tick === 0 ? AXIS_COLOUR : GRID_COLOUR;
      const gridline = el('line', { x1: left, y1: y(tick), x2: WIDTH - right, y2: y(tick), stroke, 'stroke-width': 1 });
      return gridline + text(left - 8, y(tick), formatNumber(tick), { 'text-anchor': 'end', dy: '0.35em' });
    })
    .join('');

  // A period whose label is left out for room keeps a tick on the axis, its full name as tooltip.
  const xLabels = periodLabels(categories, slot)
    .map((label, i) =>
      label === null
        ? el(
            'line',
            { x1: at(i), y1: bottom, x2: at(i), y2: bottom + 6, stroke: AXIS_COLOUR, 'stroke-width': 1 },
            `<title>${escapeXml(categories[i]!)}</title>`,
          )
        : text(at(i), bottom + 24, label, { 'text-anchor': 'middle' }, categories[i]),
    )
    .join('');

  const lines = series
    .map((s, i) => {
      const colour = DATA_COLOURS[i]!;
      const points = s.values.map((v, k) => (v === null ? null : { x: at(k), y: y(v) }));
      // d3 writes `M1,2L3,4`; spaces, as in the marker paths, gzip a few bytes smaller on the page.
      const d = pathData(s.values)!.replaceAll(',', ' ');
      const stroke = { stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': DASHES[i], 'stroke-linejoin': 'round' };
      const path = el('path', { class: 'line', d, fill: 'none', ...stroke });
      const markers = points.map((p) => (p === null ? '' : marker(i, p.x, p.y, colour))).join('');
      return el('g', { class: 'series' }, path + markers);
    })
    .join('');

  // End labels: the latest value of each series, right of its last point, nudged apart if they collide.
  const withLast = series.map((s, i) => ({ s, i, k: lasts[i]! })).filter((e) => e.k >= 0);
  const labelYs = spread(
    withLast.map((e) => y(e.s.values[e.k]!)),
    FONT_SIZE + 2,
    HEADER,
    bottom,
  );
  const endLabels = withLast
    .map((e, n) => text(at(e.k) + 9, labelYs[n]!, formatNumber(e.s.values[e.k]!), { class: 'end-label', dy: '0.35em' }))
    .join('');

  const unitLabel = text(WIDTH, 16, `单位：${unit}`, { 'text-anchor': 'end', dy: '0.35em' });
  const body = grid + xLabels + legend(series) + unitLabel + lines + endLabels;
  return svgRoot({ id, title: options.title, desc: options.description ?? summary(options), width: WIDTH, height: HEIGHT }, body);
}
