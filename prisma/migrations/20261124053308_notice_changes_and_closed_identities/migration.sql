/*
  Warnings:

  - A unique constraint covering the columns `[requestId, change, recipient]` on the table `RecipientNotice` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "RecipientNotice_requestId_recipient_key";

-- AlterTable
ALTER TABLE "RecipientNotice" ADD COLUMN     "change" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "Patient_closedAt_idx" ON "Patient"("closedAt");

-- CreateIndex
CREATE INDEX "Relative_closedAt_idx" ON "Relative"("closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecipientNotice_requestId_change_recipient_key" ON "RecipientNotice"("requestId", "change", "recipient");
