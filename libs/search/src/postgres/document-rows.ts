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
  /** The identifiers' wholes and parts (`identifierTokens`), indexed after the title and body. */
  title_parts: string;
  body_parts: string;
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
    title_parts: text.titleIdentifiers.join(' '),
    body_parts: text.bodyIdentifiers.join(' '),
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
    title_parts: '',
    body_parts: text.bodyIdentifiers.join(' '),
  };
}

export function documentRow(doc: IndexableDocument): DocumentRow {
  return doc.kind === 'post' ? postRow(doc) : commentRow(doc);
}

/** A row with its vector (`tsvector::text`) and its phrase pairs (a bigint[] literal). */
export interface IndexedRow extends DocumentRow {
  vec: string;
  pairs: string;
}

/**
 * A document's vector over the columns of `jsonb_to_recordset` named `x`: title words weigh A,
 * body words B; a comment's title (its post's) is not searchable. PostgreSQL's parser keeps
 * some identifiers whole (`highlight.js` is a host name) or reads them oddly (`@scope/name` as
 * the file path `/name`): the identifiers' wholes and parts follow the text they come from, so
 * `name`, `highlight`, `snakecase` and `camel` match too.
 */
const titleVector = TITLE_VECTOR_SQL('x.kind', `x.title || ' ' || x.title_parts`);
export const DOCUMENT_VECTOR_SQL = `${titleVector} || setweight(to_tsvector('english', x.body || ' ' || x.body_parts), 'B')`;

/**
 * Inserts rows (`IndexedRow`) from a JSON array parameter into `table` (`search_document`, or a
 * reindex's table of the same layout); `generation` is a SQL expression. The vector comes as
 * text, stemmed by `indexedRows` before.
 */
export function insertRowsSql(table: string, rowsParam: string, generation: string): string {
  return `INSERT INTO ${table}
      (generation, kind, source_id, post_id, slug, title, body, categories, category_slugs, published_at, words, vec, title_vec, pairs)
    SELECT ${generation}, x.kind, x.source_id, x.post_id, x.slug, x.title, x.body, x.categories,
      ARRAY(SELECT jsonb_array_elements_text(x.category_slugs)), x.published_at,
      ARRAY(SELECT jsonb_array_elements_text(x.words)), x.vec::tsvector, ${titleVector}, x.pairs::bigint[]
    FROM jsonb_to_recordset(${rowsParam}::jsonb) AS x(kind text, source_id int, post_id int, slug text, title text,
      body text, categories jsonb, category_slugs jsonb, published_at timestamptz, words jsonb,
      title_parts text, vec text, pairs text)`;
}
