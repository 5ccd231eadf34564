import { connect, createServer, type Socket } from 'node:net';

export interface StallingRedis {
  /** A redis:// URL to it. */
  url: string;
  /** From now on nothing is answered: bytes sent either way are dropped, connections stay open. */
  stall(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay to a real Redis that can stall: it keeps accepting connections and reading
 * commands but never answers, as a Redis stuck on a slow command or a dead network path does.
 */
export async function startStallingRedis(
  target = { host: '127.0.0.1', port: 6379 },
  options: { stalled?: boolean } = {},
): Promise<StallingRedis> {
  let stalled = options.stalled ?? false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    return socket;
  };
  const server = createServer((client) => {
    track(client);
    const redis = stalled ? null : track(connect(target));
    client.on('data', (chunk) => {
      if (!stalled) redis?.write(chunk);
    });
    redis?.on('data', (chunk) => {
      if (!stalled) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `redis://127.0.0.1:${port}`,
    stall: () => {
      stalled = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
