import { expect, test } from 'vitest';
import { startTestApi } from './test-api.js';

test('/__heartbeat__ answers 503 naming the database when it is gone', async () => {
  const api = await startTestApi('postgres', { categories: [], posts: [] });
  try {
    await api.http.get('/__heartbeat__').expect(200);
    await api.scratch!.drop();
    const res = await api.http.get('/__heartbeat__').expect(503);
    expect(res.body.status).toBe('failing');
    expect(res.body.checks.database).toMatch(/^failing: /);
    await api.http.get('/__lbheartbeat__').expect(200);
  } finally {
    await api.close();
  }
});
