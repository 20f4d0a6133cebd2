/**
 * A readable diff of two texts for reviewers comparing a draft with what is published.
 * Paragraphs are aligned first (jsdiff's `diffArrays`); among the paragraphs removed and added
 * at one place, those similar enough are paired as one changed paragraph, and inside it the
 * added and removed characters are marked (`diffChars`: Chinese has no spaces between words).
 * So a clause renumbered （六）→（七） shows only its number and whatever changed in its
 * words, instead of a whole 删除 paragraph and a whole 新增 one.
 */
import { diffArrays, diffChars } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export type DiffLine =
  | { kind: 'same' | 'added' | 'removed'; text: string }
  /** One paragraph, changed: `text` is the new version, `parts` both versions with their differences marked. */
  | { kind: 'changed'; text: string; before: string; parts: DiffPart[] };

/**
 * How much of two paragraphs is the same text, 0–1 (Dice coefficient over their characters).
 * Below PAIRED they are different paragraphs: one removed, another added.
 */
function similarity(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const char of a) counts.set(char, (counts.get(char) ?? 0) + 1);
  let shared = 0;
  for (const char of b) {
    const left = counts.get(char) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(char, left - 1);
    }
  }
  return (2 * shared) / ([...a].length + [...b].length);
}
const PAIRED = 0.5;
/** How far ahead among the added paragraphs a removed one looks for its new version. */
const LOOKAHEAD = 8;

/**
 * The character differences of a changed paragraph. A single unchanged character (not
 * punctuation) between two changes, such as a lone 的, is folded into them: 「鼓励引导」→「应当落实」 reads as one
 * replacement, not four.
 */
export function diffWithin(before: string, after: string): DiffPart[] {
  const raw: DiffPart[] = diffChars(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
  const parts: DiffPart[] = [];
  raw.forEach((part, index) => {
    // Punctuation stays: it is where a clause's number or a sentence ends, and reads as such.
    const lone = part.kind === 'same' && [...part.text].length === 1 && !/\p{P}/u.test(part.text) && index > 0 && index < raw.length - 1;
    if (lone) {
      parts.push({ kind: 'removed', text: part.text }, { kind: 'added', text: part.text });
    } else parts.push({ ...part });
  });
  // Adjacent parts of one kind become one; within a run of changes, removed text comes first.
  const merged: DiffPart[] = [];
  let run: DiffPart[] = [];
  const flush = () => {
    for (const kind of ['removed', 'added'] as const) {
      const text = run
        .filter((p) => p.kind === kind)
        .map((p) => p.text)
        .join('');
      if (text) merged.push({ kind, text });
    }
    run = [];
  };
  for (const part of parts) {
    if (part.kind === 'same') {
      flush();
      const last = merged.at(-1);
      if (last?.kind === 'same') last.text += part.text;
      else merged.push(part);
    } else run.push(part);
  }
  flush();
  return merged;
}

/** Removed and added paragraphs at one place, paired by similarity in reading order. */
function pairUp(removed: readonly string[], added: readonly string[]): DiffLine[] {
  const lines: DiffLine[] = [];
  let next = 0;
  for (const before of removed) {
    // The most similar of the next few added paragraphs, the earliest on a tie, if similar enough.
    let best = -1;
    let bestScore = 0;
    for (let j = next; j < Math.min(added.length, next + LOOKAHEAD); j++) {
      const score = similarity(before, added[j]!);
      if (score >= PAIRED && score > bestScore) [best, bestScore] = [j, score];
    }
    if (best === -1) {
      lines.push({ kind: 'removed', text: before });
      continue;
    }
    for (; next < best; next++) lines.push({ kind: 'added', text: added[next]! });
    const after = added[next++]!;
    lines.push({ kind: 'changed', text: after, before, parts: diffWithin(before, after) });
  }
  for (; next < added.length; next++) lines.push({ kind: 'added', text: added[next]! });
  return lines;
}

export function diffParagraphs(before: readonly string[], after: readonly string[]): DiffLine[] {
  const lines: DiffLine[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    lines.push(...pairUp(removed, added));
    removed = [];
    added = [];
  };
  for (const change of diffArrays([...before], [...after])) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      for (const text of change.value) lines.push({ kind: 'same', text });
    }
  }
  flush();
  return lines;
}
