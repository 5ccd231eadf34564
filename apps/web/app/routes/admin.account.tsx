import { type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { ApiError } from '../api-client.server.js';
import { CsrfField, Notice } from '../admin/components.js';
import { useAdminLayout } from '../admin/layout-data.js';
import { adminAct } from '../admin/session.server.js';
import { Field } from '../components/field.js';
import { SITE_NAME } from '../lib/site.js';

export const meta: MetaFunction = () => [{ title: `Your account · ${SITE_NAME} admin` }];

/** The API's shortest password; it checks it too, this only spares a round trip. */
const MIN_PASSWORD_LENGTH = 10;

type PasswordResult =
  { ok: true } | { ok: false; fieldErrors: Record<string, string>; formError: string | null };

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

/** Passwords are never sent back to the page: a refusal answers only what was wrong. */
export async function action(args: ActionFunctionArgs) {
  return adminAct(args, async (api, form): Promise<PasswordResult> => {
    const currentPassword = text(form, 'currentPassword');
    const newPassword = text(form, 'newPassword');
    if (newPassword !== text(form, 'confirmPassword')) {
      return {
        ok: false,
        fieldErrors: { confirmPassword: 'must repeat the new password exactly' },
        formError: null,
      };
    }
    try {
      await api.put('/api/admin/account/password', {
        body: { currentPassword: currentPassword, newPassword: newPassword },
      });
      return { ok: true };
    } catch (error) {
      // 400: a field is wrong (the current password among them); 429: too many wrong guesses.
      if (error instanceof ApiError && [400, 429].includes(error.status)) {
        const hasFields = Object.keys(error.fields).length > 0;
        return {
          ok: false,
          fieldErrors: error.fields,
          formError: hasFields ? null : error.message,
        };
      }
      throw error;
    }
  });
}

export default function Account() {
  const { user } = useAdminLayout();
  const result = useActionData<typeof action>();
  const fieldErrors = result && !result.ok ? result.fieldErrors : {};
  return (
    <section aria-labelledby="account-heading">
      <h1 id="account-heading">Your account</h1>
      <p>
        {user.name} · {user.email} · {user.role === 'ADMIN' ? 'admin' : 'author'}
      </p>
      <h2>Change your password</h2>
      {result?.ok ? (
        <Notice kind="success">
          Password changed. Your other sessions were signed out; this one stays.
        </Notice>
      ) : null}
      {result && !result.ok && result.formError ? (
        <Notice kind="error">{result.formError}</Notice>
      ) : null}
      {/* A new key after each answer empties the fields: passwords never linger in the form. */}
      <Form
        method="post"
        className="admin-form account-form"
        aria-label="Change your password"
        key={JSON.stringify(result ?? null)}
      >
        <CsrfField />
        <Field
          idPrefix="account"
          name="currentPassword"
          label="Current password"
          error={fieldErrors.currentPassword}
        >
          {(control) => (
            <input {...control} type="password" autoComplete="current-password" required />
          )}
        </Field>
        <Field
          idPrefix="account"
          name="newPassword"
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          error={fieldErrors.newPassword}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD_LENGTH}
              required
            />
          )}
        </Field>
        <Field
          idPrefix="account"
          name="confirmPassword"
          label="New password again"
          error={fieldErrors.confirmPassword}
        >
          {(control) => <input {...control} type="password" autoComplete="new-password" required />}
        </Field>
        <button type="submit">Change password</button>
      </Form>
    </section>
  );
}
