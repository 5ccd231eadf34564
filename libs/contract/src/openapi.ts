import { z } from 'zod';
import { adminCommentView } from './admin-comments.js';
import { adminPostListItem, adminPostView } from './admin-posts.js';
import { adminCategoryView, categoryView } from './categories.js';
import { errorBody, moved } from './errors.js';
import { adminImageView } from './images.js';
import { commentView, postSummaryView } from './posts.js';
import { isMediaBody, type BodySpec, type RouteSpec } from './route.js';
import { routes } from './routes.js';
import { loginResult, sessionUser } from './session.js';
import { siteSettingsView } from './settings.js';
import { adminUserView } from './users.js';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

/** Shapes met in several answers: one component each, referenced by name. */
const sharedSchemas: Record<string, z.ZodType> = {
  Error: errorBody,
  Moved: moved,
  Comment: commentView,
  PostSummary: postSummaryView,
  Category: categoryView,
  SiteSettings: siteSettingsView,
  SessionUser: sessionUser,
  LoginResult: loginResult,
  AdminPost: adminPostView,
  AdminPostListItem: adminPostListItem,
  AdminCategory: adminCategoryView,
  AdminComment: adminCommentView,
  AdminImage: adminImageView,
  AdminUser: adminUserView,
};

/** `GET /api/posts/{slug}` -> `getApiPostsSlug`. */
export function operationId(route: Pick<RouteSpec, 'method' | 'path'>): string {
  const words = route.path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return route.method.toLowerCase() + words.join('');
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/**
 * The OpenAPI 3.1 description of every route in the table, made with zod's own
 * `z.toJSONSchema` (input shapes: what a client sends and what it may rely on receiving).
 */
export function openApiDocument(info: OpenApiDocument['info']): OpenApiDocument {
  const registry = z.registry<{ id: string }>();
  const idOf = (schema: z.ZodType, fallback: string): string => {
    const known = registry.get(schema)?.id;
    if (known) return known;
    registry.add(schema, { id: fallback });
    return fallback;
  };
  for (const [id, schema] of Object.entries(sharedSchemas)) registry.add(schema, { id });

  type Pending = { apply: (schemas: Record<string, JsonSchema>) => void };
  const pending: Pending[] = [];
  const paths: OpenApiDocument['paths'] = {};
  /** Path and query objects: spread into parameters, not kept as components. */
  const parameterSchemas = new Set<string>();

  for (const route of Object.values(routes) as RouteSpec[]) {
    const name = operationId(route);
    const operation: JsonSchema = {
      operationId: name,
      summary: route.summary,
      tags: [route.tag],
      security: route.session ? [{ adminSession: [] }] : [],
    };
    const parameters: JsonSchema[] = [];
    for (const [location, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const id = idOf(schema, `${name}${location === 'path' ? 'Params' : 'Query'}`);
      pending.push({
        apply: (schemas) => {
          const object = schemas[id]!;
          const required = new Set((object.required as string[] | undefined) ?? []);
          for (const [param, property] of Object.entries(
            (object.properties as Record<string, JsonSchema>) ?? {},
          )) {
            const { description, ...propertySchema } = property;
            parameters.push({
              name: param,
              in: location,
              required: location === 'path' || required.has(param),
              ...(description ? { description } : {}),
              schema: propertySchema,
            });
          }
          parameterSchemas.add(id);
        },
      });
    }
    if (route.params || route.query) operation.parameters = parameters;
    if (route.body) {
      operation.requestBody = { required: true, content: content(route.body, `${name}Body`) };
    }
    operation.responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, spec]) => [
        status,
        response(status, spec, `${name}${status}`),
      ]),
    );
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }

  function content(spec: z.ZodType | NonNullable<BodySpec>, fallback: string): JsonSchema {
    if (isMediaBody(spec)) {
      return {
        [spec.contentType]: spec.schema ? { schema: ref(idOf(spec.schema, fallback)) } : {},
      };
    }
    return { 'application/json': { schema: ref(idOf(spec, fallback)) } };
  }

  function response(status: string, spec: BodySpec, fallback: string): JsonSchema {
    const description = STATUS_DESCRIPTIONS[status] ?? `HTTP ${status}`;
    return spec === null ? { description } : { description, content: content(spec, fallback) };
  }

  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  for (const step of pending) step.apply(schemas);
  for (const id of parameterSchemas) delete schemas[id];

  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas,
      securitySchemes: {
        adminSession: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The token POST /api/admin/session answers. Writes also send X-CSRF-Token with the csrfToken of the same answer.',
        },
      },
    },
  };
}

const STATUS_DESCRIPTIONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '204': 'No Content',
  '301': 'Moved: the post has a new slug (Location header)',
  '304': 'Not Modified',
  '400': 'Invalid input: `fields` names each bad field',
  '401': 'No valid session',
  '403': 'Not allowed (role, CSRF token, or closed)',
  '404': 'Not found',
  '409': 'Conflict with the current state',
  '413': 'Too large',
  '415': 'Unsupported file type',
  '429': 'Too many requests (Retry-After header)',
  '503': 'Unavailable for now (Retry-After header)',
};
