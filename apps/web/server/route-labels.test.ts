import { type ServerBuild } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { createRemixRouteLabeller } from './route-labels.js';

/** The shape of a Remix build's route manifest, for the routes that matter here. */
const route = (id: string, parentId: string | undefined, path?: string, index?: boolean) => ({
  [id]: { id, parentId, path, index, module: {} },
});
const routes = {
  ...route('root', undefined, ''),
  ...route('routes/_index', 'root', undefined, true),
  ...route('routes/$', 'root', '*'),
  ...route('routes/posts.$slug', 'root', 'posts/:slug'),
  ...route('routes/category.$slug', 'root', 'category/:slug'),
  ...route('routes/category.$slug_.feed[.]xml', 'root', 'category/:slug/feed.xml'),
  ...route('routes/feed[.]xml', 'root', 'feed.xml'),
  ...route('routes/admin', 'root', 'admin'),
  ...route('routes/admin._index', 'routes/admin', undefined, true),
  ...route('routes/admin.posts.$id', 'routes/admin', 'posts/:id'),
  ...route('routes/admin.posts.new', 'routes/admin', 'posts/new'),
} as unknown as ServerBuild['routes'];

describe('createRemixRouteLabeller', () => {
  const label = createRemixRouteLabeller(routes);

  it('names the template a path renders, the most specific first, as Remix ranks them', () => {
    expect(label('/')).toBe('/');
    expect(label('/posts/hello-world')).toBe('/posts/:slug');
    expect(label('/category/rust')).toBe('/category/:slug');
    expect(label('/category/rust/feed.xml')).toBe('/category/:slug/feed.xml');
    expect(label('/feed.xml')).toBe('/feed.xml');
    expect(label('/admin')).toBe('/admin');
    expect(label('/admin/posts/new')).toBe('/admin/posts/new');
    expect(label('/admin/posts/12')).toBe('/admin/posts/:id');
  });

  it('gives every other path the splat route, so the labels stay as few as the routes', () => {
    expect(label('/wp-login.php')).toBe('/*');
    expect(label('/posts/a/b/c')).toBe('/*');
    expect(label('/feedXxml')).toBe('/*');
  });

  it('labels a data request with its page', () => {
    expect(label('/posts/hello-world.data')).toBe('/posts/:slug.data');
    expect(label('/_root.data')).toBe('/.data');
  });
});
