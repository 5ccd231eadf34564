import { describe, expect, it } from 'vitest';
import { type FayeClientConstructor } from './faye-client.js';
import { type ScriptEnvironment, loadFayeClient } from './load-faye-client.js';

type Script = Parameters<NonNullable<ScriptEnvironment['document']>['head']['appendChild']>[0];

/** A document whose appended scripts the test loads or fails by hand. */
function fakePage(): { environment: ScriptEnvironment; scripts: Script[]; removed: Script[] } {
  const scripts: Script[] = [];
  const removed: Script[] = [];
  const environment: ScriptEnvironment = {
    document: {
      createElement: () => {
        const script: Script = {
          src: '',
          async: false,
          integrity: '',
          crossOrigin: null,
          onload: null,
          onerror: null,
          remove: () => removed.push(script),
        };
        return script;
      },
      head: { appendChild: (script) => scripts.push(script) },
    },
  };
  return { environment, scripts, removed };
}

const FakeClient = class {} as unknown as FayeClientConstructor;

describe('loadFayeClient', () => {
  it('adds one async script tag with SRI and CORS, and resolves with Faye.Client', async () => {
    const page = fakePage();
    const options = { scriptUrl: 'https://api.test/realtime/client.js', integrity: 'sha384-xyz' };
    const first = loadFayeClient(options, page.environment);
    const second = loadFayeClient(options, page.environment);

    expect(page.scripts).toHaveLength(1);
    expect(page.scripts[0]).toMatchObject({
      src: 'https://api.test/realtime/client.js',
      async: true,
      integrity: 'sha384-xyz',
      crossOrigin: 'anonymous',
    });
    page.environment.Faye = { Client: FakeClient };
    page.scripts[0]?.onload?.();
    expect(await first).toBe(FakeClient);
    expect(await second).toBe(FakeClient);
  });

  it('leaves SRI and CORS off without an integrity hash', () => {
    const page = fakePage();
    void loadFayeClient({ scriptUrl: '/realtime/no-sri.js' }, page.environment);
    expect(page.scripts[0]).toMatchObject({ integrity: '', crossOrigin: null });
  });

  it('rejects when the script fails, removes the tag, and lets a later call retry', async () => {
    const page = fakePage();
    const options = { scriptUrl: 'https://down.test/realtime/client.js' };
    const failed = loadFayeClient(options, page.environment);
    page.scripts[0]?.onerror?.();
    await expect(failed).rejects.toThrow(/Could not load/);
    expect(page.removed).toEqual([page.scripts[0]]);

    void loadFayeClient(options, page.environment);
    expect(page.scripts).toHaveLength(2);
  });

  it('uses a Faye client already on the page', async () => {
    const page = fakePage();
    page.environment.Faye = { Client: FakeClient };
    expect(await loadFayeClient({ scriptUrl: '/realtime/client.js' }, page.environment)).toBe(
      FakeClient,
    );
    expect(page.scripts).toEqual([]);
  });
});
