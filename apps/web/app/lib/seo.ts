import { type MetaDescriptor } from '@remix-run/node';

export interface PageSeo {
  /** The site's title (its settings), suffixed to the page's own. */
  siteTitle: string;
  title: string;
  description: string;
  /** Absolute canonical URL of the page. */
  url: string;
  type?: 'website' | 'article';
  publishedAt?: string;
}

/** <title>, description, canonical link and the Open Graph tags of a page. */
export function seoMeta(seo: PageSeo): MetaDescriptor[] {
  const title = seo.title === seo.siteTitle ? seo.title : `${seo.title} · ${seo.siteTitle}`;
  const tags: MetaDescriptor[] = [
    { title },
    { name: 'description', content: seo.description },
    { tagName: 'link', rel: 'canonical', href: seo.url },
    { property: 'og:site_name', content: seo.siteTitle },
    { property: 'og:type', content: seo.type ?? 'website' },
    { property: 'og:title', content: seo.title },
    { property: 'og:description', content: seo.description },
    { property: 'og:url', content: seo.url },
    { name: 'twitter:card', content: 'summary' },
  ];
  if (seo.publishedAt) {
    tags.push({ property: 'article:published_time', content: seo.publishedAt });
  }
  return tags;
}
