import { type IncomingMessage, type ServerResponse } from 'node:http';
import helmet from 'helmet';

/** Express adds `secure`: https, directly or per X-Forwarded-Proto from a trusted proxy. */
type ExpressRequest = IncomingMessage & { secure?: boolean };
type Middleware = (
  req: ExpressRequest,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** A year, the usual value; without `preload`, which is a decision for whoever runs the domain. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The API answers JSON, images and feeds-to-be, never a page: its policy forbids everything a
 * document could load or do (`default-src 'none'`), and any framing. nosniff keeps a browser
 * from reading an uploaded file as something else. HSTS only on a request that came over https
 * (`req.secure`, which trusts X-Forwarded-Proto from the `trust proxy` hops only).
 */
export function apiSecurityHeaders(): Middleware[] {
  const policy = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    // The site (another origin in development) and feed readers show the API's images.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  });
  const hsts: Middleware = (req, res, next) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
  return [policy, hsts];
}
