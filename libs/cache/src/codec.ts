import { deflateSync, inflateSync } from 'node:zlib';
import { Packr } from 'msgpackr';

export type SerializerName = 'msgpack' | 'json';

export interface CodecOptions {
  /** Wire format of cached values. Default `msgpack`. */
  serializer?: SerializerName;
  /**
   * Encoded values larger than this many bytes are deflated (Redis only: the in-process store
   * never compresses). Default `Infinity`, never: see ADR 0025 for the measurements.
   */
  compressAboveBytes?: number;
}

/** Turns values into the bytes a store keeps, and back. */
export interface Codec {
  encode(value: unknown): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

/**
 * First byte of every entry: which format wrote it. Readers honour the header rather than their
 * own settings, so changing `serializer` or the threshold never makes existing entries unreadable.
 */
const enum Format {
  MessagePack = 1,
  MessagePackDeflated = 2,
  Json = 3,
  JsonDeflated = 4,
}

// Maps stay plain objects (not msgpackr records) so any MessagePack reader can decode entries.
const packr = new Packr({ useRecords: false });

// zlib level 1: the values are small and read far more often than written; the higher levels
// cost several times the CPU for a few percent fewer bytes.
const DEFLATE_OPTIONS = { level: 1 };

/** JSON keeps Dates as `{"$date": iso}` so they come back as Dates, like MessagePack's timestamps. */
function jsonReplacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? { $date: raw.toISOString() } : value;
}

function jsonReviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === '$date' && typeof record.$date === 'string')
      return new Date(record.$date);
  }
  return value;
}

function encodeJson(value: unknown): Uint8Array {
  // Wrapped so that `undefined` survives: `{}` decodes back to `{ v: undefined }`.
  return Buffer.from(JSON.stringify({ v: value }, jsonReplacer), 'utf8');
}

function decodeJson(body: Uint8Array): unknown {
  return (
    JSON.parse(
      Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'),
      jsonReviver,
    ) as { v: unknown }
  ).v;
}

function withHeader(format: Format, body: Uint8Array): Uint8Array {
  const entry = Buffer.allocUnsafe(body.byteLength + 1);
  entry[0] = format;
  entry.set(body, 1);
  return entry;
}

export function createCodec(options: CodecOptions = {}): Codec {
  const json = options.serializer === 'json';
  const compressAboveBytes = options.compressAboveBytes ?? Number.POSITIVE_INFINITY;
  return {
    encode(value) {
      const body = json ? encodeJson(value) : packr.pack(value);
      if (body.byteLength > compressAboveBytes) {
        return withHeader(
          json ? Format.JsonDeflated : Format.MessagePackDeflated,
          deflateSync(body, DEFLATE_OPTIONS),
        );
      }
      return withHeader(json ? Format.Json : Format.MessagePack, body);
    },
    decode(bytes) {
      const body = bytes.subarray(1);
      switch (bytes[0]) {
        case Format.MessagePack:
          return packr.unpack(body);
        case Format.MessagePackDeflated:
          return packr.unpack(inflateSync(body));
        case Format.Json:
          return decodeJson(body);
        case Format.JsonDeflated:
          return decodeJson(inflateSync(body));
        default:
          throw new Error(`Unknown cache entry format ${String(bytes[0])}`);
      }
    },
  };
}
