import { type MetaDescriptor } from '@remix-run/node';
import { type ShareImageView, type SiteSettingsView } from '@inkwell/contract';

export interface PageSeo {
  /** The site's settings: its title is suffixed to the page's own, its logo is the og:image. */
  site: Pick<SiteSettingsView, 'title' | 'logo'>;
  title: string;
  /** The page of a paged listing; from 2 on it is named after the title. */
  page?: number;
  description: string;
  /** Absolute canonical URL of the page. */
  url: string;
  type?: 'website' | 'article';
  publishedAt?: string;
  /** The page's own picture for shared links (a post's cover or generated image); else the logo. */
  image?: ShareImageView & { alt?: string };
}

/** <title>, description, canonical link and the Open Graph tags of a page. */
export function seoMeta(seo: PageSeo): MetaDescriptor[] {
  const siteTitle = seo.site.title;
  const ownTitle = seo.page && seo.page > 1 ? `${seo.title} (page ${seo.page})` : seo.title;
  const title = seo.title === siteTitle ? ownTitle : `${ownTitle} · ${siteTitle}`;
  const tags: MetaDescriptor[] = [
    { title },
    { name: 'description', content: seo.description },
    { tagName: 'link', rel: 'canonical', href: seo.url },
    { property: 'og:site_name', content: siteTitle },
    { property: 'og:type', content: seo.type ?? 'website' },
    { property: 'og:title', content: ownTitle },
    { property: 'og:description', content: seo.description },
    { property: 'og:url', content: seo.url },
  ];
  if (seo.image && URL.canParse(seo.url)) {
    // A picture made for sharing: shown large, at an absolute address as Open Graph wants.
    const image = new URL(seo.image.url, seo.url).href;
    tags.push(
      { property: 'og:image', content: image },
      { property: 'og:image:type', content: seo.image.type },
      { property: 'og:image:width', content: String(seo.image.width) },
      { property: 'og:image:height', content: String(seo.image.height) },
      ...(seo.image.alt ? [{ property: 'og:image:alt', content: seo.image.alt }] : []),
      { name: 'twitter:card', content: 'summary_large_image' },
      { name: 'twitter:image', content: image },
    );
    return withPublishedTime(tags, seo);
  }
  tags.push({ name: 'twitter:card', content: 'summary' });
  if (seo.site.logo && URL.canParse(seo.url)) {
    // Shared links show the site's logo; Open Graph wants an absolute address.
    tags.push({ property: 'og:image', content: new URL(seo.site.logo.url, seo.url).href });
  }
  return withPublishedTime(tags, seo);
}

function withPublishedTime(tags: MetaDescriptor[], seo: PageSeo): MetaDescriptor[] {
  return seo.publishedAt
    ? [...tags, { property: 'article:published_time', content: seo.publishedAt }]
    : tags;
}
