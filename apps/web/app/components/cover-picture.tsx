import { pictureData } from '@inkwell/assets/picture';
import { type PostCoverView } from '@inkwell/contract';

/** Where the API serves an upload's thumbnails (apps/api images controller). */
export const THUMBNAIL_URL_PATTERN = '/images/{hash}/{width}.{ext}';

/** A listing's small cover (8rem wide) needs one thumbnail, sharp on 2x screens too. */
export const LISTING_COVER_WIDTHS: readonly number[] = [320];

export interface CoverPictureProps {
  cover: PostCoverView;
  /** The `sizes` attribute: how wide the picture is shown. */
  sizes: string;
  className: string;
  /** Thumbnail widths worth offering at that size (small pictures need no 1920 px file). */
  widths?: readonly number[];
  /** Text alternative; default the cover's own. An empty one marks the picture decorative. */
  alt?: string;
  /** The post page's cover is seen at once; a listing's lower ones may wait. */
  loading?: 'eager' | 'lazy';
}

/**
 * A post's cover as a responsive <picture> of its thumbnails (AVIF, WebP, JPEG), with the
 * original's width and height so the page keeps its place while it loads.
 */
export function CoverPicture({
  cover,
  sizes,
  className,
  widths,
  alt = cover.alt,
  loading = 'lazy',
}: CoverPictureProps) {
  const picture = pictureData(cover, { urlPattern: THUMBNAIL_URL_PATTERN, sizes, widths });
  return (
    <picture className={className}>
      {picture.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcset} sizes={source.sizes} />
      ))}
      <img
        src={picture.img.src}
        srcSet={picture.img.srcset}
        sizes={picture.img.sizes}
        width={picture.img.width}
        height={picture.img.height}
        alt={alt}
        loading={loading}
        decoding="async"
      />
    </picture>
  );
}

/** A post page's cover (a preview's too): the width of the text column, shown at once. */
export function PostPageCover({ cover }: { cover: PostCoverView }) {
  return (
    <CoverPicture
      cover={cover}
      className="post__cover"
      sizes="(min-width: 48rem) 44rem, 100vw"
      loading="eager"
    />
  );
}
