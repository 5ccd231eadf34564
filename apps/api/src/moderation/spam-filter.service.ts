import { Inject, Injectable } from '@nestjs/common';
import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import { PRISMA } from '../core/tokens.js';
import {
  assessTokens,
  commentTokens,
  type CommentText,
  isModelActive,
  MIN_EXAMPLES_PER_CLASS,
  type SpamAssessment,
  type TokenCounts,
} from './spam-classifier.js';

/** The `SpamToken` row counting the comments themselves rather than a word. */
const DOCUMENTS = '';

export type SpamLesson = 'spam' | 'ham' | 'spam-after-ham';

/**
 * Teaches the filter one comment, in the moderator's own transaction: learning happens exactly
 * once with the approval or deletion that teaches it (counts are not idempotent, so this is not
 * an outbox side effect). One statement per comment: its tokens and the document count move by
 * one (`spam-after-ham` also takes back an earlier approval's lesson).
 */
export async function learnFromComment(
  tx: Prisma.TransactionClient,
  comment: CommentText,
  lesson: SpamLesson,
): Promise<void> {
  const tokens = [DOCUMENTS, ...commentTokens(comment)];
  const spam = lesson === 'ham' ? 0 : 1;
  const ham = lesson === 'ham' ? 1 : lesson === 'spam-after-ham' ? -1 : 0;
  await tx.$executeRaw`
    INSERT INTO "SpamToken" ("token", "spamCount", "hamCount")
    SELECT token, ${spam}::int, GREATEST(${ham}::int, 0) FROM unnest(${tokens}::text[]) AS token
    ON CONFLICT ("token") DO UPDATE SET
      "spamCount" = "SpamToken"."spamCount" + ${spam}::int,
      "hamCount" = GREATEST("SpamToken"."hamCount" + ${ham}::int, 0)`;
}

export interface SpamFilterStatus {
  spamSeen: number;
  hamSeen: number;
  minimumPerClass: number;
  active: boolean;
}

/** Scores comments against the counts every API process shares (one query per call). */
@Injectable()
export class SpamFilter {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async assess(comment: CommentText): Promise<SpamAssessment> {
    const [assessment] = await this.assessMany([comment]);
    return assessment!;
  }

  /** One lookup of every token of these comments, however many there are. */
  async assessMany(comments: readonly CommentText[]): Promise<SpamAssessment[]> {
    const tokensOf = comments.map((comment) => commentTokens(comment));
    const wanted = [...new Set([DOCUMENTS, ...tokensOf.flat()])];
    const rows = await this.prisma.spamToken.findMany({ where: { token: { in: wanted } } });
    const counts = new Map<string, TokenCounts>(
      rows.map((row) => [row.token, { spam: row.spamCount, ham: row.hamCount }]),
    );
    const documents = counts.get(DOCUMENTS) ?? { spam: 0, ham: 0 };
    counts.delete(DOCUMENTS);
    return tokensOf.map((tokens) => assessTokens(tokens, { documents, tokens: counts }));
  }

  async status(): Promise<SpamFilterStatus> {
    const row = await this.prisma.spamToken.findUnique({ where: { token: DOCUMENTS } });
    const documents = { spam: row?.spamCount ?? 0, ham: row?.hamCount ?? 0 };
    return {
      spamSeen: documents.spam,
      hamSeen: documents.ham,
      minimumPerClass: MIN_EXAMPLES_PER_CLASS,
      active: isModelActive(documents),
    };
  }
}
