import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import { type z } from 'zod';
import { ZodPipe } from '../../src/common/validation.js';

/** One API route as its controller declares it, with the zod schemas of its inputs. */
export interface FuzzRoute {
  method: string;
  /** Express-style path: `/api/admin/posts/:id`. */
  path: string;
  params: string[];
  query: z.ZodType | null;
  body: z.ZodType | null;
}

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

function schemaOf(argument: RouteArgument | undefined): z.ZodType | null {
  const pipe = argument?.pipes?.find((candidate) => candidate instanceof ZodPipe) as
    { schema?: z.ZodType } | undefined;
  return pipe?.schema ?? null;
}

/** Every route of the application's controllers, read from Nest's decorator metadata. */
export function discoverRoutes(app: INestApplication): FuzzRoute[] {
  const routes: FuzzRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const args = Object.entries(
          (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
            string,
            RouteArgument
          >,
        );
        const ofType = (type: RouteParamtypes) =>
          args.filter(([key]) => key.startsWith(`${type}:`)).map(([, value]) => value);
        const fullPath = joinPath(base, path);
        routes.push({
          method: RequestMethod[method],
          path: fullPath,
          params: [...fullPath.matchAll(/:(\w+)/g)].map((match) => match[1]!),
          query: schemaOf(ofType(RouteParamtypes.QUERY)[0]),
          body: schemaOf(ofType(RouteParamtypes.BODY)[0]),
        });
      }
    }
  }
  return routes;
}
