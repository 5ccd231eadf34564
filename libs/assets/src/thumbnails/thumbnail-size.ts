export interface ImageSize {
  width: number;
  height: number;
}

/**
 * Size of a thumbnail asked for at `width`: never wider than the original (a larger request
 * gets the original width), height from the original's aspect ratio.
 */
export function thumbnailSize(original: ImageSize, width: number): ImageSize {
  const clamped = Math.min(width, original.width);
  return {
    width: clamped,
    height: Math.max(1, Math.round((original.height * clamped) / original.width)),
  };
}
