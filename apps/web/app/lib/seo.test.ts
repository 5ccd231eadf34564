import { describe, expect, it } from 'vitest';
import { seoMeta } from './seo.js';

const site = { title: 'Inkwell', logo: null };

describe('seoMeta', () => {
  it('suffixes the site name and links the canonical URL', () => {
    const tags = seoMeta({
      site,
      title: 'Posts in Django',
      description: 'd',
      url: 'https://x.org/?category=django',
    });
    expect(tags).toContainEqual({ title: 'Posts in Django · Inkwell' });
    expect(tags).toContainEqual({
      tagName: 'link',
      rel: 'canonical',
      href: 'https://x.org/?category=django',
    });
    expect(tags).toContainEqual({ property: 'og:url', content: 'https://x.org/?category=django' });
    expect(tags).toContainEqual({ property: 'og:type', content: 'website' });
  });

  it('does not repeat the site name on the home page', () => {
    expect(seoMeta({ site, title: 'Inkwell', description: 'd', url: 'u' })).toContainEqual({
      title: 'Inkwell',
    });
  });

  it('names a later page of a listing once, with the site name once', () => {
    const page = (title: string) => seoMeta({ site, title, page: 2, description: 'd', url: 'u' });
    expect(page('Inkwell')).toContainEqual({ title: 'Inkwell (page 2)' });
    expect(page('Posts in Django')).toContainEqual({ title: 'Posts in Django (page 2) · Inkwell' });
    expect(page('Posts in Django')).toContainEqual({
      property: 'og:title',
      content: 'Posts in Django (page 2)',
    });
  });

  it('shows the site’s logo, at an absolute address, when it has one', () => {
    const tags = seoMeta({
      site: { title: 'Inkwell', logo: { id: 3, url: '/images/abc/320.webp' } },
      title: 'T',
      description: 'd',
      url: 'https://x.org/posts/t',
    });
    expect(tags).toContainEqual({
      property: 'og:image',
      content: 'https://x.org/images/abc/320.webp',
    });
    expect(
      seoMeta({ site, title: 'T', description: 'd', url: 'https://x.org/' }),
    ).not.toContainEqual(expect.objectContaining({ property: 'og:image' }));
  });

  it('shows a page’s own picture as a large card, before the site’s logo', () => {
    const tags = seoMeta({
      site: { title: 'Inkwell', logo: { id: 3, url: '/images/abc/320.webp' } },
      title: 'T',
      description: 'd',
      url: 'https://x.org/posts/t',
      image: {
        url: '/images/og/t/0123456789abcdef.png',
        width: 1200,
        height: 630,
        type: 'image/png',
        alt: 'A harbour',
      },
    });
    const image = 'https://x.org/images/og/t/0123456789abcdef.png';
    expect(tags.filter((tag) => 'property' in tag && tag.property === 'og:image')).toEqual([
      { property: 'og:image', content: image },
    ]);
    expect(tags).toContainEqual({ property: 'og:image:width', content: '1200' });
    expect(tags).toContainEqual({ property: 'og:image:alt', content: 'A harbour' });
    expect(tags).toContainEqual({ name: 'twitter:card', content: 'summary_large_image' });
    expect(tags).toContainEqual({ name: 'twitter:image', content: image });
    expect(tags).not.toContainEqual({ name: 'twitter:card', content: 'summary' });
  });

  it('describes articles with their publication time', () => {
    const tags = seoMeta({
      site,
      title: 'T',
      description: 'd',
      url: 'u',
      type: 'article',
      publishedAt: '2026-01-01T00:00:00Z',
    });
    expect(tags).toContainEqual({ property: 'og:type', content: 'article' });
    expect(tags).toContainEqual({
      property: 'article:published_time',
      content: '2026-01-01T00:00:00Z',
    });
  });
});
