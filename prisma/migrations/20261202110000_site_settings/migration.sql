-- CreateTable
CREATE TABLE "SiteSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL DEFAULT 'Inkwell',
    "description" TEXT NOT NULL DEFAULT 'Notes on software, databases and the web, from developers.',
    "ownerName" TEXT NOT NULL DEFAULT '',
    "logoImageId" INTEGER,
    "faviconImageId" INTEGER,
    "navigation" JSONB NOT NULL DEFAULT '[]',
    "postsPerPage" INTEGER NOT NULL DEFAULT 10,
    "commentsEnabled" BOOLEAN NOT NULL DEFAULT true,
    "holdFirstComments" BOOLEAN NOT NULL DEFAULT true,
    "setupCompletedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteSettings_pkey" PRIMARY KEY ("id"),
    -- One row per site: the settings are read and written as row 1.
    CONSTRAINT "SiteSettings_singleton" CHECK ("id" = 1)
);

-- AddForeignKey
ALTER TABLE "SiteSettings" ADD CONSTRAINT "SiteSettings_logoImageId_fkey" FOREIGN KEY ("logoImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteSettings" ADD CONSTRAINT "SiteSettings_faviconImageId_fkey" FOREIGN KEY ("faviconImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every site, new or upgraded, starts with the defaults; one that has users is set up already.
INSERT INTO "SiteSettings" ("id", "setupCompletedAt")
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM "User") THEN CURRENT_TIMESTAMP END;
