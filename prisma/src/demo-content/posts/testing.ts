import { type DemoPost } from '../types.js';

export const testingPosts: DemoPost[] = [
  {
    slug: 'pytest-fixtures-scopes-factories-and-teardown',
    title: 'pytest fixtures: scopes, factories and clean teardown',
    summary:
      'Getting the most from pytest fixtures: yield-based teardown, choosing scopes, factory fixtures for test data, conftest.py sharing, and parametrized fixtures that run a test against several backends.',
    categories: ['testing', 'python'],
    status: 'PUBLISHED',
    publishedAt: '2024-09-10T17:35:00Z',
    body: `When I started writing tests for the importer behind this blog, each test began with fifteen lines of setup: create a temporary directory, write some Markdown files, open a database connection, and remember to clean up at the end. pytest fixtures turned those fifteen lines into one argument, and they did more for the readability of the suite than anything else.

## A fixture is a function that provides something

\`\`\`python
import pytest

@pytest.fixture
def posts_dir(tmp_path):
    directory = tmp_path / "posts"
    directory.mkdir()
    (directory / "hello.md").write_text("---\\ntitle: Hello\\n---\\nFirst post")
    return directory

def test_import_reads_titles(posts_dir):
    posts = import_directory(posts_dir)
    assert [post.title for post in posts] == ["Hello"]
\`\`\`

pytest sees the \`posts_dir\` parameter, calls the fixture and passes the result. Fixtures can use other fixtures: \`tmp_path\` is built in and gives a fresh directory per test.

## Teardown with yield

Everything after \`yield\` runs when the test is done, even if it failed:

\`\`\`python
@pytest.fixture
def db():
    connection = psycopg.connect("dbname=blog_test")
    yield connection
    connection.rollback()
    connection.close()
\`\`\`

This is cleaner than \`try\`/\`finally\` in every test, and teardown happens in reverse order of setup across fixtures.

## Scopes

By default a fixture runs once per test. Expensive resources can be shared:

| Scope | Created once per | Typical use |
| --- | --- | --- |
| \`function\` | test (default) | Data that tests modify |
| \`class\` | test class | Rarely needed |
| \`module\` | test file | A parsed sample corpus |
| \`session\` | whole run | A database schema, a server process |

A common pattern combines them: a \`session\` fixture creates the schema once, and a \`function\` fixture opens a transaction per test and rolls it back, so every test starts from the same state without recreating tables.

## Factory fixtures

When tests need slightly different data, return a function instead of a value:

\`\`\`python
@pytest.fixture
def make_post(db):
    created = []

    def _make_post(title="A post", published=True, **fields):
        post = Post.create(db, title=title, published=published, **fields)
        created.append(post)
        return post

    yield _make_post
    for post in created:
        post.delete(db)

def test_drafts_are_hidden(make_post, client):
    make_post(title="Visible")
    make_post(title="Secret", published=False)
    assert "Secret" not in client.get("/").text
\`\`\`

Each test states only what matters to it, and the defaults fill in the rest.

## Sharing with conftest.py

Fixtures in a \`conftest.py\` file are available to every test in that directory and below, without imports. I keep general fixtures at the top level and feature-specific ones next to their tests. \`pytest --fixtures\` lists everything available, with docstrings.

## Parametrized fixtures

A fixture with \`params\` runs each test that uses it once per value. That is how the importer's tests run against both SQLite and PostgreSQL:

\`\`\`python
@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return "postgresql://localhost/blog_test"
\`\`\`

## Things to avoid

- Autouse fixtures that do a lot of hidden work. They make tests slow and surprising.
- Session fixtures holding mutable state that tests modify; one test will eventually depend on another.
- Deep fixture chains nobody can follow. Two or three levels is plenty.

The [pytest fixture reference](https://docs.pytest.org/en/stable/how-to/fixtures.html) covers finalizers, \`request.addfinalizer\` and fixture overriding in detail.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Emma Schulz',
        authorEmail: 'emma.s@example.com',
        body: 'The transaction-per-test pattern saved our suite. It went from twelve minutes to ninety seconds once we stopped truncating tables between tests.',
        approved: true,
        hoursAfterPost: 4,
      },
      {
        key: 'c2',
        authorName: 'Arjun Mehta',
        authorEmail: 'arjun.m@example.org',
        body: "For Django projects, pytest-django's `db` fixture does the transaction trick for you, and `django_db_setup` lets you customize the session part.",
        approved: true,
        hoursAfterPost: 9,
      },
      {
        key: 'c3',
        authorName: 'Noah Williams',
        authorEmail: 'noah.w@example.com',
        body: 'Is it possible to parametrize a fixture from the test itself? I want one test to use only the PostgreSQL variant.',
        approved: false,
        hoursAfterPost: 50,
      },
      {
        key: 'c4',
        authorName: 'Emma Schulz',
        authorEmail: 'emma.s@example.com',
        body: '@Noah yes: `@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)` passes the value to the fixture through `request.param`.',
        approved: true,
        hoursAfterPost: 53,
      },
    ],
  },
  {
    slug: 'property-based-testing-with-hypothesis',
    title: 'Property-based testing with Hypothesis: finding the bugs you did not think of',
    summary:
      'Instead of writing examples, describe properties that must always hold and let Hypothesis generate inputs, shrink failures to minimal cases and remember them, with a slug generator as the running example.',
    categories: ['testing', 'python'],
    status: 'PUBLISHED',
    publishedAt: '2025-06-03T20:40:00Z',
    body: `Every post on this blog gets a URL slug generated from its title. I had a dozen example-based tests for the slug function, and all of them passed. Then someone published a post titled with only an emoji and the page crashed. Property-based testing finds exactly this kind of bug, the one in the input you did not think to write down.

## Properties instead of examples

An example test says: for this input, expect this output. A property test says: for *any* input, this must be true. [Hypothesis](https://hypothesis.readthedocs.io/) generates the inputs.

What must be true of a slug, whatever the title?

1. It contains only lowercase ASCII letters, digits and single hyphens.
2. It never starts or ends with a hyphen.
3. It is never empty.
4. Slugifying a slug returns it unchanged (idempotence).

\`\`\`python
from hypothesis import given, strategies as st

@given(st.text())
def test_slug_is_url_safe(title):
    slug = slugify(title)
    assert slug
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)

@given(st.text())
def test_slugify_is_idempotent(title):
    assert slugify(slugify(title)) == slugify(title)
\`\`\`

## Shrinking

The first run failed, and Hypothesis reported the simplest failing input it could find:

\`\`\`
Falsifying example: test_slug_is_url_safe(title='')
\`\`\`

It had probably first failed on a long string of random Unicode, then *shrunk* it step by step while the test still failed. A minimal example turns debugging from archaeology into reading. After fixing the empty case (fall back to \`post-<id>\`), it found the next one: \`title='ß'\`, which my lower-casing turned into \`ss\` in one place and dropped in another.

## Strategies

Strategies describe the inputs. They compose:

\`\`\`python
from datetime import datetime, timezone

posts = st.builds(
    Post,
    title=st.text(min_size=1, max_size=200),
    tags=st.lists(st.sampled_from(["python", "rust", "devops"]), unique=True),
    published_at=st.datetimes(timezones=st.just(timezone.utc)),
)

@given(st.lists(posts))
def test_feed_is_sorted_newest_first(items):
    feed = build_feed(items)
    dates = [entry.published_at for entry in feed]
    assert dates == sorted(dates, reverse=True)
\`\`\`

## Good properties to look for

| Property | Example |
| --- | --- |
| Round trip | \`parse(render(x)) == x\` for Markdown front matter |
| Idempotence | \`slugify(slugify(x)) == slugify(x)\` |
| Invariant | Pagination never returns a post twice |
| Oracle | A fast implementation agrees with a slow, obvious one |
| No crash | Any input produces a result or a known error |

The oracle pattern is my favourite: I compared the cached, incremental comment counter with a plain \`COUNT(*)\` over random sequences of add, approve and delete operations, and found an off-by-one on deleting an unapproved reply.

## In practice

- Hypothesis stores failing examples in a local \`.hypothesis\` directory and tries them first on the next run, so a found bug stays found.
- Keep example tests for documentation and known edge cases; property tests complement them.
- Control run time with \`@settings(max_examples=200)\` and use a \`ci\` profile with more examples in CI.

Property-based testing exists for most languages: fast-check for JavaScript and TypeScript, proptest for Rust, jqwik for Java. The ideas transfer directly.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Laura Becker',
        authorEmail: 'laura.b@example.org',
        body: 'The oracle pattern with `COUNT(*)` is a brilliant use. We have the same kind of denormalized counters and zero tests for them.',
        approved: true,
        hoursAfterPost: 36,
      },
    ],
  },
  {
    slug: 'finding-a-regression-with-git-bisect',
    title: 'Finding a performance regression with git bisect run',
    summary:
      'Using git bisect to binary-search two hundred commits for the change that made the feed slow, automating it with git bisect run and a script that exits 0, 1 or 125.',
    categories: ['testing', 'devops'],
    status: 'PUBLISHED',
    publishedAt: '2025-11-18T21:50:00Z',
    body: `The Atom feed of this blog took 40 ms to render in January and 900 ms in October. Somewhere in the two hundred commits between the two releases was the culprit, and none of them looked suspicious. Reading them one by one would have taken an afternoon. \`git bisect\` found it in eight steps.

## Binary search over history

You tell git one commit that is good and one that is bad. It checks out the commit halfway between, you test it and report the result, and it halves the range again. Two hundred commits need at most eight tests, since 2 to the power of 8 is 256.

\`\`\`bash
git bisect start
git bisect bad HEAD
git bisect good v2.3.0
# git checks out a commit in the middle
# ... test it ...
git bisect good    # or: git bisect bad
\`\`\`

When the range is down to one commit, git prints it: \`3a9f1c2 is the first bad commit\`. Finish with \`git bisect reset\` to return to where you started.

## Automating it with git bisect run

Testing by hand eight times is fine; scripting it is better, and essential when each test takes a while. \`git bisect run\` executes a command at each step and reads its exit code:

| Exit code | Meaning |
| --- | --- |
| \`0\` | This commit is good |
| \`1\` to \`127\`, except \`125\` | This commit is bad |
| \`125\` | Cannot test this commit; skip it |

My script builds the project and measures the feed:

\`\`\`bash
#!/usr/bin/env bash
# bisect-feed.sh: fail if rendering the feed takes more than 200 ms
npm ci --silent || exit 125
npm run build --silent || exit 125
ms=$(node scripts/time-feed.js)
echo "feed: \${ms} ms"
[ "$ms" -lt 200 ]
\`\`\`

\`\`\`bash
git bisect start HEAD v2.3.0
git bisect run ./bisect-feed.sh
\`\`\`

Exiting with \`125\` when the build fails matters: a commit that does not compile is not evidence either way, and without the skip git would blame it.

## The culprit

The first bad commit added a \`published_at\` filter to the feed query, perfectly reasonable on its own. But it wrapped the column in a function, \`date(published_at) <= current_date\`, which prevented PostgreSQL from using the index on \`published_at\`, so the query scanned every row and sorted them. Rewriting the condition as \`published_at < current_date + 1\` restored the index scan and the 40 ms.

## Tips

- Put the test script outside the repository, or in a file that exists in every commit you bisect. Otherwise older checkouts will not have it.
- \`git bisect skip\` marks a commit as untestable by hand; \`git bisect log\` and \`git bisect replay\` let you save and resume a session.
- Use \`git bisect start --first-parent\` on a history with merge commits to bisect only the mainline, landing on the merge that introduced the problem.
- Write the regression test afterwards. The bisect script is a good starting point for a benchmark.

The [git bisect documentation](https://git-scm.com/docs/git-bisect) also covers custom terms (\`old\` and \`new\` instead of \`good\` and \`bad\`), which read better when you are hunting for when something *changed* rather than broke.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Viktor Horvat',
        authorEmail: 'viktor.h@example.com',
        body: 'Exit code 125 for "cannot build" is the detail nobody knows. Without it, bisect blames the first broken commit and you go hunting in the wrong place.',
        approved: true,
        hoursAfterPost: 2,
      },
      {
        key: 'c2',
        authorName: 'Maya Goldberg',
        authorEmail: 'maya.g@example.org',
        body: 'The `date(published_at)` trap is so common. An expression index on `date(published_at)` would also have worked, but rewriting the condition is cleaner.',
        approved: true,
        hoursAfterPost: 17,
      },
    ],
  },
  {
    slug: 'fixing-flaky-tests-in-a-javascript-suite',
    title: 'Fixing flaky tests: timing, shared state and test order',
    summary:
      'A catalogue of the causes behind flaky tests in a JavaScript and TypeScript suite (real timers, shared state, order dependence, unawaited promises, real network) with a fix for each and a way to reproduce them.',
    categories: ['testing', 'javascript'],
    status: 'PUBLISHED',
    publishedAt: '2026-06-11T07:25:00Z',
    body: `A test that fails one run in fifty is worse than a test that always fails. It teaches everyone to click "re-run" and ignore red builds, and then a real failure slips through. Over the last year I tracked every flaky test in this blog's suite. They fell into five groups, and each has a cure.

## First, reproduce it

A flaky test must fail on demand before you can fix it. Repeat it many times, and vary the order:

\`\`\`bash
npx vitest run src/comments --sequence.shuffle
for i in $(seq 50); do npx vitest run src/comments/editor.test.ts || break; done
\`\`\`

Vitest's \`--sequence.shuffle\` randomizes test order, and \`--sequence.seed\` replays a given order. For a single test, the \`{ repeats: 50 }\` test option does the loop in-process. Running under CPU stress (for example, while a build runs) exposes timing problems much faster.

## 1. Real time

Tests that depend on the clock or on real delays break on slow machines:

\`\`\`ts
// Flaky: assumes the debounce finished within 350 ms of wall time
await new Promise((resolve) => setTimeout(resolve, 350));
expect(save).toHaveBeenCalled();
\`\`\`

Use fake timers and advance them explicitly:

\`\`\`ts
vi.useFakeTimers();
typeInEditor('hello');
await vi.advanceTimersByTimeAsync(300);
expect(save).toHaveBeenCalledOnce();
vi.useRealTimers();
\`\`\`

Dates too: \`vi.setSystemTime(new Date('2026-01-01T00:00:00Z'))\` makes "published 3 days ago" deterministic.

## 2. Shared state

A module-level cache, a singleton, or a database row left by another test. The symptom: the test passes alone and fails in the full run. Give each test its own state (a fresh instance, a unique key prefix, a transaction rolled back afterwards) instead of cleaning up after the fact.

## 3. Order dependence

Closely related: test B only passes because test A ran first and created something. Shuffling finds these immediately. The fix is to make B set up what it needs.

## 4. Unawaited promises

\`\`\`ts
it('saves the comment', () => {
  form.submit(); // returns a promise, not awaited
  expect(api.post).toHaveBeenCalled();
});
\`\`\`

This passes or fails depending on microtask timing, and an error thrown later may be reported in a different test. Always \`await\`, and enable the \`@typescript-eslint/no-floating-promises\` lint rule to catch these at review time.

## 5. The real network

Tests calling a real external service fail whenever it is slow or down. Replace the boundary with a fake that runs locally, or with recorded responses. Services you run yourself in CI (the database, Redis) are fine, as long as each test uses its own schema or key prefix.

## A quarantine, with rules

| Step | Rule |
| --- | --- |
| Detect | CI records every test that failed and then passed on retry |
| Quarantine | The test is marked and tracked, with an owner |
| Fix | Within two weeks, or the test is deleted and rewritten |

Retries without tracking hide problems; tracking without a deadline just builds a list. Since we adopted these rules, the suite has gone four months without an unexplained red build.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Ben Carter',
        authorEmail: 'ben.c@example.com',
        body: '`--sequence.shuffle` found three order-dependent tests in our suite within ten minutes. Thanks!',
        approved: true,
        hoursAfterPost: 5,
      },
    ],
  },
];
