-- A revision keeps the post's place in a series and its cover as saved, so a pending draft
-- carries them privately until "Update".
-- AlterTable
ALTER TABLE "PostRevision" ADD COLUMN "seriesId" INTEGER,
ADD COLUMN "seriesPart" INTEGER,
ADD COLUMN "coverImageId" INTEGER,
ADD COLUMN "coverAlt" TEXT NOT NULL DEFAULT '';

-- Revisions saved before this change take the post's current place and cover: a pending draft
-- then opens on what readers see, as it did before.
UPDATE "PostRevision" AS r
SET "seriesId" = p."seriesId", "seriesPart" = p."seriesPart",
    "coverImageId" = p."coverImageId", "coverAlt" = p."coverAlt"
FROM "Post" AS p
WHERE p."id" = r."postId";

-- CreateIndex
CREATE INDEX "PostRevision_seriesId_idx" ON "PostRevision"("seriesId");

-- CreateIndex
CREATE INDEX "PostRevision_coverImageId_idx" ON "PostRevision"("coverImageId");

-- AddForeignKey
ALTER TABLE "PostRevision" ADD CONSTRAINT "PostRevision_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostRevision" ADD CONSTRAINT "PostRevision_coverImageId_fkey" FOREIGN KEY ("coverImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;
