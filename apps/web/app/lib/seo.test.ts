import { describe, expect, it } from 'vitest';
import { seoMeta } from './seo.js';

describe('seoMeta', () => {
  it('suffixes the site name and links the canonical URL', () => {
    const tags = seoMeta({
      siteTitle: 'Inkwell',
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
    expect(
      seoMeta({ siteTitle: 'Inkwell', title: 'Inkwell', description: 'd', url: 'u' }),
    ).toContainEqual({
      title: 'Inkwell',
    });
  });

  it('describes articles with their publication time', () => {
    const tags = seoMeta({
      siteTitle: 'Inkwell',
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
