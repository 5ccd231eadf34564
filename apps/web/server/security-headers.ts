import { randomBytes } from 'node:crypto';
import { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';

/*
 * The browser-side protections of every response this server sends (pages, 404s, feeds, files,
 * the 503 page): a Content-Security-Policy that runs only this origin's scripts plus the inline
 * ones carrying this response's nonce (Remix's hydration scripts, React's streaming scripts),
 * no framing of the admin panel by anyone (other pages: by this site only), nosniff, a referrer
 * that leaves the site as its origin only, no powerful browser features, and HSTS once the site
 * is reached over https. Proxied answers (/images, /realtime) keep the API's own headers.
 */

export interface SecurityHeadersOptions {
  /** Development (Vite) only reports violations: its dev client injects scripts of its own. */
  enforce: boolean;
}

/** Where a response's nonce waits for Remix (`getLoadContext`) and the server's own pages. */
export function cspNonceOf(res: Response): string {
  return String(res.locals.cspNonce);
}

/** Features no page of the site uses: denied, also to anything a post might embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/** A year, the usual value; without `preload`, which is a decision for whoever runs the domain. */
const HSTS = 'max-age=31536000; includeSubDomains';

const isAdminPath = (path: string) => path === '/admin' || path.startsWith('/admin/');

function assignNonce(_req: Request, res: Response, next: NextFunction): void {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
}

/**
 * A 304 makes the browser reuse the page it stored, with this answer's headers merged in: a new
 * nonce would then block the stored page's own inline scripts (no hydration, no live comments).
 * So a 304 carries no policy, and the stored one, whose nonce matches the stored page, stays.
 */
function keepStoredPolicyOnNotModified(_req: Request, res: Response, next: NextFunction): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
    if (args[0] === 304) {
      this.removeHeader('Content-Security-Policy');
      this.removeHeader('Content-Security-Policy-Report-Only');
    }
    return writeHead.apply(this, args);
  } as Response['writeHead'];
  next();
}

export function securityHeaders(options: SecurityHeadersOptions): RequestHandler[] {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${cspNonceOf(res as Response)}'`;
  const frameAncestors = (req: unknown) =>
    isAdminPath((req as Request).path) ? "'none'" : "'self'";
  const policy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      reportOnly: !options.enforce,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", nonce],
        styleSrc: ["'self'", nonce],
        // Posts may show images from other sites (Markdown `![](https://...)`).
        imgSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: [frameAncestors],
      },
    },
    // Feed readers and other sites may show the blog's images and feeds.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'sameorigin' },
  });
  const rest: RequestHandler = (req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    if (isAdminPath(req.path)) res.setHeader('X-Frame-Options', 'DENY');
    // `req.secure` trusts X-Forwarded-Proto only from the proxy hops `trust proxy` names.
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
  return [assignNonce, policy, rest, keepStoredPolicyOnNotModified];
}
