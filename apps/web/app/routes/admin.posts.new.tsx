import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { runEditorIntent } from '../admin/post-actions.server.js';
import { PostEditor } from '../admin/post-editor.js';
import { emptyPostForm } from '../admin/post-form.js';
import { revalidateOnOwnSubmissions } from '../admin/revalidation.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { SITE_NAME } from '../lib/site.js';

export const shouldRevalidate = revalidateOnOwnSubmissions;

export const meta: MetaFunction = () => [{ title: `New post · ${SITE_NAME} admin` }];

export async function loader(args: LoaderFunctionArgs) {
  return adminLoad(args, async (api) => {
    const [categories, series, images] = await Promise.all([
      api.get('/api/admin/categories'),
      api.get('/api/admin/series'),
      api.get('/api/admin/images'),
    ]);
    return { categories, series, images: images.items };
  });
}

export async function action(args: ActionFunctionArgs) {
  return adminAct(args, (api, form) => runEditorIntent(api, form, null));
}

export default function NewPost() {
  const { categories, series, images } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section aria-labelledby="editor-heading">
      <h1 id="editor-heading">New post</h1>
      <PostEditor
        post={null}
        saved={emptyPostForm}
        categories={categories}
        series={series}
        images={images}
        result={result}
      />
    </section>
  );
}
