/**
 * Horizontal bar chart for category breakdowns (投诉分类, 举报分类). Horizontal because the
 * Chinese category names are long; each bar carries its value as text so the chart can be
 * read without colour, and the groups (商品类/服务类) differ in pattern as well as colour.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import {
  AXIS_COLOUR,
  DATA_COLOURS,
  GRID_COLOUR,
  el,
  emptyChart,
  formatNumber,
  niceScale,
  svgRoot,
  text,
  textWidth,
  truncate,
} from './svg.ts';

interface Bar {
  label: string;
  value: number;
  group?: string;
}

export interface BarChartOptions {
  /** Unique on the page: prefixes the title, desc and pattern ids. */
  id: string;
  title: string;
  /** Replaces the generated text summary in `<desc>`. */
  description?: string;
  /** Unit of the values, e.g. 件. */
  unit: string;
  /** Drawn in the order given, top to bottom. */
  bars: Bar[];
  /** Display names of the `group` keys, e.g. { goods: '商品类' }. */
  groupLabels?: Record<string, string>;
}

const WIDTH = 640;
const ROW = 34; // row pitch; 22-unit bars leave a clear gap between rows
const BAR = 22;
const HEADER = 40; // legend and unit line above the plot
const FOOTER = 34; // tick labels below the plot
const MAX_LABEL = 190; // longer category names are truncated (full name in the tooltip and desc)
const GAP = 8;

interface GroupStyle {
  fill: string;
  /** Pattern markup, for groups after the first; undefined for a solid fill. */
  pattern?: string;
}

/**
 * Fill of the n-th group: solid blue, then orange with dark diagonal stripes, then green with
 * dark dots. Stripes and dots are darker than the base colour, so the bar edge keeps ≥ 3:1
 * against white while the texture tells the groups apart in greyscale or for colour-blind readers.
 */
function groupStyle(id: string, index: number): GroupStyle {
  const colour = DATA_COLOURS[index % DATA_COLOURS.length]!;
  if (index === 0) return { fill: colour };
  const patternId = `${id}-fill-${index}`;
  const mark =
    index % 2 === 1 ? el('rect', { width: 3, height: 8, fill: '#5c2f00' }) : el('circle', { cx: 4, cy: 4, r: 1.8, fill: '#143d17' });
  const transform = index % 2 === 1 ? 'rotate(45)' : undefined;
  const pattern = el(
    'pattern',
    { id: patternId, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: transform },
    el('rect', { width: 8, height: 8, fill: colour }) + mark,
  );
  return { fill: `url(#${patternId})`, pattern };
}

/** Group keys in order of first appearance; bars without a group fall into the first style. */
function groupKeys(bars: Bar[]): string[] {
  return [...new Set(bars.flatMap((bar) => (bar.group === undefined ? [] : [bar.group])))];
}

/** The generated text equivalent: every label with its value, e.g. “食品 312件（商品类）；…”. */
function summary(options: BarChartOptions, grouped: boolean): string {
  const items = options.bars.map((bar) => {
    const group = grouped && bar.group !== undefined ? `（${options.groupLabels?.[bar.group] ?? bar.group}）` : '';
    return `${bar.label} ${formatNumber(bar.value)}${options.unit}${group}`;
  });
  return `${options.title}：${items.join('；')}。`;
}

function checkValues(id: string, bars: Bar[]): void {
  for (const bar of bars) {
    if (!Number.isFinite(bar.value) || bar.value < 0) {
      throw new Error(`barChart(${id}): “${bar.label}” has value ${bar.value}; bars need a finite number ≥ 0`);
    }
  }
}

/** Legend swatches on the header line, only when the bars are grouped. */
function legend(keys: string[], styles: GroupStyle[], labels: Record<string, string>): string {
  let x = 0;
  return keys
    .map((key, i) => {
      const label = labels[key] ?? key;
      const item = el('rect', { x, y: 8, width: 16, height: 16, fill: styles[i]!.fill }) + text(x + 22, 16, label, { dy: '0.35em' });
      x += 22 + textWidth(label) + 20;
      return item;
    })
    .join('');
}

export function barChart(options: BarChartOptions): string {
  const { id, bars, unit } = options;
  checkValues(id, bars);
  if (bars.length === 0) return emptyChart({ id, title: options.title, width: WIDTH, desc: options.description });

  const keys = groupKeys(bars);
  const grouped = keys.length > 0;
  const styles = (grouped ? keys : ['']).map((_, i) => groupStyle(id, i));
  const scale = niceScale(Math.max(...bars.map((bar) => bar.value)));
  const values = bars.map((bar) => formatNumber(bar.value));

  // Columns: labels (right-aligned), plot, then room for the longest value written after its bar
  // (or half the last tick label, which is centred on the plot's right edge).
  const labelWidth = Math.min(MAX_LABEL, Math.max(...bars.map((bar) => textWidth(bar.label))));
  const left = labelWidth + GAP * 1.5;
  const right = Math.max(...values.map((v) => textWidth(v) + GAP * 2), textWidth(formatNumber(scale.max)) / 2 + 2);
  const plotWidth = WIDTH - left - right;
  const bottom = HEADER + bars.length * ROW;
  const height = bottom + FOOTER;
  const x = scaleLinear()
    .domain([0, scale.max])
    .range([left, left + plotWidth]);
  // One ROW-high step per bar, the BAR-high bar centred in it: the gap between bars is (ROW − BAR)/ROW of a step.
  const gap = (ROW - BAR) / ROW;
  const row = scaleBand<number>()
    .domain(bars.keys())
    .range([HEADER, bottom])
    .paddingInner(gap)
    .paddingOuter(gap / 2);

  const grid = scale.ticks
    .map((tick) => {
      const line = el('line', {
        x1: x(tick),
        y1: HEADER,
        x2: x(tick),
        y2: bottom,
        stroke: tick === 0 ? AXIS_COLOUR : GRID_COLOUR,
        'stroke-width': 1,
      });
      return line + text(x(tick), bottom + 20, formatNumber(tick), { 'text-anchor': 'middle' });
    })
    .join('');

  const rows = bars
    .map((bar, i) => {
      const y = row(i)!;
      const middle = y + row.bandwidth() / 2;
      const style = styles[bar.group === undefined ? 0 : keys.indexOf(bar.group)]!;
      return el(
        'g',
        {},
        text(left - GAP, middle, truncate(bar.label, labelWidth), { 'text-anchor': 'end', dy: '0.35em' }, bar.label) +
          el('rect', { class: 'bar', x: left, y, width: x(bar.value) - left, height: row.bandwidth(), fill: style.fill }) +
          text(x(bar.value) + 6, middle, values[i]!, { dy: '0.35em' }),
      );
    })
    .join('');

  const unitLabel = text(WIDTH, 16, `单位：${unit}`, { 'text-anchor': 'end', dy: '0.35em' });
  const defs = styles.some((s) => s.pattern) ? el('defs', {}, styles.map((s) => s.pattern ?? '').join('')) : '';
  const legendRow = grouped ? legend(keys, styles, options.groupLabels ?? {}) : '';
  const body = defs + grid + legendRow + unitLabel + rows;
  return svgRoot({ id, title: options.title, desc: options.description ?? summary(options, grouped), width: WIDTH, height }, body);
}
