/**
 * Whether a new comment is published at once or held for the author. Like WordPress's default:
 * a commenter with an earlier approved comment is trusted, unless the comment carries two or
 * more links (the usual shape of spam).
 */
export interface ModerationInput {
  body: string;
  hasApprovedCommentBefore: boolean;
}

export interface ModerationDecision {
  approved: boolean;
  reason: 'trusted-commenter' | 'first-comment' | 'too-many-links';
}

export const MAX_LINKS_BEFORE_HOLD = 2;

export function countLinks(markdown: string): number {
  return (markdown.match(/https?:\/\/|www\./gi) ?? []).length;
}

export function decideModeration(input: ModerationInput): ModerationDecision {
  if (countLinks(input.body) >= MAX_LINKS_BEFORE_HOLD)
    return { approved: false, reason: 'too-many-links' };
  if (!input.hasApprovedCommentBefore) return { approved: false, reason: 'first-comment' };
  return { approved: true, reason: 'trusted-commenter' };
}

/** A person takes longer than this to read a post and write a comment; a script does not. */
export const MIN_TIME_TO_SUBMIT_MS = 3000;

/** The hidden `website` field: people never see it, form-filling bots do. */
export function isHoneypotFilled(website: string | null | undefined): boolean {
  return typeof website === 'string' && website.trim() !== '';
}

/**
 * `renderedAt` is when the web app rendered the form (ms since the epoch). Missing, in the
 * future, or under the minimum: too fast to be a person typing.
 */
export function submittedTooFast(renderedAt: number | null | undefined, now: number): boolean {
  if (typeof renderedAt !== 'number' || !Number.isFinite(renderedAt)) return true;
  const elapsed = now - renderedAt;
  return elapsed < MIN_TIME_TO_SUBMIT_MS;
}

export interface BlockListRule {
  kind: 'IP' | 'WORD';
  value: string;
}

export interface CommentSender {
  authorName: string;
  authorEmail: string;
  body: string;
  ipAddress: string | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A listed IP equals the sender's; a listed word (or phrase) appears whole, in any case. */
export function matchesBlockList(sender: CommentSender, rules: BlockListRule[]): boolean {
  const text = `${sender.authorName}\n${sender.authorEmail}\n${sender.body}`;
  return rules.some((rule) =>
    rule.kind === 'IP'
      ? sender.ipAddress !== null && normalizeIp(sender.ipAddress) === normalizeIp(rule.value)
      : new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(rule.value)}(?![\\p{L}\\p{N}])`, 'iu').test(
          text,
        ),
  );
}

/** `::ffff:203.0.113.9` (IPv4 seen through an IPv6 socket) is `203.0.113.9`. */
export function normalizeIp(ip: string): string {
  return ip
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
}

export type ScreeningOutcome =
  /** Answered like a held comment, never stored. */
  | { action: 'discard'; reason: 'honeypot' }
  /** Refused with a neutral 400. */
  | { action: 'reject'; reason: 'blocked' }
  | { action: 'hold'; reason: 'too-fast' | 'likely-spam' | ModerationDecision['reason'] }
  | { action: 'publish'; reason: 'trusted-commenter' };

export interface ScreeningInput extends ModerationInput, CommentSender {
  website?: string | null;
  renderedAt?: number | null;
  now: number;
  blockList: BlockListRule[];
}

/** Every content rule in order (the per-IP rate limit is counted by the caller, it is stateful). */
export function screenComment(input: ScreeningInput): ScreeningOutcome {
  if (isHoneypotFilled(input.website)) return { action: 'discard', reason: 'honeypot' };
  if (matchesBlockList(input, input.blockList)) return { action: 'reject', reason: 'blocked' };
  if (submittedTooFast(input.renderedAt, input.now)) return { action: 'hold', reason: 'too-fast' };
  const decision = decideModeration(input);
  return decision.approved
    ? { action: 'publish', reason: 'trusted-commenter' }
    : { action: 'hold', reason: decision.reason };
}
