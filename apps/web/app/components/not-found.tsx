import { Link } from '@remix-run/react';
import { SearchForm } from './search-form.js';

export function NotFound() {
  return (
    <div className="page-message">
      <h1>Page not found</h1>
      <p>There is no post or category at this address. It may have moved, or never existed.</p>
      <SearchForm id="not-found-search" />
      <p>
        <Link to="/">Back to the latest posts</Link>
      </p>
    </div>
  );
}
