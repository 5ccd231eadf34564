export {
  SHARE_IMAGE_RENDERER_VERSION,
  shareImageKey,
  type ShareImageText,
} from './share-image-key.js';
export {
  renderShareImage,
  SHARE_IMAGE_WIDTH,
  SHARE_IMAGE_HEIGHT,
  MAX_SHARE_TEXT_LENGTH,
} from './render-share-image.js';
export {
  ShareImageStore,
  type ShareImageFile,
  type ShareImageStoreOptions,
} from './share-image-store.js';
