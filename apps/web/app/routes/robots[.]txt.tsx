import { type LoaderFunctionArgs } from '@remix-run/node';
import { absoluteUrl } from '../lib/site.js';

export function loader({ context }: LoaderFunctionArgs) {
  const body = [
    'User-agent: *',
    'Disallow: /search',
    `Sitemap: ${absoluteUrl(context.siteUrl, '/sitemap.xml')}`,
    '',
  ];
  return new Response(body.join('\n'), {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    },
  });
}
