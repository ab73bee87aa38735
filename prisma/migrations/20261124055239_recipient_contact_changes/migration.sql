-- CreateTable
CREATE TABLE "RecipientContactChange" (
    "id" BIGSERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "staffId" UUID NOT NULL,
    "email" TEXT,
    "opendsrUrl" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecipientContactChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecipientContactChange_createdAt_idx" ON "RecipientContactChange"("createdAt");

-- AddForeignKey
ALTER TABLE "RecipientContactChange" ADD CONSTRAINT "RecipientContactChange_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
