export { AssetValidationError, isAssetValidationError, type AssetErrorCode } from './errors.js';
export {
  UPLOAD_FORMATS,
  THUMBNAIL_FORMATS,
  THUMBNAIL_MIME,
  parseThumbnailFormat,
  type ThumbnailFormat,
  type UploadFormat,
  type UploadMime,
} from './formats.js';
export {
  inspectUpload,
  DEFAULT_MAX_PIXELS,
  type InspectedUpload,
  type UploadLimits,
} from './inspect-upload.js';
export { OriginalStore, type StoredImage } from './original-store.js';
export { type ThumbnailEngine, type RenderRequest } from './engine.js';
export { createSharpEngine, type SharpEngineOptions } from './sharp-engine.js';
export { createNoopEngine } from './noop-engine.js';
export {
  ThumbnailService,
  DEFAULT_THUMBNAIL_WIDTHS,
  DEFAULT_THUMBNAIL_QUALITY,
  THUMBNAIL_CACHE_CONTROL,
  type Thumbnail,
  type ThumbnailQuery,
  type ThumbnailServiceOptions,
} from './thumbnail-service.js';
export { thumbnailSize, type ImageSize } from './thumbnail-size.js';
export { pickThumbnailFormat } from './accept.js';
export {
  pictureData,
  sharedPicture,
  SHARED_PICTURE_WIDTH,
  type SharedPicture,
  type PictureData,
  type PictureImage,
  type PictureOptions,
  type PictureSource,
} from './picture.js';
export {
  thumbnailHeaders,
  isNotModified,
  parseThumbnailFile,
  sendThumbnail,
  type ServedImage,
} from './http.js';
export { imageDirectories } from './image-directories.js';
export { warmThumbnails, type WarmOptions, type WarmProgress, type WarmResult } from './warm.js';
export { formatProgressBar } from './progress-bar.js';
