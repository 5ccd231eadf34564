export {
  type CacheHealth,
  CacheTimeoutError,
  InkwellCache,
  type InkwellCacheOptions,
} from './cache.js';
export { type CodecOptions, createCodec, type SerializerName } from './codec.js';
export { type CacheLogger } from './failures.js';
export { buildCacheKey, canonicalize } from './keys.js';
export {
  cacheMemoize,
  type Memoized,
  type MemoizedControls,
  type MemoizeOptions,
  memoizedOf,
  type Memoizer,
} from './memoize.js';
export { type CacheCounters, type CacheEvent } from './metrics.js';
export {
  type CacheRef,
  configureDefaultCache,
  createInkwellCache,
  DEFAULT_CACHE_ALIAS,
  getCache,
  invalidateTags,
  registerCache,
  registerCacheMetrics,
} from './registry.js';
