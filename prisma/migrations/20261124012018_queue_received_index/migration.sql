-- CreateIndex
CREATE INDEX "RightsRequest_receivedAt_id_idx" ON "RightsRequest"("receivedAt", "id");
