import { type z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A body that is not JSON: an image, an event stream, an HTML page, a multipart upload. */
export interface MediaBody {
  contentType: string;
  schema?: z.ZodType;
}

/** `null`: no body (204). A zod schema: a JSON body. */
export type BodySpec = z.ZodType | MediaBody | null;

export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI-style template: `/api/posts/{slug}`. */
  path: string;
  summary: string;
  /** Grouping in the reference (OpenAPI tag). */
  tag: string;
  /** Needs an admin session (bearer token; writes also the CSRF token). */
  session: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType | MediaBody;
  /** The answers a client can meet, by status. */
  responses: Readonly<Record<number, BodySpec>>;
}

export function isMediaBody(spec: BodySpec | z.ZodType | undefined): spec is MediaBody {
  return typeof spec === 'object' && spec !== null && 'contentType' in spec;
}

/** A non-JSON body. */
export const media = (contentType: string, schema?: z.ZodType): MediaBody =>
  schema ? { contentType, schema } : { contentType };
