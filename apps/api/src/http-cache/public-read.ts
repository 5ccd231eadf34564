import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import { type Config } from '../config/config.js';
import { CONFIG } from '../core/tokens.js';
import { PublicJson } from './public-json.js';

/** Every API answer is private unless its route says otherwise (see `PublicRead`). */
export const PRIVATE_NO_STORE = 'private, no-store';

/**
 * Browsers revalidate a public read every time (a 304 costs little); shared caches keep it for
 * `sharedMaxAgeSeconds` only when a purge hook can drop it after a write.
 */
export function publicCacheControl(sharedMaxAgeSeconds: number | undefined): string {
  const browsers = 'public, max-age=0, must-revalidate';
  return sharedMaxAgeSeconds === undefined
    ? browsers
    : `${browsers}, s-maxage=${sharedMaxAgeSeconds}`;
}

/** The tags in the two headers CDNs read: Fastly and Varnish xkey split on spaces, Cloudflare on commas. */
export function cacheTagHeaders(tags: readonly string[]): Record<string, string> {
  const unique = [...new Set(tags)];
  return { 'Surrogate-Key': unique.join(' '), 'Cache-Tag': unique.join(',') };
}

const PUBLIC_READ = Symbol('PUBLIC_READ');

interface PublicReadResponse {
  setHeader(name: string, value: string): void;
}

@Injectable()
export class PublicReadInterceptor implements NestInterceptor {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean | undefined>(PUBLIC_READ, context.getHandler()))
      return next.handle();
    const response = context.switchToHttp().getResponse<PublicReadResponse>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof PublicJson))
          throw new TypeError('A public read must answer with a PublicJson');
        const headers = {
          'Cache-Control': publicCacheControl(this.config.cachePurge?.sharedMaxAgeSeconds),
          ...cacheTagHeaders(result.tags),
          'Content-Type': 'application/json; charset=utf-8',
          ETag: result.etag,
        };
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        return result;
      }),
    );
  }
}

type PublicReadHandler = (...args: never[]) => Promise<PublicJson>;

/**
 * Marks a route as a public read: its successful answer, a `PublicJson` (usually from
 * `cachePublicRead`), may be shared, names the cache tags of what it shows (the tags its
 * cached entry is stored under, so a write that drops them also purges the CDN), and is
 * revalidated by its stored ETag (304 on `If-None-Match`). Errors stay `private, no-store`.
 */
export function PublicRead(): (
  target: object,
  propertyKey: string | symbol,
  descriptor: TypedPropertyDescriptor<PublicReadHandler>,
) => void {
  return applyDecorators(SetMetadata(PUBLIC_READ, true), UseInterceptors(PublicReadInterceptor));
}
