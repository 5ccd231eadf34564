import { readdirSync } from 'node:fs';
import path from 'node:path';
import { type RequestHandler } from 'express';
import { ROUTE_LOCAL } from './route-labels.js';

/** The URL path of every file under `dir` (`/favicon.svg`, `/assets/entry-1a2b.js`). */
function filePathsUnder(dir: string): Set<string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  );
  return new Set(
    files.map((entry) => {
      const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
      return encodeURI(`/${relative.split(path.sep).join('/')}`);
    }),
  );
}

/**
 * Hands a request to `serve` (e.g. `express.static(dir)`) only when it names one of the files
 * `dir` held at start. A build's public files never change while it runs, so a page request
 * goes on without a look at the disk. Each file is a route of its own in the metrics (a few).
 */
export function onlyListedFiles(dir: string, serve: RequestHandler): RequestHandler {
  const paths = filePathsUnder(dir);
  return (req, res, next) => {
    if (!paths.has(req.path)) return next();
    res.locals[ROUTE_LOCAL] = req.path;
    serve(req, res, next);
  };
}
