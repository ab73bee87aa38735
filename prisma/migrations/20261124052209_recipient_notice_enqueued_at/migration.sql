-- DropIndex
DROP INDEX "RecipientNotice_status_createdAt_idx";

-- AlterTable
ALTER TABLE "RecipientNotice" ADD COLUMN     "enqueuedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "RecipientNotice_status_enqueuedAt_idx" ON "RecipientNotice"("status", "enqueuedAt");
