export { INKWELL_CACHE, InkwellCacheModule } from './cache.module.js';
