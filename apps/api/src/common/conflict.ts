/** The write collides with the current state (slug taken, stale version, category in use): 409. */
export class ConflictError extends Error {
  constructor(
    message: string,
    /** Extra fields for the answer, e.g. `{ current: post }` or `{ fields: { slug: '…' } }`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
