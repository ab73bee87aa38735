-- AlterEnum
ALTER TYPE "LetterKind" ADD VALUE 'closure';

-- AlterTable
ALTER TABLE "RightsRequest" ADD COLUMN     "informationReminderAt" TIMESTAMPTZ(3),
ADD COLUMN     "requesterNameKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "subjectNameKey" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "CaseMessage" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "author" "ActorType" NOT NULL,
    "authorId" TEXT,
    "body" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseMessage_requestId_createdAt_idx" ON "CaseMessage"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "RightsRequest_requesterNameKey_idx" ON "RightsRequest"("requesterNameKey");

-- CreateIndex
CREATE INDEX "RightsRequest_subjectNameKey_idx" ON "RightsRequest"("subjectNameKey");

-- AddForeignKey
ALTER TABLE "CaseMessage" ADD CONSTRAINT "CaseMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RightsRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: the same folding as lib/backoffice/name-key.ts for the Latin letters names use.
UPDATE "RightsRequest" SET
  "requesterNameKey" = regexp_replace(replace(replace(lower(translate("requesterLastName",
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ',
    'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyy')), 'œ', 'oe'), 'æ', 'ae'), '[^a-z0-9]', '', 'g'),
  "subjectNameKey" = regexp_replace(replace(replace(lower(translate("subjectLastName",
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ',
    'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyy')), 'œ', 'oe'), 'æ', 'ae'), '[^a-z0-9]', '', 'g');
