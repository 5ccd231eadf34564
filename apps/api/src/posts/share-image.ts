import { sharedPicture } from '@inkwell/assets/thumbnails';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH, shareImageKey } from '@inkwell/assets/share-images';
import { type PostCoverView, type ShareImageView } from '@inkwell/contract';

/** `/images/og/<slug>/<key>.png`, served by ShareImagesController. */
export function shareImageUrl(slug: string, key: string): string {
  return `/images/og/${slug}/${key}.png`;
}

/**
 * The picture of a shared post (`og:image`): its cover's JPEG thumbnail, else the image drawn
 * from its title and the site's name, whose URL changes with either.
 */
export function shareImageOf(
  post: { slug: string; title: string; cover: PostCoverView | null },
  siteName: string,
): ShareImageView {
  if (post.cover) return sharedPicture(post.cover, '/images/{hash}/{width}.{ext}');
  return {
    url: shareImageUrl(post.slug, shareImageKey({ title: post.title, siteName })),
    width: SHARE_IMAGE_WIDTH,
    height: SHARE_IMAGE_HEIGHT,
    type: 'image/png',
  };
}
