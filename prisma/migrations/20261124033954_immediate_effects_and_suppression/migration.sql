-- AlterTable
ALTER TABLE "RightsRequest" ADD COLUMN     "effectsAppliedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "MarketingSuppression" (
    "emailHash" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MarketingSuppression_pkey" PRIMARY KEY ("emailHash")
);
