import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface PurgeCall {
  url: string;
  surrogateKey: string | undefined;
  authorization: string | undefined;
  tags: string[];
}

/** A stand-in CDN purge endpoint: records each call, answers `status` (settable). */
export type PurgeServer = Awaited<ReturnType<typeof startPurgeServer>>;

export async function startPurgeServer() {
  let status = 200;
  const calls: PurgeCall[] = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      calls.push({
        url: request.url ?? '',
        surrogateKey: request.headers['surrogate-key'] as string | undefined,
        authorization: request.headers.authorization,
        tags: (JSON.parse(body) as { tags: string[] }).tags,
      });
      response.writeHead(status).end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    answer(next: number) {
      status = next;
    },
    /** Resolves once `count` calls have arrived (the purge runs after the write answered). */
    async received(count: number): Promise<PurgeCall[]> {
      while (calls.length < count) await new Promise<void>((wake) => waiters.push(wake));
      return calls;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
