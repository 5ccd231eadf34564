-- CreateTable: the transactional outbox (docs/decisions/0014-durable-side-effects-and-scheduled-events.md).
CREATE TABLE "OutboxEvent" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "completed" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lastError" TEXT,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxEvent_doneAt_runAfter_idx" ON "OutboxEvent"("doneAt", "runAfter");

-- Posts saved with a publication date still to come were left out of the search index, and
-- nothing announced them when the date came. Every post whose date was in the future at its last
-- save gets its publication event: due ones run at the next start, the others when their date comes.
INSERT INTO "OutboxEvent" ("type", "payload", "runAfter")
SELECT 'post.publication-due',
       jsonb_build_object('postId', "id", 'publishedAt', to_char("publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
       "publishedAt"
FROM "Post"
WHERE "status" = 'PUBLISHED' AND "publishedAt" > "updatedAt";
