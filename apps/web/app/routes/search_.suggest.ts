import { type LoaderFunctionArgs } from '@remix-run/node';
import { apiFor, rethrowApiRefusal } from '../api-client.server.js';
import { publicResponse } from '../lib/api-reads.server.js';

/**
 * `/search/suggest?q=`: what the search box offers while a reader types, as JSON. The browser
 * asks the site, which reads the API through its one client: same origin, and the answer
 * carries the API's cache tags like any page built from it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get('q') ?? '';
  try {
    const suggestions = await apiFor(context).get('/api/search/suggest', { query: { q } });
    return publicResponse(
      request,
      context,
      JSON.stringify(suggestions),
      'application/json; charset=utf-8',
    );
  } catch (error) {
    return rethrowApiRefusal(error);
  }
}
