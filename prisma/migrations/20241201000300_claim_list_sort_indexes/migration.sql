-- Keyset pagination of the dashboard claims list by creation and by claimed
-- date (scripts/bench-claims-list.ts at 100,000 claims: 25–80 ms a page
-- without these indexes). The composite index also serves the claimed-date
-- filter, so the single-column one goes.

-- DropIndex
DROP INDEX "claims_claimed_at_idx";

-- CreateIndex
CREATE INDEX "claims_created_at_id_idx" ON "claims"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "claims_claimed_at_id_idx" ON "claims"("claimed_at" DESC, "id" DESC);

