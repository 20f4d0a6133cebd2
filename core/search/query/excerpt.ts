/**
 * Why a result matched: the passage of a document with the most (and rarest) query terms,
 * with every matched character marked. The marks come from the same terms the index matched,
 * so a highlighted word is always one the query found.
 */
import { escapeHtml } from '../../text/escapeHtml.ts';
import { isHan } from '../text/terms.ts';

/**
 * Han terms keyed by their character codes (one code, or two as `first * 65536 + second`), so
 * the scan over a long document makes no string per character.
 */
function hanWeights(weights: ReadonlyMap<string, number>): Map<number, number> {
  const byCode = new Map<number, number>();
  for (const [term, weight] of weights) {
    if (term.length === 1 && isHan(term.charCodeAt(0))) byCode.set(term.charCodeAt(0), weight);
    else if (term.length === 2 && isHan(term.charCodeAt(0)) && isHan(term.charCodeAt(1)))
      byCode.set(term.charCodeAt(0) * 65536 + term.charCodeAt(1), weight);
  }
  return byCode;
}

/** For each character of `text`, the weight of the query term it belongs to (0: none). */
export function matchedCharacters(text: string, weights: ReadonlyMap<string, number>): Float64Array {
  const marks = new Float64Array(text.length);
  const lower = text.toLowerCase();
  const han = hanWeights(weights);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHan(code)) continue;
    const following = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const next = isHan(following);
    const weight = next ? han.get(code * 65536 + following) : han.get(code);
    if (weight) {
      marks[i] = Math.max(marks[i]!, weight);
      if (next) marks[i + 1] = Math.max(marks[i + 1]!, weight);
    }
  }
  for (const [term, weight] of weights) {
    if (!/^[0-9a-z]/.test(term)) continue;
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
      const before = lower[at - 1];
      const after = lower[at + term.length];
      if ((before && /[0-9a-z]/.test(before)) || (after && /[0-9a-z]/.test(after))) continue;
      for (let k = at; k < at + term.length; k++) marks[k] = Math.max(marks[k]!, weight);
    }
  }
  return marks;
}

/** `text` as HTML with the matched runs in <mark>. */
export function markMatches(text: string, weights: ReadonlyMap<string, number>, marks = matchedCharacters(text, weights)): string {
  let html = '';
  let i = 0;
  while (i < text.length) {
    let end = i + 1;
    const marked = marks[i]! > 0;
    while (end < text.length && marks[end]! > 0 === marked) end++;
    const piece = escapeHtml(text.slice(i, end));
    html += marked ? `<mark>${piece}</mark>` : piece;
    i = end;
  }
  return html;
}

/** The best passage of about `size` characters, as HTML with marks and … where it is cut. */
export function excerpt(text: string, weights: ReadonlyMap<string, number>, size = 110): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const marks = matchedCharacters(flat, weights);
  if (flat.length <= size) return markMatches(flat, weights, marks);
  // Sliding window: the sum of weights of the distinct runs it covers, counted at each run start.
  const starts = new Float64Array(flat.length);
  for (let i = 0; i < flat.length; i++) if (marks[i]! > 0 && (i === 0 || marks[i - 1] === 0)) starts[i] = marks[i]!;
  let best = 0;
  let bestAt = 0;
  let sum = 0;
  for (let i = 0; i < flat.length; i++) {
    sum += starts[i]!;
    if (i >= size) sum -= starts[i - size]!;
    if (sum > best) {
      best = sum;
      bestAt = Math.max(0, i - size + 1);
    }
  }
  // Start at the beginning of the sentence when it is close, or a little before the first match.
  let from = bestAt;
  const firstMark = marks.findIndex((m, k) => k >= bestAt && m > 0);
  if (firstMark >= 0) from = Math.max(0, firstMark - 20);
  const sentence = Math.max(flat.lastIndexOf('。', firstMark), flat.lastIndexOf('；', firstMark));
  if (sentence >= 0 && firstMark - sentence <= 30) from = sentence + 1;
  const to = Math.min(flat.length, from + size);
  return `${from > 0 ? '…' : ''}${markMatches(flat.slice(from, to), weights, marks.subarray(from, to))}${to < flat.length ? '…' : ''}`;
}
