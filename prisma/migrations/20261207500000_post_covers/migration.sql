-- A post's cover image (an upload) and its text alternative.
-- AlterTable
ALTER TABLE "Post" ADD COLUMN "coverImageId" INTEGER,
ADD COLUMN "coverAlt" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Post_coverImageId_idx" ON "Post"("coverImageId");

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_coverImageId_fkey" FOREIGN KEY ("coverImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;
