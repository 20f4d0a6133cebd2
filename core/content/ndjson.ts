/** Sanity's NDJSON export format: one JSON document a line. */
import type { LocatedDocument, StoredDocument } from '../model/datasetRules.ts';
import type { Problem } from '../model/problems.ts';

export interface ParsedNdjson {
  entries: LocatedDocument[];
  /** Lines that are not JSON objects with an `_id` and `_type`, by line number. */
  problems: Problem[];
}

export function parseNdjson(text: string): ParsedNdjson {
  const entries: LocatedDocument[] = [];
  const problems: Problem[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const source = raw.trim();
    if (!source) return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      problems.push({ id: `<第 ${line} 行>`, field: '', line, message: `不是合法的 JSON：${(error as Error).message}` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ id: `<第 ${line} 行>`, field: '', line, message: '每行应是一个 JSON 对象（一个文档）' });
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record._id !== 'string' || record._id === '') {
      problems.push({ id: `<第 ${line} 行>`, field: '_id', line, message: '文档缺少 _id' });
      return;
    }
    if (typeof record._type !== 'string' || record._type === '') {
      problems.push({ id: record._id, field: '_type', line, message: '文档缺少 _type' });
      return;
    }
    entries.push({ doc: record as StoredDocument, line });
  });
  return { entries, problems };
}

export function toNdjson(documents: readonly object[]): string {
  return documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n';
}
