-- Reply emails a commenter asked for, and what the spam filter learned from each comment.
-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "notifyReplies" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "learnedAsHam" BOOLEAN NOT NULL DEFAULT false;

-- The spam filter's counts by word or link host; the empty token counts the comments.
-- CreateTable
CREATE TABLE "SpamToken" (
    "token" TEXT NOT NULL,
    "spamCount" INTEGER NOT NULL DEFAULT 0,
    "hamCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SpamToken_pkey" PRIMARY KEY ("token")
);

-- Secrets generated once and shared by every API process (the unsubscribe links' key).
-- CreateTable
CREATE TABLE "SigningKey" (
    "name" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("name")
);
