import { type RenderRequest, type ThumbnailEngine } from './engine.js';
import { DEFAULT_MAX_PIXELS } from './inspect-upload.js';
import { loadSharp } from './load-sharp.js';

export interface SharpEngineOptions {
  /** Decompression-bomb guard, also applied when rendering. Default 50 megapixels. */
  maxPixels?: number;
  /** AVIF encoder effort, 0 (fastest) to 9 (smallest). Default 4, sharp's own default. */
  avifEffort?: number;
}

/**
 * Renders with sharp: applies EXIF orientation, converts any embedded colour profile to sRGB
 * and writes no metadata at all (no EXIF, so no GPS position, no camera serial).
 */
export function createSharpEngine(options: SharpEngineOptions = {}): ThumbnailEngine {
  const limitInputPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const avifEffort = options.avifEffort ?? 4;
  return {
    name: 'sharp',
    async render({ sourcePath, width, height, format, quality }: RenderRequest) {
      // sharp strips metadata unless asked to keep it; toColourspace makes the sRGB output
      // explicit, and the input's ICC profile (Display P3, Adobe RGB...) is applied on the way.
      const sharp = await loadSharp();
      const pipeline = sharp(sourcePath, { autoOrient: true, limitInputPixels, failOn: 'error' })
        .resize({ width, height, fit: 'fill' })
        .toColourspace('srgb');
      switch (format) {
        case 'avif':
          return pipeline.avif({ quality, effort: avifEffort }).toBuffer();
        case 'webp':
          return pipeline.webp({ quality }).toBuffer();
        case 'jpeg':
          // JPEG has no alpha: transparent areas (logos, screenshots) become white, not black.
          return pipeline
            .flatten({ background: '#ffffff' })
            .jpeg({ quality, progressive: true })
            .toBuffer();
      }
    },
  };
}
