/**
 * Checks of a parsed JSON value's shape that must run before anything walks it recursively
 * (string sharing, zod, reference collection, groq-js): a document nested thousands of levels
 * deep would overflow the stack of every one of them and crash the reader naming nothing.
 * The walk here is iterative, so a hostile line costs a refusal, never a crash.
 */

/** Deeper than anything the content model nests (Portable Text is 5 levels), with room to spare. */
const MAX_DEPTH = 64;
/** Longer than any field of a government document; a line of megabytes in one field is an accident or an attack. */
const MAX_STRING_LENGTH = 1_000_000;

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
  // A fast walk that keeps no paths (every document is walked); the rare document with a
  // problem is walked again, keeping them, to name the field.
  return quickWalk(value) ? null : walkWithPaths(value);
}

function problemOf(current: unknown, key: string, depth: number): string | null {
  if (typeof current === 'string') {
    return current.length > MAX_STRING_LENGTH ? `字符串过长（${current.length} 个字符，上限 ${MAX_STRING_LENGTH}）` : null;
  }
  if (key === '__proto__') return '字段名 __proto__ 不允许使用';
  if (current !== null && typeof current === 'object' && depth >= MAX_DEPTH) return `嵌套超过 ${MAX_DEPTH} 层`;
  return null;
}

/** Whether the value has no problem, in two flat stacks (values, depths). */
function quickWalk(value: unknown): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop()!;
    if (typeof current === 'string') {
      if (current.length > MAX_STRING_LENGTH) return false;
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_DEPTH) return false;
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) {
        values.push(current[i]);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in current) {
      if (key === '__proto__') return false;
      values.push((current as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return true;
}

function walkWithPaths(value: unknown): ShapeProblem | null {
  interface Entry {
    value: unknown;
    key: string;
    depth: number;
    parent: Entry | null;
  }
  const pathOf = (entry: Entry, limit = Infinity): string => {
    const keys: string[] = [];
    for (let e: Entry | null = entry; e?.parent; e = e.parent) keys.push(e.key);
    keys.reverse();
    return keys.length > limit ? `${keys.slice(0, limit).join('.')}…` : keys.join('.');
  };
  const stack: Entry[] = [{ value, key: '', depth: 0, parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const message = problemOf(entry.value, entry.key, entry.depth);
    // The path down a nesting problem is as long as the nesting: name where it starts.
    if (message) return { field: pathOf(entry, entry.depth >= MAX_DEPTH ? 3 : Infinity), message };
    const current = entry.value;
    if (current === null || typeof current !== 'object') continue;
    const depth = entry.depth + 1;
    const keys = Array.isArray(current) ? current.map((_, i) => String(i)) : Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ value: (current as Record<string, unknown>)[key], key, depth, parent: entry });
    }
  }
  return null;
}
