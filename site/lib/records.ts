/** The records of a result notice as downloadable CSV and JSON. */
import { FIELD_LABELS as L } from '../../core/model/labels.ts';
import { INSPECTION_RESULTS, type InspectionResultCode } from '../../core/model/vocabulary.ts';
import type { InspectionResult } from './content.ts';

/**
 * A cell a spreadsheet shows as text. Every cell is quoted; one that starts with = + - @, a tab
 * or a carriage return (OWASP's list), also after spaces some spreadsheets skip, would be read
 * as a formula (CSV injection) and gets a leading apostrophe, which spreadsheets show as text
 * and do not display.
 */
export function csvCell(value: string): string {
  const safe = /^[\s\u3000]*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function recordsCsv(result: InspectionResult): string {
  const header = [L.enterpriseName, L.creditCode, L.result, L.note];
  const rows = result.records.map((r) => [
    r.enterpriseName,
    r.creditCode,
    INSPECTION_RESULTS[r.result as InspectionResultCode],
    r.note ?? '',
  ]);
  // The byte order mark makes spreadsheet programs read the Chinese text as UTF-8.
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function recordsJson(result: InspectionResult): string {
  return JSON.stringify(
    {
      title: result.title,
      indexNumber: result.indexNumber ?? null,
      taskName: result.taskName,
      inspectedFrom: result.inspectedFrom,
      inspectedTo: result.inspectedTo,
      publishedAt: result.publishedAt ?? null,
      records: result.records.map((r) => ({
        enterpriseName: r.enterpriseName,
        creditCode: r.creditCode,
        result: r.result,
        resultLabel: INSPECTION_RESULTS[r.result as InspectionResultCode],
        note: r.note ?? null,
      })),
    },
    null,
    2,
  );
}
