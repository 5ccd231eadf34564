import { MAX_SLUG_LENGTH } from '@inkwell/contract';
import { slugify } from '../markdown/slugify.js';

/** `My First Post: Rust & C++!` -> `my-first-post-rust-c`; only what the public slug pattern allows. */
export function slugFromText(text: string, fallback: string): string {
  const slug = slugify(text)
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/** A suffix is at most `-` and 10 digits, so every candidate starts with this much of the base. */
const SUFFIX_ROOM = 11;

/** The part of `base` that every candidate slug (`base`, `base-2`, …) starts with. */
export function slugCandidatePrefix(base: string): string {
  return base.slice(0, MAX_SLUG_LENGTH - SUFFIX_ROOM);
}

/**
 * `base`, else `base-2`, `base-3`… : the first one not among the taken slugs. One query
 * (`takenStartingWith(slugCandidatePrefix(base))`) fetches every slug that could collide, so a
 * title used hundreds of times costs one round trip, not one per taken slug.
 */
export async function firstFreeSlug(
  base: string,
  takenStartingWith: (prefix: string) => Promise<Iterable<string>>,
): Promise<string> {
  const taken = new Set(await takenStartingWith(slugCandidatePrefix(base)));
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Serialises slug allocation for one base until the transaction ends: two simultaneous creates
 * with one title would otherwise both pick the same free slug, and the loser would get a 409
 * for a slug it never asked for. A transaction-scoped advisory lock (PostgreSQL and PGlite).
 */
export async function lockSlugAllocation(
  tx: { $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number> },
  table: string,
  base: string,
): Promise<void> {
  const key = `${table}:${slugCandidatePrefix(base)}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
