import { type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { type FayeNodeAdapter } from './faye.js';

type RequestListener = (
  this: HttpServer,
  request: IncomingMessage,
  response: ServerResponse,
) => void;

/**
 * Faye's adapter also serves its browser client files under the mount (`<mount>/client.js`,
 * other `.js` and `.map` files). The site ships its own content-hashed copy of the client, so
 * those requests go to the application instead (which answers them as any unknown route):
 * one copy of the script, with one cache policy and one integrity hash.
 */
export function attachWithoutClientFiles(
  adapter: FayeNodeAdapter,
  httpServer: HttpServer,
  mount: string,
): void {
  const application = httpServer.listeners('request') as RequestListener[];
  adapter.attach(httpServer);
  const withFaye = httpServer.listeners('request') as RequestListener[];
  httpServer.removeAllListeners('request');
  httpServer.on('request', function (this: HttpServer, request, response) {
    const listeners = isClientFile(request.url ?? '/', mount) ? application : withFaye;
    for (const listener of listeners) listener.call(this, request, response);
  });
}

function isClientFile(url: string, mount: string): boolean {
  const { pathname } = new URL(url, 'http://localhost');
  const underMount = pathname.startsWith(`${mount}/`) || pathname.startsWith(`${mount}.`);
  return underMount && /\.(?:js|map)$/.test(pathname);
}
