/** `?page=N` links that keep the page's other query parameters (filters, status). */
export function pageHref(params: URLSearchParams): (page: number) => string {
  return (page) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    return `?${next.toString()}`;
  };
}
