import {
  imageDirectories,
  OriginalStore,
  parseThumbnailFile,
  sendThumbnail,
  ThumbnailService,
} from '@inkwell/assets/thumbnails';
import { type RequestHandler } from 'express';

/**
 * Thumbnails the API has already made, served from the data directory the site shares with it
 * (`npm start` runs both on one DATA_DIR), as static files: no hop through the API. Anything
 * else (not made yet, an unknown or deleted image, a bad URL, a site with its own data
 * directory) goes on to the next handler, the proxy, so the API makes or refuses it. Served here,
 * a thumbnail carries the site's security headers, like the site's other files.
 */
export function localThumbnails(dataDir: string): RequestHandler {
  const directories = imageDirectories(dataDir);
  const thumbnails = new ThumbnailService({
    originals: new OriginalStore(directories.originals),
    cacheDir: directories.thumbnails,
  });
  return (req, res, next) => {
    const [, hash, file, ...rest] = req.path.split('/');
    const query = file === undefined ? undefined : parseThumbnailFile(file);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !hash || !query || rest.length > 0) {
      next();
      return;
    }
    thumbnails.find(hash, query).then(
      (thumbnail) => (thumbnail ? sendThumbnail(req, res, thumbnail, () => next()) : next()),
      () => next(),
    );
  };
}
