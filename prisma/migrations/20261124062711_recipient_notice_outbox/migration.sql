-- AlterTable
ALTER TABLE "RecipientNotice" ADD COLUMN     "outboxId" UUID;

-- CreateIndex
CREATE INDEX "RecipientNotice_outboxId_idx" ON "RecipientNotice"("outboxId");

-- AddForeignKey
ALTER TABLE "RecipientNotice" ADD CONSTRAINT "RecipientNotice_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "OutboxEmail"("id") ON DELETE SET NULL ON UPDATE CASCADE;
