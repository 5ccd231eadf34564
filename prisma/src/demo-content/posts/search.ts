import { type DemoPost } from '../types.js';

export const searchPosts: DemoPost[] = [
  {
    slug: 'elasticsearch-typo-tolerance-and-did-you-mean',
    title: 'Typo tolerance and "did you mean" suggestions in Elasticsearch',
    summary:
      'Making Elasticsearch forgive misspellings with fuzzy match queries and AUTO fuzziness, and offering "did you mean" corrections with the phrase suggester when a query finds nothing.',
    categories: ['search'],
    status: 'PUBLISHED',
    publishedAt: '2026-09-15T12:10:00Z',
    body: `For most of its life this blog's search ran on PostgreSQL. When I helped a friend add search to a much larger documentation site, we used Elasticsearch, and the two features people noticed first were typo tolerance and "did you mean". Both are built in, but the defaults need a little thought.

## Fuzzy queries

A \`match\` query with \`fuzziness\` accepts terms within a small Levenshtein edit distance of the indexed terms (insertions, deletions, substitutions and transpositions):

\`\`\`json
GET /posts/_search
{
  "query": {
    "multi_match": {
      "query": "kubernetes readyness probe",
      "fields": ["title^3", "body"],
      "fuzziness": "AUTO",
      "prefix_length": 1
    }
  }
}
\`\`\`

\`AUTO\` scales the allowed distance with the term length:

| Term length | Edits allowed |
| --- | --- |
| 1-2 characters | 0 |
| 3-5 characters | 1 |
| 6 or more | 2 |

\`prefix_length: 1\` requires the first letter to match exactly. People rarely mistype the first letter, and it makes fuzzy queries much cheaper because far fewer terms need to be compared.

## Exact matches first

Fuzzy matching should never outrank an exact hit. A \`bool\` query with an exact clause and a fuzzy clause, where the exact one is boosted, keeps the ranking honest:

\`\`\`json
{
  "query": {
    "bool": {
      "should": [
        { "multi_match": { "query": "tokio", "fields": ["title^3", "body"], "boost": 2 } },
        { "multi_match": { "query": "tokio", "fields": ["title^3", "body"], "fuzziness": "AUTO" } }
      ]
    }
  }
}
\`\`\`

## Did you mean

Fuzziness silently corrects; sometimes it is better to ask. When a search returns few or no hits, a suggester proposes a corrected query. The phrase suggester considers the whole phrase, so it corrects words in context:

\`\`\`json
{
  "suggest": {
    "text": "elasticsaerch fuzzyness",
    "did_you_mean": {
      "phrase": {
        "field": "body.trigram",
        "size": 1,
        "direct_generator": [{ "field": "body.trigram", "suggest_mode": "always" }],
        "highlight": { "pre_tag": "<em>", "post_tag": "</em>" }
      }
    }
  }
}
\`\`\`

The \`body.trigram\` subfield uses a shingle analyzer, so the suggester knows which word pairs occur together. The response contains the suggestion with the changed words highlighted, which the page shows as a link: *Did you mean **elasticsearch fuzziness**?*

## Testing it without a cluster

In unit tests, the official [@elastic/elasticsearch-mock](https://github.com/elastic/elasticsearch-js-mock) package intercepts the JavaScript client at the connection layer, so we could assert on the exact query bodies the application sends, then verify ranking against a real cluster in a separate, slower suite.

## Pitfalls

- Fuzziness does not apply to phrase queries; quoted searches stay exact.
- Synonyms and fuzziness interact badly: a fuzzy synonym can match nearly anything. Apply synonyms at index time.
- Very short words are never corrected with \`AUTO\`, which is usually what you want.

The [Elasticsearch reference on fuzziness](https://www.elastic.co/guide/en/elasticsearch/reference/current/common-options.html#fuzziness) and the [suggesters page](https://www.elastic.co/guide/en/elasticsearch/reference/current/search-suggesters.html) cover all the options.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Oliver Grant',
        authorEmail: 'oliver.g@example.com',
        body: '`prefix_length: 1` cut our p99 for fuzzy queries by more than half. Great tip.',
        approved: true,
        hoursAfterPost: 9,
      },
      {
        key: 'c2',
        authorName: 'Anika Roy',
        authorEmail: 'anika.r@example.org',
        body: 'How does this compare with PostgreSQL `pg_trgm` for a small site? Is it worth running a cluster just for typo tolerance?',
        approved: false,
        hoursAfterPost: 15,
      },
    ],
  },
  {
    slug: 'ranking-blog-search-results-by-relevance-and-recency',
    title: 'Ranking blog search results by relevance and recency',
    summary:
      "Combining PostgreSQL's ts_rank with a gentle recency boost so that search results favour current posts without burying the best match, plus a small relevance test suite to keep the ranking honest.",
    categories: ['search', 'postgresql'],
    status: 'PUBLISHED',
    publishedAt: '2026-02-17T09:35:00Z',
    body: `Search results on a blog have a peculiar problem: the best textual match is often a post from years ago that no longer reflects how things are done. Readers searching for \`docker\` probably want the post about multi-stage builds from last year, not a setup guide from the Docker 1.x era. Pure text relevance does not know that. Here is how I blend relevance with recency.

## Start from text relevance

\`ts_rank\` scores a document by how often and where the query terms appear, using the weights assigned when the vector was built (title A, summary B, body D). Title matches dominate, which is what readers expect.

## A gentle decay

Recency enters as a multiplier that decays with age. An exponential decay with a half-life of two years means a two-year-old post keeps half its boost, never less than a floor:

\`\`\`sql
SELECT slug, title,
       ts_rank(search_vector, q)
         * (0.6 + 0.4 * exp(-ln(2) * extract(epoch FROM now() - published_at)
                                      / extract(epoch FROM interval '2 years')))
         AS score
FROM post, websearch_to_tsquery('english', $1) AS q
WHERE search_vector @@ q AND status = 'PUBLISHED'
ORDER BY score DESC
LIMIT 20;
\`\`\`

The floor of 0.6 is the important part: an old post that matches much better than a new one still wins. Recency only breaks near-ties.

| Age of post | Multiplier |
| --- | --- |
| New | 1.00 |
| 1 year | 0.88 |
| 2 years | 0.80 |
| 6 years | 0.65 |

## Keep the ranking honest with tests

Ranking changes are easy to make and hard to judge by eye, so I keep a relevance suite: a list of queries, each with the post that must appear in the top three results.

\`\`\`ts
const expectations = [
  { query: 'multi-stage build', top3: 'smaller-node-images-with-docker-multi-stage-builds' },
  { query: 'tokio select', top3: 'async-rust-with-tokio-spawning-channels-and-select' },
  { query: 'hydration mismatch', top3: 'react-server-rendering-and-hydration-mismatches' },
];
\`\`\`

Every change to weights, decay or analyzers runs against this list before it ships, using the same demo content as the browser tests. When a change improves one query and breaks another, the suite says so, and the argument is about a concrete query instead of a feeling.

## Things I decided against

- Boosting by comment count. It rewards controversy more than usefulness.
- Personalising by reading history. A blog does not need it, and it makes results impossible to reproduce when someone reports a problem.
- A hard cut-off for old posts. Some of the most-read posts here are the oldest ones.
`,
    comments: [],
  },
];
