/**
 * Text made safe for HTML element content and double-quoted attribute values. One function for
 * the build (search excerpts, link targets) and the browser (the search page bundles it).
 */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
