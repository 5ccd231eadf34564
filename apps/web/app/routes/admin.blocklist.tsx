import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { CsrfField, DateTime, Notice } from '../admin/components.js';
import { refusalNotice } from '../admin/refusal.js';
import { readIds } from '../admin/post-form.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { SITE_NAME } from '../lib/site.js';

export const meta: MetaFunction = () => [{ title: `Block list · ${SITE_NAME} admin` }];

export async function loader(args: LoaderFunctionArgs) {
  return adminLoad(args, async (api) => ({ entries: await api.get('/api/admin/blocklist') }));
}

export async function action(args: ActionFunctionArgs) {
  return adminAct(args, async (api, form) => {
    try {
      if (form.get('intent') === 'unblock') {
        const [id] = readIds(form, 'id');
        if (id) await api.delete('/api/admin/blocklist/{id}', { params: { id: id } });
        return { ok: true, message: 'Removed from the block list.' };
      }
      const kind = form.get('kind') === 'ip' ? 'ip' : 'word';
      const value = String(form.get('value') ?? '').trim();
      await api.post('/api/admin/blocklist', { body: { kind: kind, value: value } });
      return { ok: true, message: `“${value}” is blocked.` };
    } catch (error) {
      // Already listed (409), an invalid address or word (400), gone meanwhile (404).
      return refusalNotice(error, [400, 404, 409]);
    }
  });
}

export default function BlockList() {
  const { entries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section aria-labelledby="blocklist-heading">
      <h1 id="blocklist-heading">Block list</h1>
      <p className="muted">
        New comments from a listed address, or naming a listed word (whole word, any case), are
        refused with a neutral message.
      </p>
      {result ? <Notice kind={result.ok ? 'success' : 'error'}>{result.message}</Notice> : null}
      <Form method="post" className="admin-filters" aria-label="Block an address or a word">
        <CsrfField />
        <div className="field">
          <label htmlFor="block-kind">Kind</label>
          <select id="block-kind" name="kind" defaultValue="word">
            <option value="word">Word</option>
            <option value="ip">IP address</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="block-value">Value</label>
          <input id="block-value" name="value" type="text" required maxLength={200} />
        </div>
        <button type="submit" name="intent" value="block">
          Block
        </button>
      </Form>
      {entries.length === 0 ? (
        <p className="empty">Nothing is blocked.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Value</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.kind === 'ip' ? 'IP address' : 'Word'}</td>
                <td>
                  <code>{entry.value}</code>
                </td>
                <td>
                  <DateTime iso={entry.createdAt} />
                </td>
                <td>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="id" value={entry.id} />
                    <button type="submit" name="intent" value="unblock" className="button--quiet">
                      Unblock<span className="visually-hidden"> {entry.value}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
