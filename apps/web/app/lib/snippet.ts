export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/**
 * Splits a search snippet (HTML-escaped text with matches in `<mark>`) into plain text parts,
 * so the page renders it with React's escaping instead of as HTML: comment snippets carry
 * visitors' text, and nothing but our own <mark> elements should reach the page.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  snippet.split(/(<mark>[\s\S]*?<\/mark>)/).forEach((piece) => {
    if (!piece) return;
    const marked = piece.startsWith('<mark>') && piece.endsWith('</mark>');
    const text = (marked ? piece.slice(6, -7) : piece).replace(
      /&(?:amp|lt|gt|quot|#39|#x27);/g,
      (entity) => ENTITIES[entity] ?? entity,
    );
    if (text) parts.push({ text, marked });
  });
  return parts;
}
