import { type RenderRequest, type ThumbnailEngine } from './engine.js';

/**
 * Does no pixel work: returns a few bytes naming the requested size. For tests and local
 * setups that need thumbnails to exist and be sized, not to look like anything.
 */
export function createNoopEngine(): ThumbnailEngine {
  return {
    name: 'noop',
    async render({ width, height, format }: RenderRequest) {
      return new TextEncoder().encode(`placeholder ${width}x${height} ${format}\n`);
    },
  };
}
