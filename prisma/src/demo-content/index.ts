import { type DemoPost } from './types.js';
import { browsersPosts } from './posts/browsers.js';
import { devopsPosts } from './posts/devops.js';
import { djangoPosts } from './posts/django.js';
import { javascriptPosts } from './posts/javascript.js';
import { postgresqlPosts } from './posts/postgresql.js';
import { pythonPosts } from './posts/python.js';
import { rustPosts } from './posts/rust.js';
import { searchPosts } from './posts/search.js';
import { testingPosts } from './posts/testing.js';
import { webPerformancePosts } from './posts/web-performance.js';

export { demoCategories } from './categories.js';
export type { DemoCategory, DemoComment, DemoPost } from './types.js';

/** Every demo post; files are grouped by each post's first category. */
export const demoPosts: DemoPost[] = [
  ...postgresqlPosts,
  ...pythonPosts,
  ...djangoPosts,
  ...javascriptPosts,
  ...rustPosts,
  ...devopsPosts,
  ...webPerformancePosts,
  ...testingPosts,
  ...browsersPosts,
  ...searchPosts,
];
