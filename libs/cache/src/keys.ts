import { createHash } from 'node:crypto';

/**
 * Longest key (prefix + arguments, before the cache namespace) kept readable. Memcached caps keys
 * at 250 bytes; staying well under it leaves room for the namespace and lets any store hold them.
 */
export const MAX_READABLE_KEY_LENGTH = 200;

/** Bytes a key may contain as-is: printable ASCII without space, `%` (our escape) or `#` (internal keys). */
const UNSAFE_KEY_BYTES = /[^\x21-\x22\x24\x26-\x7e]/gu;

/**
 * Escapes every character a store could reject (spaces, control and non-ASCII characters) as
 * `%XX` UTF-8 bytes. `%` and `#` are escaped too, so the mapping is injective and `#` is free to
 * mark the library's own keys (tags, locks, hashed arguments).
 */
export function escapeKeyPart(part: string): string {
  return part.replace(UNSAFE_KEY_BYTES, (char) =>
    Array.from(
      Buffer.from(char, 'utf8'),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    ).join(''),
  );
}

/** A short, stable digest for keys that would be too long to keep readable. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * The canonical text of a value: plain objects with sorted keys (so `{a:1,b:2}` and `{b:2,a:1}`
 * agree), strings quoted (so `"1"` and `1` differ), properties holding `undefined` dropped (as
 * an omitted named argument). Anything without an unambiguous text (functions, class instances
 * without `toJSON`) is refused rather than risk two different calls sharing a key.
 */
export function canonicalize(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'object':
      return canonicalizeObject(value);
    default:
      throw new TypeError(
        `Cannot build a cache key from a ${typeof value}; use argsRewrite or keyGenerator.`,
      );
  }
}

function canonicalizeObject(value: object | null): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  if (value instanceof Date)
    return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (value instanceof Map) {
    const entries = Array.from(value, ([k, v]) => `${canonicalize(k)}:${canonicalize(v)}`).sort();
    return `Map{${entries.join(',')}}`;
  }
  if (value instanceof Set) return `Set[${Array.from(value, canonicalize).sort().join(',')}]`;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype === Object.prototype || prototype === null) {
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .filter((name) => record[name] !== undefined)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonicalize(record[name])}`);
    return `{${fields.join(',')}}`;
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return canonicalize(toJSON.call(value));
  const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
  throw new TypeError(
    `Cannot build a cache key from an instance of ${name}; use argsRewrite or keyGenerator.`,
  );
}

/**
 * Makes any text a safe store key: escaped, and replaced by `#` + a digest when longer than
 * MAX_READABLE_KEY_LENGTH.
 */
export function safeKey(text: string): string {
  const escaped = escapeKeyPart(text);
  return escaped.length <= MAX_READABLE_KEY_LENGTH ? escaped : `#${digest(text)}`;
}

/** `prefix:canonical-arguments`, hashed as a whole when too long for a store. */
export function buildCacheKey(prefix: string, args: readonly unknown[]): string {
  const readable = `${escapeKeyPart(prefix)}:${escapeKeyPart(canonicalize(args))}`;
  return readable.length <= MAX_READABLE_KEY_LENGTH
    ? readable
    : `${safeKey(prefix)}:#${digest(canonicalize(args))}`;
}
