/**
 * Markdown to the plain text a reader sees, for indexing and snippets. Not a renderer: it only
 * drops syntax (fences, emphasis, link targets, HTML tags, table pipes) so that it is neither
 * matched nor shown. Code inside fences is kept: readers search for identifiers.
 */
export function stripMarkdown(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/gu, '\n')
      // Fence lines (``` or ~~~ with an optional language); the code between them stays.
      .replace(/^[ \t]*(```|~~~)[^\n]*$/gmu, '')
      // Images keep their alt text, links their label.
      .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/gu, '$1')
      // Reference definitions.
      .replace(/^[ \t]*\[[^\]]+\]:[^\n]*$/gmu, '')
      .replace(/<\/?[a-z][^>]*>/giu, ' ')
      // Headings, quotes, list markers.
      .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gmu, '')
      .replace(/^[ \t]*>[ \t]?/gmu, '')
      .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gmu, '')
      // Table rules and pipes, horizontal rules.
      .replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gmu, '')
      .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gmu, '')
      .replace(/\|/gu, ' ')
      // Emphasis and inline code markers.
      .replace(/(\*{1,3})(\S(?:.*?\S)?)\1/gu, '$2')
      // Underscore emphasis only between word boundaries: snake_case identifiers stay whole.
      .replace(/(^|[^\p{L}\p{N}_])(_{1,3})(\S(?:.*?\S)?)\2(?![\p{L}\p{N}_])/gmu, '$1$3')
      .replace(/`+([^`]*)`+/gu, '$1')
      .replace(/[ \t]+/gu, ' ')
      .replace(/\n{3,}/gu, '\n\n')
      .trim()
  );
}
