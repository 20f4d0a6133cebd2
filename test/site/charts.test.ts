import { decodeXML } from 'entities';
import { describe, it, expect } from 'vitest';
import { barChart, type BarChartOptions } from '../../site/lib/charts/barChart.ts';
import { lineChart, shortPeriod, type LineChartOptions } from '../../site/lib/charts/lineChart.ts';
import { escapeXml, formatNumber, niceScale } from '../../site/lib/charts/svg.ts';

// --- A tiny XML reader, enough to check the charts without adding a parser dependency. ---

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);/g;
const ATTRIBUTE = /\s+([A-Za-z_:][\w:.-]*)="([^"<]*)"/g;
const TAG = /^<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*(\/?)>$/;

/** Throws unless the markup is one well-formed element: valid tags, balanced nesting, escaped text. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  let roots = 0;
  for (const token of xml.split(/(<[^>]*>)/).filter(Boolean)) {
    if (!token.startsWith('<')) {
      if (stack.length === 0) throw new Error(`text outside the root: ${token}`);
      if (token.replace(ENTITY, '').includes('&')) throw new Error(`unescaped & in text: ${token}`);
      continue;
    }
    const match = TAG.exec(token);
    if (!match) throw new Error(`malformed tag: ${token}`);
    const [, closing, name, attributes, selfClosing] = match;
    const names = [...attributes!.matchAll(ATTRIBUTE)].map((a) => a[1]);
    if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in ${token}`);
    for (const [, , value] of attributes!.matchAll(ATTRIBUTE)) {
      if (value!.replace(ENTITY, '').includes('&')) throw new Error(`unescaped & in attribute: ${token}`);
    }
    if (closing) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClosing) stack.push(name!);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
}

type Attrs = Record<string, string>;

/** Attributes of every `<name …>` start tag, unescaped. */
function elements(xml: string, name: string): Attrs[] {
  const tags = xml.match(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g')) ?? [];
  return tags.map((tag) => Object.fromEntries([...tag.matchAll(ATTRIBUTE)].map(([, k, v]) => [k!, decodeXML(v!)])));
}

/** The visible text of every `<text>` (without its tooltip `<title>`), unescaped. */
function texts(xml: string): string[] {
  return [...xml.matchAll(/<text[^>]*>(?:<title>[^<]*<\/title>)?([^<]*)<\/text>/g)].map((m) => decodeXML(m[1]!));
}

function desc(xml: string): string {
  return decodeXML(/<desc id="[^"]+">([^<]*)<\/desc>/.exec(xml)![1]!);
}

/** WCAG relative luminance contrast of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

/** Checks every chart must pass, whatever its data. */
function assertSound(svg: string, id: string): void {
  assertWellFormed(svg);
  expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  expect(svg).toMatch(
    new RegExp(
      `^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 \\d+(\\.\\d+)?" role="img" aria-labelledby="${id}-title ${id}-desc" class="chart">`,
    ),
  );
  const root = elements(svg, 'svg')[0]!;
  expect(root).not.toHaveProperty('width');
  expect(root).not.toHaveProperty('height');
  expect(svg).toContain(`<title id="${id}-title">`);
  expect(svg).toContain(`<desc id="${id}-desc">`);
  for (const t of elements(svg, 'text')) {
    expect(Number(t['font-size'])).toBeGreaterThanOrEqual(14);
    expect(t.fill).toBe('#1a1a1a');
  }
  expect(svg).not.toMatch(/font-family="(?!inherit)/);
}

const categories: BarChartOptions = {
  id: 'categories',
  title: '2025年第1季度投诉分类',
  unit: '件',
  bars: [
    { label: '食品', value: 312, group: 'goods' },
    { label: '家用电器', value: 198, group: 'goods' },
    { label: '预付式消费', value: 1176, group: 'services' },
    { label: '通讯器材', value: 0, group: 'goods' },
  ],
  groupLabels: { goods: '商品类', services: '服务类' },
};

describe('svg helpers', () => {
  it('escapes the five XML specials and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('rounds the axis up to a nice maximum with 3–4 intervals', () => {
    expect(niceScale(312)).toEqual({ max: 400, step: 100, ticks: [0, 100, 200, 300, 400] });
    for (const max of [0.3, 1, 7, 99, 100, 101, 312, 999, 1176, 12345, 1e6]) {
      const scale = niceScale(max);
      expect(scale.max).toBeGreaterThanOrEqual(max);
      expect(scale.ticks.length).toBeGreaterThanOrEqual(4);
      expect(scale.ticks.length).toBeLessThanOrEqual(5);
      expect(scale.ticks[0]).toBe(0);
      expect(scale.ticks.at(-1)).toBe(scale.max);
      const mantissa = scale.step / 10 ** Math.floor(Math.log10(scale.step));
      expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toPrecision(6)));
    }
  });

  it('gives zero, negative and non-finite maxima a usable scale instead of dividing by zero', () => {
    for (const max of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const scale = niceScale(max);
      expect(scale.max).toBeGreaterThan(0);
      expect(scale.ticks.every(Number.isFinite)).toBe(true);
    }
  });

  it('formats counts with zh-CN thousands separators', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('barChart', () => {
  it('writes every category label and its value as text', () => {
    const svg = barChart(categories);
    assertSound(svg, 'categories');
    const shown = texts(svg);
    for (const bar of categories.bars) {
      expect(shown).toContain(bar.label);
      expect(shown).toContain(formatNumber(bar.value));
    }
    expect(shown).toContain('1,176');
    expect(shown).toContain('单位：件');
  });

  it('draws bar lengths proportional to the values', () => {
    const bars = elements(barChart(categories), 'rect').filter((r) => r.class === 'bar');
    expect(bars).toHaveLength(4);
    const perUnit = Number(bars[0]!.width) / 312;
    for (const [i, rect] of bars.entries()) expect(Number(rect.width)).toBeCloseTo(categories.bars[i]!.value * perUnit, 1);
    expect(Number(bars[3]!.width)).toBe(0);
    // All bars start at the same baseline, and the longest stays inside the 640-unit viewBox.
    expect(new Set(bars.map((b) => b.x)).size).toBe(1);
    expect(Number(bars[2]!.x) + Number(bars[2]!.width)).toBeLessThan(640);
  });

  it('keeps the bars in the order given, top to bottom', () => {
    const ys = elements(barChart(categories), 'rect')
      .filter((r) => r.class === 'bar')
      .map((r) => Number(r.y));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it('draws all-zero data without NaN or Infinity, with gridlines and tick labels', () => {
    const svg = barChart({
      id: 'zeros',
      title: '无投诉',
      unit: '件',
      bars: [
        { label: '食品', value: 0 },
        { label: '药品', value: 0 },
      ],
    });
    assertSound(svg, 'zeros');
    expect(
      elements(svg, 'rect')
        .filter((r) => r.class === 'bar')
        .map((r) => r.width),
    ).toEqual(['0', '0']);
    expect(elements(svg, 'line').length).toBeGreaterThanOrEqual(3);
    expect(desc(svg)).toContain('食品 0件');
  });

  it('escapes labels, titles, units and group names', () => {
    const svg = barChart({
      id: 'escaped',
      title: 'A & B <b>',
      unit: '件&"',
      bars: [{ label: '<script>alert("x")</script> & Co', value: 5, group: 'g' }],
      groupLabels: { g: '<i>商品类</i>' },
    });
    assertSound(svg, 'escaped');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<i>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&amp; Co');
    expect(texts(svg).some((t) => t.startsWith('<script>alert("x")'))).toBe(true);
    expect(texts(svg)).toContain('<i>商品类</i>');
    expect(desc(svg)).toContain('<script>alert("x")</script> & Co 5件&"');
  });

  it('lists every label and value in the desc, or uses the given description', () => {
    const generated = desc(barChart(categories));
    expect(generated).toContain('2025年第1季度投诉分类');
    for (const item of ['食品 312件', '家用电器 198件', '预付式消费 1,176件', '通讯器材 0件', '商品类', '服务类'])
      expect(generated).toContain(item);
    expect(desc(barChart({ ...categories, description: '预付式消费投诉最多。' }))).toBe('预付式消费投诉最多。');
  });

  it('tells groups apart by pattern as well as colour, with a legend', () => {
    const svg = barChart(categories);
    const fills = [
      ...new Set(
        elements(svg, 'rect')
          .filter((r) => r.class === 'bar')
          .map((r) => r.fill!),
      ),
    ];
    expect(fills).toHaveLength(2);
    const patterned = fills.find((f) => f.startsWith('url(#'))!;
    expect(patterned).toBe('url(#categories-fill-1)');
    expect(elements(svg, 'pattern').map((p) => p.id)).toEqual(['categories-fill-1']);
    expect(texts(svg)).toEqual(expect.arrayContaining(['商品类', '服务类']));
  });

  it('has no legend or patterns when the bars are not grouped', () => {
    const svg = barChart({
      id: 'plain',
      title: '举报分类',
      unit: '件',
      bars: [
        { label: '食品', value: 3 },
        { label: '药品', value: 1 },
      ],
    });
    assertSound(svg, 'plain');
    expect(svg).not.toContain('<pattern');
    expect(new Set(elements(svg, 'rect').map((r) => r.fill))).toEqual(new Set(['#1d4f91']));
  });

  it('truncates very long labels on screen but keeps the full name in a tooltip and the desc', () => {
    const long = '交通工具（汽车、电动车及零部件、配件、维修服务）';
    const svg = barChart({ id: 'long', title: '分类', unit: '件', bars: [{ label: long, value: 9 }] });
    assertSound(svg, 'long');
    expect(texts(svg).some((t) => t.endsWith('…') && long.startsWith(t.slice(0, -1)))).toBe(true);
    expect(svg).toContain(`<title>${long}</title>`);
    expect(desc(svg)).toContain(`${long} 9件`);
  });

  it('uses colours with at least 3:1 contrast on white for the bars', () => {
    const svg = barChart(categories);
    // Solid fills, and the base and stripe colours inside the pattern.
    const colours = elements(svg, 'rect')
      .map((r) => r.fill!)
      .filter((c) => c.startsWith('#'));
    expect(colours).toEqual(expect.arrayContaining(['#1d4f91', '#b35c00']));
    for (const colour of colours) expect(contrastOnWhite(colour)).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic, rejects bad values and ids, and shows a placeholder when empty', () => {
    expect(barChart(categories)).toBe(barChart(structuredClone(categories)));
    expect(() => barChart({ ...categories, bars: [{ label: '食品', value: Number.NaN }] })).toThrow(/食品/);
    expect(() => barChart({ ...categories, bars: [{ label: '食品', value: -1 }] })).toThrow(/食品/);
    expect(() => barChart({ ...categories, id: 'bad id' })).toThrow(/id/);
    const empty = barChart({ ...categories, bars: [] });
    assertSound(empty, 'categories');
    expect(texts(empty)).toEqual(['暂无数据']);
  });
});

const quarters = ['2024年第1季度', '2024年第2季度', '2024年第3季度', '2024年第4季度'];
const trend: LineChartOptions = {
  id: 'trend',
  title: '受理量趋势',
  unit: '件',
  categories: quarters,
  series: [
    { name: '咨询', values: [2310, 2540, null, 3305] },
    { name: '投诉', values: [1820, 1905, 2104, 2510] },
    { name: '举报', values: [310, 280, 355, 402] },
  ],
};

/** Points of a path as [x, y] pairs, and how many separate runs (M commands) it has. */
function points(d: string): { xy: [number, number][]; runs: number } {
  const xy = [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
  return { xy, runs: (d.match(/M/g) ?? []).length };
}

describe('lineChart', () => {
  it('draws one line per series, each with its own colour, dash pattern and marker shape', () => {
    const svg = lineChart(trend);
    assertSound(svg, 'trend');
    const lines = elements(svg, 'path').filter((p) => p.class === 'line');
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l['stroke-dasharray'])).size).toBe(3);
    expect(new Set(lines.map((l) => l.stroke)).size).toBe(3);
    for (const line of lines) expect(contrastOnWhite(line.stroke!)).toBeGreaterThanOrEqual(3);
    const groups = svg.match(/<g class="series">.*?<\/g>/g)!;
    const shapes = groups.map((g) => /<\/path><(circle|rect|path)|\/><(circle|rect|path)/.exec(g)!.slice(1).find(Boolean));
    expect(new Set(shapes).size).toBe(3);
    expect(texts(svg)).toEqual(expect.arrayContaining(['咨询', '投诉', '举报', '单位：件']));
  });

  it('breaks the line at a missing value instead of joining across it', () => {
    const lines = elements(lineChart(trend), 'path').filter((p) => p.class === 'line');
    const consult = points(lines[0]!.d!);
    expect(consult.runs).toBe(2);
    expect(consult.xy).toHaveLength(3);
    expect(points(lines[1]!.d!).runs).toBe(1);
    const leading = lineChart({ ...trend, series: [{ name: '举报', values: [null, 5, 6, null] }] });
    expect(points(elements(leading, 'path').find((p) => p.class === 'line')!.d!)).toMatchObject({ runs: 1 });
  });

  it('places higher values higher up, later periods further right, and zero on the baseline', () => {
    const svg = lineChart({ ...trend, series: [{ name: '投诉', values: [0, 10, 20, 40] }] });
    const { xy } = points(elements(svg, 'path').find((p) => p.class === 'line')!.d!);
    for (let i = 1; i < xy.length; i++) {
      expect(xy[i]![0]).toBeGreaterThan(xy[i - 1]![0]);
      expect(xy[i]![1]).toBeLessThan(xy[i - 1]![1]);
    }
    // Equal steps in value are equal steps in height: the scale is linear.
    expect(xy[1]![1] - xy[2]![1]).toBeCloseTo(xy[0]![1] - xy[1]![1], 1);
    const baseline = elements(svg, 'line').find((l) => l.stroke === '#595959')!;
    expect(Number(baseline.y1)).toBeCloseTo(xy[0]![1], 1);
  });

  it('writes the latest value of each series next to its last point', () => {
    const svg = lineChart({ ...trend, series: [...trend.series.slice(0, 2), { name: '举报', values: [310, 280, 355, null] }] });
    const labels = elements(svg, 'text').filter((t) => t.class === 'end-label');
    expect(labels).toHaveLength(3);
    expect(texts(svg)).toEqual(expect.arrayContaining(['3,305', '2,510', '355']));
    // Labels never overlap: at least a line of text apart.
    const ys = labels.map((l) => Number(l.y)).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14);
  });

  it('shortens crowded period labels on the axis but keeps full labels in the desc and tooltips', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `${2023 + Math.floor(i / 4)}年第${(i % 4) + 1}季度`);
    const svg = lineChart({ ...trend, categories: twelve, series: [{ name: '投诉', values: twelve.map((_, i) => 100 + i) }] });
    assertSound(svg, 'trend');
    // Short labels are still words (24年四季度), never a code like 24Q4.
    expect(texts(svg)).toEqual(expect.arrayContaining(['23年二季度', '25年四季度']));
    expect(texts(svg).filter((t) => /\dQ\d/.test(t))).toEqual([]);
    for (const label of twelve) {
      expect(desc(svg)).toContain(label);
      expect(svg).toContain(`<title>${label}</title>`);
    }
    expect(texts(lineChart(trend))).toEqual(expect.arrayContaining(quarters));
    expect(shortPeriod('2024年第四季度')).toBe('24年四季度');
    expect(shortPeriod('2024年3月')).toBe('24.03');
    expect(shortPeriod('其他')).toBe('其他');
  });

  it('describes every series and period in the desc, saying where a value is missing', () => {
    const text = desc(lineChart(trend));
    for (const item of ['咨询：2024年第1季度 2,310件', '2024年第3季度 无数据', '投诉：', '举报：', '2024年第4季度 402件'])
      expect(text).toContain(item);
    expect(desc(lineChart({ ...trend, description: '投诉量逐季上升。' }))).toBe('投诉量逐季上升。');
  });

  it('draws zero and all-missing data without NaN or Infinity', () => {
    const zeros = lineChart({ ...trend, series: [{ name: '举报', values: [0, 0, 0, 0] }] });
    assertSound(zeros, 'trend');
    expect(points(elements(zeros, 'path').find((p) => p.class === 'line')!.d!).xy).toHaveLength(4);
    const missing = lineChart({ ...trend, series: [{ name: '举报', values: [null, null, null, null] }] });
    assertSound(missing, 'trend');
    expect(texts(missing)).toEqual(['暂无数据']);
  });

  it('escapes series names and period labels', () => {
    const svg = lineChart({
      id: 'esc',
      title: '<趋势>',
      unit: '件',
      categories: ['<Q1>', 'Q2 & Q3'],
      series: [{ name: '投诉 & "举报"', values: [1, 2] }],
    });
    assertSound(svg, 'esc');
    expect(svg).not.toContain('<Q1>');
    expect(texts(svg)).toEqual(expect.arrayContaining(['<Q1>', 'Q2 & Q3', '投诉 & "举报"']));
  });

  it('is deterministic and rejects malformed input', () => {
    expect(lineChart(trend)).toBe(lineChart(structuredClone(trend)));
    expect(() => lineChart({ ...trend, series: [{ name: '投诉', values: [1, 2] }] })).toThrow(/投诉/);
    expect(() => lineChart({ ...trend, series: [...trend.series, { name: '其他', values: [1, 2, 3, 4] }] })).toThrow(/at most 3/);
    expect(() => lineChart({ ...trend, series: [{ name: '投诉', values: [1, -2, 3, 4] }] })).toThrow(/-2/);
  });
});
