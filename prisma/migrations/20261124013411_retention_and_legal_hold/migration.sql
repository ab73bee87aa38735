-- AlterTable
ALTER TABLE "RightsRequest" ADD COLUMN     "legalHoldReason" TEXT;

-- CreateTable
CREATE TABLE "DeletionRecord" (
    "id" BIGSERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "right" "Right" NOT NULL,
    "channel" "Channel" NOT NULL,
    "receivedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "extended" BOOLEAN NOT NULL,
    "outcomes" JSONB NOT NULL,
    "deletedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeletionRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeletionRecord_reference_key" ON "DeletionRecord"("reference");

-- CreateIndex
CREATE INDEX "DeletionRecord_receivedOn_idx" ON "DeletionRecord"("receivedOn");

-- CreateIndex
CREATE INDEX "RightsRequest_legalHoldReason_idx" ON "RightsRequest"("legalHoldReason");
