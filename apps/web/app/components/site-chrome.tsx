import { Link, useSearchParams } from '@remix-run/react';
import { useNavigationPages, useSiteSettings } from '../lib/site-settings.js';
import { SearchForm } from './search-form.js';

export function SiteHeader() {
  const [params] = useSearchParams();
  const site = useSiteSettings();
  const pages = useNavigationPages();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-title">
          <img
            src={site.logo?.url ?? site.favicon?.url ?? '/favicon.svg'}
            alt=""
            width="28"
            height="28"
          />
          {site.title}
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link to="/">Posts</Link>
            </li>
            {pages.map((page) => (
              <li key={page.id}>
                <Link to={`/${page.slug}`}>{page.title}</Link>
              </li>
            ))}
            {site.navigation.map((link) => (
              <li key={`${link.label} ${link.url}`}>
                <a href={link.url}>{link.label}</a>
              </li>
            ))}
            <li>
              <a href="/feed.xml">RSS</a>
            </li>
          </ul>
        </nav>
        <SearchForm id="site-search" defaultValue={params.get('q') ?? ''} compact />
      </div>
    </header>
  );
}

export function SiteFooter() {
  const site = useSiteSettings();
  return (
    <footer className="site-footer">
      <p>
        {site.title}
        {site.description ? `: ${site.description}` : null}
        {site.ownerName ? ` · Written by ${site.ownerName}` : null}
      </p>
      <p>
        <a href="/feed.xml">RSS feed</a> · <a href="/sitemap.xml">Sitemap</a>
      </p>
    </footer>
  );
}
