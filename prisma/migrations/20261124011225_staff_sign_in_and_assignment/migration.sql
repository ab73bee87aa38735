-- CreateEnum
CREATE TYPE "SignInOutcome" AS ENUM ('success', 'unknown_account', 'bad_password', 'bad_second_factor', 'recovery_code_used', 'disabled', 'rate_limited');

-- DropIndex
DROP INDEX "RightsRequest_status_dueDate_idx";

-- DropIndex
DROP INDEX "RightsRequest_dueDate_idx";

-- AlterTable
ALTER TABLE "RightsRequest" ADD COLUMN     "assigneeId" UUID;

-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "disabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "passwordHash" TEXT,
ADD COLUMN     "recoveryCodes" TEXT[],
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpSecret" TEXT;

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "staffUserId" UUID NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSignIn" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "staffUserId" UUID,
    "outcome" "SignInOutcome" NOT NULL,
    "ip" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffSignIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffSession_tokenHash_key" ON "StaffSession"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSession_staffUserId_idx" ON "StaffSession"("staffUserId");

-- CreateIndex
CREATE INDEX "StaffSignIn_createdAt_idx" ON "StaffSignIn"("createdAt");

-- CreateIndex
CREATE INDEX "StaffSignIn_email_createdAt_idx" ON "StaffSignIn"("email", "createdAt");

-- CreateIndex
CREATE INDEX "RightsRequest_status_dueDate_id_idx" ON "RightsRequest"("status", "dueDate", "id");

-- CreateIndex
CREATE INDEX "RightsRequest_dueDate_id_idx" ON "RightsRequest"("dueDate", "id");

-- CreateIndex
CREATE INDEX "RightsRequest_assigneeId_status_dueDate_idx" ON "RightsRequest"("assigneeId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "RightsRequest_right_status_dueDate_idx" ON "RightsRequest"("right", "status", "dueDate");

-- AddForeignKey
ALTER TABLE "RightsRequest" ADD CONSTRAINT "RightsRequest_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
