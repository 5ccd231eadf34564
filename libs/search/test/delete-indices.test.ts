import { Client } from '@elastic/elasticsearch';
import { expect, test } from 'vitest';
import { ClientMock, deleteIndicesByPrefix } from '../src/testing.js';

test('indices are deleted by name, as Elasticsearch 8 and later require', async () => {
  const mock = new ClientMock();
  const deleted: string[] = [];
  mock.add({ method: 'GET', path: '/inkwell-test-1*' }, () => ({
    'inkwell-test-1-posts-1700000000': {},
    'inkwell-test-1-comments-1700000000': {},
  }));
  mock.add({ method: 'DELETE', path: '/:index' }, (params) => {
    deleted.push(String(params.path));
    return { acknowledged: true };
  });
  const client = new Client({ node: 'http://localhost:9200', Connection: mock.getConnection() });

  const names = await deleteIndicesByPrefix(client, 'inkwell-test-1');

  expect(names).toEqual(['inkwell-test-1-posts-1700000000', 'inkwell-test-1-comments-1700000000']);
  expect(deleted).toEqual(['/inkwell-test-1-posts-1700000000,inkwell-test-1-comments-1700000000']);
});

test('nothing to delete: no delete request', async () => {
  const mock = new ClientMock();
  mock.add({ method: 'GET', path: '/inkwell-test-2*' }, () => ({}));
  const client = new Client({ node: 'http://localhost:9200', Connection: mock.getConnection() });
  expect(await deleteIndicesByPrefix(client, 'inkwell-test-2')).toEqual([]);
});
