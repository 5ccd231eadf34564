-- CreateTable: addresses of imported posts on their former blog, answered with a 301.
CREATE TABLE "PathRedirect" (
    "id" SERIAL NOT NULL,
    "path" TEXT NOT NULL,
    "postId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PathRedirect_pkey" PRIMARY KEY ("id")
);

-- CreateTable: what each import created, by its identity in the source (re-runs create nothing).
CREATE TABLE "ImportedItem" (
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "targetId" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportedItem_pkey" PRIMARY KEY ("source","kind","sourceId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PathRedirect_path_key" ON "PathRedirect"("path");

-- CreateIndex
CREATE INDEX "PathRedirect_postId_idx" ON "PathRedirect"("postId");

-- AddForeignKey
ALTER TABLE "PathRedirect" ADD CONSTRAINT "PathRedirect_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
