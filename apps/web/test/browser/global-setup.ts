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
  }
}

/** One build, one API + web pair and one browser for every browser test file. */
export default async function setup(project: TestProject) {
  await buildWeb();
  const [stack, browserServer] = await Promise.all([startStack(), chromium.launchServer(CHROMIUM)]);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('webUrl', stack.webUrl);
  project.provide('admin', stack.admin);
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  return async () => {
    await browserServer.close();
    await stack.stop();
  };
}
