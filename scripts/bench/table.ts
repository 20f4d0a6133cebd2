/** Plain aligned tables for the benchmarks' output, with Chinese text counted as two columns. */

/**
 * Display width in a terminal: East Asian Wide and Fullwidth characters (the usual ranges) take two columns.
 * Not the chart labels' width (site/lib/charts/svg.ts `textWidth`, a generous em estimate for a
 * proportional font); what they share is only the idea that CJK is wide.
 */
export function width(text: string): number {
  let columns = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    columns +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6))
        ? 2
        : 1;
  }
  return columns;
}

/** A table whose first column is left-aligned and the others right-aligned, unless told otherwise. */
export function table(
  title: string,
  headers: string[],
  rows: (string | number)[][],
  rightAligned: boolean[] = headers.map((_, i) => i > 0),
): string {
  const cells = rows.map((row) => row.map(String));
  const widths = headers.map((header, i) => Math.max(width(header), ...cells.map((row) => width(row[i] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, i) => {
        const padding = ' '.repeat(widths[i]! - width(cell));
        return rightAligned[i] ? padding + cell : cell + padding;
      })
      .join('  ')
      .trimEnd();
  return [title, line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
