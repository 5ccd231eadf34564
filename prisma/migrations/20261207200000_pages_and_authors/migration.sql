-- Static pages are posts of another kind; authors get an address, a bio and an avatar; feeds
-- may carry whole posts; the site's settings order the pages in the navigation.
-- CreateEnum
CREATE TYPE "PostKind" AS ENUM ('POST', 'PAGE');

-- AlterTable
ALTER TABLE "Post" ADD COLUMN "kind" "PostKind" NOT NULL DEFAULT 'POST';

-- CreateIndex
CREATE INDEX "Post_kind_status_publishedAt_id_idx" ON "Post"("kind", "status", "publishedAt" DESC, "id" DESC);

-- AlterTable
ALTER TABLE "User" ADD COLUMN "slug" TEXT,
ADD COLUMN "bio" TEXT NOT NULL DEFAULT '',
ADD COLUMN "avatarImageId" INTEGER;

-- Every existing user gets an address from their name (`Ada Lovelace` -> `ada-lovelace`); a name
-- with no letters or digits, or one already taken by an earlier user, gets its id appended.
UPDATE "User" SET "slug" = NULLIF(
  trim(both '-' from left(regexp_replace(lower("name"), '[^a-z0-9]+', '-', 'g'), 80)), '');
UPDATE "User" AS u SET "slug" = COALESCE(u."slug" || '-', 'author-') || u."id"
WHERE u."slug" IS NULL
   OR EXISTS (SELECT 1 FROM "User" AS o WHERE o."slug" = u."slug" AND o."id" < u."id");

-- CreateIndex
CREATE UNIQUE INDEX "User_slug_key" ON "User"("slug");

-- AddForeignKey
-- Deferrable: an avatar (User -> Image) and its uploader (Image -> User) point at each other, so a
-- restore loads both tables and checks this key at the end of its transaction.
ALTER TABLE "User" ADD CONSTRAINT "User_avatarImageId_fkey" FOREIGN KEY ("avatarImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AlterTable
ALTER TABLE "SiteSettings" ADD COLUMN "fullContentFeeds" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "pageOrder" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
