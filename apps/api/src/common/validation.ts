import { type PipeTransform } from '@nestjs/common';
import { type z } from 'zod';

/** Bad input from a client: answered 400 with a message per named field. */
export class ValidationError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(
      Object.entries(fields)
        .map(([field, message]) => `${field} ${message}`)
        .join('; '),
    );
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

export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  root?: string,
): z.output<S> {
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
