import { Link, useSearchParams } from '@remix-run/react';
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/site.js';
import { SearchForm } from './search-form.js';

export function SiteHeader() {
  const [params] = useSearchParams();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-title">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          {SITE_NAME}
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link to="/">Posts</Link>
            </li>
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
  return (
    <footer className="site-footer">
      <p>
        {SITE_NAME}: {SITE_DESCRIPTION}
      </p>
      <p>
        <a href="/feed.xml">RSS feed</a> · <a href="/sitemap.xml">Sitemap</a>
      </p>
    </footer>
  );
}
