import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startMailServer } from '@inkwell/test-stack/mail';
import { chromium } from 'playwright-core';
import { type TestProject } from 'vitest/node';
import { CHROMIUM } from '../chromium.js';
import { buildWeb, startStack } from '../stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    webUrl: string;
    admin: { email: string; password: string };
    browserWsEndpoint: string;
    /** Where the API's mail server saves what it receives (read with `readSavedMail`). */
    mailDir: string;
  }
}

/**
 * One build, one API + web pair and one browser for every browser test file. The API sends its
 * emails to a mail server in this process, which saves them for the tests to read.
 */
export default async function setup(project: TestProject) {
  await buildWeb();
  const mailDir = await mkdtemp(path.join(tmpdir(), 'inkwell-mail-'));
  const mail = await startMailServer({ saveTo: mailDir });
  const [stack, browserServer] = await Promise.all([
    startStack({ apiEnv: { SMTP_URL: mail.url, SMTP_FROM: 'Inkwell tests <blog@example.org>' } }),
    chromium.launchServer(CHROMIUM),
  ]);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('webUrl', stack.webUrl);
  project.provide('admin', stack.admin);
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  project.provide('mailDir', mailDir);
  return async () => {
    await browserServer.close();
    await stack.stop();
    await mail.close();
    await rm(mailDir, { recursive: true, force: true });
  };
}
