import { commentIndexText, postIndexText, toIsoDate } from '../documents.js';
import { type CommentDocument, type IndexableDocument, type PostDocument } from '../engine.js';
import { TITLE_VECTOR_SQL } from './schema.js';

/** One `search_document` row, as JSON for `jsonb_to_recordset`. */
export interface DocumentRow {
  kind: 'post' | 'comment';
  source_id: number;
  post_id: number;
  slug: string;
  title: string;
  body: string;
  categories: { slug: string; name: string }[];
  category_slugs: string[];
  published_at: string | null;
  words: string[];
}

export function postRow(doc: PostDocument): DocumentRow {
  const text = postIndexText(doc);
  const categories = doc.categories.map(({ slug, name }) => ({ slug, name }));
  return {
    kind: 'post',
    source_id: doc.id,
    post_id: doc.id,
    slug: doc.slug,
    title: text.title,
    body: text.body,
    categories,
    category_slugs: categories.map((category) => category.slug),
    published_at: toIsoDate(doc.publishedAt),
    words: text.words,
  };
}

export function commentRow(doc: CommentDocument): DocumentRow {
  const text = commentIndexText(doc);
  return {
    kind: 'comment',
    source_id: doc.id,
    post_id: doc.postId,
    slug: doc.postSlug,
    title: text.title,
    body: text.body,
    categories: [],
    category_slugs: [],
    published_at: toIsoDate(doc.createdAt),
    words: text.words,
  };
}

export function documentRow(doc: IndexableDocument): DocumentRow {
  return doc.kind === 'post' ? postRow(doc) : commentRow(doc);
}

/**
 * Inserts `search_document` rows from a JSON array parameter; `generation` is a SQL expression.
 * Title words weigh A, body words B; a comment's title (its post's) is not searchable.
 */
export function insertRowsSql(rowsParam: string, generation: string): string {
  return `INSERT INTO search_document
      (generation, kind, source_id, post_id, slug, title, body, categories, category_slugs, published_at, words, vec, title_vec)
    SELECT ${generation}, x.kind, x.source_id, x.post_id, x.slug, x.title, x.body, x.categories,
      ARRAY(SELECT jsonb_array_elements_text(x.category_slugs)), x.published_at,
      ARRAY(SELECT jsonb_array_elements_text(x.words)),
      ${TITLE_VECTOR_SQL('x.kind', 'x.title')} || setweight(to_tsvector('english', x.body), 'B'),
      ${TITLE_VECTOR_SQL('x.kind', 'x.title')}
    FROM jsonb_to_recordset(${rowsParam}::jsonb) AS x(kind text, source_id int, post_id int, slug text, title text,
      body text, categories jsonb, category_slugs jsonb, published_at timestamptz, words jsonb)`;
}
