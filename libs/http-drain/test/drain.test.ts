import http, { type IncomingMessage } from 'node:http';
import { type AddressInfo } from 'node:net';
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

/** A server whose `/slow?ms=N` answers after N ms, everything else at once. */
async function serve(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
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

  it('gives up on a request that outlives the time allowed', async () => {
    const { server, url } = await serve();
    const drain = createHttpDrain(server);
    const stuck = get(`${url}/slow?ms=60000`, keepAliveAgent());
    await vi.waitFor(() => expect(drain.inFlight).toBe(1));
    await expect(drain.drain(200)).resolves.toEqual({ abandoned: 1 });
    await expect(stuck).rejects.toThrow();
  });
});
