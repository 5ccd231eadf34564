import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { type Role } from '@inkwell/prisma';
import {
  ADMIN_ROLES_KEY,
  ANY_ADMIN_ROLE,
  PUBLIC_ADMIN_ROUTE_KEY,
} from '../../src/auth/admin-access.js';

export interface AdminRoute {
  method: string;
  path: string;
  roles: Role[];
  public: boolean;
}

const join = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/** Every route of every controller Nest registered under /api/admin, with the roles it allows. */
export function listAdminRoutes(app: INestApplication): AdminRoute[] {
  const routes: AdminRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = join(base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? ''));
        if (!path.startsWith('/api/admin')) continue;
        routes.push({
          method: RequestMethod[method]!,
          path,
          roles:
            Reflect.getMetadata(ADMIN_ROLES_KEY, handler) ??
            Reflect.getMetadata(ADMIN_ROLES_KEY, controller) ??
            ANY_ADMIN_ROLE,
          public: Reflect.getMetadata(PUBLIC_ADMIN_ROUTE_KEY, handler) === true,
        });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
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
