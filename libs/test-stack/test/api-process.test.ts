import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, freePort, startApiProcess, startProcess } from '../src/index.js';

describe('startApiProcess', () => {
  let dataDir: string;
  let api: ApiProcess;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-test-stack-'));
    api = await startApiProcess({ DATA_DIR: dataDir });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts the API from source on a free port, ready to answer its heartbeat', async () => {
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const heartbeat = await fetch(`${api.url}/__lbheartbeat__`);
    expect(heartbeat.status).toBe(200);
    expect(api.output()).toMatch(/API listening on/);
  });

  it('stops the process and the port stops answering', async () => {
    await api.stop();
    expect(api.child.exitCode !== null || api.child.signalCode !== null).toBe(true);
    await expect(fetch(`${api.url}/__lbheartbeat__`)).rejects.toThrow();
  });
});

describe('startProcess', () => {
  it('rejects with the output of a process that exits before it is ready', async () => {
    await expect(
      startProcess(process.execPath, ['-e', 'console.log("booting"); process.exit(3)'], {
        name: 'failing',
        env: process.env,
        ready: /never printed/,
      }),
    ).rejects.toThrow(/failing exited with 3 before it was ready:\nbooting/);
  });

  it('stops the children a process started along with it', async () => {
    const port = await freePort();
    // A wrapper that starts the real server as its child, as npm and tsx do.
    const server = `require('node:http').createServer((_q, r) => r.end('up')).listen(${port}, '127.0.0.1', () => console.log('listening'))`;
    const wrapper = `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(server)}], { stdio: 'inherit' })`;
    const started = await startProcess(process.execPath, ['-e', wrapper], {
      env: process.env,
      ready: /listening/,
    });
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('up');
    await started.stop();
    expect(await refusedWithin(`http://127.0.0.1:${port}/`, 2_000)).toBe(true);
  });
});

/** Whether `url` stops answering within `ms` (a signalled child may take a moment to exit). */
async function refusedWithin(url: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const answered = await fetch(url).then(
      () => true,
      () => false,
    );
    if (!answered) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
