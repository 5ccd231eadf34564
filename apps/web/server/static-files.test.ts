import fs, { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { onlyListedFiles } from './static-files.js';

describe('onlyListedFiles', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inkwell-static-'));
  const app = express();
  const server = http.createServer(app);
  let url = '';

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
    mkdirSync(path.join(dir, 'fonts'));
    writeFileSync(path.join(dir, 'fonts', 'body text.woff2'), 'font');
    app.use(onlyListedFiles(dir, express.static(dir)));
    app.use((_req, res) => res.send('page'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the files the folder held at start, nested and with spaces in their names', async () => {
    expect(await (await fetch(`${url}/favicon.svg`)).text()).toBe('<svg/>');
    expect(await (await fetch(`${url}/fonts/body%20text.woff2`)).text()).toBe('font');
  });

  it('passes a page request on without looking at the disk', async () => {
    const stat = vi.spyOn(fs, 'stat');
    try {
      expect(await (await fetch(`${url}/posts/hello`)).text()).toBe('page');
      expect(stat).not.toHaveBeenCalled();
    } finally {
      stat.mockRestore();
    }
  });

  it('leaves a file added later to the pages, as a build does not change while it runs', async () => {
    writeFileSync(path.join(dir, 'later.txt'), 'late');
    expect(await (await fetch(`${url}/later.txt`)).text()).toBe('page');
  });
});
