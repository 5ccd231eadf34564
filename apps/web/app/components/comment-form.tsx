import { Form, Link, useLocation } from '@remix-run/react';
import { useState } from 'react';
import { Field } from './field.js';
import {
  type CommentFormErrors,
  type CommentFormValues,
  emptyCommentForm,
} from '../lib/comment-form.js';

export interface CommentSubmission extends CommentFormErrors {
  values: CommentFormValues;
}

interface CommentFormProps {
  slug: string;
  replyTo: { id: number; authorName: string } | null;
  /** When the loader ran; a resubmission keeps the first value. */
  renderedAt: number;
  /** The rejected submission, echoed back with the API's messages. */
  submission: CommentSubmission | null;
  /** Whether the site sends reply emails (SMTP is configured): offer the checkbox. */
  offerReplyEmails: boolean;
}

/** Posts to the page's own action; a plain HTML form that needs no JavaScript. */
export function CommentForm({
  slug,
  replyTo,
  renderedAt,
  submission,
  offerReplyEmails,
}: CommentFormProps) {
  const values = submission?.values ?? emptyCommentForm;
  const errors = submission?.fieldErrors ?? {};
  const parentId = values.parentId || (replyTo ? String(replyTo.id) : '');
  // A new form after every navigation: after a successful post (client-side, with JavaScript)
  // the fields must empty, as they do on a full page load.
  const { key } = useLocation();

  return (
    <Form
      key={key}
      method="post"
      action={`/posts/${slug}#comment-form`}
      id="comment-form"
      className="comment-form"
      aria-labelledby="comment-form-heading"
      preventScrollReset
    >
      <h3 id="comment-form-heading">
        {replyTo ? `Reply to ${replyTo.authorName}` : 'Leave a comment'}
      </h3>
      {replyTo ? (
        <p className="comment-form__replying">
          Replying to <a href={`#comment-${replyTo.id}`}>{replyTo.authorName}’s comment</a>.{' '}
          <Link to={`/posts/${slug}#comment-form`} preventScrollReset>
            Cancel reply
          </Link>
        </p>
      ) : null}
      {submission?.formError ? (
        <p className="notice notice--error" role="alert">
          {submission.formError}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <p className="notice notice--error" role="alert">
          Please correct the highlighted {Object.keys(errors).length === 1 ? 'field' : 'fields'}.
        </p>
      ) : null}
      <input type="hidden" name="parentId" value={parentId} />
      <RenderedAtInput value={values.renderedAt || String(renderedAt)} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="comment-website">Leave this field empty</label>
        <input
          id="comment-website"
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue={values.website}
        />
      </div>
      <Field idPrefix="comment" name="authorName" label="Name" error={errors.authorName}>
        {(props) => (
          <input
            {...props}
            type="text"
            autoComplete="name"
            required
            maxLength={80}
            defaultValue={values.authorName}
          />
        )}
      </Field>
      <Field
        idPrefix="comment"
        name="authorEmail"
        label="Email"
        hint="Never shown publicly."
        error={errors.authorEmail}
      >
        {(props) => (
          <input
            {...props}
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            defaultValue={values.authorEmail}
          />
        )}
      </Field>
      <Field
        idPrefix="comment"
        name="body"
        label="Comment"
        hint="Markdown is supported."
        error={errors.body}
      >
        {(props) => (
          <textarea {...props} rows={6} required maxLength={5000} defaultValue={values.body} />
        )}
      </Field>
      {offerReplyEmails ? (
        <div className="field field--checkbox">
          <input
            id="comment-notifyReplies"
            name="notifyReplies"
            type="checkbox"
            defaultChecked={values.notifyReplies === 'on'}
          />
          <label htmlFor="comment-notifyReplies">
            Email me when someone replies (each email has a link to stop them)
          </label>
        </div>
      ) : null}
      <button type="submit">Post comment</button>
    </Form>
  );
}

/**
 * When this form first rendered. Live comments revalidate the page (a new `renderedAt` each
 * time) while the reader types; the API must see when the form appeared, or a comment sent
 * just after a refetch would look sent too fast. The form is keyed by location, so a new page
 * gets a new value.
 */
function RenderedAtInput({ value }: { value: string }) {
  const [firstValue] = useState(value);
  return <input type="hidden" name="renderedAt" value={firstValue} />;
}
