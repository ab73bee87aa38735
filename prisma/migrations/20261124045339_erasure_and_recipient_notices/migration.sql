-- CreateEnum
CREATE TYPE "NoticeChannel" AS ENUM ('email', 'opendsr');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('pending', 'sent', 'in_progress', 'completed', 'cancelled', 'failed', 'no_contact');

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "closedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Relative" ADD COLUMN     "closedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ErasureRecord" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "summary" JSONB NOT NULL,
    "erasedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErasureRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErasureArchive" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "sealed" BYTEA NOT NULL,
    "documents" INTEGER NOT NULL,
    "purgeAfter" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErasureArchive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecipientContact" (
    "name" TEXT NOT NULL,
    "email" TEXT,
    "opendsrUrl" TEXT,
    "certificatePem" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RecipientContact_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "RecipientNotice" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "channel" "NoticeChannel",
    "status" "NoticeStatus" NOT NULL DEFAULT 'pending',
    "payloadSealed" BYTEA,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "controllerId" TEXT,
    "expectedCompletionAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "settledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RecipientNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ErasureRecord_requestId_idx" ON "ErasureRecord"("requestId");

-- CreateIndex
CREATE INDEX "ErasureArchive_purgeAfter_idx" ON "ErasureArchive"("purgeAfter");

-- CreateIndex
CREATE INDEX "RecipientNotice_status_createdAt_idx" ON "RecipientNotice"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecipientNotice_requestId_recipient_key" ON "RecipientNotice"("requestId", "recipient");

-- AddForeignKey
ALTER TABLE "ErasureRecord" ADD CONSTRAINT "ErasureRecord_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecipientNotice" ADD CONSTRAINT "RecipientNotice_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
