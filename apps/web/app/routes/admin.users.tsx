import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { type AdminUserView, type Role } from '@inkwell/contract';
import { type ApiClient } from '../api-client.server.js';
import { CsrfField, DateTime, Notice } from '../admin/components.js';
import { useAdminLayout } from '../admin/layout-data.js';
import { readIds } from '../admin/post-form.js';
import { type ActionNotice, refusalNotice } from '../admin/refusal.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { pluralize } from '../lib/pluralize.js';
import { SITE_NAME } from '../lib/site.js';

export const meta: MetaFunction = () => [{ title: `Users · ${SITE_NAME} admin` }];

export async function loader(args: LoaderFunctionArgs) {
  return adminLoad(args, async (api) => ({ users: await api.get('/api/admin/users') }));
}

interface UsersResult extends ActionNotice {
  /** A password the API generated: shown in this one answer, never again. */
  password?: { email: string; value: string };
  /** The user whose deletion waits for a confirmation (and an heir for their posts). */
  confirmDelete?: number;
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const roleOf = (value: string): Role => (value === 'ADMIN' ? 'ADMIN' : 'AUTHOR');

function withPassword(message: string, user: { email: string; generatedPassword: string | null }) {
  return {
    ok: true,
    message,
    ...(user.generatedPassword
      ? { password: { email: user.email, value: user.generatedPassword } }
      : {}),
  };
}

async function changeUsers(api: ApiClient, form: FormData): Promise<UsersResult> {
  const intent = form.get('intent');
  if (intent === 'create') {
    const created = await api.post('/api/admin/users', {
      body: {
        email: field(form, 'email'),
        ...(field(form, 'name') ? { name: field(form, 'name') } : {}),
        role: roleOf(field(form, 'role')),
        ...(String(form.get('password') ?? '') ? { password: String(form.get('password')) } : {}),
      },
    });
    return withPassword(`Added ${created.name} (${created.email}).`, created);
  }
  const [id] = readIds(form, 'id');
  if (!id) return { ok: false, message: 'No user was chosen.' };
  switch (intent) {
    case 'save': {
      const saved = await api.patch('/api/admin/users/{id}', {
        params: { id: id },
        body: {
          name: field(form, 'name'),
          role: roleOf(field(form, 'role')),
        },
      });
      return { ok: true, message: `Saved ${saved.name}.` };
    }
    case 'disable':
    case 'enable': {
      const user = await api.patch('/api/admin/users/{id}', {
        params: { id: id },
        body: { disabled: intent === 'disable' },
      });
      return {
        ok: true,
        message:
          intent === 'disable'
            ? `${user.name} is disabled and was signed out everywhere.`
            : `${user.name} can sign in again.`,
      };
    }
    case 'reset': {
      const user = await api.post('/api/admin/users/{id}/password', { params: { id: id } });
      return withPassword(`New password for ${user.name}; their sessions were ended.`, user);
    }
    case 'unlock': {
      const user = await api.post('/api/admin/users/{id}/unlock', { params: { id: id } });
      return { ok: true, message: `${user.name} can try to sign in again.` };
    }
    case 'ask-delete':
      return { ok: true, message: 'Deleting a user is final: confirm below.', confirmDelete: id };
    case 'delete': {
      const [reassignTo] = readIds(form, 'reassignTo');
      await api.delete('/api/admin/users/{id}', {
        params: { id: id },
        query: { reassignTo: reassignTo },
      });
      return { ok: true, message: 'User deleted.' };
    }
    default:
      return { ok: false, message: 'Unknown action.' };
  }
}

export async function action(args: ActionFunctionArgs) {
  return adminAct(args, async (api, form): Promise<UsersResult> => {
    try {
      return await changeUsers(api, form);
    } catch (error) {
      // Bad input (400), a taken email or the last admin (409): the API's words, field by field.
      return refusalNotice(error, [400, 409]);
    }
  });
}

export default function AdminUsers() {
  const { users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { user: me } = useAdminLayout();
  return (
    <section aria-labelledby="users-heading">
      <h1 id="users-heading">Users</h1>
      {result ? <Notice kind={result.ok ? 'success' : 'error'}>{result.message}</Notice> : null}
      {result?.password ? <GeneratedPassword {...result.password} /> : null}
      {result?.confirmDelete ? <DeleteForm users={users} userId={result.confirmDelete} /> : null}
      <div className="table-scroll">
        <table className="admin-table users-table">
          <thead>
            <tr>
              <th scope="col">Name and role</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Posts</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow key={user.id} user={user} isMe={user.id === me.id} />
            ))}
          </tbody>
        </table>
      </div>
      <h2>Add a user</h2>
      <Form method="post" className="admin-form user-form" aria-label="Add a user">
        <CsrfField />
        <div className="user-fields">
          <div className="field">
            <label htmlFor="new-user-email">Email</label>
            <input id="new-user-email" name="email" type="email" required maxLength={254} />
          </div>
          <div className="field">
            <label htmlFor="new-user-name">Name</label>
            <input id="new-user-name" name="name" type="text" maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="new-user-role">Role</label>
            <RoleSelect id="new-user-role" selected="AUTHOR" />
          </div>
          <div className="field">
            <label htmlFor="new-user-password">Password</label>
            <p className="field__hint" id="new-user-password-hint">
              Leave it empty to generate one, shown once.
            </p>
            <input
              id="new-user-password"
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={10}
              aria-describedby="new-user-password-hint"
            />
          </div>
        </div>
        <button type="submit" name="intent" value="create">
          Add user
        </button>
      </Form>
    </section>
  );
}

function RoleSelect({ id, selected }: { id: string; selected: Role }) {
  return (
    <select id={id} name="role" defaultValue={selected}>
      <option value="AUTHOR">Author</option>
      <option value="ADMIN">Admin</option>
    </select>
  );
}

/** The one time a generated password is visible: to be handed to its owner now. */
function GeneratedPassword({ email, value }: { email: string; value: string }) {
  return (
    <div className="notice generated-password" aria-label="Generated password">
      <p>
        Password for {email}: <code>{value}</code>
      </p>
      <p className="muted">Shown only now: pass it on, then leave this page.</p>
    </div>
  );
}

function UserRow({ user, isMe }: { user: AdminUserView; isMe: boolean }) {
  const prefix = `user-${user.id}`;
  return (
    <tr>
      <td>
        <Form method="post" className="inline-form" aria-label={`Edit ${user.email}`}>
          <CsrfField />
          <input type="hidden" name="id" value={user.id} />
          <p>
            {user.email}
            {isMe ? <span className="badge">you</span> : null}
          </p>
          <label htmlFor={`${prefix}-name`} className="visually-hidden">
            Name of {user.email}
          </label>
          <input id={`${prefix}-name`} name="name" type="text" defaultValue={user.name} required />
          <label htmlFor={`${prefix}-role`} className="visually-hidden">
            Role of {user.email}
          </label>
          {isMe ? (
            // Admins cannot demote themselves: the role stays as it is.
            <input type="hidden" name="role" value={user.role} />
          ) : (
            <RoleSelect id={`${prefix}-role`} selected={user.role} />
          )}
          <button type="submit" name="intent" value="save" className="button--quiet">
            Save<span className="visually-hidden"> {user.email}</span>
          </button>
        </Form>
      </td>
      <td>
        {user.status === 'disabled' ? (
          <span className="badge badge--disabled">Disabled</span>
        ) : (
          'Active'
        )}
        {user.locked ? <span className="badge badge--pending">Locked</span> : null}
      </td>
      <td>
        <DateTime iso={user.lastSignInAt} />
      </td>
      <td>{user.postCount}</td>
      <td>
        <Form method="post" className="inline-form" aria-label={`Manage ${user.email}`}>
          <CsrfField />
          <input type="hidden" name="id" value={user.id} />
          <button type="submit" name="intent" value="reset" className="button--quiet">
            Reset password<span className="visually-hidden"> of {user.email}</span>
          </button>
          {user.locked ? (
            <button type="submit" name="intent" value="unlock" className="button--quiet">
              Unlock<span className="visually-hidden"> {user.email}</span>
            </button>
          ) : null}
          {isMe ? null : (
            <>
              <button
                type="submit"
                name="intent"
                value={user.status === 'disabled' ? 'enable' : 'disable'}
                className="button--quiet"
              >
                {user.status === 'disabled' ? 'Enable' : 'Disable'}
                <span className="visually-hidden"> {user.email}</span>
              </button>
              <button type="submit" name="intent" value="ask-delete" className="button--quiet">
                Delete<span className="visually-hidden"> {user.email}</span>
              </button>
            </>
          )}
        </Form>
      </td>
    </tr>
  );
}

/**
 * The confirmation step of a delete. A user who wrote posts needs someone to take them over
 * (their images go along), as WordPress asks; the API refuses the delete otherwise.
 */
function DeleteForm({ users, userId }: { users: AdminUserView[]; userId: number }) {
  const user = users.find((u) => u.id === userId);
  if (!user) return null;
  return (
    <Form method="post" className="admin-form notice" aria-label={`Delete ${user.email}`}>
      <CsrfField />
      <input type="hidden" name="id" value={userId} />
      {user.postCount > 0 ? (
        <>
          <label htmlFor="reassign-user">
            Give the {pluralize(user.postCount, 'post')} of {user.name} to
          </label>{' '}
          <select id="reassign-user" name="reassignTo" required defaultValue="">
            <option value="" disabled>
              choose a user
            </option>
            {users
              .filter((u) => u.id !== userId)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
          </select>{' '}
        </>
      ) : (
        <span>{user.name} wrote no posts. </span>
      )}
      <button type="submit" name="intent" value="delete" className="button--danger">
        Delete {user.name} for good
      </button>
    </Form>
  );
}
