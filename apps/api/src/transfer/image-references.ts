/** Targets of Markdown images (`![alt](target "title")`) and of HTML `<img src>` in a body. */
export function imageReferencesIn(markdown: string): string[] {
  const found = new Set<string>();
  for (const match of markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?/g)) found.add(match[1]!);
  for (const match of markdown.matchAll(/<img\b[^>]*?\bsrc=["']([^"']+)["']/gi))
    found.add(match[1]!);
  return [...found];
}

/** Whether a reference points at another host (kept as a link: nothing is downloaded). */
export function isRemoteReference(reference: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(reference);
}

/**
 * `body` with every reference of `replacements` replaced by its new URL, longest first (so
 * `https://old.example/content/images/a.png` is not half-replaced through `/content/images/a.png`).
 */
export function replaceReferences(body: string, replacements: Map<string, string>): string {
  const references = [...replacements.keys()].sort((a, b) => b.length - a.length);
  if (references.length === 0) return body;
  const pattern = new RegExp(references.map(escapeRegExp).join('|'), 'g');
  return body.replace(pattern, (reference) => replacements.get(reference) ?? reference);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
