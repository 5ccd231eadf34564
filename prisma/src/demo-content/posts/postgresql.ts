import { type DemoPost } from '../types.js';

export const postgresqlPosts: DemoPost[] = [
  {
    slug: 'setting-up-postgresql-streaming-replication-on-debian',
    title: 'Setting up PostgreSQL streaming replication on Debian',
    summary:
      'A step-by-step walk through a primary and a hot standby on Debian 12 with PostgreSQL 15, from pg_basebackup to measuring replication lag and promoting the standby.',
    categories: ['postgresql', 'devops'],
    status: 'PUBLISHED',
    publishedAt: '2024-02-11T08:40:00Z',
    body: `This blog has run on a single PostgreSQL server for years. That was fine until the disk controller on that machine started logging errors one Sunday morning. Nothing was lost, but it was a good reminder that a nightly \`pg_dump\` is a backup, not a plan for staying online. So I set up streaming replication: a second server that receives the write-ahead log (WAL) as it is written and can take over within seconds.

These notes use two Debian 12 machines with the packaged PostgreSQL 15. The primary is \`db1\` (10.0.0.11) and the standby is \`db2\` (10.0.0.12).

## How streaming replication works

Every change PostgreSQL makes is first written to the WAL. A standby connects to the primary with a special replication connection, asks for WAL from a given position, and replays it continuously. With \`hot_standby = on\` (the default) the standby also answers read-only queries, which is handy for reports.

## Preparing the primary

First a role that is only allowed to replicate:

\`\`\`sql
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD 'change-me';
\`\`\`

Then the relevant settings in \`/etc/postgresql/15/main/postgresql.conf\`:

\`\`\`ini
listen_addresses = '10.0.0.11,localhost'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
wal_keep_size = 512MB
\`\`\`

And one line in \`pg_hba.conf\` so the standby may connect for replication:

\`\`\`
host  replication  replicator  10.0.0.12/32  scram-sha-256
\`\`\`

Restart with \`sudo systemctl restart postgresql@15-main\`. Here is what each setting does:

| Setting | Value | Why |
| --- | --- | --- |
| \`wal_level\` | \`replica\` | Writes enough WAL for a standby to replay it |
| \`max_wal_senders\` | \`5\` | Concurrent replication connections (standbys plus base backups) |
| \`max_replication_slots\` | \`5\` | Slots keep WAL until every standby has received it |
| \`wal_keep_size\` | \`512MB\` | A safety margin if a slot is not used |

## Cloning the standby

On \`db2\`, stop the freshly installed cluster and empty its data directory, then copy the primary with \`pg_basebackup\`:

\`\`\`bash
sudo systemctl stop postgresql@15-main
sudo -u postgres rm -rf /var/lib/postgresql/15/main
sudo -u postgres pg_basebackup \\
  --host=10.0.0.11 --username=replicator \\
  --pgdata=/var/lib/postgresql/15/main \\
  --wal-method=stream --create-slot --slot=db2 \\
  --write-recovery-conf --progress
sudo systemctl start postgresql@15-main
\`\`\`

The \`--write-recovery-conf\` flag (\`-R\`) creates \`standby.signal\` and appends \`primary_conninfo\` and \`primary_slot_name\` to \`postgresql.auto.conf\`, so there is nothing to edit by hand. Put the password in \`~postgres/.pgpass\` rather than in the connection string.

## Checking that it works

On the primary, \`pg_stat_replication\` has one row per connected standby:

\`\`\`sql
SELECT client_addr, state, sync_state,
       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS replay_lag_bytes,
       replay_lag
FROM pg_stat_replication;
\`\`\`

On the standby, \`SELECT pg_is_in_recovery();\` returns \`true\`, and \`pg_last_xact_replay_timestamp()\` tells you how fresh the data is. I export the lag in bytes to my monitoring and alert when it stays above a few megabytes for more than five minutes.

## Replication slots: keep an eye on them

A slot guarantees that the primary keeps WAL until the standby has received it. The flip side: if the standby disappears for a week, the primary keeps every WAL segment and its disk fills up. Since PostgreSQL 13 you can cap that with \`max_slot_wal_keep_size\`. Check for forgotten slots with:

\`\`\`sql
SELECT slot_name, active, pg_size_pretty(
  pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained
FROM pg_replication_slots;
\`\`\`

## Promoting the standby

When the primary is gone for good, promote the standby:

\`\`\`bash
sudo pg_ctlcluster 15 main promote
\`\`\`

or from \`psql\`, \`SELECT pg_promote();\`. Point the application at the new primary, and rebuild the old one as a standby once it is repaired (\`pg_rewind\` can save you a full base backup).

## What I would do next

- Read the [high availability chapter](https://www.postgresql.org/docs/15/high-availability.html) of the manual at least once; it is excellent.
- Decide whether you need synchronous replication (\`synchronous_standby_names\`). I do not: losing a second of comments is acceptable here, doubled write latency is not.
- Practise the failover before you need it. Mine took eleven minutes the first time and two the second.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Marta Kowalczyk',
        authorEmail: 'marta.k@example.com',
        body: 'Thanks, this is the clearest write-up of `pg_basebackup -R` I have found. The tip about `max_slot_wal_keep_size` would have saved me a full disk last year.',
        approved: true,
        hoursAfterPost: 3,
      },
      {
        key: 'c2',
        authorName: 'Dev Ramanathan',
        authorEmail: 'dev.r@example.org',
        body: 'Do you run `pg_rewind` regularly, or only after a failover? I always worry it needs `wal_log_hints` or data checksums turned on beforehand.',
        approved: true,
        hoursAfterPost: 5,
      },
      {
        key: 'c3',
        authorName: 'Inkwell author',
        authorEmail: 'author@example.com',
        body: "Only after a failover. And yes, `pg_rewind` needs either data checksums or `wal_log_hints = on` on the old primary *before* things go wrong, so turn one of them on now. Debian's `pg_createcluster` does not enable checksums by default.",
        approved: true,
        replyTo: 'c2',
        hoursAfterPost: 7,
      },
      {
        key: 'c4',
        authorName: 'Dev Ramanathan',
        authorEmail: 'dev.r@example.org',
        body: 'Good to know. Can you enable checksums on an existing cluster, or is it initdb only?',
        approved: true,
        replyTo: 'c3',
        hoursAfterPost: 9,
      },
      {
        key: 'c5',
        authorName: 'Marta Kowalczyk',
        authorEmail: 'marta.k@example.com',
        body: 'Since PostgreSQL 12 there is `pg_checksums --enable`, but the cluster must be cleanly shut down while it runs, and it rewrites every page. On a big database that is a long maintenance window; doing it on the standby and then switching over is a nice trick.',
        approved: true,
        replyTo: 'c4',
        hoursAfterPost: 12,
      },
      {
        key: 'c6',
        authorName: 'Tomás Herrera',
        authorEmail: 'tomas.h@example.com',
        body: 'We use Patroni for the failover part. Writing the promotion by hand is educational, but at three in the morning I prefer a tool that has done it a thousand times.',
        approved: true,
        hoursAfterPost: 26,
      },
      {
        key: 'c7',
        authorName: 'Cheap Hosting Deals',
        authorEmail: 'deals@spam.example.org',
        body: 'Great post!!! Get the best PostgreSQL hosting at [cheap-db-hosting](https://cheap-db-hosting.example.org) and [free VPS coupons](https://vps-coupons.example.org/promo) today only!',
        approved: false,
        hoursAfterPost: 30,
      },
      {
        key: 'c8',
        authorName: 'Aiko Tanaka',
        authorEmail: 'aiko.t@example.org',
        body: 'Small note: on Debian 12 the `replication` line in `pg_hba.conf` has to come before any broader `host all all` line, since the first match wins. Took me an hour to notice.',
        approved: true,
        hoursAfterPost: 49,
      },
      {
        key: 'c9',
        authorName: 'Inkwell author',
        authorEmail: 'author@example.com',
        body: 'Good catch, thank you. The first matching line wins, including its auth method. I have seen the same confusion with `reject` lines.',
        approved: true,
        replyTo: 'c8',
        hoursAfterPost: 52,
      },
      {
        key: 'c10',
        authorName: 'Lena Fischer',
        authorEmail: 'lena.f@example.org',
        body: 'Would love a follow-up on logical replication for zero-downtime major upgrades.',
        approved: false,
        hoursAfterPost: 140,
      },
    ],
  },
  {
    slug: 'postgresql-full-text-search-with-tsvector-and-ts-rank',
    title: 'PostgreSQL full-text search with tsvector, weights and ts_rank',
    summary:
      'How the search box on this blog works: a generated tsvector column with weighted title and body, a GIN index, websearch_to_tsquery and ts_headline for snippets.',
    categories: ['postgresql', 'search'],
    status: 'PUBLISHED',
    publishedAt: '2023-12-04T19:15:00Z',
    body: `When I moved this blog off a static site generator, the first feature readers asked for was search. I briefly looked at running a dedicated search server, then remembered that PostgreSQL has had solid full-text search built in for well over a decade. For a few thousand documents it is more than enough, and it lives in the same transaction as the data.

## Documents and queries

Full-text search in PostgreSQL revolves around two types. A \`tsvector\` is a sorted list of normalised words (lexemes) with their positions; a \`tsquery\` is a boolean expression of lexemes.

\`\`\`sql
SELECT to_tsvector('english', 'Running the replication and replicating data');
-- 'data':6 'replic':3,5 'run':1
\`\`\`

Note how \`running\` became \`run\` and both \`replication\` and \`replicating\` became \`replic\`: the \`english\` configuration applies the Snowball stemmer and drops stop words like \`the\` and \`and\`.

## A weighted, generated column

Titles matter more than bodies. \`setweight\` labels lexemes with A, B, C or D, and \`ts_rank\` uses those labels. With a stored generated column the vector is always up to date and no trigger is needed:

\`\`\`sql
ALTER TABLE post ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(body, '')), 'D')
  ) STORED;

CREATE INDEX post_search_idx ON post USING gin (search_vector);
\`\`\`

The configuration name must be written out as a literal (\`'english'\`): generated columns require immutable expressions, and the one-argument \`to_tsvector\` depends on the \`default_text_search_config\` setting.

## Parsing what people type

Readers type things like \`tokio "select macro" -python\`. Do not feed that to \`to_tsquery\`, which raises an error on stray punctuation. \`websearch_to_tsquery\` understands quotes, \`or\` and a leading minus, and never fails:

\`\`\`sql
SELECT websearch_to_tsquery('english', 'tokio "select macro" -python');
-- 'tokio' & 'select' <-> 'macro' & !'python'
\`\`\`

## Ranking and snippets

\`\`\`sql
SELECT slug, title,
       ts_rank(search_vector, q) AS rank,
       ts_headline('english', body, q,
                   'MaxFragments=2, MaxWords=20, MinWords=8') AS snippet
FROM post, websearch_to_tsquery('english', $1) AS q
WHERE search_vector @@ q
ORDER BY rank DESC
LIMIT 20;
\`\`\`

\`ts_headline\` re-parses the original text, so it is the expensive part. Run it only on the rows you display, which the \`LIMIT\` above ensures because PostgreSQL evaluates the select list after sorting.

## Things that surprised me

- Stemming is language specific. A post that quotes German text will not stem those words properly; that is acceptable for me.
- Code identifiers get split by the parser: \`pg_basebackup\` is indexed as several tokens. Searching for it still works because the query is parsed the same way.
- Typos get nothing. \`replciation\` matches zero rows. For that I added trigram matching, which gets its own post about \`pg_trgm\`.

The [text search chapter](https://www.postgresql.org/docs/current/textsearch.html) of the manual covers dictionaries, synonyms and custom configurations if you need to go further.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Priya Nair',
        authorEmail: 'priya.n@example.com',
        body: 'The note about `ts_headline` being the expensive part is worth its weight in gold. We had it in a CTE before the `LIMIT` and wondered why search took 800 ms.',
        approved: true,
        hoursAfterPost: 20,
      },
    ],
  },
  {
    slug: 'fuzzy-title-matching-with-pg-trgm',
    title: 'Fuzzy matching and "did you mean" with pg_trgm',
    summary:
      'Using the pg_trgm extension to find posts despite typos: similarity thresholds, GIN trigram indexes, word_similarity, and building suggestions from a table of known words.',
    categories: ['postgresql', 'search'],
    status: 'PUBLISHED',
    publishedAt: '2024-06-19T07:05:00Z',
    body: `Full-text search in PostgreSQL is precise, and precision has a cost: a reader who types \`postgersql\` or \`kubernets\` gets an empty page. The \`pg_trgm\` extension fixes that cheaply. It compares strings by the three-letter sequences (trigrams) they share, which is surprisingly good at forgiving typos.

## Trigrams in one query

\`\`\`sql
CREATE EXTENSION IF NOT EXISTS pg_trgm;

SELECT show_trgm('bisect');
-- {"  b"," bi",bis,"ct ",ect,ise,sec}

SELECT similarity('replication', 'replciation');
-- 0.5
\`\`\`

Similarity is the number of shared trigrams divided by the number of distinct trigrams in both strings, so it ranges from 0 to 1. Swapping two letters in the middle of a long word still leaves about half the trigrams intact.

## Indexing it

Without an index, a similarity search compares the query with every row. A GIN index with the \`gin_trgm_ops\` operator class makes the \`%\` operator (similar to, above the threshold) fast:

\`\`\`sql
CREATE INDEX post_title_trgm_idx ON post USING gin (title gin_trgm_ops);

SET pg_trgm.similarity_threshold = 0.3;

SELECT slug, title,
       similarity(title, 'postgresql streaming replicaton debian') AS score
FROM post
WHERE title % 'postgresql streaming replicaton debian'
ORDER BY score DESC
LIMIT 5;
\`\`\`

The same index also accelerates \`ILIKE '%replica%'\`, which is a nice bonus for an admin search box.

## Whole titles versus words

Comparing a two-word query with a ten-word title gives a low \`similarity\`, because most of the title's trigrams are not in the query. \`word_similarity\` and its operator \`<%\` instead look for the best matching *part* of the title:

\`\`\`sql
SELECT word_similarity('elasticserch', title), title
FROM post
WHERE 'elasticserch' <% title
ORDER BY 1 DESC;
\`\`\`

Here is how the thresholds behaved on this blog's titles with a set of misspellings I collected from the search log:

| Threshold | Typos found | Wrong suggestions |
| --- | --- | --- |
| 0.2 | 47 of 50 | 9 |
| 0.3 | 44 of 50 | 2 |
| 0.4 | 36 of 50 | 0 |

I settled on 0.3 for \`similarity\` and the default 0.6 for \`word_similarity\`.

## Building "did you mean"

Suggestions work best on single words, not titles. I keep a table of every distinct lexeme in the corpus, refreshed after each publish, and look up the closest word for each query term that returned nothing:

\`\`\`sql
CREATE TABLE search_word AS
  SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM post');
CREATE INDEX ON search_word USING gin (word gin_trgm_ops);

SELECT word FROM search_word
WHERE word % 'memoizaton'
ORDER BY similarity(word, 'memoizaton') DESC, ndoc DESC
LIMIT 1;
\`\`\`

\`ts_stat\` returns stemmed lexemes (\`memoiz\`), which are not pretty to show. In practice I store the original words from titles and bodies instead, lower-cased, with a document count to break ties in favour of common words.

## Limits

- Very short words have few trigrams, so \`go\` versus \`og\` is hopeless. I skip suggestions for words under four letters.
- Trigram indexes are large: roughly two to three times the size of the text they index.
- It is not phonetic: \`fysics\` and \`physics\` share almost nothing. The \`fuzzystrmatch\` extension has \`soundex\` and \`levenshtein\` for that.

The [pg_trgm documentation](https://www.postgresql.org/docs/current/pgtrgm.html) lists every function and operator; it is short and worth reading in full.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Jonas Berg',
        authorEmail: 'jonas.b@example.org',
        body: 'I had no idea `gin_trgm_ops` also speeds up `ILIKE`. That just made our admin panel usable again.',
        approved: true,
        hoursAfterPost: 4,
      },
      {
        key: 'c2',
        authorName: 'Sofia Marino',
        authorEmail: 'sofia.m@example.com',
        body: 'Have you compared this with `levenshtein` from `fuzzystrmatch`? For single words I found edit distance gave more intuitive suggestions, although it cannot use an index.',
        approved: true,
        hoursAfterPost: 30,
      },
      {
        key: 'c3',
        authorName: 'Inkwell author',
        authorEmail: 'author@example.com',
        body: 'I tried it as a second pass: fetch twenty candidates with `%` through the index, then re-rank them by `levenshtein`. It helps with transpositions. Maybe worth a follow-up post.',
        approved: true,
        replyTo: 'c2',
        hoursAfterPost: 33,
      },
    ],
  },
  {
    slug: 'sqlite-or-postgresql-for-a-small-site',
    title: 'SQLite or PostgreSQL for a small site? A practical comparison',
    summary:
      'When SQLite is the right database for a small website and when PostgreSQL earns its keep, compared on concurrency, backups, full-text search, operations and migrations.',
    categories: ['postgresql', 'devops'],
    status: 'PUBLISHED',
    publishedAt: '2025-03-08T10:20:00Z',
    body: `Every few months someone asks me whether a small site like this one really needs PostgreSQL. It is a fair question. SQLite has become a serious production choice for single-server applications, and the operational savings are real. Here is how I think about the decision after running both.

## What "small" means here

By small I mean one application server, a few thousand posts or products, a few writes per minute and reads that mostly come from a cache. Both databases handle that load without breaking a sweat. The differences are elsewhere.

## The comparison

| Concern | SQLite | PostgreSQL |
| --- | --- | --- |
| Setup | A file; nothing to run | A server process, roles, \`pg_hba.conf\` |
| Concurrent writers | One at a time (WAL mode helps readers) | Many, with row-level locks |
| Backups | Copy with \`.backup\` or Litestream | \`pg_dump\`, base backups, PITR |
| Full-text search | FTS5 virtual tables | \`tsvector\`, GIN, \`pg_trgm\` |
| High availability | Replicate the file (Litestream, LiteFS) | Streaming replication, failover tools |
| Types and constraints | Flexible typing unless \`STRICT\` tables | Strict types, rich constraints |

## Where SQLite shines

With write-ahead logging enabled, readers never block the writer and the writer never blocks readers:

\`\`\`sql
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA busy_timeout = 5000;
PRAGMA foreign_keys = ON;
\`\`\`

Those four lines are the first thing I run on every SQLite connection. \`busy_timeout\` turns "database is locked" errors into short waits, and foreign keys are, surprisingly, off by default.

Queries are function calls inside your process, so there is no network round trip. That changes how you write code: the N+1 query pattern that hurts against a remote server is almost free against a local file.

## Where PostgreSQL earns its keep

- More than one application server. SQLite lives on one disk; the moment you scale out, you need a network database.
- Background jobs that write while the site writes. A single writer is fine until a long import holds the lock for thirty seconds.
- Operations tooling: \`pg_stat_statements\`, \`EXPLAIN (ANALYZE, BUFFERS)\`, logical replication for upgrades.
- Search that needs ranking weights and typo tolerance in the same query.

## Migrations

SQLite's \`ALTER TABLE\` is limited: dropping or changing a column often means the create-copy-drop-rename dance. Django and most ORMs do it for you, but it rewrites the whole table. PostgreSQL adds a nullable column instantly and can build an index without blocking writes:

\`\`\`sql
CREATE INDEX CONCURRENTLY post_published_idx ON post (published_at DESC);
\`\`\`

## My rule of thumb

\`\`\`python
def choose_database(app_servers: int, heavy_background_writes: bool) -> str:
    if app_servers > 1 or heavy_background_writes:
        return "postgresql"
    return "sqlite"
\`\`\`

Half joking, but only half. Start with SQLite if you will run one server and want fewer moving parts; keep your SQL portable; and move when the single writer starts to show. For this blog, search and replication tipped the balance toward PostgreSQL years ago. The [SQLite "appropriate uses" page](https://www.sqlite.org/whentouse.html) is an honest read on the same question from the other side.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Hannah Okafor',
        authorEmail: 'hannah.o@example.com',
        body: 'Great table. One more row for SQLite: tests run against a real database in milliseconds with `:memory:`.',
        approved: true,
        hoursAfterPost: 2,
      },
      {
        key: 'c2',
        authorName: 'Ravi Patel',
        authorEmail: 'ravi.p@example.org',
        body: 'We moved from SQLite to PostgreSQL exactly because of the "long import holds the write lock" problem. Nobody tells you about that one.',
        approved: true,
        hoursAfterPost: 6,
      },
    ],
  },
  {
    slug: 'upgrading-postgresql-15-to-17-with-pg-upgrade',
    title: 'Upgrading PostgreSQL 15 to 17 with pg_upgrade --link',
    summary:
      'Notes from planning a major version upgrade on Debian with pg_upgradecluster and link mode, and what to check before and after.',
    categories: ['postgresql'],
    status: 'DRAFT',
    publishedAt: null,
    body: `The database behind this blog still runs PostgreSQL 15. Version 17 brings incremental backups with \`pg_basebackup --incremental\`, a faster \`VACUUM\` and better \`EXPLAIN\` output, so the upgrade is overdue. These are my working notes; the post is not finished yet.

## Options

| Method | Downtime | Disk space |
| --- | --- | --- |
| \`pg_dump\` and restore | Long, proportional to size | Double |
| \`pg_upgrade\` (copy mode) | Medium | Double |
| \`pg_upgrade --link\` | Short, seconds to minutes | Almost none |
| Logical replication | Near zero | Double, on a second server |

For a database of a few gigabytes, link mode is the sweet spot. The catch: after starting the new cluster, the old one can no longer be started safely, because both share the same data files.

## Debian's wrapper

Debian ships \`pg_upgradecluster\`, which wraps \`pg_upgrade\` and takes care of configuration files and ports:

\`\`\`bash
sudo apt install postgresql-17
sudo pg_dropcluster 17 main --stop
sudo pg_upgradecluster --method=link 15 main
sudo pg_dropcluster 15 main
\`\`\`

## Before the upgrade

- Check extensions: every extension in the old cluster needs a build for 17 (\`pg_trgm\` is part of contrib, so it is fine).
- Run \`pg_upgrade --check\` first, which reports problems without changing anything.
- Take a fresh base backup. Link mode has no undo.

## After the upgrade

Planner statistics are not carried over, so the first queries can pick poor plans:

\`\`\`bash
sudo -u postgres vacuumdb --all --analyze-in-stages
\`\`\`

The standby also needs attention: it cannot follow a primary on another major version. The documented way is \`rsync\` with hard links, which I find fragile; I will simply rebuild it with \`pg_basebackup\`.

## Still to write

- Timings from the real upgrade.
- Whether \`pg_stat_statements\` data survives (it does not, as far as I can tell).
- Rollback plan if the new version misbehaves in the first hour.
`,
    comments: [],
  },
];
