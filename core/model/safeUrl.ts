/**
 * URL schemes a link or asset may carry on the public site and the preview. Anything else
 * (`javascript:`, `data:`, `vbscript:`, …) would run or smuggle content when clicked, so it is
 * refused by validation and never rendered. Relative URLs (`/files/a.pdf`, `#top`) are fine.
 */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Control characters and whitespace browsers strip before reading a scheme (`java\tscript:`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop control characters from a URL before reading its scheme; so must this check
const IGNORED_BY_BROWSERS = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;

/** Whether a browser would treat `url` as a plain link or a relative path, never as code. */
export function isSafeUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  const squeezed = url.replace(IGNORED_BY_BROWSERS, '');
  if (squeezed === '') return false;
  // A scheme is letters, digits, + - . before the first colon that precedes any / ? #.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed);
  if (!scheme) return !squeezed.startsWith('\\') && !/^\/\\/.test(squeezed);
  return ALLOWED_SCHEMES.has(`${scheme[1]!.toLowerCase()}:`);
}

/** `url` when safe, else undefined: for rendering (`href={safeUrl(x)}` drops the attribute). */
export function safeUrl(url: unknown): string | undefined {
  return isSafeUrl(url) ? url : undefined;
}
