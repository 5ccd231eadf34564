-- AlterTable: a disabled user cannot sign in; the last sign-in is shown to admins.
ALTER TABLE "User" ADD COLUMN "disabledAt" TIMESTAMP(3),
ADD COLUMN "lastSignInAt" TIMESTAMP(3);

-- AlterTable: who uploaded an image (authors may delete only their own).
ALTER TABLE "Image" ADD COLUMN "uploadedById" INTEGER;

-- CreateIndex
CREATE INDEX "Image_uploadedById_idx" ON "Image"("uploadedById");

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
