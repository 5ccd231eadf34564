import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { DateTime, StateBadge } from '../admin/components.js';
import { pageHref } from '../admin/page-href.js';
import { adminLoad } from '../admin/session.server.js';
import { Pager } from '../components/pager.js';
import { parsePageParam } from '../lib/pagination.js';
import { pluralize } from '../lib/pluralize.js';
import { SITE_NAME } from '../lib/site.js';

export const meta: MetaFunction = () => [{ title: `Posts · ${SITE_NAME} admin` }];

const STATUSES = ['all', 'draft', 'scheduled', 'published'] as const;
const SORTS = { updated: 'Last updated', published: 'Publication date', title: 'Title' } as const;

/** One of `allowed`, or undefined (the API's default) for anything else. */
function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((option) => option === value);
}

export async function loader(args: LoaderFunctionArgs) {
  const params = new URL(args.request.url).searchParams;
  const kind = params.get('kind') === 'page' ? 'page' : 'post';
  return adminLoad(args, async (api) => {
    const [posts, categories] = await Promise.all([
      api.get('/api/admin/posts', {
        query: {
          kind,
          q: params.get('q')?.trim() || undefined,
          status: pick(params.get('status'), STATUSES),
          category: params.get('category') || undefined,
          sort: pick(params.get('sort'), Object.keys(SORTS)),
          order: pick(params.get('order'), ['asc', 'desc']),
          page: parsePageParam(params.get('page')),
        },
      }),
      api.get('/api/admin/categories'),
    ]);
    return { posts, categories, kind };
  });
}

export default function AdminPosts() {
  const { posts, categories, kind } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pages = kind === 'page';
  return (
    <section aria-labelledby="posts-heading">
      <div className="admin-heading">
        <h1 id="posts-heading">{pages ? 'Pages' : 'Posts'}</h1>
        <Link to={pages ? '/admin/posts/new?kind=page' : '/admin/posts/new'} className="button">
          {pages ? 'New page' : 'New post'}
        </Link>
      </div>
      {pages ? (
        <p className="muted">
          Static pages (About, Uses, Now…) live at their own address and in the site’s navigation;
          their order is set in Settings.
        </p>
      ) : null}
      <Form
        method="get"
        className="admin-filters"
        aria-label={pages ? 'Filter pages' : 'Filter posts'}
      >
        {pages ? <input type="hidden" name="kind" value="page" /> : null}
        <div className="field">
          <label htmlFor="filter-q">Title contains</label>
          <input id="filter-q" name="q" type="search" defaultValue={params.get('q') ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={params.get('status') ?? 'all'}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status === 'all' ? 'Any' : status[0]!.toUpperCase() + status.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-category">Category</label>
          <select id="filter-category" name="category" defaultValue={params.get('category') ?? ''}>
            <option value="">Any</option>
            {categories.map((category) => (
              <option key={category.slug} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">Sort by</label>
          <select id="filter-sort" name="sort" defaultValue={params.get('sort') ?? 'updated'}>
            {Object.entries(SORTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-order">Order</label>
          <select id="filter-order" name="order" defaultValue={params.get('order') ?? ''}>
            <option value="">Default</option>
            <option value="asc">Ascending</option>
            <option value="desc">Descending</option>
          </select>
        </div>
        <button type="submit">Show</button>
      </Form>
      <p className="muted" role="status">
        {pluralize(posts.total, pages ? 'page' : 'post')}
      </p>
      {posts.items.length === 0 ? (
        <p className="empty">{pages ? 'No pages match.' : 'No posts match.'}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Author</th>
                <th scope="col">Status</th>
                <th scope="col">Published</th>
                <th scope="col">Updated</th>
                <th scope="col">Categories</th>
                <th scope="col">Comments</th>
              </tr>
            </thead>
            <tbody>
              {posts.items.map((post) => (
                <tr key={post.id}>
                  <td>
                    {/* Someone else's post (for an author): readable, not editable. */}
                    {post.canEdit ? (
                      <Link to={`/admin/posts/${post.id}`}>{post.title}</Link>
                    ) : (
                      post.title
                    )}
                  </td>
                  <td>{post.author?.name ?? <span className="muted">–</span>}</td>
                  <td>
                    <StateBadge state={post.state} />
                  </td>
                  <td>
                    <DateTime iso={post.publishedAt} />
                  </td>
                  <td>
                    <DateTime iso={post.updatedAt} />
                  </td>
                  <td>{post.categories.map((category) => category.name).join(', ')}</td>
                  <td>
                    {post.commentCount}
                    {post.pendingCommentCount > 0 ? (
                      <span className="badge badge--pending">
                        {post.pendingCommentCount} pending
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager current={posts.page} total={posts.pages} hrefFor={pageHref(params)} />
    </section>
  );
}
