import { commentIndexText, postIndexText, toIsoDate } from '../documents.js';
import { type CommentDocument, type PostDocument } from '../engine.js';
import { type CommentSource, type PostSource } from './index-definitions.js';

export function postSource(doc: PostDocument): PostSource {
  const text = postIndexText(doc);
  return {
    title: text.title,
    body: text.body,
    slug: doc.slug,
    categories: doc.categories.map(({ slug, name }) => ({ slug, name })),
    published_at: toIsoDate(doc.publishedAt),
  };
}

export function commentSource(doc: CommentDocument): CommentSource {
  return {
    body: commentIndexText(doc).body,
    post_id: doc.postId,
    post_slug: doc.postSlug,
    post_title: doc.postTitle,
    created_at: toIsoDate(doc.createdAt),
  };
}
