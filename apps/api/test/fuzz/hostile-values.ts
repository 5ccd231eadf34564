import fc from 'fast-check';
import { type z } from 'zod';

/*
 * Values an attacker sends: wrong types, extreme sizes and numbers, NUL and control characters,
 * odd unicode, path traversal, deep JSON. Numbers JSON cannot carry (NaN, 1e309) travel as raw
 * tokens spliced into the body text, the way a hand-written request would send them.
 */

/** Placeholder strings that `toJsonText` replaces by raw number tokens. */
const RAW_NUMBERS = ['1e309', '-1e309', 'NaN', '2147483648', '9007199254740993', '-0', '1e-400'];
/** Private-use characters delimit a raw token: nothing else generated contains them. */
const rawMarker = (token: string) => `\ue000raw:${token}\ue000`;

const hostileStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u0007\u001b[2J\r\n',
    '../../../../etc/passwd',
    '..%2f..%2fetc%2fpasswd',
    '%00',
    '%',
    '_',
    '%@example.org',
    '\\',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '\ud800',
    '\u202e\u0645\u0631\u062d\u0628\u0627',
    '👩‍👩‍👧‍👦'.repeat(50),
    'NaN',
    'Infinity',
    '-1',
    '0',
    '2147483648',
    '99999999999999999999',
    '1e309',
    '0x10',
    'true',
    'null',
    '[]',
    '{}',
  ),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.integer({ min: 1, max: 70_000 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 1, max: 3_000 }).map((depth) => '> - 1. '.repeat(depth)),
);

const hostileNumbers = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 0.5, -0),
  fc.double(),
  fc.constantFrom(...RAW_NUMBERS).map(rawMarker),
);

/** Nested arrays and objects, including very deep chains (sent as raw text: too deep to stringify). */
const nestedJson: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .integer({ min: 1, max: 40_000 })
    .map((depth) => rawMarker(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
  fc.jsonValue({ maxDepth: 4 }),
  fc.object({ maxDepth: 3 }),
);

/** Any hostile value, of any type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileStrings },
  { weight: 2, arbitrary: hostileNumbers },
  fc.boolean(),
  fc.constant(null),
  nestedJson,
  fc.array(hostileStrings, { maxLength: 300 }),
  fc.array(hostileNumbers, { maxLength: 300 }),
);

interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  entries?: Record<string, string>;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** A value the field's type plausibly accepts, so requests also get past validation. */
function plausibleValue(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return plausibleValue(def.innerType!);
    case 'pipe':
      return plausibleValue(def.in!);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'number':
      return fc.integer({ min: 1, max: 100 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausibleValue(def.element!), { maxLength: 5 });
    case 'object':
      return plausibleObject(schema);
    default:
      return fc.oneof(
        fc.constantFrom('rust', 'post-1', 'reader@example.com', '1', '20', 'Hello there'),
        fc.string({ maxLength: 30 }),
      );
  }
}

/** The object's own keys with plausible or hostile values, sometimes missing, plus strays. */
function plausibleObject(schema: z.ZodType): fc.Arbitrary<Record<string, unknown>> {
  const shape = defOf(schema).shape ?? {};
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      fc.oneof({ weight: 3, arbitrary: plausibleValue(field) }, hostileValue),
    ]),
  );
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'extra', 'id', ''), hostileValue, {
        maxKeys: 2,
      }),
    )
    .map(([known, strays]) => ({ ...strays, ...known }));
}

/** A JSON body for the route's schema (or for no schema), sometimes of the wrong shape. */
export function bodyFor(schema: z.ZodType | null): fc.Arbitrary<unknown> {
  return schema
    ? fc.oneof({ weight: 4, arbitrary: plausibleObject(schema) }, hostileValue)
    : hostileValue;
}

/** Query-string pairs for the route's schema: each value a string, some keys repeated. */
export function queryFor(schema: z.ZodType | null): fc.Arbitrary<[string, string][]> {
  const keys = Object.keys((schema && defOf(schema).shape) ?? {});
  const key = keys.length > 0 ? fc.constantFrom(...keys, 'extra') : fc.constant('q');
  return fc
    .array(fc.tuple(key, fc.oneof(plausibleValue(schemaOrString(schema)), hostileValue)), {
      maxLength: 5,
    })
    .map((pairs) => pairs.map(([name, value]) => [name, queryText(value).slice(0, 2_000)]));
}

const schemaOrString = (schema: z.ZodType | null) =>
  schema ?? ({ _zod: { def: { type: 'string' } } } as unknown as z.ZodType);

function queryText(value: unknown): string {
  if (typeof value === 'string') return value.replaceAll(/\ue000raw:([^\ue000]*)\ue000/g, '$1');
  return toJsonText(value);
}

/** A path segment for a `:param`: a real-looking id or slug, or something hostile. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('1', '2', 'post-1', 'post-60', 'abc', 'x.webp', '400.webp'),
  hostileStrings.map((value) => value.slice(0, 2_000)),
);

/** The body as sent: JSON, with raw number tokens spliced in where the markers are. */
export function toJsonText(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replaceAll(
    /"\ue000raw:([^"\\]*)\ue000"/g,
    (_match, token: string) => token,
  );
}
