import {
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  isRouteErrorResponse,
  NavLink,
  Outlet,
  useLoaderData,
  useRouteError,
} from '@remix-run/react';
import { type AdminLayoutData } from '../admin/layout-data.js';
import { cookieSettings, sessionCookie } from '../admin/session-cookie.js';
import { adminLoad } from '../admin/session.server.js';
import { CSRF_FIELD } from '../admin/csrf.js';
import { SITE_NAME } from '../lib/site.js';
import adminStyles from '../styles/admin.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }];

export const meta: MetaFunction = () => [
  { title: `Admin · ${SITE_NAME}` },
  { name: 'robots', content: 'noindex' },
];

/**
 * Every admin page checks the session here; a missing or dead one goes to the login page. The
 * API slides the session forward on use (up to its absolute limit): the cookie follows, or it
 * would end one idle window after sign-in however busy the author. The CSRF token comes from
 * the cookie: the API keeps only its hash.
 */
export async function loader(args: LoaderFunctionArgs) {
  return adminLoad(args, async (api, session) => {
    const { user, expiresAt } = await api.get('/api/admin/session');
    const layout: AdminLayoutData = { user, csrfToken: session.csrfToken };
    const cookie = await sessionCookie(
      session,
      new Date(expiresAt),
      cookieSettings(args.request, args.context),
    );
    return data(layout, { headers: { 'Set-Cookie': cookie } });
  });
}

/** Admin pages are private to the session: never cached by the browser or a proxy. */
export function headers() {
  return { 'Cache-Control': 'private, no-store' };
}

export default function AdminLayout() {
  const { user, csrfToken } = useLoaderData<typeof loader>();
  return (
    <div className="admin">
      <AdminNav isAdmin={user.role === 'ADMIN'} />
      <div className="admin__user">
        <span>
          Signed in as <strong>{user.name}</strong> ({user.role === 'ADMIN' ? 'admin' : 'author'})
        </span>
        <Form method="post" action="/admin/logout" className="admin__logout">
          <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
          <button type="submit" name="scope" value="this" className="button--quiet">
            Log out
          </button>
          <button type="submit" name="scope" value="everywhere" className="button--quiet">
            Log out everywhere
          </button>
        </Form>
      </div>
      <Outlet />
    </div>
  );
}

function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const items = [
    { to: '/admin/posts', label: 'Posts' },
    { to: '/admin/posts?kind=page', label: 'Pages' },
    { to: '/admin/images', label: 'Images' },
    ...(isAdmin
      ? [
          { to: '/admin/categories', label: 'Categories' },
          { to: '/admin/series', label: 'Series' },
          { to: '/admin/comments', label: 'Comments' },
          { to: '/admin/blocklist', label: 'Block list' },
          { to: '/admin/users', label: 'Users' },
          { to: '/admin/settings', label: 'Settings' },
        ]
      : []),
    { to: '/admin/account', label: 'Your account' },
  ];
  return (
    <nav className="admin-nav" aria-label="Admin">
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>{item.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <div className="page-message">
        <h1>Not allowed</h1>
        <p>Your account may not use this page.</p>
        {typeof error.data === 'string' && error.data ? <p>{error.data}.</p> : null}
        <p>
          <a href="/admin/posts">Back to your posts</a>
        </p>
      </div>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="page-message">
        <h1>Not found</h1>
        <p>That post, category or page does not exist (any more).</p>
        <p>
          <a href="/admin/posts">Back to the posts</a>
        </p>
      </div>
    );
  }
  throw error;
}
