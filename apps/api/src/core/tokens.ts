/** Injection tokens. Inkwell injects by token, not by emitted type metadata (see docs/decisions). */
export const CONFIG = Symbol('CONFIG');
export const DATABASE = Symbol('DATABASE');
export const PRISMA = Symbol('PRISMA');
export const REALTIME = Symbol('REALTIME');
export const ORIGINALS = Symbol('ORIGINALS');
export const THUMBNAILS = Symbol('THUMBNAILS');
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');
export const CACHE_PURGER = Symbol('CACHE_PURGER');
export const DROPPED_TAGS_FEED = Symbol('DROPPED_TAGS_FEED');
/** The prom-client registry every module adds its series to (observability/metrics.module.ts). */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
/** Share images drawn from a post's title, kept on disk (posts/share-images.controller.ts). */
export const SHARE_IMAGES = Symbol('SHARE_IMAGES');
