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
