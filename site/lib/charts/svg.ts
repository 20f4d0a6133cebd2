/**
 * Shared pieces of the build-time SVG charts: escaping, scales, number formatting and
 * the accessible root element. Everything here is pure and deterministic, so a page
 * built twice from the same data is byte-for-byte the same (cache- and diff-friendly).
 */
import { scaleLinear } from 'd3-scale';
import { escapeHtml } from '../../../core/text/escapeHtml.ts';

/** Text colour: near-black, well above 4.5:1 on white. */
const TEXT_COLOUR = '#1a1a1a';
/** Gridlines are decoration only, so they may be light; the axis baseline is darker. */
export const GRID_COLOUR = '#d9d9d9';
export const AXIS_COLOUR = '#595959';
/** Data colours, each at least 3:1 against white (WCAG 1.4.11 non-text contrast). */
export const DATA_COLOURS = ['#1d4f91', '#b35c00', '#2e7d32'] as const;
/** 14 viewBox units ≈ 14 px when a 640-unit chart is shown 640 px wide; never smaller. */
export const FONT_SIZE = 14;

// Characters XML 1.0 forbids outright; one in a label would make the whole page's SVG invalid.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching these control characters is the point: they are dropped.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Escapes text for both element content and double- or single-quoted attribute values. */
export function escapeXml(value: string): string {
  return escapeHtml(value.replace(FORBIDDEN, '')).replaceAll("'", '&apos;');
}

/**
 * A coordinate or length as written in the markup: two decimals are finer than any screen
 * pixel and keep the output short. Throws on NaN/Infinity so a bad value fails the build
 * instead of silently drawing nothing.
 */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`chart coordinate is not a finite number: ${value}`);
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded); // no "-0"
}

const zhNumber = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** `12345` → `12,345`, as zh-CN readers write counts. */
export function formatNumber(value: number): string {
  return zhNumber.format(value);
}

export interface Scale {
  /** Top of the axis: a round number ≥ the data maximum. */
  max: number;
  step: number;
  /** Tick values from 0 to `max` inclusive. */
  ticks: number[];
}

const INTERVALS = 4;

/**
 * A 0-based axis with 3–4 round intervals, so a chart always shows a few gridlines and a reader
 * can add the steps up in their head. d3's nice ticks step by 1, 2 or 5 times a power of ten;
 * for a maximum just under or at a power of ten (such as 900 or 1,000) they give 5 intervals or 2,
 * so there the axis is cut in quarters (steps of 2.5). An all-zero or unusable maximum is drawn against 0–3.
 */
export function niceScale(max: number): Scale {
  const top = Number.isFinite(max) && max > 0 ? max : INTERVALS - 1;
  for (const count of [INTERVALS, INTERVALS - 1]) {
    const ticks = scaleLinear().domain([0, top]).nice(count).ticks(count);
    if (ticks.length - 1 >= INTERVALS - 1 && ticks.length - 1 <= INTERVALS) return { max: ticks.at(-1)!, step: ticks[1]!, ticks };
  }
  const [, end] = scaleLinear().domain([0, top]).nice(1).domain() as [number, number];
  // toPrecision drops binary noise such as 0.07500000000000001 from the quarter steps.
  const ticks = Array.from({ length: INTERVALS + 1 }, (_, i) => Number(((end * i) / INTERVALS).toPrecision(12)));
  return { max: end, step: ticks[1]!, ticks };
}

/**
 * Estimated rendered width of a label. SVG has no text measurement at build time, so this
 * errs wide: CJK and full-width characters are 1em, everything else 0.62em. Not the same fact
 * as scripts/bench/table.ts `width` (whole terminal columns, by the East Asian Wide ranges): this is a
 * generous guess at a proportional font's glyphs, so the whole U+2E80–U+FFEF block counts wide.
 */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let ems = 0;
  for (const char of text) ems += /[\u2E80-\uFFEF]/.test(char) ? 1 : 0.62;
  return ems * fontSize;
}

/** Shortens a label to fit `width`, ending it with “…”. Callers keep the full text elsewhere. */
export function truncate(text: string, width: number, fontSize = FONT_SIZE): string {
  if (textWidth(text, fontSize) <= width) return text;
  let result = '';
  for (const char of text) {
    if (textWidth(`${result}${char}…`, fontSize) > width) break;
    result += char;
  }
  return `${result}…`;
}

export type Attributes = Record<string, string | number | undefined>;

/** An element with escaped attributes; numbers go through `num`, undefined ones are left out. */
export function el(name: string, attributes: Attributes, content?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** A `<text>` in the chart's text colour and minimum size; `tooltip` holds an untruncated label. */
export function text(x: number, y: number, label: string, attributes: Attributes = {}, tooltip?: string): string {
  const title = tooltip !== undefined && tooltip !== label ? `<title>${escapeXml(tooltip)}</title>` : '';
  return el('text', { x, y, fill: TEXT_COLOUR, 'font-size': FONT_SIZE, ...attributes }, `${title}${escapeXml(label)}`);
}

export interface RootOptions {
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
}

/**
 * The accessible root: role="img" with title and desc, so screen readers announce the chart
 * as one image with a text equivalent. No width/height: CSS sizes it from the viewBox.
 * The id is checked because it is spliced into other ids and `url(#…)` references.
 */
export function svgRoot(options: RootOptions, body: string): string {
  const { id, title, desc, width, height } = options;
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`chart id must be a plain identifier, got "${id}"`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(width)} ${num(height)}" role="img"` +
    ` aria-labelledby="${id}-title ${id}-desc" class="chart">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>` +
    `${body}</svg>`
  );
}

/** The placeholder drawn when there is nothing to plot, so a page never shows an empty box. */
export function emptyChart(options: Omit<RootOptions, 'desc' | 'height'> & { desc?: string }): string {
  const height = 80;
  const body = text(options.width / 2, height / 2, '暂无数据', { 'text-anchor': 'middle', dy: '0.35em' });
  return svgRoot({ ...options, height, desc: options.desc ?? '暂无数据' }, body);
}
