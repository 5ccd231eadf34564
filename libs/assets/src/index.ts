export * from './thumbnails/index.js';
export * from './bundles/index.js';
