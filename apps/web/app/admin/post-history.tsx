import { Form, Link } from '@remix-run/react';
import {
  type PostRevisionListItem,
  type PostRevisionView,
  type PreviewLinkView,
} from '@inkwell/contract';
import { CsrfField, DateTime, Notice } from './components.js';
import { DiffView } from './diff-view.js';
import { type DiffSection } from './post-diff.js';

/*
 * Beside the editor: the pending draft's notice, the post's revisions (compare one with the
 * text being edited, restore one), and its secret preview links.
 */

/** The editor shows the pending draft, not the published text: say so, and offer to drop it. */
export function PendingDraftNotice({ draft }: { draft: PostRevisionView }) {
  return (
    <div className="notice pending-draft" role="status">
      <p>
        You are editing an unpublished draft of this post, saved <DateTime iso={draft.createdAt} />
        {draft.author ? ` by ${draft.author.name}` : ''}. Readers see the published version until
        you press “Update”.
      </p>
      <Form method="post">
        <CsrfField />
        <button type="submit" name="intent" value="discard-draft" className="button--quiet">
          Discard draft
        </button>
      </Form>
    </div>
  );
}

export interface ComparedRevision {
  revision: PostRevisionView;
  diff: DiffSection[];
}

interface HistoryProps {
  postId: number;
  version: number;
  revisions: PostRevisionListItem[];
  compared: ComparedRevision | null;
}

export function RevisionHistory({ postId, version, revisions, compared }: HistoryProps) {
  return (
    <section className="revisions" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">Revisions</h2>
      {revisions.length === 0 ? <p className="muted">No revisions kept yet.</p> : null}
      <ol className="revisions__list">
        {revisions.map((revision) => (
          <li key={revision.id} aria-current={compared?.revision.id === revision.id || undefined}>
            <DateTime iso={revision.createdAt} /> · {revision.author?.name ?? 'a removed account'}
            {revision.pending ? <span className="badge badge--draft">pending draft</span> : null}
            <br />
            <span className="revisions__title">{revision.title}</span>{' '}
            <Link to={`/admin/posts/${postId}?revision=${revision.id}#revision-diff`}>
              Compare<span className="visually-hidden"> revision of {revision.createdAt}</span>
            </Link>
          </li>
        ))}
      </ol>
      {compared ? (
        <section id="revision-diff" aria-labelledby="revision-diff-heading">
          <h3 id="revision-diff-heading">
            Revision of <DateTime iso={compared.revision.createdAt} /> against the current text
          </h3>
          {compared.diff.length === 0 ? (
            <p>This revision is the same as the current text.</p>
          ) : (
            <>
              <DiffView sections={compared.diff} removedLabel="revision" addedLabel="current" />
              <p className="muted">
                Lines marked − are only in the revision, lines marked + only in the current text.
              </p>
            </>
          )}
          <Form method="post" className="button-row">
            <CsrfField />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="revisionId" value={compared.revision.id} />
            <button type="submit" name="intent" value="restore">
              Restore this revision
            </button>
          </Form>
        </section>
      ) : null}
    </section>
  );
}

interface PreviewLinksProps {
  links: PreviewLinkView[];
  /** The address of the link just made (shown once: only its hash is kept). */
  createdUrl: string | null;
}

export function PreviewLinks({ links, createdUrl }: PreviewLinksProps) {
  return (
    <section className="preview-links" aria-labelledby="preview-links-heading">
      <h2 id="preview-links-heading">Preview links</h2>
      <p className="muted">
        A secret address showing this draft to someone without an account. Search engines are told
        not to index it.
      </p>
      {createdUrl ? (
        <Notice kind="success">
          New preview link (copy it now, it is not shown again):{' '}
          <a href={createdUrl} className="preview-links__new">
            {createdUrl}
          </a>
        </Notice>
      ) : null}
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            Made <DateTime iso={link.createdAt} />
            {link.createdBy ? ` by ${link.createdBy.name}` : ''}{' '}
            <Form method="post" className="inline-form">
              <CsrfField />
              <input type="hidden" name="linkId" value={link.id} />
              <button
                type="submit"
                name="intent"
                value="revoke-preview-link"
                className="button--quiet"
              >
                Revoke<span className="visually-hidden"> the link made {link.createdAt}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post">
        <CsrfField />
        <button type="submit" name="intent" value="create-preview-link">
          Create a preview link
        </button>
      </Form>
    </section>
  );
}
