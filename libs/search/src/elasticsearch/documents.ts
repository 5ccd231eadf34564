import { commentIndexText, postIndexText, toIsoDate } from '../documents.js';
import { type CommentDocument, type PostDocument } from '../engine.js';
import { distinctWords } from '../text/tokenize.js';
import { type CommentSource, type CompletionInputs, type PostSource } from './index-definitions.js';

/** Title words complete first: they weigh twice the other words of a document. */
function completionInputs(
  titleWords: readonly string[],
  words: readonly string[],
): CompletionInputs {
  const title = new Set(titleWords);
  const rest = words.filter((word) => !title.has(word));
  return [
    ...(title.size > 0 ? [{ input: [...title], weight: 2 }] : []),
    ...(rest.length > 0 ? [{ input: rest, weight: 1 }] : []),
  ];
}

export function postSource(doc: PostDocument): PostSource {
  const text = postIndexText(doc);
  return {
    title: text.title,
    body: text.body,
    words: completionInputs(distinctWords(text.title), text.words),
    slug: doc.slug,
    categories: doc.categories.map(({ slug, name }) => ({ slug, name })),
    published_at: toIsoDate(doc.publishedAt),
  };
}

export function commentSource(doc: CommentDocument): CommentSource {
  const text = commentIndexText(doc);
  return {
    body: text.body,
    words: completionInputs([], text.words),
    post_id: doc.postId,
    post_slug: doc.postSlug,
    post_title: doc.postTitle,
    created_at: toIsoDate(doc.createdAt),
  };
}
