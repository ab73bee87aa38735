-- AlterTable
ALTER TABLE "RequestPart" ADD COLUMN     "visibleToRequester" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "ephemeral" BOOLEAN NOT NULL DEFAULT false;
