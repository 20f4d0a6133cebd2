/**
 * Sanity's NDJSON export format: one JSON document a line.
 *
 * Datasets are read line by line (`NdjsonReader`, fed by `splitLines`): a whole export held
 * as one string would cost twice its size in memory, and past roughly 115,000 documents it
 * would pass V8's maximum string length.
 */
import { isUtf8 } from 'node:buffer';
import type { LocatedDocument, StoredDocument } from '../model/datasetRules.ts';
import { documentShapeProblem } from '../model/documentShape.ts';
import type { Problem } from '../model/problems.ts';

export interface ParsedNdjson {
  entries: LocatedDocument[];
  /** Lines that are not JSON objects with an `_id` and `_type`, by line number. */
  problems: Problem[];
}

/** Strings up to this length are shared between documents (see NdjsonReader). */
const SHARED_STRING_LENGTH = 16;

/**
 * Collects documents and per-line problems, one line at a time, numbering lines from 1.
 *
 * JSON.parse gives every string value its own copy. Short values repeat across documents
 * ("block", "span", "normal", "reference", references to departments, dates, keys), so the
 * reader keeps one copy of each: a quarter less memory for 100,000 documents, for about 1 s.
 */
export class NdjsonReader {
  readonly entries: LocatedDocument[] = [];
  readonly problems: Problem[] = [];
  private line = 0;
  private readonly strings = new Map<string, string>();
  private readonly shareStrings: boolean;

  /** `shareStrings: false` for a reader whose documents are cut down as soon as they are read. */
  constructor({ shareStrings = true }: { shareStrings?: boolean } = {}) {
    this.shareStrings = shareStrings;
  }

  private share(value: unknown): unknown {
    if (typeof value === 'string') {
      if (value.length > SHARED_STRING_LENGTH) return value;
      const known = this.strings.get(value);
      if (known !== undefined) return known;
      this.strings.set(value, value);
      return value;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.share(value[i]);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key in record) record[key] = this.share(record[key]);
    }
    return value;
  }

  /** `badEncoding`: the line's bytes were not UTF-8 (see LineSplitter); it is refused, never read with U+FFFD in it. */
  add(raw: string, badEncoding = false): void {
    const line = ++this.line;
    if (badEncoding) {
      this.problems.push({ id: `<第 ${line} 行>`, field: '', line, message: '不是有效的 UTF-8 编码（数据集文件必须是 UTF-8）' });
      return;
    }
    const source = raw.trim();
    if (!source) return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      this.problems.push({ id: `<第 ${line} 行>`, field: '', line, message: `不是合法的 JSON：${(error as Error).message}` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problems.push({ id: `<第 ${line} 行>`, field: '', line, message: '每行应是一个 JSON 对象（一个文档）' });
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record._id !== 'string' || record._id === '') {
      this.problems.push({ id: `<第 ${line} 行>`, field: '_id', line, message: '文档缺少 _id' });
      return;
    }
    if (typeof record._type !== 'string' || record._type === '') {
      this.problems.push({ id: record._id, field: '_type', line, message: '文档缺少 _type' });
      return;
    }
    // Before anything below (string sharing, validation) walks the document recursively.
    const shape = documentShapeProblem(record);
    if (shape) {
      this.problems.push({ id: record._id, type: record._type, field: shape.field, line, message: shape.message });
      return;
    }
    this.entries.push({ doc: (this.shareStrings ? this.share(record) : record) as StoredDocument, line });
  }

  result(): ParsedNdjson {
    return { entries: this.entries, problems: this.problems };
  }
}

export function parseNdjson(text: string): ParsedNdjson {
  const reader = new NdjsonReader();
  for (const line of text.split('\n')) reader.add(line);
  return reader.result();
}

const NEWLINE = 0x0a;

/** Receives each line; `badEncoding` when its bytes are not valid UTF-8 (`line` then holds U+FFFD, for messages only). */
export type LineHandler = (line: string, badEncoding: boolean) => void;

/**
 * Splits UTF-8 bytes arriving in chunks into lines, decoding one line at a time. A newline
 * byte never occurs inside a multi-byte UTF-8 sequence, so each line decodes as it would
 * inside the whole text, and a line that is not UTF-8 is known by its number.
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private readonly onLine: LineHandler;

  constructor(onLine: LineHandler) {
    this.onLine = onLine;
  }

  private emit(bytes: Buffer): void {
    this.onLine(bytes.toString('utf8'), !isUtf8(bytes));
  }

  push(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(NEWLINE);
    while (end >= 0) {
      if (this.pending.length > 0) {
        this.pending.push(chunk.subarray(start, end));
        this.emit(Buffer.concat(this.pending));
        this.pending = [];
      } else {
        this.emit(chunk.subarray(start, end));
      }
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    // Copy the unfinished line: the stream may reuse the chunk's memory.
    if (start < chunk.length) this.pending.push(Buffer.from(chunk.subarray(start)));
  }

  /** The last line, which has no newline after it (an empty one when the text ends with one). */
  end(): void {
    this.emit(Buffer.concat(this.pending));
    this.pending = [];
  }
}

export function toNdjson(documents: readonly object[]): string {
  return documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n';
}
