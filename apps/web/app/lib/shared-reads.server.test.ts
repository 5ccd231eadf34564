import { describe, expect, test } from 'vitest';
import { type ApiAnswer, SharedReads } from './shared-reads.server.js';

/** An answer as the API gives it: its body and the cache tags it names. */
function answer(body: unknown, tags = 'settings', status = 200): ApiAnswer {
  const headers = new Headers(tags ? { 'surrogate-key': tags } : {});
  return { status, ok: status >= 200 && status < 300, headers, json: body };
}

/** A read that answers `next()` and counts its calls. */
function counting(next: () => ApiAnswer) {
  const load = async () => {
    load.calls += 1;
    return next();
  };
  load.calls = 0;
  return load;
}

function liveReads(): SharedReads {
  const reads = new SharedReads(new Set(['/api/settings']));
  reads.setLive(true);
  return reads;
}

describe('SharedReads', () => {
  test('keeps the paths it was given', () => {
    const reads = new SharedReads(new Set(['/api/settings']));
    expect(reads.keeps('/api/settings')).toBe(true);
    expect(reads.keeps('/api/posts/{slug}')).toBe(false);
  });

  test('answers a kept read until a write drops one of its tags', async () => {
    const reads = liveReads();
    let title = 'First';
    const load = counting(() => answer({ title }, 'settings pages'));
    expect((await reads.read('settings', load)).json).toEqual({ title: 'First' });
    title = 'Second';
    expect((await reads.read('settings', load)).json).toEqual({ title: 'First' });
    expect(load.calls).toBe(1);

    reads.dropTags(['post:other']);
    expect((await reads.read('settings', load)).json).toEqual({ title: 'First' });
    reads.dropTags(['pages']);
    expect((await reads.read('settings', load)).json).toEqual({ title: 'Second' });
    expect(load.calls).toBe(2);
  });

  test('keeps nothing while the drops are not followed, and forgets all when they stop', async () => {
    const reads = new SharedReads(new Set(['/api/settings']));
    const load = counting(() => answer({}));
    await reads.read('settings', load);
    await reads.read('settings', load);
    expect(load.calls).toBe(2);

    reads.setLive(true);
    await reads.read('settings', load);
    expect(reads.size).toBe(1);
    reads.setLive(false);
    expect(reads.size).toBe(0);
    await reads.read('settings', load);
    expect(load.calls).toBe(4);
  });

  test('does not keep a read its tag was dropped during, nor one begun before an outage', async () => {
    const reads = liveReads();
    let finish: (value: ApiAnswer) => void = () => {};
    const slow = () => new Promise<ApiAnswer>((resolve) => (finish = resolve));

    const dropped = reads.read('settings', slow);
    reads.dropTags(['settings']);
    finish(answer({ title: 'Old' }));
    await dropped;
    expect(reads.size).toBe(0);

    const outage = reads.read('settings', slow);
    reads.setLive(false);
    reads.setLive(true);
    finish(answer({ title: 'Old' }));
    await outage;
    expect(reads.size).toBe(0);

    // A drop of another tag meanwhile does not matter.
    const kept = reads.read('settings', slow);
    reads.dropTags(['post:a']);
    finish(answer({ title: 'Current' }));
    await kept;
    expect(reads.size).toBe(1);
  });

  test('never keeps a failure or an answer without tags', async () => {
    const reads = liveReads();
    await reads.read(
      'failed',
      counting(() => answer({ message: 'busy' }, 'settings', 503)),
    );
    await reads.read(
      'untagged',
      counting(() => answer({}, '')),
    );
    expect(reads.size).toBe(0);
  });
});
