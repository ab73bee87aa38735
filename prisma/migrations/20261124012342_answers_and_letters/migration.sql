-- CreateEnum
CREATE TYPE "PartOutcome" AS ENUM ('granted', 'partly_granted', 'refused');

-- CreateEnum
CREATE TYPE "LetterKind" AS ENUM ('answer', 'extension', 'information_request');

-- AlterTable
ALTER TABLE "RequestPart" ADD COLUMN     "answeredAt" TIMESTAMPTZ(3),
ADD COLUMN     "grounds" TEXT[],
ADD COLUMN     "outcome" "PartOutcome";

-- CreateTable
CREATE TABLE "CaseLetter" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "partId" UUID,
    "kind" "LetterKind" NOT NULL,
    "locale" "Locale" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseLetter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseLetter_requestId_idx" ON "CaseLetter"("requestId");

-- AddForeignKey
ALTER TABLE "CaseLetter" ADD CONSTRAINT "CaseLetter_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
