import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import compression from 'compression';
import { type NextFunction, type Request, type Response } from 'express';

/**
 * Brotli quality of a body compressed as it is sent: compression()'s own default, so a page is
 * as small as before. In one call with the size known, a demo post page (26.2 KB of HTML)
 * compressed to 6,977 B for ~0.3 ms of CPU; through compression()'s stream the same bytes took
 * ~2 ms (a streaming encoder made per response, its work handed to the thread pool and back).
 */
export const WHOLE_BODY_BROTLI_QUALITY = 4;
/** compression()'s threshold: smaller bodies are sent as they are. */
const THRESHOLD_BYTES = 1024;

type Encoding = 'br' | 'gzip';

/** The encoding a body sent whole gets: compression()'s rules, brotli first as it prefers. */
function encodingFor(req: Request, res: Response, body: Buffer): Encoding | undefined {
  if (
    req.method === 'HEAD' ||
    res.headersSent ||
    body.length < THRESHOLD_BYTES ||
    res.getHeader('Content-Encoding') !== undefined ||
    /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader('Cache-Control') ?? '')) ||
    !compression.filter(req, res)
  ) {
    return undefined;
  }
  if (req.acceptsEncodings('br')) return 'br';
  return req.acceptsEncodings('gzip') ? 'gzip' : undefined;
}

function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: WHOLE_BODY_BROTLI_QUALITY,
          [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
          [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body);
}

/**
 * Compresses a body sent whole (one `res.end(body)`, no `res.write` before it: rendered pages,
 * data requests, feeds) in one synchronous call. Mounted after compression(), nearer the routes:
 * what it compresses carries its Content-Encoding, which compression() then leaves alone, while
 * streamed bodies (static files) still go through compression(). The page cache's `record`,
 * nearer still, sees the identity body it stores.
 */
export function compressWholeBodies(req: Request, res: Response, next: NextFunction): void {
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  let streamed = false;
  res.write = ((...args: unknown[]) => {
    streamed = true;
    return write(...args);
  }) as Response['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const body =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : 'utf8')
        : chunk;
    const encoding = !streamed && Buffer.isBuffer(body) && encodingFor(req, res, body);
    if (!encoding) return end(chunk, ...rest);
    const compressed = compress(body, encoding);
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', compressed.length);
    return end(compressed, ...rest.filter((arg) => typeof arg === 'function'));
  }) as Response['end'];
  next();
}
