import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { ApiError } from '../api-client.server.js';
import { type AdminCategoryView } from '@inkwell/contract';
import { type ApiClient } from '../api-client.server.js';
import { CsrfField, Notice } from '../admin/components.js';
import {
  askToConfirm,
  CONFIRMED_FIELD,
  type ConfirmableNotice,
  isConfirmed,
} from '../admin/confirmation.js';
import { ConfirmForm } from '../admin/confirm-form.js';
import { refusalNotice } from '../admin/refusal.js';
import { readIds } from '../admin/post-form.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { pluralize } from '../lib/pluralize.js';
import { SITE_NAME } from '../lib/site.js';

export const meta: MetaFunction = () => [{ title: `Categories · ${SITE_NAME} admin` }];

export async function loader(args: LoaderFunctionArgs) {
  return adminLoad(args, async (api) => ({ categories: await api.get('/api/admin/categories') }));
}

interface CategoryResult extends ConfirmableNotice {
  /** A refused delete: the category still has posts and needs a reassign target. */
  reassign?: { id: number; postCount: number };
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

async function changeCategories(api: ApiClient, form: FormData): Promise<CategoryResult> {
  const intent = form.get('intent');
  const [id] = readIds(form, 'id');
  const [target] = readIds(form, 'target');
  if (intent === 'create') {
    const created = await api.post('/api/admin/categories', {
      body: {
        name: field(form, 'name'),
        ...(field(form, 'slug') ? { slug: field(form, 'slug') } : {}),
        description: field(form, 'description'),
      },
    });
    return { ok: true, message: `Category “${created.name}” created.` };
  }
  if (!id) return { ok: false, message: 'No category was chosen.' };
  if (intent === 'rename') {
    const renamed = await api.patch('/api/admin/categories/{id}', {
      params: { id: id },
      body: {
        name: field(form, 'name'),
        slug: field(form, 'slug') || undefined,
        description: field(form, 'description'),
      },
    });
    return { ok: true, message: `Saved “${renamed.name}”.` };
  }
  if ((intent === 'merge' || intent === 'delete') && !isConfirmed(form)) {
    return confirmMergeOrDelete(api, form, id, intent === 'merge' ? target : undefined);
  }
  if (intent === 'merge') {
    if (!target) return { ok: false, message: 'Choose the category to merge into.' };
    const merged = await api.post('/api/admin/categories/{id}/merge', {
      params: { id: id },
      body: { into: target },
    });
    return {
      ok: true,
      message: `Merged into “${merged.name}”, now with ${pluralize(merged.postCount, 'post')}.`,
    };
  }
  if (intent === 'delete') {
    try {
      await api.delete('/api/admin/categories/{id}', {
        params: { id: id },
        query: { reassignTo: target },
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const postCount = Number(/\d+/.exec(error.message)?.[0] ?? 0);
        return { ok: false, message: error.message, reassign: { id, postCount } };
      }
      throw error;
    }
    return { ok: true, message: 'Category deleted.' };
  }
  return { ok: false, message: 'Unknown action.' };
}

/** What a merge or a delete will do, asked before it is done. */
async function confirmMergeOrDelete(
  api: ApiClient,
  form: FormData,
  id: number,
  target: number | undefined,
): Promise<CategoryResult> {
  const categories = await api.get('/api/admin/categories');
  const source = categories.find((category) => category.id === id);
  if (!source) return { ok: false, message: 'That category no longer exists.' };
  const posts = pluralize(source.postCount, 'post');
  if (form.get('intent') === 'delete') {
    return askToConfirm(form, `Delete “${source.name}”?`, `Delete “${source.name}”`);
  }
  const into = categories.find((category) => category.id === target);
  if (!into) return { ok: false, message: 'Choose the category to merge into.' };
  return askToConfirm(
    form,
    `Merge “${source.name}” into “${into.name}”? Its ${posts} will be filed under “${into.name}”, ` +
      `“${source.name}” will be deleted, and its old links will lead to “${into.name}”.`,
    `Merge into “${into.name}”`,
  );
}

export async function action(args: ActionFunctionArgs) {
  return adminAct(args, async (api, form): Promise<CategoryResult> => {
    try {
      return await changeCategories(api, form);
    } catch (error) {
      // Name or slug taken (409), bad input (400): the API's words, field by field.
      return refusalNotice(error, [400, 409]);
    }
  });
}

export default function AdminCategories() {
  const { categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section aria-labelledby="categories-heading">
      <h1 id="categories-heading">Categories</h1>
      {result?.message ? (
        <Notice kind={result.ok ? 'success' : 'error'}>{result.message}</Notice>
      ) : null}
      {result?.confirm ? <ConfirmForm confirmation={result.confirm} /> : null}
      {result?.reassign ? (
        <ReassignForm
          categories={categories}
          categoryId={result.reassign.id}
          postCount={result.reassign.postCount}
        />
      ) : null}
      <div className="table-scroll">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Name, slug and description</th>
              <th scope="col">Posts</th>
              <th scope="col">Merge or delete</th>
            </tr>
          </thead>
          <tbody>
            {categories.map((category) => (
              <CategoryRow
                key={category.id}
                category={category}
                others={categories.filter((c) => c.id !== category.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <h2>New category</h2>
      <Form method="post" className="admin-form category-form">
        <CsrfField />
        <CategoryFields idPrefix="new" />
        <button type="submit" name="intent" value="create">
          Create category
        </button>
      </Form>
    </section>
  );
}

function CategoryFields({
  idPrefix,
  category,
}: {
  idPrefix: string;
  category?: AdminCategoryView;
}) {
  return (
    <div className="category-fields">
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>Name</label>
        <input
          id={`${idPrefix}-name`}
          name="name"
          type="text"
          required
          maxLength={80}
          defaultValue={category?.name}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-slug`}>Slug</label>
        <input
          id={`${idPrefix}-slug`}
          name="slug"
          type="text"
          placeholder="made from the name"
          defaultValue={category?.slug}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-description`}>Description</label>
        <input
          id={`${idPrefix}-description`}
          name="description"
          type="text"
          defaultValue={category?.description}
        />
      </div>
    </div>
  );
}

function CategoryRow({
  category,
  others,
}: {
  category: AdminCategoryView;
  others: AdminCategoryView[];
}) {
  const prefix = `category-${category.id}`;
  return (
    <tr>
      <td>
        <Form method="post" className="inline-form" aria-label={`Rename ${category.name}`}>
          <CsrfField />
          <input type="hidden" name="id" value={category.id} />
          <CategoryFields idPrefix={prefix} category={category} />
          <button type="submit" name="intent" value="rename" className="button--quiet">
            Save<span className="visually-hidden"> {category.name}</span>
          </button>
        </Form>
      </td>
      <td>{category.postCount}</td>
      <td>
        <Form method="post" className="inline-form" aria-label={`Merge or delete ${category.name}`}>
          <CsrfField />
          <input type="hidden" name="id" value={category.id} />
          <label htmlFor={`${prefix}-target`} className="visually-hidden">
            Merge {category.name} into
          </label>
          <select id={`${prefix}-target`} name="target" defaultValue="">
            <option value="">Merge into…</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
          <button type="submit" name="intent" value="merge" className="button--quiet">
            Merge
          </button>
          <button type="submit" name="intent" value="delete" className="button--quiet">
            Delete<span className="visually-hidden"> {category.name}</span>
          </button>
        </Form>
      </td>
    </tr>
  );
}

/** After the API refused a delete because posts use the category: move them, then delete. */
function ReassignForm({
  categories,
  categoryId,
  postCount,
}: {
  categories: AdminCategoryView[];
  categoryId: number;
  postCount: number;
}) {
  const category = categories.find((c) => c.id === categoryId);
  if (!category) return null;
  return (
    <Form
      method="post"
      className="admin-form notice"
      aria-label={`Reassign the posts of ${category.name}`}
    >
      <CsrfField />
      <input type="hidden" name="id" value={categoryId} />
      {/* This form is the confirmation: it says what moves where. */}
      <input type="hidden" name={CONFIRMED_FIELD} value="yes" />
      <label htmlFor="reassign-target">
        Move the {pluralize(postCount, 'post')} of “{category.name}” to
      </label>{' '}
      <select id="reassign-target" name="target" required defaultValue="">
        <option value="" disabled>
          choose a category
        </option>
        {categories
          .filter((c) => c.id !== categoryId)
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
      </select>{' '}
      <button type="submit" name="intent" value="delete" className="button--danger">
        Move the posts and delete “{category.name}”
      </button>
    </Form>
  );
}
