import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { ApiError } from '../api-client.server.js';
import { CsrfField, DateTime, Notice } from '../admin/components.js';
import { readIds } from '../admin/post-form.js';
import { pageHref } from '../admin/page-href.js';
import { adminAct, adminLoad } from '../admin/session.server.js';
import { Pager } from '../components/pager.js';
import { parsePageParam } from '../lib/pagination.js';
import { SITE_NAME } from '../lib/site.js';
import { imageUpload } from '../admin/image-upload.js';

export const meta: MetaFunction = () => [{ title: `Images · ${SITE_NAME} admin` }];

/** The API takes up to 20 MB; a little more for the multipart framing around the file. */
const MAX_UPLOAD_BYTES = 21 * 1024 * 1024;

export async function loader(args: LoaderFunctionArgs) {
  const page = parsePageParam(new URL(args.request.url).searchParams.get('page'));
  return adminLoad(args, async (api) => ({
    images: await api.get('/api/admin/images', { query: { page: page, pageSize: 24 } }),
  }));
}

const uploadError = (message: string) => ({ kind: 'error' as const, message });

export async function action(args: ActionFunctionArgs) {
  if (Number(args.request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) {
    return uploadError('The file is too large: images may be up to 20 MB.');
  }
  return adminAct(args, async (api, form) => {
    if (form.get('intent') === 'delete') {
      const [id] = readIds(form, 'id');
      if (id) await api.delete('/api/admin/images/{id}', { params: { id: id } });
      return { kind: 'deleted' as const };
    }
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0)
      return uploadError('Choose an image to upload.');
    try {
      return {
        kind: 'uploaded' as const,
        image: await api.post('/api/admin/images', { body: imageUpload(file) }),
      };
    } catch (error) {
      // 400 bad name, 413 too large, 415 not an image, 422 corrupt: the API's words say which.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        return uploadError(error.message);
      }
      throw error;
    }
  });
}

export default function AdminImages() {
  const { images } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <section aria-labelledby="images-page-heading">
      <h1 id="images-page-heading">Images</h1>
      {result?.kind === 'error' ? <Notice kind="error">{result.message}</Notice> : null}
      {result?.kind === 'deleted' ? <Notice kind="success">Image deleted.</Notice> : null}
      {result?.kind === 'uploaded' ? (
        <Notice kind="success">
          Uploaded {result.image.filename}. Paste this into a post:{' '}
          <code>{result.image.markdown}</code>
        </Notice>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="admin-form image-upload">
        <CsrfField />
        <label htmlFor="images-file">
          Upload an image (JPEG, PNG, WebP, AVIF or GIF, up to 20 MB)
        </label>
        <input id="images-file" name="file" type="file" accept="image/*" required />
        <button type="submit" name="intent" value="upload">
          Upload
        </button>
      </Form>
      {images.items.length === 0 ? <p className="empty">No images uploaded yet.</p> : null}
      <ul className="image-grid">
        {images.items.map((image) => (
          <li key={image.id} className="image-card">
            <img
              src={image.urls['320'] ?? image.url}
              alt=""
              width={320}
              height={Math.round((320 * image.height) / image.width)}
              loading="lazy"
            />
            <p>
              <strong>{image.filename}</strong>
              <br />
              {image.width}×{image.height}, {Math.ceil(image.bytes / 1024)} KB,{' '}
              <DateTime iso={image.createdAt} />
              {image.uploadedBy ? <>, by {image.uploadedBy.name}</> : null}
            </p>
            <code>{image.markdown}</code>
            {image.canDelete ? (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="id" value={image.id} />
                <button type="submit" name="intent" value="delete" className="button--quiet">
                  Delete<span className="visually-hidden"> {image.filename}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      <Pager current={images.page} total={images.pages} hrefFor={pageHref(params)} />
    </section>
  );
}
