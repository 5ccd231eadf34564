import { type INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { type z } from 'zod';
import { ZodPipe } from '../../src/common/validation.js';
import { declaredRoutes } from '../nest-routes.js';

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

function schemaOf(argument: RouteArgument | undefined): z.ZodType | null {
  const pipe = argument?.pipes?.find((candidate) => candidate instanceof ZodPipe) as
    { schema?: z.ZodType } | undefined;
  return pipe?.schema ?? null;
}

/** Every route of the application's controllers, with the zod schemas of its inputs. */
export function discoverRoutes(app: INestApplication): FuzzRoute[] {
  return declaredRoutes(app).map(({ method, path, controller, handlerName }) => {
    const args = Object.entries(
      (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<
        string,
        RouteArgument
      >,
    );
    const ofType = (type: RouteParamtypes) =>
      args.filter(([key]) => key.startsWith(`${type}:`)).map(([, value]) => value);
    return {
      method,
      path,
      params: [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!),
      query: schemaOf(ofType(RouteParamtypes.QUERY)[0]),
      body: schemaOf(ofType(RouteParamtypes.BODY)[0]),
    };
  });
}
