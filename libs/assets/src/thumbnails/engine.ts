import { type ThumbnailFormat } from './formats.js';

export interface RenderRequest {
  /** Path of the original on disk. */
  sourcePath: string;
  /** Output size, already clamped to the original and computed from its aspect ratio. */
  width: number;
  height: number;
  format: ThumbnailFormat;
  quality: number;
}

/** Turns an original into thumbnail bytes; the thumbnail service does sizing, caching and I/O. */
export interface ThumbnailEngine {
  readonly name: string;
  render(request: RenderRequest): Promise<Uint8Array>;
}
