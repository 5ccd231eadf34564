import { type AdminPostView } from '@inkwell/contract';
import { type Role } from '@inkwell/prisma';
import type supertest from 'supertest';
import { createUser } from '../../src/auth/create-user.js';
import {
  type DomainEventMap,
  DomainEvents,
  type DomainEventType,
} from '../../src/events/domain-events.js';
import { buildFixtureContent } from '../fixtures.js';
import { type EngineKind, startTestApi, type TestApi } from '../test-api.js';

/** Cheap scrypt for test users: login cost is not what these tests measure. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery staple';

export interface SignedIn {
  token: string;
  csrfToken: string;
  userId: number;
}

export interface RecordedEvent {
  type: DomainEventType;
  payload: DomainEventMap[DomainEventType];
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface AdminTestApi extends TestApi {
  admin: SignedIn;
  author: SignedIn;
  /** Every domain event emitted since the last `events.length = 0`. */
  events: RecordedEvent[];
  /** A request signed in as `who`, with the session's CSRF token. */
  as(who: SignedIn, method: Method, url: string): supertest.Test;
  addUser(email: string, role: Role): Promise<SignedIn>;
  /** A draft created by the author through the admin API (omitted fields take their defaults). */
  createPost(fields: Record<string, unknown>): Promise<AdminPostView>;
  /** A post created by the author, then published now. */
  publishedPost(fields: Record<string, unknown>): Promise<AdminPostView>;
}

const eventTypes: DomainEventType[] = [
  'post.saved',
  'post.deleted',
  'comment.created',
  'comment.approved',
  'comment.deleted',
  'category.saved',
  'category.deleted',
  'settings.saved',
];

/** The API over the fixture content with an admin and an author signed in and an event recorder. */
export async function startAdminTestApi(
  kind: EngineKind,
  options: { env?: Record<string, string> } = {},
): Promise<AdminTestApi> {
  const api = await startTestApi(kind, buildFixtureContent(), options);
  const events: RecordedEvent[] = [];
  const bus = api.app.get(DomainEvents);
  for (const type of eventTypes) {
    bus.on(type, 'test recorder', (payload) => {
      events.push({ type, payload });
    });
  }
  let address = 0;
  const addUser = async (email: string, role: Role): Promise<SignedIn> => {
    const user = await createUser(api.db.prisma, { email, role, password: PASSWORD }, TEST_SCRYPT);
    address += 1;
    const res = await api.http
      .post('/api/admin/session')
      .set('X-Forwarded-For', `198.51.100.${address}`)
      .send({ email, password: PASSWORD })
      .expect(201);
    return { token: res.body.token, csrfToken: res.body.csrfToken, userId: user.id };
  };
  const admin = await addUser('admin@example.com', 'ADMIN');
  const author = await addUser('author@example.com', 'AUTHOR');
  const as = (who: SignedIn, method: Method, url: string) =>
    api.http[method](url)
      .set('Authorization', `Bearer ${who.token}`)
      .set('X-CSRF-Token', who.csrfToken);
  const createPost = async (fields: Record<string, unknown>): Promise<AdminPostView> =>
    (await as(author, 'post', '/api/admin/posts').send(fields).expect(201)).body;
  const publishedPost = async (fields: Record<string, unknown>): Promise<AdminPostView> => {
    const post = await createPost(fields);
    return (
      await as(author, 'post', `/api/admin/posts/${post.id}/publish`)
        .send({ version: post.version })
        .expect(200)
    ).body;
  };
  return { ...api, admin, author, events, addUser, as, createPost, publishedPost };
}
