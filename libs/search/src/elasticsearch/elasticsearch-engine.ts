import { type Client, type estypes } from '@elastic/elasticsearch';
import {
  type IndexableDocument,
  type ReindexProgress,
  type SearchEngine,
  type SearchHealth,
} from '../engine.js';
import { orderCorrections, tiesToWeigh } from '../query/candidates.js';
import { noMatches, runSearch, type SearchBackend } from '../query/run-search.js';
import { runSuggest, type SuggestBackend } from '../query/run-suggest.js';
import { commentSource, postSource } from './documents.js';
import {
  ADDED_FIELDS,
  aliasNames,
  COMMENTS_MAPPINGS,
  type CommentSource,
  INDEX_SETTINGS,
  type IndexNames,
  type PostSource,
  POSTS_MAPPINGS,
  timestampedIndex,
} from './index-definitions.js';
import {
  commentsRequest,
  contextRequest,
  postsRequest,
  suggestRequest,
  titlePrefixRequest,
  wordCompletionRequest,
} from './requests.js';
import {
  parseAliasedIndices,
  parseComments,
  parseContextMatches,
  parsePosts,
  parseSuggestions,
  parseTitleMatches,
  parseWordCompletions,
} from './responses.js';

export interface ElasticsearchEngineOptions {
  client: Client;
  /** Aliases are `<prefix>-posts` and `<prefix>-comments`. Default `inkwell`. */
  indexPrefix?: string;
  /** Clock for index names; tests pin it. */
  now?: () => Date;
}

const BULK_SIZE = 500;

function elasticsearchBackend(client: Client, indices: IndexNames): SearchBackend {
  return {
    async suggest(words) {
      const lookup = parseSuggestions(await client.search(suggestRequest(indices, words)));
      // Equally close alternatives: which of them a document holds with the other words.
      const ties = tiesToWeigh(lookup.suggestions, lookup.indexed ?? new Set()).filter(
        (tie) => tie.context.length > 0,
      );
      if (ties.length === 0) return lookup;
      const found = parseContextMatches(await client.search(contextRequest(indices, ties)));
      ties.forEach((tie, i) => {
        tie.option.withContext = found.has(i);
      });
      return { ...lookup, suggestions: orderCorrections(lookup.suggestions) };
    },
    async findPosts(plan, window) {
      const request = postsRequest(indices, plan, window);
      return request === null ? noMatches() : parsePosts(await client.search<PostSource>(request));
    },
    async findComments(plan, limit) {
      const request = commentsRequest(indices, plan, limit);
      return request === null
        ? noMatches()
        : parseComments(await client.search<CommentSource>(request));
    },
  };
}

function elasticsearchPrefixLookups(client: Client, indices: IndexNames): SuggestBackend {
  return {
    // Independent requests: sent side by side.
    async lookUp({ words, prefix, titleLimit, wordLimit }) {
      const [titles, completions] = await Promise.all([
        client.search<Pick<PostSource, 'slug' | 'title'>>(
          titlePrefixRequest(indices, words, prefix, titleLimit),
        ),
        prefix === null ? null : client.search(wordCompletionRequest(indices, prefix, wordLimit)),
      ]);
      return {
        titles: parseTitleMatches(titles),
        words: completions === null ? [] : parseWordCompletions(completions),
      };
    },
  };
}

/**
 * Search on Elasticsearch 8/9: readers and writers go through aliases; `reindex` fills new
 * timestamped indices and swaps both aliases in one atomic `_aliases` call.
 */
export function createElasticsearchSearchEngine(options: ElasticsearchEngineOptions): SearchEngine {
  const { client } = options;
  const indices = aliasNames(options.indexPrefix ?? 'inkwell');
  // Each single-document write returns once a search can see it: the API drops cached search
  // results right after the write, and a search in between must not read (and cache) the old index.
  const refresh = 'wait_for';
  const now = options.now ?? (() => new Date());
  const backend = elasticsearchBackend(client, indices);
  const prefixLookups = elasticsearchPrefixLookups(client, indices);

  async function createIndices(at: Date, withAliases: boolean): Promise<IndexNames> {
    const created = {
      posts: timestampedIndex(indices.posts, at),
      comments: timestampedIndex(indices.comments, at),
    };
    const aliases = (alias: string): Record<string, estypes.IndicesAlias> =>
      withAliases ? { [alias]: {} } : {};
    await client.indices.create({
      index: created.posts,
      settings: INDEX_SETTINGS,
      mappings: POSTS_MAPPINGS,
      aliases: aliases(indices.posts),
    });
    await client.indices.create({
      index: created.comments,
      settings: INDEX_SETTINGS,
      mappings: COMMENTS_MAPPINGS,
      aliases: aliases(indices.comments),
    });
    return created;
  }

  async function bulkIndex(batch: IndexableDocument[], target: IndexNames): Promise<void> {
    if (batch.length === 0) return;
    const operations = batch.flatMap(
      (doc): (estypes.BulkOperationContainer | PostSource | CommentSource)[] =>
        doc.kind === 'post'
          ? [{ index: { _index: target.posts, _id: String(doc.id) } }, postSource(doc)]
          : [{ index: { _index: target.comments, _id: String(doc.id) } }, commentSource(doc)],
    );
    const response = await client.bulk<PostSource | CommentSource>({ operations });
    if (response.errors) {
      const failed = response.items.find((item) => item.index?.error !== undefined)?.index?.error;
      throw new Error(`Bulk indexing failed: ${failed?.reason ?? 'unknown error'}`);
    }
  }

  return {
    async setup() {
      const exists = await client.indices.existsAlias({ name: indices.posts });
      if (!exists) {
        await createIndices(now(), true);
        return;
      }
      // Indices made by an older version get the fields added since (`words`): adding a field
      // is the mapping change Elasticsearch allows in place, and the mappings are `strict`, so
      // a write carrying the new field would fail without it. Sending them again is a no-op
      // when nothing is new. Documents indexed before gain the field on reindex, and the
      // identifier analyzers then too (an existing field's analyzer cannot change in place).
      await client.indices.putMapping({ index: indices.posts, ...ADDED_FIELDS });
      await client.indices.putMapping(
        { index: indices.comments, ...ADDED_FIELDS },
        { ignore: [404] },
      );
    },

    async indexPost(doc) {
      await client.index({
        index: indices.posts,
        id: String(doc.id),
        document: postSource(doc),
        refresh,
      });
    },

    async removePost(id) {
      await client.delete({ index: indices.posts, id: String(id), refresh }, { ignore: [404] });
      await client.deleteByQuery({
        index: indices.comments,
        query: { term: { post_id: id } },
        // No wait_for here: delete-by-query refreshes once its deletions are done.
        refresh: true,
      });
    },

    async indexComment(doc) {
      await client.index({
        index: indices.comments,
        id: String(doc.id),
        document: commentSource(doc),
        refresh,
      });
    },

    async removeComment(id) {
      await client.delete({ index: indices.comments, id: String(id), refresh }, { ignore: [404] });
    },

    async reindex(docs, onProgress): Promise<ReindexProgress> {
      const target = await createIndices(now(), false);
      const progress: ReindexProgress = { posts: 0, comments: 0 };
      let batch: IndexableDocument[] = [];
      for await (const doc of docs) {
        batch.push(doc);
        if (doc.kind === 'post') progress.posts++;
        else progress.comments++;
        if (batch.length >= BULK_SIZE) {
          await bulkIndex(batch, target);
          batch = [];
          onProgress?.({ ...progress });
        }
      }
      await bulkIndex(batch, target);
      onProgress?.({ ...progress });
      await client.indices.refresh({ index: [target.posts, target.comments] });

      const current = await client.indices.getAlias(
        { name: [indices.posts, indices.comments] },
        { ignore: [404] },
      );
      const previous = parseAliasedIndices(current, [indices.posts, indices.comments]).filter(
        ({ index }) => index !== target.posts && index !== target.comments,
      );
      const actions: estypes.IndicesUpdateAliasesAction[] = [
        ...previous.map(({ index, alias }) => ({ remove: { index, alias } })),
        { add: { index: target.posts, alias: indices.posts } },
        { add: { index: target.comments, alias: indices.comments } },
      ];
      await client.indices.updateAliases({ actions });
      const dropped = [...new Set(previous.map(({ index }) => index))];
      if (dropped.length > 0) await client.indices.delete({ index: dropped });
      return progress;
    },

    search: (input) => runSearch(backend, input),
    suggest: (input) => runSuggest(prefixLookups, input),

    async health(): Promise<SearchHealth> {
      try {
        const [posts, comments] = await Promise.all([
          client.count({ index: indices.posts }),
          client.count({ index: indices.comments }),
        ]);
        return { engine: 'elasticsearch', ok: true, posts: posts.count, comments: comments.count };
      } catch (error) {
        return {
          engine: 'elasticsearch',
          ok: false,
          posts: 0,
          comments: 0,
          detail: (error as Error).message,
        };
      }
    },
  };
}
