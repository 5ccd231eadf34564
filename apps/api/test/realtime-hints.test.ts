import { FayeNodeClient } from '@inkwell/realtime';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildFixtureContent, formRenderedAt } from './fixtures.js';
import { startTestApi, type TestApi } from './test-api.js';

let api: TestApi;
let endpoint: string;
beforeAll(async () => {
  api = await startTestApi('pglite', buildFixtureContent());
  await api.app.listen(0, '127.0.0.1');
  endpoint = `${await api.app.getUrl()}/realtime`;
});
afterAll(() => api?.close());

async function postId(slug: string): Promise<number> {
  return (await api.http.get(`/api/posts/${slug}`).expect(200)).body.post.id;
}

test('readers of a post get a hint within 500 ms of a published comment; other posts get nothing', async () => {
  const [watched, other] = await Promise.all([postId('post-59'), postId('post-58')]);
  const reader = new FayeNodeClient(endpoint);
  const received: Array<{ channel: string; data: unknown }> = [];
  try {
    await Promise.all(
      [watched, other].map((id) =>
        reader.subscribe(`/comments/${id}`, (data) =>
          received.push({ channel: `/comments/${id}`, data }),
        ),
      ),
    );
    const arrived = new Promise<number>((resolve) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (received.length > 0) {
          clearInterval(poll);
          resolve(Date.now() - started);
        }
      }, 5);
    });
    // Ada has an approved comment already, so hers is published at once.
    const created = await api.http
      .post('/api/posts/post-59/comments')
      .send({
        authorName: 'Ada',
        authorEmail: 'ada@example.com',
        renderedAt: formRenderedAt(),
        body: 'Live, please',
      })
      .expect(201);
    expect(created.body.awaitingModeration).toBe(false);
    const elapsed = await arrived;
    expect(elapsed).toBeLessThan(500);
    expect(received).toEqual([
      {
        channel: `/comments/${watched}`,
        data: { postId: watched, commentCount: 3, latestCommentId: created.body.id },
      },
    ]);

    // A comment held for moderation is not public yet: no hint.
    await api.http
      .post('/api/posts/post-58/comments')
      .send({ authorName: 'New', authorEmail: 'new@example.com', body: 'First time here' })
      .expect(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(1);
  } finally {
    reader.disconnect();
  }
});

test('a client cannot publish on a comment channel', async () => {
  const id = await postId('post-59');
  const intruder = new FayeNodeClient(endpoint);
  try {
    await expect(
      intruder.publish(`/comments/${id}`, { postId: id, commentCount: 999, latestCommentId: 1 }),
    ).rejects.toBeTruthy();
  } finally {
    intruder.disconnect();
  }
});

test('the heartbeat reports the realtime endpoint', async () => {
  const heartbeat = await api.http.get('/__heartbeat__').expect(200);
  expect(heartbeat.body.checks.realtime).toBe('ok');
});
