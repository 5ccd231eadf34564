import { type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { type z } from 'zod';
import { ApiError } from './api-error.js';

/** Bad input from a client: answered 400 with a message per named field. */
export class ValidationError extends ApiError {
  readonly status = 400;

  constructor(readonly fields: Record<string, string>) {
    super(
      Object.entries(fields)
        .map(([field, message]) => `${field} ${message}`)
        .join('; '),
    );
  }

  override answerFields(): Record<string, unknown> {
    return { fields: this.fields };
  }
}

export function zodIssuesToFields(error: z.ZodError, root = 'body'): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : root;
    fields[field] ??= issue.message;
  }
  return fields;
}

/** A value met while walking a request's input, linked to its parent to rebuild its path. */
interface WalkedValue {
  value: unknown;
  key: string | null;
  parent: WalkedValue | null;
}

function pathTo(node: WalkedValue, lastKey?: string): string[] {
  const path = lastKey === undefined ? [] : [lastKey];
  for (let at: WalkedValue | null = node; at?.key != null; at = at.parent) path.unshift(at.key);
  return path;
}

/**
 * The path of the first string inside `value` (or key) that holds a NUL character, if any. Walked
 * with an explicit stack: a JSON body nested thousands deep must not overflow the call stack.
 */
function pathOfNulCharacter(value: unknown): string[] | null {
  const pending: WalkedValue[] = [{ value, key: null, parent: null }];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (typeof node.value === 'string') {
      if (node.value.includes('\0')) return pathTo(node);
    } else if (typeof node.value === 'object' && node.value !== null) {
      for (const [key, item] of Object.entries(node.value).reverse()) {
        if (key.includes('\0')) return pathTo(node, key);
        pending.push({ value: item, key, parent: node });
      }
    }
  }
  return null;
}

/**
 * PostgreSQL cannot store a NUL character in text, so input holding one is refused as a 400
 * naming the field before it reaches a query.
 */
export function rejectNulCharacters(value: unknown, root = 'body'): void {
  const path = pathOfNulCharacter(value);
  if (path) {
    throw new ValidationError({
      [path.length > 0 ? path.join('.') : root]: 'must not contain NUL characters',
    });
  }
}

export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  root?: string,
): z.output<S> {
  rejectNulCharacters(value, root);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(zodIssuesToFields(parsed.error, root));
  return parsed.data;
}

/** `@Query(new ZodPipe(schema))` / `@Body(new ZodPipe(schema))`. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly root = 'body',
  ) {}

  transform(value: unknown): z.output<S> {
    return parseOrThrow(this.schema, value, this.root);
  }
}

/**
 * Global pipe: route parameters (`:slug`, `:id`) reach queries without a schema, so they get the
 * same NUL check as every body and query field parsed by `parseOrThrow`.
 */
export class RejectNulInRouteParams implements PipeTransform<unknown, unknown> {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'param') rejectNulCharacters(value, metadata.data ?? 'path');
    return value;
  }
}
