import { type AdminImageView } from '@inkwell/contract';
import { MAX_COVER_ALT_LENGTH } from '@inkwell/contract/limits';
import { useFetcher } from '@remix-run/react';
import { Field } from '../components/field.js';
import { EDITOR_UPLOAD_FETCHER, type ImageActionResult } from './image-upload.js';

/*
 * The post editor's cover: one of the uploaded images (the picker beside the editor uploads
 * more, and they appear here), or none, with its text alternative. Plain radio buttons in the
 * editor's form, so it works without JavaScript.
 */

interface CoverFieldProps {
  images: AdminImageView[];
  /** The chosen image's id as the form carries it ('' for none). */
  imageId: string;
  alt: string;
  errors: { coverImageId?: string; coverAlt?: string };
}

export function CoverField({ images: listed, imageId, alt, errors }: CoverFieldProps) {
  // An image just uploaded beside the editor is a choice at once (the page does not reload).
  const upload = useFetcher<ImageActionResult>({ key: EDITOR_UPLOAD_FETCHER });
  const uploaded = upload.data?.kind === 'uploaded' ? upload.data.image : null;
  const images =
    uploaded && !listed.some((image) => image.id === uploaded.id) ? [uploaded, ...listed] : listed;
  const chosen = imageId && !images.some((image) => String(image.id) === imageId) ? imageId : null;
  return (
    <fieldset
      className="field cover-field"
      aria-describedby={errors.coverImageId ? 'post-coverImageId-error' : undefined}
    >
      <legend>Cover image</legend>
      <p className="field__hint">
        Shown above the post, beside it in listings and on links shared to social sites.
      </p>
      <ul className="cover-field__choices">
        <li>
          <label>
            <input type="radio" name="coverImageId" value="" defaultChecked={!imageId} /> No cover
          </label>
        </li>
        {chosen ? (
          // Chosen, but not among the images listed (an older upload): keep it chosen.
          <li>
            <label>
              <input type="radio" name="coverImageId" value={chosen} defaultChecked /> The current
              cover
            </label>
          </li>
        ) : null}
        {images.map((image) => (
          <li key={image.id}>
            <label>
              <input
                type="radio"
                name="coverImageId"
                value={image.id}
                defaultChecked={String(image.id) === imageId}
              />
              <img src={image.urls['320'] ?? image.url} alt="" width={96} loading="lazy" />
              <span>{image.filename}</span>
            </label>
          </li>
        ))}
      </ul>
      {errors.coverImageId ? (
        <p className="field__error" id="post-coverImageId-error">
          Cover image {errors.coverImageId}
        </p>
      ) : null}
      <Field
        idPrefix="post"
        name="coverAlt"
        label="Cover description (alt text)"
        hint="What the picture shows, for readers who cannot see it. Leave empty if it is decoration."
        error={errors.coverAlt}
      >
        {(control) => (
          <input {...control} type="text" maxLength={MAX_COVER_ALT_LENGTH} defaultValue={alt} />
        )}
      </Field>
    </fieldset>
  );
}
