import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

/** An HTTP server on a free loopback port whose own routes answer 404, like an API would. */
export async function listenOnLoopback(): Promise<{
  server: Server;
  origin: string;
  close(): Promise<void>;
}> {
  const server = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
