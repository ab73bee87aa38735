-- DropIndex
DROP INDEX "OutboxEmail_status_createdAt_idx";

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "enqueuedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "OutboxEmail_status_enqueuedAt_createdAt_idx" ON "OutboxEmail"("status", "enqueuedAt", "createdAt");
