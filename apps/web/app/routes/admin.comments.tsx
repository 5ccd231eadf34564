import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { type AdminCommentView, type ModerationStatus } from '@inkwell/contract';
import { type ApiClient } from '../api-client.server.js';
import { CsrfField, DateTime, Notice } from '../admin/components.js';
import { pageHref } from '../admin/page-href.js';
import { askToConfirm, type ConfirmableNotice, isConfirmed } from '../admin/confirmation.js';
import { ConfirmForm } from '../admin/confirm-form.js';
import { refusalNotice } from '../admin/refusal.js';
import { readIds } from '../admin/post-form.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { Pager } from '../components/pager.js';
import { parsePageParam } from '../lib/pagination.js';
import { pluralize } from '../lib/pluralize.js';
import { SITE_NAME } from '../lib/site.js';

export const meta: MetaFunction = () => [{ title: `Comments · ${SITE_NAME} admin` }];

const STATUSES = { pending: 'Awaiting moderation', approved: 'Approved', all: 'All' } as const;
type Status = keyof typeof STATUSES;

export async function loader(args: LoaderFunctionArgs) {
  const params = new URL(args.request.url).searchParams;
  const requested = params.get('status');
  const status: Status =
    requested && Object.hasOwn(STATUSES, requested) ? (requested as Status) : 'pending';
  return adminLoad(args, async (api) => {
    const [comments, moderation] = await Promise.all([
      api.get('/api/admin/comments', {
        query: { status, page: parsePageParam(params.get('page')) },
      }),
      api.get('/api/admin/comments/status'),
    ]);
    return { status, comments, moderation };
  });
}

/** One moderation step, answered with what to tell the moderator. */
async function moderate(api: ApiClient, form: FormData): Promise<ConfirmableNotice> {
  const intent = form.get('intent');
  const ids = readIds(form, 'id');
  const [id] = ids;
  if (intent === 'bulk-delete' && ids.length > 0 && !isConfirmed(form)) {
    const comments = pluralize(ids.length, 'comment');
    return askToConfirm(
      form,
      `Delete ${comments} and every reply to ${ids.length === 1 ? 'it' : 'them'}? This cannot be undone.`,
      `Delete ${comments}`,
    );
  }
  if (intent === 'bulk-spam' && ids.length > 0 && !isConfirmed(form)) {
    const comments = pluralize(ids.length, 'comment');
    return askToConfirm(
      form,
      `Delete ${comments} as spam (with their replies) and teach the spam filter? This cannot be undone.`,
      `Delete ${comments} as spam`,
    );
  }
  if ((intent === 'delete' || intent === 'spam') && id && !isConfirmed(form)) {
    const author = String(form.get('author') ?? '').trim() || 'this commenter';
    return intent === 'delete'
      ? askToConfirm(
          form,
          `Delete the comment by ${author} and every reply to it? This cannot be undone.`,
          'Delete the comment and its replies',
        )
      : askToConfirm(
          form,
          `Delete the comment by ${author} as spam (with its replies) and teach the spam filter its words? This cannot be undone.`,
          'Delete as spam',
        );
  }
  const bulkActions = { 'bulk-approve': 'approve', 'bulk-delete': 'delete', 'bulk-spam': 'spam' };
  if (typeof intent === 'string' && Object.hasOwn(bulkActions, intent)) {
    if (ids.length === 0) return { ok: false, message: 'Tick the comments to act on first.' };
    const action = bulkActions[intent as keyof typeof bulkActions] as 'approve' | 'delete' | 'spam';
    const { affected } = await api.post('/api/admin/comments/bulk', {
      body: { action: action, ids: ids },
    });
    const done = { approve: 'Approved', delete: 'Deleted', spam: 'Deleted as spam' }[action];
    return { ok: true, message: `${done} ${pluralize(affected.length, 'comment')}.` };
  }
  if (!id) return { ok: false, message: 'No comment was chosen.' };
  if (intent === 'approve') {
    await api.post('/api/admin/comments/{id}/approve', { params: { id: id } });
    return { ok: true, message: 'Comment approved.' };
  }
  if (intent === 'delete') {
    await api.delete('/api/admin/comments/{id}', { params: { id: id } });
    return { ok: true, message: 'Comment deleted (with its replies).' };
  }
  if (intent === 'spam') {
    await api.post('/api/admin/comments/{id}/spam', { params: { id: id } });
    return { ok: true, message: 'Comment deleted as spam; the spam filter learned from it.' };
  }
  if (intent === 'reply') {
    const body = String(form.get('body') ?? '').trim();
    if (!body) return { ok: false, message: 'Write a reply first.' };
    await api.post('/api/admin/comments/{id}/reply', { params: { id: id }, body: { body: body } });
    return { ok: true, message: 'Reply posted; the comment is approved too.' };
  }
  if (intent === 'block-ip') {
    const ip = String(form.get('ip') ?? '');
    await api.post('/api/admin/blocklist', { body: { kind: 'ip', value: ip } });
    return { ok: true, message: `New comments from ${ip} are refused now.` };
  }
  return { ok: false, message: 'Unknown action.' };
}

export async function action(args: ActionFunctionArgs) {
  return adminAct(args, async (api, form): Promise<ConfirmableNotice> => {
    try {
      return await moderate(api, form);
    } catch (error) {
      // A comment deleted meanwhile (404), a bad reply (400) or an IP already listed (409).
      return refusalNotice(error, [400, 404, 409]);
    }
  });
}

export default function ModerationQueue() {
  const { status, comments, moderation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <section aria-labelledby="comments-heading">
      <h1 id="comments-heading">Comments</h1>
      <nav aria-label="Comment status" className="admin-filters">
        {Object.entries(STATUSES).map(([value, label]) => (
          <Link
            key={value}
            to={`?status=${value}`}
            aria-current={value === status ? 'page' : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      {result?.message ? (
        <Notice kind={result.ok ? 'success' : 'error'}>{result.message}</Notice>
      ) : null}
      {result?.confirm ? <ConfirmForm confirmation={result.confirm} /> : null}
      <ModerationHelpers status={moderation} />
      <p className="muted">{pluralize(comments.total, 'comment')}</p>
      <Form method="post" id="bulk" className="button-row" aria-label="Act on the ticked comments">
        <CsrfField />
        <button type="submit" name="intent" value="bulk-approve">
          Approve selected
        </button>
        <button type="submit" name="intent" value="bulk-delete" className="button--quiet">
          Delete selected
        </button>
        <button type="submit" name="intent" value="bulk-spam" className="button--quiet">
          Mark selected as spam
        </button>
      </Form>
      {comments.items.length === 0 ? <p className="empty">Nothing to moderate.</p> : null}
      <ul className="comment-queue">
        {comments.items.map((comment) => (
          <QueueItem key={comment.id} comment={comment} />
        ))}
      </ul>
      <Pager current={comments.page} total={comments.pages} hrefFor={pageHref(params)} />
    </section>
  );
}

/** A comment with its own buttons; its checkbox belongs to the bulk form above (form="bulk"). */
function QueueItem({ comment }: { comment: AdminCommentView }) {
  const label = `comment-${comment.id}-label`;
  return (
    <li className="queue-item" aria-labelledby={label}>
      <input
        type="checkbox"
        name="id"
        value={comment.id}
        form="bulk"
        aria-label={`Select the comment by ${comment.authorName}`}
      />
      <div>
        <p className="queue-item__meta" id={label}>
          <strong>{comment.authorName}</strong> ({comment.authorEmail}
          {comment.ipAddress ? `, ${comment.ipAddress}` : ''}) on{' '}
          <a href={`/posts/${comment.post.slug}#comment-${comment.id}`}>{comment.post.title}</a>,{' '}
          <DateTime iso={comment.createdAt} />{' '}
          {comment.approved ? null : <span className="badge badge--pending">pending</span>}
          {comment.parentId ? ' (a reply)' : null}
        </p>
        <div className="prose" dangerouslySetInnerHTML={{ __html: comment.html }} />
        <SpamScore spam={comment.spam} />
        <div className="button-row">
          <Form method="post" className="inline-form">
            <CsrfField />
            <input type="hidden" name="id" value={comment.id} />
            {/* Named in the question a delete asks first. */}
            <input type="hidden" name="author" value={comment.authorName} />
            {comment.approved ? null : (
              <button type="submit" name="intent" value="approve">
                Approve
              </button>
            )}
            <button type="submit" name="intent" value="delete" className="button--quiet">
              Delete
            </button>
            {/* "Spam" as in WordPress: deletes the comment and teaches the spam filter. */}
            <button type="submit" name="intent" value="spam" className="button--quiet">
              Spam
            </button>
            {comment.ipAddress ? (
              <>
                <input type="hidden" name="ip" value={comment.ipAddress} />
                <button type="submit" name="intent" value="block-ip" className="button--quiet">
                  Block this IP
                </button>
              </>
            ) : null}
          </Form>
        </div>
        <details>
          <summary>Reply as the author</summary>
          <Form method="post" className="admin-form">
            <CsrfField />
            <input type="hidden" name="id" value={comment.id} />
            <div className="field">
              <label htmlFor={`reply-${comment.id}`}>Your reply (Markdown)</label>
              <textarea id={`reply-${comment.id}`} name="body" rows={4} required maxLength={5000} />
            </div>
            <button type="submit" name="intent" value="reply">
              Post reply
            </button>
          </Form>
        </details>
      </div>
    </li>
  );
}

/** Whether authors and commenters get emails, and how far the spam filter has learned. */
function ModerationHelpers({ status }: { status: ModerationStatus }) {
  const { mail, spamFilter } = status;
  return (
    <div className="moderation-helpers">
      {mail.problem ? (
        <Notice kind="error">Emails: {mail.problem}</Notice>
      ) : (
        <p className="muted">
          Emails: on, sent as {mail.from}. Authors hear of comments awaiting moderation; commenters
          who asked hear of replies.
        </p>
      )}
      <p className="muted" id="spam-filter-status">
        {spamFilter.active
          ? `Spam filter: on, learned from ${pluralize(spamFilter.spamSeen, 'spam comment')} and ${pluralize(spamFilter.hamSeen, 'approved comment')}. It holds comments it scores 90% or more.`
          : `Spam filter: learning. It starts holding likely spam once it has seen ${spamFilter.minimumPerClass} comments deleted as spam and ${spamFilter.minimumPerClass} approved (so far ${spamFilter.spamSeen} and ${spamFilter.hamSeen}).`}
      </p>
    </div>
  );
}

/** The learned spam score of a comment and the words pushing it up. */
function SpamScore({ spam }: { spam: AdminCommentView['spam'] }) {
  const percent = Math.round(spam.score * 100);
  const words = spam.words.map(({ word }) =>
    word.startsWith('link:') ? `a link to ${word.slice(5)}` : `“${word}”`,
  );
  return (
    <p className={`spam-score${spam.active && spam.score >= 0.9 ? ' spam-score--high' : ''}`}>
      Spam score {percent}%{spam.active ? '' : ' (learning, no effect yet)'}
      {words.length > 0 ? `: raised by ${words.join(', ')}` : ''}
    </p>
  );
}
