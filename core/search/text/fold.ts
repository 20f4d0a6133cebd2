/**
 * Full-width ASCII (ＡＢＣ, ２０１９, （）) as a Chinese input method types it, read as the ASCII
 * it stands for, by the index's terms, the 发文字号 pattern and the query alike: ２０１９ finds 2019.
 */

/** The ASCII code a full-width code (U+FF01–U+FF5E) stands for; any other code unchanged. */
export function foldFullWidthCode(code: number): number {
  return code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
}

/** `text` with its full-width ASCII folded. */
export function foldFullWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(foldFullWidthCode(c.charCodeAt(0))));
}
