/**
 * Every pair of lexemes at adjacent positions of a tsvector, as the 64-bit hash of
 * 'left right' that the pair index holds. A document that matches `a <-> b` has the pair
 * 'a b', so a GIN index over these hashes narrows a phrase search to the documents that
 * really contain it side by side, and only those have their long vector read.
 *
 * Computed here rather than in SQL: in PostgreSQL it was a join of the vector's positions with
 * themselves for every stored document (~2 ms a 1,000-word post on PGlite, a quarter of a
 * reindex), and handed to GIN unsorted, which sorted ~1,000 keys a post by function calls.
 * Here it reads the vector's text form (`tsvector::text`) and returns the hashes sorted and
 * once each (ADR 0044).
 *
 * The hash is PostgreSQL's `hashtextextended(left || ' ' || right, 0)` (Bob Jenkins' lookup3,
 * `hash_bytes_extended` in src/common/hashfn.c, over the UTF-8 bytes), the hash partitioning
 * stores, so the same on every platform and version: the pairs stored before version 7 were
 * computed by it in SQL, and an upgrade keeps them. Two distinct pairs sharing a hash (~10^-8
 * over a million distinct pairs) would only let a two-word phrase match a document holding
 * both words elsewhere; longer phrases are rechecked on positions.
 */
export function phrasePairHashes(vectorText: string): string[] {
  const vector = readVector(vectorText);
  let count = 0;
  for (const position of vector.positions) {
    count += vector.lexemesAt(position).length * vector.lexemesAt(position + 1).length;
  }
  // Each hash as a 64-bit integer, written as two 32-bit halves (little-endian, as typed arrays
  // are on every platform Node runs on), then sorted natively.
  const hashes = new BigInt64Array(count);
  const halves = new Int32Array(hashes.buffer);
  let n = 0;
  for (const position of vector.positions) {
    const rights = vector.lexemesAt(position + 1);
    if (rights.length === 0) continue;
    for (const left of vector.lexemesAt(position)) {
      for (const right of rights) {
        hashBytes(vector.pairBytes(left, right), vector.pairLength);
        halves[2 * n] = hashLow;
        halves[2 * n + 1] = hashHigh;
        n++;
      }
    }
  }
  vector.release();
  hashes.sort();
  const distinct: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i === 0 || hashes[i] !== hashes[i - 1]) distinct.push(hashes[i]!.toString());
  }
  return distinct;
}

/** tsvector positions run from 1 to 16,383 (later words share the last one). */
const MAX_POSITION = 16_383;
const NONE: readonly number[] = [];

/**
 * A tsvector read from its text form: `'lexeme':1A,5 'other':2`, quotes and backslashes inside
 * a lexeme doubled, weight D left out, lexemes without positions possible (they make no
 * pairs). Lexemes are kept as UTF-8 bytes, the bytes PostgreSQL hashes. Its buffers are reused
 * by the next vector once released.
 */
function readVector(text: string) {
  lexemeCount = 0;
  poolLength = 0;
  const positions: number[] = [];
  let i = 0;
  const end = text.length;
  while (i < end) {
    if (text.charCodeAt(i) === 0x20) {
      i++;
      continue;
    }
    if (text.charCodeAt(i) !== 0x27) throw new Error(`Not a tsvector: ${text.slice(i, i + 40)}`);
    i++;
    const start = poolLength;
    for (;;) {
      if (i >= end) throw new Error('Not a tsvector: unterminated lexeme');
      const code = text.charCodeAt(i);
      if (code === 0x27 && text.charCodeAt(i + 1) !== 0x27) break;
      // A doubled quote or backslash stands for one.
      i += code === 0x27 || code === 0x5c ? 2 : 1;
      if (code < 0x80) appendByte(code);
      else if (code < 0x800) {
        appendByte(0xc0 | (code >> 6));
        appendByte(0x80 | (code & 0x3f));
      } else if (code >= 0xd800 && code <= 0xdbff && i < end) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(i) - 0xdc00);
        i++;
        appendByte(0xf0 | (point >> 18));
        appendByte(0x80 | ((point >> 12) & 0x3f));
        appendByte(0x80 | ((point >> 6) & 0x3f));
        appendByte(0x80 | (point & 0x3f));
      } else {
        appendByte(0xe0 | (code >> 12));
        appendByte(0x80 | ((code >> 6) & 0x3f));
        appendByte(0x80 | (code & 0x3f));
      }
    }
    i++;
    const lexeme = lexemeCount++;
    if (lexemeStarts.length <= lexeme) {
      lexemeStarts = grow(lexemeStarts);
      lexemeEnds = grow(lexemeEnds);
    }
    lexemeStarts[lexeme] = start;
    lexemeEnds[lexeme] = poolLength;
    if (text.charCodeAt(i) !== 0x3a) continue;
    i++;
    for (;;) {
      let position = 0;
      let digit = text.charCodeAt(i) - 48;
      while (digit >= 0 && digit <= 9) {
        position = position * 10 + digit;
        digit = text.charCodeAt(++i) - 48;
      }
      const first = firstAt[position]!;
      if (first === 0) {
        firstAt[position] = lexeme + 1;
        positions.push(position);
      } else {
        // Rare: several lexemes at one position (the last position, or a thesaurus).
        const others = sharedAt.get(position);
        if (others === undefined) sharedAt.set(position, [first - 1, lexeme]);
        else others.push(lexeme);
      }
      // A weight letter (A, B or C) may follow the position.
      const next = text.charCodeAt(i);
      if (next !== 0x2c && next !== 0x20 && i < end) i++;
      if (text.charCodeAt(i) !== 0x2c) break;
      i++;
    }
  }
  return {
    positions,
    lexemesAt(position: number): readonly number[] {
      const first = position <= MAX_POSITION ? firstAt[position]! : 0;
      if (first === 0) return NONE;
      return sharedAt.get(position) ?? [first - 1];
    },
    pairLength: 0,
    /** The bytes of 'left right' in a reused buffer, their length in `pairLength`. */
    pairBytes(left: number, right: number): Uint8Array {
      const leftStart = lexemeStarts[left]!;
      const leftLength = lexemeEnds[left]! - leftStart;
      const rightStart = lexemeStarts[right]!;
      const rightLength = lexemeEnds[right]! - rightStart;
      this.pairLength = leftLength + 1 + rightLength;
      if (scratch.length < this.pairLength) scratch = new Uint8Array(this.pairLength * 2);
      for (let j = 0; j < leftLength; j++) scratch[j] = pool[leftStart + j]!;
      scratch[leftLength] = 0x20;
      for (let j = 0; j < rightLength; j++) scratch[leftLength + 1 + j] = pool[rightStart + j]!;
      return scratch;
    },
    release(): void {
      for (const position of positions) firstAt[position] = 0;
      sharedAt.clear();
    },
  };
}

/** The buffers `readVector` reuses: one vector is read at a time (no await in between). */
const firstAt = new Int32Array(MAX_POSITION + 1);
const sharedAt = new Map<number, number[]>();
let pool = new Uint8Array(1 << 16);
let poolLength = 0;
let lexemeStarts = new Int32Array(1024);
let lexemeEnds = new Int32Array(1024);
let lexemeCount = 0;
let scratch = new Uint8Array(256);

function appendByte(byte: number): void {
  if (poolLength === pool.length) {
    const larger = new Uint8Array(pool.length * 2);
    larger.set(pool);
    pool = larger;
  }
  pool[poolLength++] = byte;
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

const encoder = new TextEncoder();

/** PostgreSQL's `hashtextextended(text, 0)` of a deterministic collation, as a signed int64. */
export function hashTextExtended(text: string): bigint {
  const bytes = encoder.encode(text);
  hashBytes(bytes, bytes.length);
  return BigInt(hashHigh) * 4294967296n + BigInt(hashLow >>> 0);
}

/** The last hash's high and low 32 bits, as int32 (no allocation per hash). */
let hashHigh = 0;
let hashLow = 0;

/** `hash_bytes_extended(k, length, 0)`, the result in `hashHigh` and `hashLow`. */
function hashBytes(k: Uint8Array, length: number): void {
  let len = length;
  let a = (0x9e3779b9 + len + 3923095) | 0;
  let b = a;
  let c = a;
  let o = 0;
  while (len >= 12) {
    a = (a + (k[o]! | (k[o + 1]! << 8) | (k[o + 2]! << 16) | (k[o + 3]! << 24))) | 0;
    b = (b + (k[o + 4]! | (k[o + 5]! << 8) | (k[o + 6]! << 16) | (k[o + 7]! << 24))) | 0;
    c = (c + (k[o + 8]! | (k[o + 9]! << 8) | (k[o + 10]! << 16) | (k[o + 11]! << 24))) | 0;
    // mix(a, b, c)
    a = (a - c) | 0;
    a ^= rot(c, 4);
    c = (c + b) | 0;
    b = (b - a) | 0;
    b ^= rot(a, 6);
    a = (a + c) | 0;
    c = (c - b) | 0;
    c ^= rot(b, 8);
    b = (b + a) | 0;
    a = (a - c) | 0;
    a ^= rot(c, 16);
    c = (c + b) | 0;
    b = (b - a) | 0;
    b ^= rot(a, 19);
    a = (a + c) | 0;
    c = (c - b) | 0;
    c ^= rot(b, 4);
    b = (b + a) | 0;
    o += 12;
    len -= 12;
  }
  // The last 11 bytes, little-endian into a, b, then c above its lowest byte (left for the
  // length, as lookup3 does).
  for (let j = 0; j < len; j++) {
    const byte = k[o + j]!;
    if (j < 4) a = (a + (byte << (8 * j))) | 0;
    else if (j < 8) b = (b + (byte << (8 * (j - 4)))) | 0;
    else c = (c + (byte << (8 * (j - 7)))) | 0;
  }
  // final(a, b, c)
  c ^= b;
  c = (c - rot(b, 14)) | 0;
  a ^= c;
  a = (a - rot(c, 11)) | 0;
  b ^= a;
  b = (b - rot(a, 25)) | 0;
  c ^= b;
  c = (c - rot(b, 16)) | 0;
  a ^= c;
  a = (a - rot(c, 4)) | 0;
  b ^= a;
  b = (b - rot(a, 14)) | 0;
  c ^= b;
  c = (c - rot(b, 24)) | 0;
  hashHigh = b | 0;
  hashLow = c | 0;
}

const rot = (x: number, k: number): number => (x << k) | (x >>> (32 - k));
