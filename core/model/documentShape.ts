/**
 * Checks of a parsed JSON value's shape that must run before anything walks it recursively
 * (string sharing, zod, reference collection, groq-js): a document nested thousands of levels
 * deep would overflow the stack of every one of them and crash the reader naming nothing.
 * The walk here is iterative, so a hostile line costs a refusal, never a crash.
 */

/** Deeper than anything the content model nests (Portable Text is 5 levels), with room to spare. */
export const MAX_DEPTH = 64;
/** Longer than any field of a government document; a line of megabytes in one field is an accident or an attack. */
export const MAX_STRING_LENGTH = 1_000_000;

export interface ShapeProblem {
  field: string;
  message: string;
}

/**
 * The first structural problem of `value`, or null: nesting deeper than MAX_DEPTH, a string
 * longer than MAX_STRING_LENGTH, or a `__proto__` key (an assignment of it anywhere down
 * the line would replace an object's prototype instead of setting a field).
 */
export function documentShapeProblem(value: unknown): ShapeProblem | null {
  // Each entry keeps its parent, so a path is only spelled out for the one value reported.
  interface Entry {
    value: unknown;
    key: string;
    depth: number;
    parent: Entry | null;
  }
  const pathOf = (entry: Entry, limit = Infinity): string => {
    const keys: string[] = [];
    for (let e: Entry | null = entry; e && e.parent; e = e.parent) keys.push(e.key);
    keys.reverse();
    return keys.length > limit ? `${keys.slice(0, limit).join('.')}…` : keys.join('.');
  };
  const stack: Entry[] = [{ value, key: '', depth: 0, parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (typeof current === 'string') {
      if (current.length > MAX_STRING_LENGTH) {
        return { field: pathOf(entry), message: `字符串过长（${current.length} 个字符，上限 ${MAX_STRING_LENGTH}）` };
      }
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (entry.depth >= MAX_DEPTH) return { field: pathOf(entry, 3), message: `嵌套超过 ${MAX_DEPTH} 层` };
    const depth = entry.depth + 1;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: String(i), depth, parent: entry });
      continue;
    }
    for (const key of Object.keys(current)) {
      if (key === '__proto__') return { field: pathOf({ value: null, key, depth, parent: entry }), message: '字段名 __proto__ 不允许使用' };
      stack.push({ value: (current as Record<string, unknown>)[key], key, depth, parent: entry });
    }
  }
  return null;
}
