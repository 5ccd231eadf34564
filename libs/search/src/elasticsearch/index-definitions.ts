import { type estypes } from '@elastic/elasticsearch';

/**
 * `text` fields use the English analyzer (stemming, stop words) for matching; their `spell`
 * sub-field keeps whole lower-cased words, so the term suggester proposes real words
 * (`replication`), not stems (`replic`).
 */
const searchableText: estypes.MappingProperty = {
  type: 'text',
  analyzer: 'english',
  fields: { spell: { type: 'text', analyzer: 'standard' } },
};

/**
 * Each document's distinct words as completion inputs (title words weigh more), for completing
 * the word a reader is typing. Inputs are already lower-cased words: no analysis beyond that.
 */
const completionWords: estypes.MappingProperty = { type: 'completion', analyzer: 'keyword' };

export const POSTS_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    title: searchableText,
    words: completionWords,
    body: searchableText,
    slug: { type: 'keyword' },
    categories: { properties: { slug: { type: 'keyword' }, name: { type: 'keyword' } } },
    published_at: { type: 'date' },
  },
};

export const COMMENTS_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    body: searchableText,
    words: completionWords,
    post_id: { type: 'integer' },
    post_slug: { type: 'keyword' },
    post_title: { type: 'keyword', index: false },
    created_at: { type: 'date' },
  },
};

export const INDEX_SETTINGS: estypes.IndicesIndexSettings = { number_of_shards: 1 };

/** Completion inputs: a weight ranks the words of one input above those of a lighter one. */
export type CompletionInputs = { input: string[]; weight: number }[];

export interface PostSource {
  title: string;
  body: string;
  words: CompletionInputs;
  slug: string;
  categories: { slug: string; name: string }[];
  published_at: string | null;
}

export interface CommentSource {
  body: string;
  words: CompletionInputs;
  post_id: number;
  post_slug: string;
  post_title: string;
  created_at: string | null;
}

/** Alias names readers and writers use; each points at one timestamped index. */
export interface IndexNames {
  posts: string;
  comments: string;
}

export function aliasNames(prefix: string): IndexNames {
  return { posts: `${prefix}-posts`, comments: `${prefix}-comments` };
}

/** A concrete index name behind an alias: `inkwell-posts-20261126t152413123z`. */
export function timestampedIndex(alias: string, now: Date): string {
  return `${alias}-${now
    .toISOString()
    .toLowerCase()
    .replace(/[^0-9a-z]/gu, '')}`;
}
