-- The outbox delivers at least once: a lease on the sending attempt, one stable Message-ID per mail,
-- the SMTP server's answer kept, and ephemeral mails (codes, sign-in links) dropped once expired.

-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'expired';

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "acceptedRecipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN     "leaseExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "rejectedRecipients" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "serverResponse" TEXT,
ADD COLUMN     "serverResponseCode" INTEGER;

-- Mails written before: a Message-ID made from the row's id. The portal's host name is configuration
-- the database does not hold, so they carry the reserved ".invalid" name (RFC 2606); new rows get the
-- portal's host name when they are written (lib/email/message-id.ts).
UPDATE "OutboxEmail" SET "messageId" = '<' || "id" || '@outbox.invalid>' WHERE "messageId" IS NULL;
ALTER TABLE "OutboxEmail" ALTER COLUMN "messageId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_messageId_key" ON "OutboxEmail"("messageId");
