import { CACHE_MANAGER, type Cache } from '@nestjs/cache-manager';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cacheMemoize, getCache, type InkwellCache, memoizedOf } from '../src/index.js';
import { INKWELL_CACHE, InkwellCacheModule } from '../src/nest/index.js';
import {
  keysUnder,
  openTestClient,
  REDIS_URL,
  removeNamespace,
  uniqueNamespace,
} from './support/redis.js';

const namespace = uniqueNamespace('nest');
const logger = { warn: vi.fn() };

@Injectable()
class PostsService {
  renders = 0;

  @cacheMemoize(60)
  async render(slug: string): Promise<string> {
    this.renders += 1;
    return `<h1>${slug}</h1>`;
  }
}

@Module({ providers: [PostsService] })
class PostsModule {}

@Module({
  imports: [
    InkwellCacheModule.forRoot({
      namespace,
      redisUrl: REDIS_URL,
      operationTimeoutMs: 2_000,
      logger,
    }),
    PostsModule,
  ],
})
class AppModule {}

describe('InkwellCacheModule', () => {
  const client = openTestClient();

  afterAll(async () => {
    await removeNamespace(await client, namespace);
    (await client).destroy();
  });

  it('registers the default cache, shares its Redis connection with CACHE_MANAGER, and closes it on shutdown', async () => {
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const cache = app.get<InkwellCache>(INKWELL_CACHE);
    expect(getCache()).toBe(cache);

    const posts = app.get(PostsService);
    expect(await posts.render('hello')).toBe('<h1>hello</h1>');
    expect(await posts.render('hello')).toBe('<h1>hello</h1>');
    expect(posts.renders).toBe(1);
    expect(memoizedOf(posts.render).prefix).toBe('PostsService.render');

    const manager = app.get<Cache>(CACHE_MANAGER);
    await manager.set('greeting', 'hi', 60_000);
    expect(await manager.get('greeting')).toBe('hi');
    // One namespace prefix on cache-manager keys (Keyv and @keyv/redis would each add one);
    // memoized entries under the namespace alone (their values carry the epoch).
    expect(await keysUnder(await client, namespace)).toEqual([
      `${namespace}::greeting`,
      `${namespace}:PostsService.render:["hello"]`,
    ]);

    await app.close();
    expect((await cache.health()).status).toBe('failing');
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('health check'));
  });
});
