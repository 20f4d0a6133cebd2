/**
 * Datasets are read line by line from chunks of bytes: the result must be exactly what
 * parsing the whole text gives, wherever the chunks happen to split it.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NdjsonReader, parseNdjson, readLines } from '../../core/content/ndjson.ts';

const text = [
  '\uFEFF{"_id":"a","_type":"policy","title":"关于印发《株洲市市场监督管理局政务公开办法》的通知"}',
  '',
  '{"_id":"b","_type":"news","body":"醴陵瓷器\\n地理标志 🏺"}\r',
  '{"_id":"c","_type":"news","title":"被截断的行',
  '[1,2]',
  '{"_id":"d","_type":"news"}',
].join('\n');

async function readInChunks(bytes: Buffer, size: number) {
  const reader = new NdjsonReader();
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  await readLines(Readable.from(chunks, { objectMode: false }), (line, badEncoding) => reader.add(line, badEncoding));
  return reader.result();
}

describe('reading NDJSON in chunks', () => {
  it('gives the same documents, problems and line numbers as the whole text, for any chunk size', async () => {
    const whole = parseNdjson(text);
    expect(whole.entries.map((e) => [e.doc._id, e.line])).toEqual([
      ['a', 1],
      ['b', 3],
      ['d', 6],
    ]);
    expect(whole.problems.map((p) => p.line)).toEqual([4, 5]);
    const bytes = Buffer.from(text, 'utf8');
    // Sizes of 1 and 2 split every multi-byte character (Chinese, the emoji) between chunks.
    for (const size of [1, 2, 3, 7, 64, bytes.length]) expect(await readInChunks(bytes, size)).toEqual(whole);
  });

  it('numbers a last line that ends with a newline the same way', async () => {
    const withNewline = `${text}\n`;
    expect(await readInChunks(Buffer.from(withNewline), 5)).toEqual(parseNdjson(withNewline));
  });
});

describe('reading NDJSON lines from a byte stream', () => {
  it('refuses a line that is not UTF-8 by its number, and reads the lines around it', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"_id":"a","_type":"news"}\n{"_id":"b","_type":"news","title":"'),
      Buffer.from([0xff, 0xe9, 0x86]),
      Buffer.from('"}\n{"_id":"c","_type":"news","title":"Å 醴陵"}'),
    ]);
    const { entries, problems } = await readInChunks(bytes, 4);
    expect(entries.map((e) => [e.doc._id, e.line])).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
    expect(problems).toMatchObject([{ line: 2, message: expect.stringContaining('UTF-8') }]);
    // Å is C3 85: its 0x85 byte (NEL in latin1) is not a line end.
    expect(entries[1]!.doc).toMatchObject({ title: 'Å 醴陵' });
  });

  it('reads a line of several megabytes arriving in many chunks', async () => {
    const title = '市场监管'.repeat(200_000); // 2.4 MB, under the 1,000,000-character limit on a string
    const { entries } = await readInChunks(
      Buffer.from(`{"_id":"long","_type":"news","title":"${title}"}\n{"_id":"next","_type":"news"}`),
      1 << 16,
    );
    expect(entries.map((e) => [e.doc._id, e.line])).toEqual([
      ['long', 1],
      ['next', 2],
    ]);
    expect(entries[0]!.doc).toMatchObject({ title });
  });

  it('ends a line at a lone carriage return, as the whole-text parse does', async () => {
    const mac = '{"_id":"a","_type":"news"}\r{"_id":"b","_type":"news"}\r\n{"_id":"c"}';
    const whole = parseNdjson(mac);
    expect(whole.entries.map((e) => [e.doc._id, e.line])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(whole.problems.map((p) => p.line)).toEqual([3]);
    expect(await readInChunks(Buffer.from(mac), 1)).toEqual(whole);
  });
});
