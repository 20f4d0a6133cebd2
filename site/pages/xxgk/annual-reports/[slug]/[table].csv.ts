/** Each table of an annual report as CSV: exactly the cells its page shows (core/disclosure/report/annualReport.ts). */
import type { APIRoute } from 'astro';
import type { ReportTable } from '../../../../../core/disclosure/report/annualReport.ts';
import { annualReports } from '../../../../lib/annualReports.ts';
import { csvCell } from '../../../../lib/records.ts';

export async function getStaticPaths() {
  return (await annualReports()).flatMap((report) =>
    report.tables.map((table) => ({ params: { slug: report.doc.slug.current, table: table.id }, props: { table } })),
  );
}

export const GET: APIRoute = ({ props }) => {
  const { table } = props as { table: ReportTable };
  // The byte order mark makes spreadsheet programs read the Chinese text as UTF-8.
  const text = `\uFEFF${[table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
  return new Response(text, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
