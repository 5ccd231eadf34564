/**
 * Engines mark matches with these private-use characters instead of HTML tags, so that the
 * document text can be escaped afterwards and only our own `<mark>` tags reach the page.
 */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** HTML-escapes an engine's highlighted fragment and turns its match markers into `<mark>`. */
export function renderSnippet(marked: string): string {
  return marked
    .replace(/[&<>"']/gu, (char) => HTML_ESCAPES[char] ?? char)
    .replaceAll(MATCH_START, '<mark>')
    .replaceAll(MATCH_END, '</mark>')
    .replace(/\s+/gu, ' ')
    .trim();
}
