import { type GetLoadContextFunction } from '@remix-run/express';
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  type ServerBuild,
} from '@remix-run/node';
import { type NextFunction, type Request, type Response } from 'express';

export interface RemixHandlerOptions {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: GetLoadContextFunction;
}

/**
 * The web `Request` Remix reads, as @remix-run/express makes it: the host as the trusted
 * proxies name it, with the port the reader used; aborted if the reader leaves before the
 * answer is sent.
 */
function remixRequestOf(req: Request, res: Response): globalThis.Request {
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(':')[1] ?? '', 10);
  const port = [portOf(req.get('X-Forwarded-Host')), portOf(req.get('host'))].find((candidate) =>
    Number.isSafeInteger(candidate),
  );
  const url = `${req.protocol}://${req.hostname}${port === undefined ? '' : `:${port}`}${req.originalUrl}`;
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value);
  }
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new globalThis.Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: 'half' } : {}),
  });
}

/**
 * Remix behind Express, as @remix-run/express's handler does it, except for the answer: its
 * body is read whole and sent with one `res.end`. No route streams (no loader defers data, none
 * sends events), so a body is complete when Remix answers; sent whole it is one write to the
 * socket and one compression (whole-body-compression.ts) instead of a web stream written to the
 * response chunk by chunk.
 */
export function createRemixHandler({ build, mode, getLoadContext }: RemixHandlerOptions) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const request = remixRequestOf(req, res);
      const response = await handleRequest(request, await getLoadContext(req, res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers) res.append(name, value);
      res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
    } catch (error) {
      // Express 4 ignores a handler's promise: errors go to its error middleware.
      next(error);
    }
  };
}
