import { type INestApplication } from '@nestjs/common';
import { type Role } from '@inkwell/prisma';
import {
  ADMIN_ROLES_KEY,
  ANY_ADMIN_ROLE,
  PUBLIC_ADMIN_ROUTE_KEY,
} from '../../src/auth/admin-access.js';
import { declaredRoutes } from '../nest-routes.js';

export interface AdminRoute {
  method: string;
  path: string;
  roles: Role[];
  public: boolean;
}

/** Every route of every controller Nest registered under /api/admin, with the roles it allows. */
export function listAdminRoutes(app: INestApplication): AdminRoute[] {
  return declaredRoutes(app)
    .filter(({ path }) => path.startsWith('/api/admin'))
    .map(({ method, path, controller, handler }) => ({
      method,
      path,
      roles:
        Reflect.getMetadata(ADMIN_ROLES_KEY, handler) ??
        Reflect.getMetadata(ADMIN_ROLES_KEY, controller) ??
        ANY_ADMIN_ROLE,
      public: Reflect.getMetadata(PUBLIC_ADMIN_ROUTE_KEY, handler) === true,
    }))
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** The routes Express actually serves under /api/admin (a cross-check of the list above). */
export function expressAdminRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  };
  return express.router.stack
    .flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map(
            (method) => `${method.toUpperCase()} ${layer.route!.path}`,
          )
        : [],
    )
    .filter((route) => route.includes(' /api/admin'))
    .sort();
}

export const concrete = (path: string) => path.replace(/:[a-zA-Z]+/g, '1');
