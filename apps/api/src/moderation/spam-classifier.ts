/**
 * A naive-Bayes spam score learned from this blog's own moderation: in how many spam comments
 * (deleted as spam) and ham comments (approved) each word or link host appeared. Pure functions;
 * the counts live in the database (spam-filter.service.ts).
 */

/** The filter has no effect until it has seen this many comments of each kind. */
export const MIN_EXAMPLES_PER_CLASS = 10;
/** A score at or above this holds a comment the other rules would have published. */
export const SPAM_THRESHOLD = 0.9;
/** Only the most telling tokens of a comment vote (as in Paul Graham's filter), so a long
 * comment is judged by its clearest words rather than by its length. */
export const VOTING_TOKENS = 15;
/** Tokens kept from one comment: enough for any real comment, bounded for a pasted novel. */
export const MAX_TOKENS_PER_COMMENT = 300;
/** The prefix of a link's host among the tokens (`link:casino.example`). */
export const LINK_PREFIX = 'link:';

export interface CommentText {
  authorName: string;
  body: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const LINK_HOST = /(?:https?:\/\/|www\.)([^\s/?#)\]>"'<]+)/giu;

/**
 * The distinct tokens of a comment: words of 3 to 24 characters (lower case) from the name and
 * the body, and the host of every link (`link:host`, without `www.`). Each counts once per
 * comment: the model counts comments, not occurrences.
 */
export function commentTokens(comment: CommentText): string[] {
  const tokens = new Set<string>();
  const text = `${comment.authorName}\n${comment.body}`.normalize('NFKC').toLowerCase();
  for (const match of text.matchAll(LINK_HOST)) {
    const host = match[1]!
      .replace(/^www\./, '')
      .replace(/[.,;:!]+$/, '')
      .slice(0, 100);
    if (host) tokens.add(`${LINK_PREFIX}${host}`);
  }
  const withoutLinks = text.replace(/(?:https?:\/\/|www\.)\S+/giu, ' ');
  for (const [word] of withoutLinks.matchAll(WORD)) {
    const trimmed = word.replace(/['’-]+$/, '');
    if (trimmed.length >= 3 && trimmed.length <= 24) tokens.add(trimmed);
  }
  return [...tokens].slice(0, MAX_TOKENS_PER_COMMENT);
}

export interface TokenCounts {
  spam: number;
  ham: number;
}

export interface SpamModel {
  /** How many comments of each kind the filter learned from. */
  documents: TokenCounts;
  /** Counts of the tokens asked about; a token never seen is absent. */
  tokens: ReadonlyMap<string, TokenCounts>;
}

export interface TokenWeight {
  token: string;
  /** Log-odds this token adds: above 0 pushes towards spam, below 0 towards ham. */
  weight: number;
}

export interface SpamAssessment {
  /** Probability of spam, 0 to 1 (0.5: no evidence either way). */
  score: number;
  /** Whether the filter has seen enough of both kinds to act. */
  active: boolean;
  /** Whether the score holds the comment (only when active). */
  spam: boolean;
  /** The tokens pushing hardest towards spam, strongest first (at most 5). */
  spamWords: TokenWeight[];
}

export function isModelActive(documents: TokenCounts): boolean {
  return documents.spam >= MIN_EXAMPLES_PER_CLASS && documents.ham >= MIN_EXAMPLES_PER_CLASS;
}

/** ln(P(token | spam) / P(token | ham)), with add-one smoothing of the per-class frequencies. */
export function tokenWeight(counts: TokenCounts, documents: TokenCounts): number {
  const inSpam = (counts.spam + 1) / (documents.spam + 2);
  const inHam = (counts.ham + 1) / (documents.ham + 2);
  return Math.log(inSpam / inHam);
}

/**
 * The comment's spam probability with equal priors: the logistic of the summed weights of its
 * most telling known tokens. Unknown tokens carry no evidence and are left out.
 */
export function assessTokens(tokens: readonly string[], model: SpamModel): SpamAssessment {
  const weights: TokenWeight[] = [];
  for (const token of new Set(tokens)) {
    const counts = model.tokens.get(token);
    if (!counts || counts.spam + counts.ham === 0) continue;
    weights.push({ token, weight: tokenWeight(counts, model.documents) });
  }
  const voting = weights
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.token.localeCompare(b.token))
    .slice(0, VOTING_TOKENS);
  const logOdds = voting.reduce((sum, { weight }) => sum + weight, 0);
  const score = 1 / (1 + Math.exp(-logOdds));
  const active = isModelActive(model.documents);
  return {
    score,
    active,
    spam: active && score >= SPAM_THRESHOLD,
    spamWords: voting
      .filter(({ weight }) => weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 5),
  };
}
