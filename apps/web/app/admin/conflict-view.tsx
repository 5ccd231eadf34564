import { type AdminPostView } from '@inkwell/contract';
import { Form } from '@remix-run/react';
import { CsrfField, DateTime, Notice } from './components.js';
import { DiffView } from './diff-view.js';
import { type DiffSection } from './post-diff.js';
import { type PostFormValues } from './post-form.js';

interface ConflictViewProps {
  postId: number;
  mine: PostFormValues;
  current: AdminPostView;
  diff: DiffSection[];
  saveIntent: 'save' | 'save-draft';
}

/**
 * Someone saved the post after this editor loaded it. Shows what differs between the saved
 * version and the author's, then lets them take the saved one or overwrite it on purpose
 * (the overwrite names the saved version, so a third save in between is caught again).
 */
export function ConflictView({ postId, mine, current, diff, saveIntent }: ConflictViewProps) {
  return (
    <div className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">This post was changed while you were editing</h2>
      <Notice kind="error">
        Version {current.version} was saved <DateTime iso={current.updatedAt} />. Your changes are
        not saved yet.
      </Notice>
      {diff.length === 0 ? (
        <p>
          Your text is the same as the saved version; only settings such as the slug may differ.
        </p>
      ) : (
        <DiffView sections={diff} removedLabel="saved" addedLabel="yours" />
      )}
      <p className="muted">Lines marked − are in the saved version, lines marked + are yours.</p>
      <div className="button-row">
        <a href={`/admin/posts/${postId}`} className="button">
          Load the saved version
        </a>
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="version" value={current.version} />
          <input type="hidden" name="title" value={mine.title} />
          <input type="hidden" name="slug" value={mine.slug} />
          <input type="hidden" name="summary" value={mine.summary} />
          <input type="hidden" name="body" value={mine.body} />
          <input type="hidden" name="externalUrl" value={mine.externalUrl} />
          {mine.categories.map((slug) => (
            <input key={slug} type="hidden" name="categories" value={slug} />
          ))}
          <button type="submit" name="intent" value={saveIntent} className="button--danger">
            Overwrite with my version
          </button>
        </Form>
      </div>
    </div>
  );
}
