-- Posts read in order (a series, "Part 2 of 5"), and each post's word count for its reading time.
-- CreateTable
CREATE TABLE "Series" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Series_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Series_name_key" ON "Series"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Series_slug_key" ON "Series"("slug");

-- AlterTable
ALTER TABLE "Post" ADD COLUMN "seriesId" INTEGER,
ADD COLUMN "seriesPart" INTEGER;

-- CreateIndex
CREATE INDEX "Post_seriesId_seriesPart_idx" ON "Post"("seriesId", "seriesPart");

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Words are runs of non-space characters. Kept by the database on every write (the post body's
-- writers need not know), and filled for existing posts by this statement.
ALTER TABLE "Post" ADD COLUMN "wordCount" INTEGER NOT NULL GENERATED ALWAYS AS (
    CASE WHEN "body" ~ '\S'
        THEN array_length(regexp_split_to_array(btrim("body", E' \t\r\n\f\v'), '\s+'), 1)
        ELSE 0
    END
) STORED;
