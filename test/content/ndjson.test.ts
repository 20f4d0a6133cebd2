/**
 * Datasets are read line by line from chunks of bytes: the result must be exactly what
 * parsing the whole text gives, wherever the chunks happen to split it.
 */
import { describe, expect, it } from 'vitest';
import { LineSplitter, NdjsonReader, parseNdjson } from '../../core/content/ndjson.ts';

const text = [
  '\uFEFF{"_id":"a","_type":"policy","title":"关于印发《株洲市市场监督管理局政务公开办法》的通知"}',
  '',
  '{"_id":"b","_type":"news","body":"醴陵瓷器\\n地理标志 🏺"}\r',
  '{"_id":"c","_type":"news","title":"被截断的行',
  '[1,2]',
  '{"_id":"d","_type":"news"}',
].join('\n');

function readInChunks(bytes: Buffer, size: number) {
  const reader = new NdjsonReader();
  const splitter = new LineSplitter((line) => reader.add(line));
  for (let i = 0; i < bytes.length; i += size) splitter.push(bytes.subarray(i, i + size));
  splitter.end();
  return reader.result();
}

describe('reading NDJSON in chunks', () => {
  it('gives the same documents, problems and line numbers as the whole text, for any chunk size', () => {
    const whole = parseNdjson(text);
    expect(whole.entries.map((e) => [e.doc._id, e.line])).toEqual([['a', 1], ['b', 3], ['d', 6]]);
    expect(whole.problems.map((p) => p.line)).toEqual([4, 5]);
    const bytes = Buffer.from(text, 'utf8');
    // Sizes of 1 and 2 split every multi-byte character (Chinese, the emoji) between chunks.
    for (const size of [1, 2, 3, 7, 64, bytes.length]) expect(readInChunks(bytes, size)).toEqual(whole);
  });

  it('numbers a last line that ends with a newline the same way', () => {
    const withNewline = `${text}\n`;
    expect(readInChunks(Buffer.from(withNewline), 5)).toEqual(parseNdjson(withNewline));
  });
});
