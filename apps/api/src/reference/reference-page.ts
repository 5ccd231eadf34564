import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openApiDocument, type OpenApiDocument } from '@inkwell/contract';

const require = createRequire(import.meta.url);

/** The API's own version, from its package.json (the same file from src/ and dist/). */
function apiVersion(): string {
  return (require('../../package.json') as { version: string }).version;
}

let document: OpenApiDocument | undefined;

/** The OpenAPI document, made once from the contract's route table. */
export function apiReference(): OpenApiDocument {
  document ??= openApiDocument({
    title: 'Inkwell API',
    version: apiVersion(),
    description:
      'The JSON API of an Inkwell blog. Prose on sessions, caching and errors: docs/api.md and docs/admin-api.md.',
  });
  return document;
}

/** Swagger UI's files, from the installed swagger-ui-dist package: the page needs no CDN. */
const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

/** The files the page loads from /api/docs/<file>, and nothing else from that folder. */
export const REFERENCE_ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': join(SWAGGER_UI_DIR, 'swagger-ui.css'),
  'swagger-ui-bundle.js': join(SWAGGER_UI_DIR, 'swagger-ui-bundle.js'),
};

/** Starts Swagger UI on the document; a file of its own, so the page needs no inline script. */
export const REFERENCE_INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#reference', deepLinking: true });
});
`;

/** Relative URLs: the page works wherever the API is mounted (/api/docs -> /api/openapi.json). */
export const REFERENCE_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Inkwell API reference</title>
    <link rel="stylesheet" href="docs/swagger-ui.css">
  </head>
  <body>
    <div id="reference"></div>
    <script src="docs/swagger-ui-bundle.js"></script>
    <script src="docs/init.js"></script>
  </body>
</html>
`;

/**
 * The API's policy forbids every document capability (`default-src 'none'`); this page is the
 * one document it serves, so it may run its own scripts and styles and fetch the document, and
 * nothing from elsewhere. Swagger UI sets inline styles and shows data: images.
 */
export const REFERENCE_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
