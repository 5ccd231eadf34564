import { describe, expect, it } from 'vitest';
import { createCodec, type SerializerName } from './codec.js';

const sample = {
  title: 'Hello',
  publishedAt: new Date('2026-03-04T05:06:07.089Z'),
  tags: ['rust', 'async'],
  views: 12,
  draft: false,
  summary: null,
  nested: { updatedAt: new Date(0), list: [new Date(1000)] },
};

describe.each<SerializerName>(['msgpack', 'json'])('the %s codec', (serializer) => {
  const codec = createCodec({ serializer });

  it('round-trips values, Dates as Dates', () => {
    const decoded = codec.decode(codec.encode(sample)) as typeof sample;
    expect(decoded).toEqual(sample);
    expect(decoded.publishedAt).toBeInstanceOf(Date);
    expect(decoded.nested.list[0]).toBeInstanceOf(Date);
  });

  it('keeps undefined and null apart', () => {
    expect(codec.decode(codec.encode(undefined))).toBeUndefined();
    expect(codec.decode(codec.encode(null))).toBeNull();
  });

  it('compresses values above the threshold only', () => {
    const html = '<p>Some rendered post body with repeated markup.</p>'.repeat(400);
    const compressed = createCodec({ serializer, compressAboveBytes: 1024 }).encode(html);
    const plain = createCodec({ serializer, compressAboveBytes: Infinity }).encode(html);
    expect(compressed.byteLength).toBeLessThan(plain.byteLength / 10);
    expect(codec.decode(compressed)).toBe(html);
    expect(createCodec({ serializer, compressAboveBytes: 1024 }).encode('short')).toEqual(
      createCodec({ serializer, compressAboveBytes: Infinity }).encode('short'),
    );
  });
});

it('reads entries written with other settings, from the header byte', () => {
  const written = createCodec({ serializer: 'json', compressAboveBytes: 0 }).encode(sample);
  expect(createCodec({ serializer: 'msgpack' }).decode(written)).toEqual(sample);
});

it('refuses bytes it did not write', () => {
  expect(() => createCodec().decode(Uint8Array.of(0x7f, 1, 2))).toThrow(/format/u);
});
