import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { apiFor, ApiError } from '../api-client.server.js';
import { PRIVATE_NO_STORE } from '../lib/cache-control.js';
import { pageHeaders } from '../lib/headers.js';

/**
 * The link at the foot of a reply email (and its List-Unsubscribe header). Opening it changes
 * nothing (mail scanners open links); the button, or a mail client's one-click POST to the same
 * address (RFC 8058: `List-Unsubscribe=One-Click`, no cookies, no origin), stops the emails.
 */
type UnsubscribeState =
  | { state: 'confirm'; token: string; postTitle: string; subscribed: boolean }
  | { state: 'done'; postTitle: string }
  | { state: 'invalid'; message: string };

const NO_STORE = { headers: { 'Cache-Control': PRIVATE_NO_STORE } };

function tokenOf(request: Request): string {
  return (new URL(request.url).searchParams.get('token') ?? '').trim();
}

function refused(error: unknown) {
  if (error instanceof ApiError && error.status === 400) {
    const message = error.fields.token
      ? `This unsubscribe link ${error.fields.token}.`
      : 'This unsubscribe link is not valid.';
    return data<UnsubscribeState>({ state: 'invalid', message }, { ...NO_STORE, status: 400 });
  }
  throw error;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  try {
    const view = await apiFor(context).get('/api/unsubscribe', { query: { token } });
    return data<UnsubscribeState>({ state: 'confirm', token, ...view }, NO_STORE);
  } catch (error) {
    return refused(error);
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  // The page's form sends the token as a field; a mail client posts to the link itself.
  const form = await request.formData().catch(() => new FormData());
  const field = form.get('token');
  const token = typeof field === 'string' && field.trim() ? field.trim() : tokenOf(request);
  try {
    const view = await apiFor(context).post('/api/unsubscribe', { body: { token } });
    return data<UnsubscribeState>({ state: 'done', postTitle: view.postTitle }, NO_STORE);
  } catch (error) {
    return refused(error);
  }
}

export const headers = pageHeaders;

export const meta: MetaFunction = () => [
  { title: 'Stop reply emails' },
  { name: 'robots', content: 'noindex' },
];

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const page = acted ?? loaded;
  return (
    <section className="unsubscribe" aria-labelledby="unsubscribe-heading">
      <h1 id="unsubscribe-heading">Stop reply emails</h1>
      {page.state === 'invalid' ? (
        <p className="notice notice--error" role="alert">
          {page.message} Use the link of the latest email you received.
        </p>
      ) : page.state === 'done' ? (
        <p className="notice notice--success" role="status">
          Done: you will get no more emails about replies to your comments on this site, starting
          with your comment on “{page.postTitle}”.
        </p>
      ) : (
        <>
          <p>
            {page.subscribed
              ? `You get an email when someone replies to your comment on “${page.postTitle}”.`
              : `Emails about replies to your comment on “${page.postTitle}” are already off.`}
          </p>
          <Form method="post">
            <input type="hidden" name="token" value={page.token} />
            <button type="submit">Stop emails about replies to my comments</button>
          </Form>
        </>
      )}
      <p>
        <Link to="/">Back to the blog</Link>
      </p>
    </section>
  );
}
