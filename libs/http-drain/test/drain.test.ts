import http, { type IncomingMessage } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpDrain } from '../src/index.js';

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

const agents: http.Agent[] = [];
const servers: http.Server[] = [];

afterEach(() => {
  for (const agent of agents.splice(0)) agent.destroy();
  for (const server of servers.splice(0)) server.closeAllConnections();
});

/** Bytes of `/big`: more than the loopback socket buffers hold, so most wait in the server. */
const BIG_ANSWER_BYTES = 32 * 1024 * 1024;

/**
 * A server whose `/slow?ms=N` answers after N ms, `/big` with BIG_ANSWER_BYTES at once,
 * everything else with a short text at once.
 */
async function serve(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/big') {
      res.end(Buffer.alloc(BIG_ANSWER_BYTES, 'x'));
      return;
    }
    const ms = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? 0);
    setTimeout(() => res.end(`done ${req.url}`), ms);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function keepAliveAgent(): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  return agent;
}

function get(url: string, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res: IncomingMessage) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }),
        );
      })
      .once('error', reject);
  });
}

describe('createHttpDrain', () => {
  it('answers the requests in flight, as the last on their connection, then stops', async () => {
    const { server, url } = await serve();
    const drain = createHttpDrain(server);
    const agent = keepAliveAgent();
    const slow = get(`${url}/slow?ms=1000`, agent);
    await vi.waitFor(() => expect(drain.inFlight).toBe(1));

    const started = Date.now();
    const drained = drain.drain(5_000);
    await expect(slow).resolves.toEqual({
      status: 200,
      connection: 'close',
      body: 'done /slow?ms=1000',
    });
    await expect(drained).resolves.toEqual({ abandoned: 0 });
    expect(Date.now() - started).toBeLessThan(4_000);
    await expect(get(`${url}/`, keepAliveAgent())).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('closes idle keep-alive connections at once instead of waiting for the client', async () => {
    const { server, url } = await serve();
    const drain = createHttpDrain(server);
    const agent = keepAliveAgent();
    expect((await get(`${url}/`, agent)).connection).toBe('keep-alive');
    const started = Date.now();
    await drain.drain(10_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops listening before it closes an idle connection', async () => {
    // A client whose idle keep-alive connection is closed sends its request again at once, on a
    // new connection: a server still listening would take it into its backlog, then reset it
    // with the listening socket, a request cut off rather than refused.
    const { server, url } = await serve();
    const drain = createHttpDrain(server);
    const listeningWhenClosed: boolean[] = [];
    server.on('connection', (socket: Socket) => {
      const destroy = socket.destroy.bind(socket);
      socket.destroy = (error?: Error) => {
        listeningWhenClosed.push(server.listening);
        return destroy(error);
      };
    });
    expect((await get(`${url}/`, keepAliveAgent())).connection).toBe('keep-alive');

    await drain.drain(5_000);
    expect(listeningWhenClosed).toEqual([false]);
  });

  it('finishes sending an answer that has ended before it closes its connection', async () => {
    const { server, url } = await serve();
    const drain = createHttpDrain(server);
    const answered = new Promise<IncomingMessage>((resolve, reject) => {
      http.get(`${url}/big`, { agent: keepAliveAgent() }, resolve).once('error', reject);
    });
    const res = await answered;
    res.pause();
    // The handler has ended its answer (before its first bytes arrived); most of it still
    // waits to be written.
    expect(drain.inFlight).toBe(1);
    const drained = drain.drain(5_000);

    let received = 0;
    const body = new Promise<number>((resolve, reject) => {
      res.on('data', (chunk: Buffer) => (received += chunk.length));
      res.once('end', () => resolve(received));
      res.once('error', reject);
      res.once('aborted', () => reject(new Error(`cut off after ${received} bytes`)));
    });
    res.resume();
    await expect(body).resolves.toBe(BIG_ANSWER_BYTES);
    await expect(drained).resolves.toEqual({ abandoned: 0 });
  });

  it('gives up on a request that outlives the time allowed', async () => {
    const { server, url } = await serve();
    const drain = createHttpDrain(server);
    const stuck = get(`${url}/slow?ms=60000`, keepAliveAgent());
    await vi.waitFor(() => expect(drain.inFlight).toBe(1));
    await expect(drain.drain(200)).resolves.toEqual({ abandoned: 1 });
    await expect(stuck).rejects.toThrow();
  });
});
