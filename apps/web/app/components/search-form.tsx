import { Form } from '@remix-run/react';

interface SearchFormProps {
  /** Unique per page: the label points at the input by id. */
  id: string;
  defaultValue?: string;
  /** The header variant hides its label visually (it stays for screen readers). */
  compact?: boolean;
}

/** A GET form to /search: works the same with or without JavaScript. */
export function SearchForm({ id, defaultValue = '', compact = false }: SearchFormProps) {
  return (
    <Form
      method="get"
      action="/search"
      role="search"
      className={compact ? 'search-form search-form--compact' : 'search-form'}
    >
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        Search posts
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="Search posts"
      />
      <button type="submit">Search</button>
    </Form>
  );
}
