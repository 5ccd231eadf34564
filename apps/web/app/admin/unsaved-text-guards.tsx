import { type RefObject, useEffect, useRef } from 'react';
import { type Blocker } from '@remix-run/react';
import { DateTime } from './components.js';
import { useLeaveGuard } from './use-leave-guard.js';
import { type LocalDraftOffer, useLocalDraft } from './use-local-draft.js';

/*
 * What keeps an author's text safe in the editor, with JavaScript: the copy kept in this
 * browser (offered back when it differs from the saved post) and the warning before leaving
 * unsaved changes. Without JavaScript the form works as before and none of this shows.
 */

export function UnsavedTextGuards({
  form,
  postId,
}: {
  form: RefObject<HTMLFormElement | null>;
  postId: number | null;
}) {
  const draft = useLocalDraft(form, postId);
  const blocker = useLeaveGuard(form);
  return (
    <>
      <DraftOffer draft={draft} />
      <LeaveDialog blocker={blocker} />
    </>
  );
}

function DraftOffer({ draft }: { draft: LocalDraftOffer }) {
  if (!draft.offer) return null;
  return (
    <div className="notice draft-offer" role="status">
      <p>
        This browser kept a text of this post from{' '}
        <DateTime iso={new Date(draft.offer.savedAt).toISOString()} /> that differs from the saved
        one.
      </p>
      <div className="button-row">
        <button type="button" onClick={draft.restore}>
          Restore my text
        </button>
        <button type="button" className="button--quiet" onClick={draft.discard}>
          Discard it
        </button>
      </div>
    </div>
  );
}

function LeaveDialog({ blocker }: { blocker: Blocker }) {
  const stay = useRef<HTMLButtonElement>(null);
  const blocked = blocker.state === 'blocked';
  // The question takes the focus, on the answer that keeps the text.
  useEffect(() => {
    if (blocked) stay.current?.focus();
  }, [blocked]);
  if (!blocked) return null;
  return (
    <div
      className="leave-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="leave-dialog-title"
    >
      <p id="leave-dialog-title">
        Your changes are not saved. Leave this page anyway? (This browser keeps a copy.)
      </p>
      <div className="button-row">
        <button type="button" ref={stay} onClick={() => blocker.reset()}>
          Stay and keep editing
        </button>
        <button type="button" className="button--quiet" onClick={() => blocker.proceed()}>
          Leave
        </button>
      </div>
    </div>
  );
}
