/**
 * Portable Text for the sample: paragraphs written as plain strings become blocks.
 * A paragraph starting with `## ` is a level-2 heading (一、二、三), `### ` a level-3
 * heading (（一）or 问：). Keys are `b1`, `b2`, …, deterministic and unique within a document.
 */
import { textBlock } from '../../core/portableText/fromPlainText.ts';
import type { PortableTextBlock } from '../../core/model/schemas.ts';

type BlockStyle = 'normal' | 'h2' | 'h3';

function styleOf(paragraph: string): [BlockStyle, string] {
  if (paragraph.startsWith('### ')) return ['h3', paragraph.slice(4)];
  if (paragraph.startsWith('## ')) return ['h2', paragraph.slice(3)];
  return ['normal', paragraph];
}

export function portableText(paragraphs: readonly string[]): PortableTextBlock[] {
  return paragraphs.map((paragraph, index) => {
    const [style, text] = styleOf(paragraph);
    if (text.trim() === '') throw new Error(`empty paragraph ${index + 1}`);
    return textBlock(`b${index + 1}`, text, style);
  });
}
