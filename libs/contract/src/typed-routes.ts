import { type z } from 'zod';
import { type HttpMethod } from './route.js';
import { type RouteKey, type Routes } from './routes.js';

/** The route with this method and path template. */
export type RouteAt<M extends HttpMethod, P extends string> = `${M} ${P}` extends RouteKey
  ? Routes[`${M} ${P}`]
  : never;

/** The path templates served with method M: `'/api/posts' | '/api/posts/{slug}' | ...`. */
export type PathsFor<M extends HttpMethod> = RouteKey extends infer K
  ? K extends `${M} ${infer P}`
    ? P
    : never
  : never;

type ParamsInput<R> = R extends { params: infer S extends z.ZodType }
  ? { params: z.input<S> }
  : { params?: undefined };
type QueryInput<R> = R extends { query: infer S extends z.ZodType }
  ? { query?: { [K in keyof z.input<S>]?: string | number } }
  : { query?: undefined };
type BodyInput<R> = R extends { body: infer S extends z.ZodType }
  ? undefined extends z.input<S>
    ? { body?: z.input<S> }
    : { body: z.input<S> }
  : R extends { body: object }
    ? { body: FormData }
    : { body?: undefined };

/** What a client passes to call the route: path params, query, body as the schemas take them. */
export type RouteInput<R> = ParamsInput<R> & QueryInput<R> & BodyInput<R>;

type BodyOutput<S> = S extends z.ZodType ? z.output<S> : S extends null ? undefined : unknown;

/** The parsed body of the route's answer with this status. */
export type ResponseBody<
  R extends { responses: object },
  S extends keyof R['responses'],
> = BodyOutput<R['responses'][S]>;

type SuccessStatus = 200 | 201 | 204;

/** The parsed body of the route's successful answer(s). */
export type SuccessBody<R extends { responses: object }> = BodyOutput<
  R['responses'][Extract<keyof R['responses'], SuccessStatus>]
>;
