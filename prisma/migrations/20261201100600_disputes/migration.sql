-- Disputes (issue 8): readers contest a published verdict, moderators decide
-- in the open. The disputes / dispute_status_changes tables existed unused;
-- this adds what the workflow needs, and a PostgreSQL store for the rate
-- limits of anonymous writes (lib/rate-limit/).

-- DropIndex
DROP INDEX "disputes_claim_id_idx";

-- AlterTable
ALTER TABLE "disputes" ADD COLUMN     "closed_at" TIMESTAMP(3),
ADD COLUMN     "correction_id" TEXT,
ADD COLUMN     "follow_up_token_hash" TEXT,
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'fr',
ADD COLUMN     "pending_at" TIMESTAMP(3),
ADD COLUMN     "pending_by_id" TEXT,
ADD COLUMN     "pending_note" TEXT,
ADD COLUMN     "pending_status" "DisputeStatus",
ADD COLUMN     "publish_consent" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "rate_limit_hits" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rate_limit_hits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rate_limit_hits_key_at_idx" ON "rate_limit_hits"("key", "at");

-- CreateIndex
CREATE INDEX "rate_limit_hits_expires_at_idx" ON "rate_limit_hits"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "disputes_follow_up_token_hash_key" ON "disputes"("follow_up_token_hash");

-- CreateIndex
CREATE INDEX "disputes_claim_id_created_at_idx" ON "disputes"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "disputes_kind_created_at_idx" ON "disputes"("kind", "created_at");

-- CreateIndex
CREATE INDEX "disputes_created_at_id_idx" ON "disputes"("created_at", "id");

-- CreateIndex
CREATE INDEX "disputes_pending_by_id_idx" ON "disputes"("pending_by_id");

-- CreateIndex
CREATE INDEX "disputes_correction_id_idx" ON "disputes"("correction_id");

-- CreateIndex
CREATE INDEX "disputes_closed_at_idx" ON "disputes"("closed_at");

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_pending_by_id_fkey" FOREIGN KEY ("pending_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_correction_id_fkey" FOREIGN KEY ("correction_id") REFERENCES "corrections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Invariants the workflow relies on, whatever code writes the rows.
-- Nothing wrote disputes before this migration; a decided row from outside
-- the app gets a closing date so that the constraints below hold.
UPDATE "disputes" SET "closed_at" = "updated_at" WHERE "status" IN ('UPHELD', 'REJECTED', 'DUPLICATE') AND "closed_at" IS NULL;

ALTER TABLE "disputes"
  -- The form's limits (lib/disputes/schema.ts), so that no other writer stores more.
  ADD CONSTRAINT "disputes_message_length" CHECK (char_length("message") BETWEEN 20 AND 5000),
  ADD CONSTRAINT "disputes_evidence_url_is_http" CHECK ("evidence_url" IS NULL OR "evidence_url" ~ '^https?://'),
  ADD CONSTRAINT "disputes_follow_up_token_hash_is_sha256" CHECK ("follow_up_token_hash" IS NULL OR "follow_up_token_hash" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "disputes_locale_is_interface_language" CHECK ("locale" IN ('fr', 'en')),
  -- Closed exactly when decided for good: the 90-day purge of contact emails counts from closed_at.
  ADD CONSTRAINT "disputes_closed_when_decided" CHECK (("status" IN ('UPHELD', 'REJECTED', 'DUPLICATE')) = ("closed_at" IS NOT NULL)),
  -- A dispute is UPHELD only by the correction that resolved it.
  ADD CONSTRAINT "disputes_upheld_has_correction" CHECK (("status" = 'UPHELD') = ("correction_id" IS NOT NULL)),
  ADD CONSTRAINT "disputes_duplicate_names_original" CHECK (("status" = 'DUPLICATE') = ("duplicate_of_id" IS NOT NULL) AND ("duplicate_of_id" IS NULL OR "duplicate_of_id" <> "id")),
  -- A pending decision (quorum) is whole or absent, and only an uphold or a rejection waits.
  ADD CONSTRAINT "disputes_pending_decision_whole" CHECK (
    ("pending_status" IS NULL) = ("pending_by_id" IS NULL)
    AND ("pending_status" IS NULL) = ("pending_at" IS NULL)
    AND ("pending_status" IS NULL) = ("pending_note" IS NULL)
    AND ("pending_status" IS NULL OR "pending_status" IN ('ESCALATED', 'REJECTED'))
  );

-- The status history is what the reader's follow-up page shows: rows are
-- added, never rewritten (they still go with their dispute's row).
CREATE FUNCTION attest_refuse_dispute_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dispute status changes are append-only'
    USING ERRCODE = 'check_violation', HINT = 'attest:dispute_history_append_only';
END;
$$;

CREATE TRIGGER "dispute_status_changes_append_only"
  BEFORE UPDATE ON "dispute_status_changes"
  FOR EACH ROW EXECUTE FUNCTION attest_refuse_dispute_history_change();
