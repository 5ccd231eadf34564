import { type estypes } from '@elastic/elasticsearch';
import { IDENTIFIER_PATTERN } from '../text/tokenize.js';

/**
 * `text` fields are matched in English (stemming, stop words) with identifiers whole and in
 * parts (`ANALYSIS`); their `spell` sub-field keeps whole lower-cased words, so the term
 * suggester proposes real words (`replication`), not stems (`replic`).
 */
const searchableText: estypes.MappingProperty = {
  type: 'text',
  analyzer: 'english_identifiers',
  search_analyzer: 'english_identifiers_search',
  fields: { spell: { type: 'text', analyzer: 'identifier_words' } },
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

/**
 * The tokens of `identifierTokens`, which the PostgreSQL engine indexes and counts in its
 * lexicon, made by Elasticsearch's own filters. Words and identifiers are tokens of the same
 * pattern; `word_delimiter_graph` splits an identifier into its parts (on connectors and case
 * changes, not between letters and digits) and, at indexing, adds the whole without connectors
 * (`catenate_all`: `highlightjs`), flattened for the index. At search the typed identifier is
 * kept beside its parts (`preserve_original`) as a graph, which phrase queries follow.
 * Then the steps of the `english` analyzer: possessives, lower case, stop words, stemming.
 */
const identifierParts = (catenate: boolean, original: boolean): estypes.AnalysisTokenFilter => ({
  type: 'word_delimiter_graph',
  preserve_original: original,
  catenate_all: catenate,
  split_on_case_change: true,
  split_on_numerics: false,
  stem_english_possessive: true,
});
const ENGLISH_STEPS = [
  'lowercase',
  'english_possessive_stemmer',
  'english_stop',
  'english_stemmer',
];

export const ANALYSIS: estypes.IndicesIndexSettingsAnalysis = {
  tokenizer: { identifiers: { type: 'pattern', pattern: IDENTIFIER_PATTERN, group: 0 } },
  filter: {
    identifier_parts_index: identifierParts(true, true),
    identifier_parts_search: identifierParts(false, true),
    identifier_words: identifierParts(true, false),
    english_possessive_stemmer: { type: 'stemmer', language: 'possessive_english' },
    english_stop: { type: 'stop', stopwords: '_english_' },
    english_stemmer: { type: 'stemmer', language: 'english' },
  },
  analyzer: {
    english_identifiers: {
      type: 'custom',
      tokenizer: 'identifiers',
      filter: ['identifier_parts_index', 'flatten_graph', ...ENGLISH_STEPS],
    },
    english_identifiers_search: {
      type: 'custom',
      tokenizer: 'identifiers',
      filter: ['identifier_parts_search', ...ENGLISH_STEPS],
    },
    identifier_words: {
      type: 'custom',
      tokenizer: 'identifiers',
      filter: ['identifier_words', 'flatten_graph', 'lowercase'],
    },
  },
};

export const INDEX_SETTINGS: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  analysis: ANALYSIS,
};

/**
 * What `setup()` adds to indices made by an older version: only new fields, the one mapping
 * change Elasticsearch allows in place (analyzers of existing fields change on `reindex`, which
 * creates new indices).
 */
export const ADDED_FIELDS: estypes.MappingTypeMapping = { properties: { words: completionWords } };

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
