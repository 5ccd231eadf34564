/**
 * The contract every search engine implements, and the documents and results it speaks in.
 * Apps depend on this file alone; engines (PostgreSQL, Elasticsearch) are interchangeable.
 */

export interface CategoryRef {
  slug: string;
  name: string;
}

/** A published post. Only published posts are indexed: the caller removes a post on unpublish. */
export interface PostDocument {
  id: number;
  slug: string;
  title: string;
  /** Plain text or Markdown; Markdown syntax is stripped before indexing. */
  body: string;
  summary: string;
  categories: CategoryRef[];
  publishedAt: Date | string;
}

/** An approved comment. The caller removes a comment when it is unapproved or deleted. */
export interface CommentDocument {
  id: number;
  postId: number;
  postSlug: string;
  postTitle: string;
  /** Plain text or Markdown. */
  body: string;
  createdAt?: Date | string;
}

/** What `reindex` consumes: every post and comment, tagged with its kind. */
export type IndexableDocument =
  ({ kind: 'post' } & PostDocument) | ({ kind: 'comment' } & CommentDocument);

export interface ReindexProgress {
  posts: number;
  comments: number;
}

export interface SearchInput {
  /** The reader's query; may contain `category:<slug>`. 1..200 characters. */
  q: string;
  category?: string;
  /** 1-based. */
  page?: number;
  /** 1..50, default 10. */
  pageSize?: number;
  debug?: boolean;
}

export interface PostHit {
  kind: 'post';
  id: number;
  title: string;
  slug: string;
  publishedAt: string;
  categories: CategoryRef[];
  /** HTML-escaped text; matched words wrapped in `<mark>`. */
  snippet: string;
  score: number;
}

export interface CommentHit {
  kind: 'comment';
  /** The comment's id. */
  id: number;
  /** "Comment on <post title>". */
  title: string;
  postId: number;
  /** The commented post's slug, to link to it. */
  slug: string;
  snippet: string;
  score: number;
}

export type SearchHit = PostHit | CommentHit;

export type MatchStrategy = 'phrase' | 'any-word';

/**
 * Matches are counted up to this many; past it the count is a lower bound. Counting every match
 * of a common word was most of what a search cost (ADR 0039).
 */
export const TOTAL_HITS_CAP = 1_000;

/** How many results match, like Elasticsearch's `hits.total`: exact, or at least `value`. */
export interface TotalHits {
  value: number;
  /** `gte` once the count reached `TOTAL_HITS_CAP`: there may be more. */
  relation: 'eq' | 'gte';
}

export interface CandidateTerm {
  text: string;
  /** `prefix`: the typed text with its last word matched as the start of a longer word. */
  source: 'typed' | 'prefix' | 'suggester';
  score: number;
  weight: number;
  titleBoost: number;
  bodyBoost: number;
}

export interface SearchDebug {
  candidates: CandidateTerm[];
  /**
   * Per query word, the suggester's alternatives before filtering, in the plan's order; for
   * equally close ones, whether a post title holds them and whether a document holds them with
   * the query's other words, when the engine looked.
   */
  suggestions: Record<
    string,
    { text: string; score: number; freq: number; inTitle?: boolean; withContext?: boolean }[]
  >;
  strategy: MatchStrategy;
  strategiesTried: MatchStrategy[];
  timings: {
    parseMs: number;
    suggestMs: number;
    postsMs: number;
    commentsMs: number;
    totalMs: number;
  };
}

export interface SearchResults {
  /** The query as typed, without `category:` tokens. */
  q: string;
  category: string | null;
  page: number;
  pageSize: number;
  /** Posts plus blended comments, counted up to `TOTAL_HITS_CAP`. */
  total: TotalHits;
  hits: SearchHit[];
  terms: {
    typed: string;
    /** Candidates that matched at least one hit on this page, best first. */
    used: string[];
    /** The best used candidate when the typed text itself matched nothing on this page. */
    correctedTo: string | null;
  };
  /** With no hits: the closest spellings not already searched, as queries to offer as links. */
  suggestions: string[];
  debug?: SearchDebug;
}

export interface SuggestInput {
  /** What the reader has typed so far; its last word is completed. 1..100 characters. */
  q: string;
}

/** One way to finish the last word of the query. */
export interface Completion {
  /** The completed word, lower-cased. */
  word: string;
  /** The whole query with its last word completed, ready to search. */
  query: string;
}

export interface SuggestResults {
  q: string;
  /** Words of post titles first, then other indexed words; none when the last word is too short. */
  completions: Completion[];
  /** The newest posts whose titles hold every word of the query, the last as a prefix. */
  posts: { slug: string; title: string }[];
}

export interface SearchHealth {
  engine: 'postgres' | 'elasticsearch';
  ok: boolean;
  posts: number;
  comments: number;
  detail?: string;
}

export interface SearchEngine {
  /** Creates what the engine needs (tables, indices, aliases). Idempotent. */
  setup(): Promise<void>;
  indexPost(doc: PostDocument): Promise<void>;
  /** Removes the post and the comments indexed under it. */
  removePost(id: number): Promise<void>;
  indexComment(doc: CommentDocument): Promise<void>;
  removeComment(id: number): Promise<void>;
  /** Rebuilds the whole index from `docs`; searches keep answering from the old one until the swap. */
  reindex(
    docs: AsyncIterable<IndexableDocument>,
    onProgress?: (progress: ReindexProgress) => void,
  ): Promise<ReindexProgress>;
  search(input: SearchInput): Promise<SearchResults>;
  /** Search as you type: completions of the query's last word and posts whose titles match. */
  suggest(input: SuggestInput): Promise<SuggestResults>;
  health(): Promise<SearchHealth>;
}
