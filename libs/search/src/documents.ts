import { type CommentDocument, type PostDocument } from './engine.js';
import { stripMarkdown } from './text/markdown.js';
import { MATCH_END, MATCH_START } from './text/snippet.js';
import { distinctWords, identifierTokens } from './text/tokenize.js';

/** A post or comment reduced to what both engines index. */
export interface IndexText {
  title: string;
  /** Plain text: Markdown stripped, highlight markers removed. */
  body: string;
  /** Distinct lower-cased words of title and body, for the spelling lexicon. */
  words: string[];
  /**
   * The identifiers' wholes and parts (`identifierTokens`) of the searchable title and of the
   * body: computed once, for the words above and for the PostgreSQL engine's vectors.
   */
  titleIdentifiers: string[];
  bodyIdentifiers: string[];
}

const MARKERS = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'gu');

function plain(markdown: string): string {
  return stripMarkdown(markdown).replace(MARKERS, '');
}

export function postIndexText(doc: PostDocument): IndexText {
  const title = plain(doc.title);
  // The summary is part of what a reader reads first, so it is searched as body text.
  const body = [plain(doc.summary), plain(doc.body)].filter((part) => part !== '').join('\n\n');
  const titleIdentifiers = identifierTokens(title);
  const bodyIdentifiers = identifierTokens(body);
  const words = distinctWords(`${title} ${body}`, [...titleIdentifiers, ...bodyIdentifiers]);
  return { title, body, words, titleIdentifiers, bodyIdentifiers };
}

/** A comment is matched on its own words only; the post title is just its label. */
export function commentIndexText(doc: CommentDocument): IndexText {
  const body = plain(doc.body);
  const bodyIdentifiers = identifierTokens(body);
  return {
    title: doc.postTitle,
    body,
    words: distinctWords(body, bodyIdentifiers),
    titleIdentifiers: [],
    bodyIdentifiers,
  };
}

export function toIsoDate(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
