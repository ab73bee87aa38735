-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('admin', 'member');

-- AlterEnum
ALTER TYPE "LetterKind" ADD VALUE 'actor_answer';

-- AlterEnum
ALTER TYPE "ActorType" ADD VALUE 'health_actor';

-- AlterTable
ALTER TABLE "RequestPart" ADD COLUMN     "acknowledgedAt" TIMESTAMPTZ(3),
ADD COLUMN     "forwardedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ActorMember" (
    "id" UUID NOT NULL,
    "healthActorId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "invitedById" UUID,
    "joinedAt" TIMESTAMPTZ(3),
    "removedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ActorMember_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActorMember_email_idx" ON "ActorMember"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ActorMember_healthActorId_email_key" ON "ActorMember"("healthActorId", "email");

-- CreateIndex
CREATE INDEX "RequestPart_status_createdAt_idx" ON "RequestPart"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "ActorMember" ADD CONSTRAINT "ActorMember_healthActorId_fkey" FOREIGN KEY ("healthActorId") REFERENCES "HealthActor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
