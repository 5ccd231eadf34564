import { Link } from '@remix-run/react';
import { type CategoryRef } from '@inkwell/contract';
import { categoryListingPath } from '../lib/category-param.js';

/** A post's categories, each a link to the listing filtered by it. */
export function CategoryLinks({ categories }: { categories: readonly CategoryRef[] }) {
  if (categories.length === 0) return null;
  return (
    <ul className="tags" aria-label="Categories">
      {categories.map((category) => (
        <li key={category.slug}>
          <Link to={categoryListingPath([category.slug])}>{category.name}</Link>
        </li>
      ))}
    </ul>
  );
}
