import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { type AdminSeriesView } from '@inkwell/contract';
import { CsrfField, Notice } from '../admin/components.js';

import { readIds } from '../admin/post-form.js';
import { type ActionNotice, refusalNotice } from '../admin/refusal.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { SITE_NAME } from '../lib/site.js';

/*
 * Series: their names and slugs, renamed here (every part's page shows the new name at once).
 * Posts join a series, and get their part number, in the post editor.
 */

export const meta: MetaFunction = () => [{ title: `Series · ${SITE_NAME} admin` }];

export async function loader(args: LoaderFunctionArgs) {
  return adminLoad(args, async (api) => ({ series: await api.get('/api/admin/series') }));
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export async function action(args: ActionFunctionArgs) {
  return adminAct(args, async (api, form): Promise<ActionNotice> => {
    const [id] = readIds(form, 'id');
    if (!id) return { ok: false, message: 'No series was chosen.' };
    try {
      const renamed = await api.patch('/api/admin/series/{id}', {
        params: { id: id },
        body: { name: field(form, 'name'), slug: field(form, 'slug') || undefined },
      });
      return { ok: true, message: `Saved “${renamed.name}”.` };
    } catch (error) {
      // Name or slug taken (409), bad input (400): the API's words, field by field.
      return refusalNotice(error, [400, 409]);
    }
  });
}

export default function AdminSeries() {
  const { series } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section aria-labelledby="series-heading">
      <h1 id="series-heading">Series</h1>
      {result?.message ? (
        <Notice kind={result.ok ? 'success' : 'error'}>{result.message}</Notice>
      ) : null}
      <p className="muted">
        Start a series, and give each post its part number, in the post editor.
      </p>
      {series.length === 0 ? (
        <p>No series yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Name and slug</th>
                <th scope="col">Posts</th>
              </tr>
            </thead>
            <tbody>
              {series.map((item) => (
                <SeriesRow key={item.id} series={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SeriesRow({ series }: { series: AdminSeriesView }) {
  const prefix = `series-${series.id}`;
  return (
    <tr>
      <td>
        <Form method="post" className="inline-form" aria-label={`Rename ${series.name}`}>
          <CsrfField />
          <input type="hidden" name="id" value={series.id} />
          <div className="category-fields">
            <div className="field">
              <label htmlFor={`${prefix}-name`}>Name</label>
              <input
                id={`${prefix}-name`}
                name="name"
                type="text"
                required
                maxLength={120}
                defaultValue={series.name}
              />
            </div>
            <div className="field">
              <label htmlFor={`${prefix}-slug`}>Slug</label>
              <input id={`${prefix}-slug`} name="slug" type="text" defaultValue={series.slug} />
            </div>
          </div>
          <button type="submit" className="button--quiet">
            Save<span className="visually-hidden"> {series.name}</span>
          </button>
        </Form>
      </td>
      <td>{series.postCount}</td>
    </tr>
  );
}
