import { type estypes } from '@elastic/elasticsearch';
import { TOTAL_HITS_CAP } from '../engine.js';
import { type Tie } from '../query/candidates.js';
import { type MatchPlan } from '../query/run-search.js';
import { MATCH_END, MATCH_START } from '../text/snippet.js';
import { tokenizeWords } from '../text/tokenize.js';
import { SUGGESTER_POLICY } from '../query/suggester-policy.js';
import { type IndexNames } from './index-definitions.js';

const termSuggester = (field: string): estypes.SearchFieldSuggester => ({
  term: {
    field,
    suggest_mode: 'popular',
    max_term_freq: SUGGESTER_POLICY.maxTypedDocFreq,
    max_edits: SUGGESTER_POLICY.maxEdits,
    size: SUGGESTER_POLICY.size,
    min_word_length: SUGGESTER_POLICY.minWordLength,
    prefix_length: 0,
    string_distance: 'internal',
  },
});

/**
 * Term suggestions for the query words from post titles, post bodies and comment bodies, and
 * how many documents hold each word as typed (`indexed`, a `filters` aggregation): the term
 * suggester does not say, and the policy needs it for short words and finished last words.
 */
export function suggestRequest(
  indices: IndexNames,
  words: readonly string[],
): estypes.SearchRequest {
  const holding = (word: string): estypes.QueryDslQueryContainer => ({
    bool: { should: [{ term: { 'title.spell': word } }, { term: { 'body.spell': word } }] },
  });
  return {
    index: [indices.posts, indices.comments],
    size: 0,
    aggs: {
      indexed: { filters: { filters: Object.fromEntries(words.map((w) => [w, holding(w)])) } },
    },
    suggest: {
      text: words.join(' '),
      title: termSuggester('title.spell'),
      body: termSuggester('body.spell'),
    },
  };
}

/**
 * Whether any post or comment holds each tied alternative together with the query's other
 * words: one `filters` bucket per tie, named by its index.
 */
export function contextRequest(indices: IndexNames, ties: readonly Tie[]): estypes.SearchRequest {
  const holding = (word: string): estypes.QueryDslQueryContainer => ({
    multi_match: { query: word, fields: ['title', 'body'] },
  });
  return {
    index: [indices.posts, indices.comments],
    size: 0,
    aggs: {
      context: {
        filters: {
          filters: Object.fromEntries(
            ties.map(({ option, context }, i) => [
              String(i),
              { bool: { filter: [option.text, ...context].map(holding) } },
            ]),
          ),
        },
      },
    },
  };
}

/** Each candidate as a boosted clause per field; `_name` reports which candidates a hit matched. */
function candidateClauses(
  plan: MatchPlan,
  fields: readonly { field: string; boost: 'titleBoost' | 'bodyBoost' }[],
): estypes.QueryDslQueryContainer[] {
  return plan.candidates.flatMap((candidate, index) => {
    const text = plan.strategy === 'phrase' ? candidate.text : candidate.words.join(' ');
    if (tokenizeWords(text).length === 0) return [];
    return fields.map(({ field, boost }): estypes.QueryDslQueryContainer => {
      const options = { query: text, boost: candidate[boost], _name: `c${index}:${field}` };
      // The typed text with its last word completed: Elasticsearch's own prefix queries.
      if (candidate.prefix !== null)
        return plan.strategy === 'phrase'
          ? { match_phrase_prefix: { [field]: options } }
          : { match_bool_prefix: { [field]: options } };
      return plan.strategy === 'phrase'
        ? { match_phrase: { [field]: options } }
        : { match: { [field]: { ...options, operator: 'or' } } };
    });
  });
}

const HIGHLIGHT: estypes.SearchHighlight = {
  pre_tags: [MATCH_START],
  post_tags: [MATCH_END],
  fields: { body: { fragment_size: 180, number_of_fragments: 1, no_match_size: 180 } },
};

/** Null when no candidate has a searchable word: an empty `should` would match everything. */
export function postsRequest(
  indices: IndexNames,
  plan: MatchPlan,
  window: { offset: number; limit: number },
): estypes.SearchRequest | null {
  const should = candidateClauses(plan, [
    { field: 'title', boost: 'titleBoost' },
    { field: 'body', boost: 'bodyBoost' },
  ]);
  if (should.length === 0) return null;
  return {
    index: indices.posts,
    from: window.offset,
    size: window.limit,
    track_total_hits: TOTAL_HITS_CAP,
    query: {
      bool: {
        should,
        minimum_should_match: 1,
        filter: plan.category === null ? [] : [{ term: { 'categories.slug': plan.category } }],
      },
    },
    sort: ['_score', { published_at: { order: 'desc', missing: '_last' } }],
    highlight: HIGHLIGHT,
    _source: ['title', 'slug', 'categories', 'published_at'],
  };
}

export function commentsRequest(
  indices: IndexNames,
  plan: MatchPlan,
  limit: number,
): estypes.SearchRequest | null {
  const should = candidateClauses(plan, [{ field: 'body', boost: 'bodyBoost' }]);
  if (should.length === 0) return null;
  return {
    index: indices.comments,
    size: limit,
    track_total_hits: TOTAL_HITS_CAP,
    query: { bool: { should, minimum_should_match: 1 } },
    highlight: HIGHLIGHT,
    _source: ['post_id', 'post_slug', 'post_title'],
  };
}

/**
 * The newest posts whose titles hold a word starting with each of `words` and `prefix`: prefix
 * queries on the unstemmed `title.spell`, as filters (no scoring), newest first.
 */
export function titlePrefixRequest(
  indices: IndexNames,
  words: readonly string[],
  prefix: string | null,
  limit: number,
): estypes.SearchRequest {
  const prefixes = prefix === null ? words : [...words, prefix];
  return {
    index: indices.posts,
    size: limit,
    query: {
      bool: { filter: prefixes.map((value) => ({ prefix: { 'title.spell': { value } } })) },
    },
    sort: [{ published_at: { order: 'desc', missing: '_last' } }],
    _source: ['slug', 'title'],
  };
}

/** Indexed words starting with `prefix`, from the completion suggester over posts and comments. */
export function wordCompletionRequest(
  indices: IndexNames,
  prefix: string,
  limit: number,
): estypes.SearchRequest {
  return {
    index: [indices.posts, indices.comments],
    size: 0,
    suggest: {
      words: { prefix, completion: { field: 'words', size: limit, skip_duplicates: true } },
    },
  };
}
