import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTextExtended, phrasePairHashes } from '../src/postgres/phrase-pairs.js';
import { openPglite, openPostgres, type TestDatabase } from './fixtures/databases.js';
import { syntheticPosts } from './fixtures/synthetic-blog.js';

/** The pairs as PostgreSQL computed them before version 7, sorted and once each. */
const SQL_PAIRS = `SELECT ARRAY(SELECT DISTINCT h FROM (
    SELECT hashtextextended(a.lexeme || ' ' || b.lexeme, 0) AS h
    FROM (SELECT u.lexeme, p FROM unnest(v) AS u, unnest(u.positions) AS p) a
    JOIN (SELECT u.lexeme, p FROM unnest(v) AS u, unnest(u.positions) AS p) b ON b.p = a.p + 1) x
  ORDER BY h)::text[] AS pairs, v::text AS vec
  FROM (SELECT setweight(to_tsvector('english', $1), 'A') || to_tsvector('english', $2) AS v) s`;

describe.each([
  ['PGlite', openPglite],
  ['PostgreSQL 15', openPostgres],
])('Phrase pairs computed outside the database, on %s', (_name, open) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database.close());

  it('hashes text as hashtextextended does, whatever its length and characters', async () => {
    const texts = [
      '',
      'a',
      'replication standby',
      "it's a\\b",
      'ünïcødé wörds 日本語 🦀',
      ...Array.from({ length: 30 }, (_, n) =>
        'abcdefghijklmnopqrstuvwxyzåäö'.repeat(2).slice(0, n),
      ),
    ];
    const { rows } = await database.db.query(
      'SELECT hashtextextended(t, 0)::text AS hash FROM unnest($1::text[]) WITH ORDINALITY AS x(t, i) ORDER BY i',
      [texts],
    );
    expect(texts.map((text) => hashTextExtended(text).toString())).toEqual(
      rows.map((row) => row.hash),
    );
  });

  it('finds the pairs PostgreSQL finds, from the text form of the vector', async () => {
    const posts = [...syntheticPosts(5, 1000, 7)].map((post) => [post.title, post.body]);
    const odd = [
      ["It's O'Brien's", 'back\\slash foo-bar baz, x.y.z @scope/name highlight.js café 日本語'],
      ['', 'the the the'],
      ['Title', `${'word '.repeat(17_000)}end`],
    ];
    for (const [title, body] of [...posts, ...odd]) {
      const { rows } = await database.db.query(SQL_PAIRS, [title, body]);
      expect(phrasePairHashes(rows[0]?.vec as string)).toEqual(rows[0]?.pairs);
    }
  });
});
