import { thumbnailUrl } from '../images/image-paths.js';

/** Avatars are shown small: the smallest thumbnail width is plenty. */
const AVATAR_WIDTH = 320;

export function avatarUrl(hash: string): string {
  return thumbnailUrl(hash, AVATAR_WIDTH);
}
