/**
 * Plain text to Portable Text: one block per paragraph. Used by importers and the sample
 * data, so imported documents carry the same structure editors produce in Studio.
 */
import type { PortableTextBlock } from '../model/schemas.ts';

/** Lines such as 一、总体要求 or （三）工作要求 start a section in Chinese official documents. */
const HEADING = /^[一二三四五六七八九十百]+、\S{1,30}$/;
const SUBHEADING = /^（[一二三四五六七八九十]+）\S{1,30}$/;

export function textBlock(key: string, text: string, style: 'normal' | 'h2' | 'h3' = 'normal'): PortableTextBlock {
  return {
    _type: 'block',
    _key: key,
    style,
    markDefs: [],
    children: [{ _type: 'span', _key: `${key}s`, text, marks: [] }],
  };
}

export function paragraphsToBlocks(text: string): PortableTextBlock[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => textBlock(`p${index + 1}`, line, HEADING.test(line) ? 'h2' : SUBHEADING.test(line) ? 'h3' : 'normal'));
}

/** The text of Portable Text blocks, a paragraph a line (for search, diffs and leak scans). */
export function blocksToText(blocks: readonly { _type: string; children?: readonly { text?: string }[] }[] | undefined): string {
  return (blocks ?? [])
    .filter((block) => block._type === 'block')
    .map((block) => (block.children ?? []).map((child) => child.text ?? '').join(''))
    .join('\n');
}
