/** The annual report as Markdown, in the template's order: 一, the tables of 二–四, 五, 六. */
import { reportTables, type ReportContent, type ReportTable } from './annualReport.ts';

const NOT_WRITTEN = '（尚未填写）';

/** A Markdown table; a `|` inside a cell is escaped so it cannot split the row. */
function markdownTable(table: ReportTable): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|') || ' ').join(' | ')} |`;
  return [line(table.header), line(table.header.map(() => '---')), ...table.rows.map(line)].join('\n');
}

export function reportMarkdown(report: ReportContent): string {
  const [two, three, four] = reportTables(report);
  const section = (heading: string, body: string | undefined) => `## ${heading}\n\n${body?.trim() || NOT_WRITTEN}`;
  return [
    `# ${report.title}`,
    section('一、总体情况', report.overview),
    `## ${two!.title}\n\n${markdownTable(two!)}`,
    `## ${three!.title}\n\n${markdownTable(three!)}`,
    `## ${four!.title}\n\n${report.tableFour ? markdownTable(four!) : NOT_WRITTEN}`,
    section('五、存在的主要问题及改进情况', report.problems),
    section('六、其他需要报告的事项', report.otherMatters),
  ].join('\n\n');
}
