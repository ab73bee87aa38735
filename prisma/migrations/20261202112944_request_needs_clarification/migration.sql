-- AlterTable
ALTER TABLE "RightsRequest" ADD COLUMN     "needsClarification" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "RightsRequest_needsClarification_status_dueDate_id_idx" ON "RightsRequest"("needsClarification", "status", "dueDate", "id");
