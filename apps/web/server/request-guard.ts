import { type NextFunction, type Request, type Response } from 'express';

/** What the site's pages and forms use; anything else never reaches Remix. */
const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'];

/** The first `:`-separated part after the host, read as @remix-run/express reads a port. */
function portIn(header: string | undefined): number {
  return Number.parseInt(header?.split(':')[1] ?? '', 10);
}

/**
 * Whether the URL @remix-run/express builds for the request (its `createRemixRequest`: the
 * hostname plus the port of X-Forwarded-Host or Host) is valid. A port above 65535 or a
 * malformed Host makes `new URL` throw there, which Remix answers with a 500.
 */
function hasValidHost(req: Request): boolean {
  const forwardedPort = portIn(req.get('x-forwarded-host'));
  const hostPort = portIn(req.get('host'));
  const port = Number.isSafeInteger(forwardedPort)
    ? forwardedPort
    : Number.isSafeInteger(hostPort)
      ? hostPort
      : '';
  return URL.canParse(
    `${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`,
  );
}

/** The host the request was addressed to, as Remix compares it with `Origin`. */
function addressedHost(req: Request): string | undefined {
  const forwarded = req.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || req.get('host');
}

/** Whether `Origin` (sent with every browser form post) names this site. */
function isSameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (origin === undefined) return true;
  try {
    return origin !== 'null' && new URL(origin).host === addressedHost(req);
  } catch {
    return false;
  }
}

/**
 * Refuses, before Remix sees them, requests it would otherwise answer with a 500: a method no
 * page has (405), a Host that cannot make a URL (400), a form posted from another origin (403;
 * Remix's own check throws instead of answering).
 */
export function requestGuard(req: Request, res: Response, next: NextFunction): void {
  if (!ALLOWED_METHODS.includes(req.method)) {
    res
      .status(405)
      .set('Allow', ALLOWED_METHODS.join(', '))
      .type('text')
      .send('Method Not Allowed');
    return;
  }
  if (!hasValidHost(req)) {
    res.status(400).type('text').send('Bad Request: invalid Host');
    return;
  }
  if (req.method === 'POST' && !isSameOrigin(req)) {
    res.status(403).type('text').send('Forbidden: cross-origin form');
    return;
  }
  next();
}
