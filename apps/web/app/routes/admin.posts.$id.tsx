import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Notice } from '../admin/components.js';
import { ConflictView } from '../admin/conflict-view.js';
import { type EditorResult, runEditorIntent } from '../admin/post-actions.server.js';
import {
  historyIntentOf,
  type HistoryResult,
  runHistoryIntent,
} from '../admin/post-history-actions.server.js';
import { PendingDraftNotice, PreviewLinks, RevisionHistory } from '../admin/post-history.js';
import { postTextDiff } from '../admin/post-diff.js';
import { doneMessage } from '../admin/post-notices.js';
import { PostEditor } from '../admin/post-editor.js';
import { editorValuesOf, readIds } from '../admin/post-form.js';
import { idParam } from '../admin/id-param.js';
import { notYourPost } from '../admin/ownership.js';
import { revalidateOnOwnSubmissions } from '../admin/revalidation.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { rethrowApiRefusal } from '../api-client.server.js';
import { SITE_NAME } from '../lib/site.js';

export const shouldRevalidate = revalidateOnOwnSubmissions;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Edit “${data.post.title}”` : 'Edit post'} · ${SITE_NAME} admin` },
];

export async function loader(args: LoaderFunctionArgs) {
  const id = idParam(args.params.id);
  const [revisionId] = readIds(new URL(args.request.url).searchParams, 'revision');
  return adminLoad(args, async (api) => {
    const [post, categories, series, images, revisions] = await Promise.all([
      api.get('/api/admin/posts/{id}', { params: { id: id } }),
      api.get('/api/admin/categories'),
      api.get('/api/admin/series'),
      api.get('/api/admin/images'),
      api.get('/api/admin/posts/{id}/revisions', { params: { id: id } }),
    ]);
    // An author gets no editor for a colleague's post (the API would refuse the save).
    if (!post.canEdit) throw notYourPost();
    const [previewLinks, compared] = await Promise.all([
      api.get('/api/admin/posts/{id}/preview-links', { params: { id: id } }),
      revisionId === undefined
        ? null
        : api
            .get('/api/admin/posts/{id}/revisions/{revisionId}', {
              params: { id: id, revisionId: revisionId },
            })
            .catch(rethrowApiRefusal),
    ]);
    // The editor opens on the pending draft when there is one.
    const saved = editorValuesOf(post);
    return {
      post,
      saved,
      categories,
      series,
      images: images.items,
      revisions,
      previewLinks,
      compared: compared ? { revision: compared, diff: postTextDiff(compared, saved) } : null,
    };
  });
}

export async function action(args: ActionFunctionArgs) {
  const id = idParam(args.params.id);
  return adminAct(args, (api, form): Promise<EditorResult | HistoryResult | Response> => {
    const historyIntent = historyIntentOf(form);
    return historyIntent
      ? runHistoryIntent(api, form, id, historyIntent, args.context.siteUrl)
      : runEditorIntent(api, form, id);
  });
}

export default function EditPost() {
  const { post, saved, categories, series, images, revisions, previewLinks, compared } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const message = doneMessage(params.get('done'));
  const editorResult =
    result && result.kind !== 'history-error' && result.kind !== 'preview-link'
      ? result
      : undefined;
  return (
    <section aria-labelledby="editor-heading">
      <h1 id="editor-heading">{post.kind === 'page' ? 'Edit page' : 'Edit post'}</h1>
      {message && !result ? <Notice kind="success">{message}</Notice> : null}
      {result?.kind === 'history-error' ? <Notice kind="error">{result.message}</Notice> : null}
      {post.pendingDraft && editorResult?.kind !== 'conflict' ? (
        <PendingDraftNotice draft={post.pendingDraft} />
      ) : null}
      {editorResult?.kind === 'conflict' ? (
        <ConflictView
          postId={post.id}
          mine={editorResult.values}
          current={editorResult.current}
          diff={editorResult.diff}
          saveIntent={editorResult.saveIntent}
        />
      ) : (
        <PostEditor
          key={post.version}
          post={post}
          saved={saved}
          categories={categories}
          series={series}
          images={images}
          result={editorResult}
        />
      )}
      <div className="editor__history">
        <RevisionHistory
          postId={post.id}
          version={post.version}
          revisions={revisions}
          compared={compared}
        />
        {/* Links stay revocable after their draft was published. */}
        {post.state !== 'published' || post.pendingDraft || previewLinks.length > 0 ? (
          <PreviewLinks
            links={previewLinks}
            createdUrl={result?.kind === 'preview-link' ? result.url : null}
          />
        ) : null}
      </div>
    </section>
  );
}
