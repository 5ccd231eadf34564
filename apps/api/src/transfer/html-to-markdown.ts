import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';

const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
  emDelimiter: '_',
});
turndown.use(gfm);

/** Ghost's and WordPress's HTML as the Markdown Inkwell stores (GitHub flavour: tables, strikethrough). */
export function htmlToMarkdown(html: string): string {
  return turndown.turndown(html).trim();
}
