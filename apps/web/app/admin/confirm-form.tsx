import { Form, Link, useLocation } from '@remix-run/react';
import { CsrfField } from './components.js';
import { CONFIRMED_FIELD, type Confirmation } from './confirmation.js';

/**
 * The question a destructive action waits on: the same form again, agreed to, or back to the
 * page. A server round trip rather than `confirm()`, so it works without JavaScript too.
 */
export function ConfirmForm({ confirmation }: { confirmation: Confirmation }) {
  const location = useLocation();
  return (
    <Form method="post" className="admin-form notice confirm-form" aria-label="Confirm">
      <CsrfField />
      {confirmation.fields.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name={CONFIRMED_FIELD} value="yes" />
      <p role="alert">{confirmation.question}</p>
      <div className="button-row">
        <button type="submit" className="button--danger">
          {confirmation.confirmLabel}
        </button>
        <Link to={`${location.pathname}${location.search}`} className="button button--quiet">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
