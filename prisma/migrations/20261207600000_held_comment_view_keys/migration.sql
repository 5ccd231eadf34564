-- The hash of the key that shows a held comment to the visitor who wrote it.
-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "viewKeyHash" TEXT;
