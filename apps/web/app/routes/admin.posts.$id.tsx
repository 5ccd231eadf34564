import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Notice } from '../admin/components.js';
import { ConflictView } from '../admin/conflict-view.js';
import { runEditorIntent } from '../admin/post-actions.server.js';
import { doneMessage } from '../admin/post-notices.js';
import { PostEditor } from '../admin/post-editor.js';
import { postFormValuesOf } from '../admin/post-form.js';
import { idParam } from '../admin/id-param.js';
import { notYourPost } from '../admin/ownership.js';
import { revalidateOnOwnSubmissions } from '../admin/revalidation.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { SITE_NAME } from '../lib/site.js';

export const shouldRevalidate = revalidateOnOwnSubmissions;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Edit “${data.post.title}”` : 'Edit post'} · ${SITE_NAME} admin` },
];

export async function loader(args: LoaderFunctionArgs) {
  const id = idParam(args.params.id);
  return adminLoad(args, async (api) => {
    const [post, categories, images] = await Promise.all([
      api.get('/api/admin/posts/{id}', { params: { id: id } }),
      api.get('/api/admin/categories'),
      api.get('/api/admin/images'),
    ]);
    // An author gets no editor for a colleague's post (the API would refuse the save).
    if (!post.canEdit) throw notYourPost();
    return { post, categories, images: images.items };
  });
}

export async function action(args: ActionFunctionArgs) {
  const id = idParam(args.params.id);
  return adminAct(args, (api, form) => runEditorIntent(api, form, id));
}

export default function EditPost() {
  const { post, categories, images } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const message = doneMessage(params.get('done'));
  return (
    <section aria-labelledby="editor-heading">
      <h1 id="editor-heading">{post.kind === 'page' ? 'Edit page' : 'Edit post'}</h1>
      {message && !result ? <Notice kind="success">{message}</Notice> : null}
      {result?.kind === 'conflict' ? (
        <ConflictView
          postId={post.id}
          mine={result.values}
          current={result.current}
          diff={result.diff}
        />
      ) : (
        <PostEditor
          key={post.version}
          post={post}
          saved={postFormValuesOf(post)}
          categories={categories}
          images={images}
          result={result}
        />
      )}
    </section>
  );
}
