-- AlterTable
ALTER TABLE "RequestPart" ADD COLUMN     "escalatedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "RequestPart_status_dueDate_idx" ON "RequestPart"("status", "dueDate");
