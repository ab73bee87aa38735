-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "leaseHolderId" UUID;

-- CreateTable
CREATE TABLE "WorkerProcess" (
    "id" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkerProcess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkerProcess_seenAt_idx" ON "WorkerProcess"("seenAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_leaseHolderId_idx" ON "OutboxEmail"("leaseHolderId");
