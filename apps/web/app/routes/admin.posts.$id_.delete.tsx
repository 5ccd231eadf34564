import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { CsrfField, StateBadge } from '../admin/components.js';
import { idParam } from '../admin/id-param.js';
import { notYourPost } from '../admin/ownership.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { SITE_NAME } from '../lib/site.js';

export const meta: MetaFunction = () => [{ title: `Delete post · ${SITE_NAME} admin` }];

export async function loader(args: LoaderFunctionArgs) {
  const id = idParam(args.params.id);
  return adminLoad(args, async (api) => {
    const post = await api.get('/api/admin/posts/{id}', { params: { id: id } });
    // The API refuses the delete anyway; the page does not offer it.
    if (!post.canEdit) throw notYourPost();
    return { post };
  });
}

export async function action(args: ActionFunctionArgs) {
  const id = idParam(args.params.id);
  return adminAct(args, async (api) => {
    await api.delete('/api/admin/posts/{id}', { params: { id: id } });
    return redirect('/admin/posts?deleted=1');
  });
}

/** The confirmation step: deleting takes a second, deliberate submit on this page. */
export default function DeletePost() {
  const { post } = useLoaderData<typeof loader>();
  return (
    <section className="page-message" aria-labelledby="delete-heading">
      <h1 id="delete-heading">Delete “{post.title}”?</h1>
      <p>
        <StateBadge state={post.state} /> The post, its comments and its old-address redirects are
        removed for good. This cannot be undone.
      </p>
      <div className="button-row">
        <Form method="post">
          <CsrfField />
          <button type="submit" className="button--danger">
            Delete the post
          </button>
        </Form>
        <Link to={`/admin/posts/${post.id}`} className="button button--quiet">
          Keep it
        </Link>
      </div>
    </section>
  );
}
