-- CreateEnum
CREATE TYPE "ClaimRevisionState" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "claim_revisions" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "base_version" INTEGER NOT NULL,
    "base_text" TEXT NOT NULL,
    "base_summary" VARCHAR(75) NOT NULL,
    "base_language" TEXT NOT NULL,
    "base_claimant_id" TEXT NOT NULL,
    "base_claimed_at" DATE,
    "text" TEXT NOT NULL,
    "summary" VARCHAR(75) NOT NULL,
    "language" TEXT NOT NULL,
    "claimant_id" TEXT NOT NULL,
    "claimed_at" DATE,
    "note" TEXT NOT NULL,
    "state" "ClaimRevisionState" NOT NULL DEFAULT 'PROPOSED',
    "author_id" TEXT NOT NULL,
    "reviewer_id" TEXT,
    "review_comment" TEXT,
    "proposed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "claim_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proposed_appearances" (
    "id" TEXT NOT NULL,
    "revision_id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "speaker_id" TEXT NOT NULL,
    "stance" "AppearanceStance" NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "appearance_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proposed_appearances_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "claim_revisions_claim_id_state_idx" ON "claim_revisions"("claim_id", "state");

-- CreateIndex
CREATE INDEX "claim_revisions_state_proposed_at_idx" ON "claim_revisions"("state", "proposed_at");

-- CreateIndex
CREATE INDEX "claim_revisions_base_claimant_id_idx" ON "claim_revisions"("base_claimant_id");

-- CreateIndex
CREATE INDEX "claim_revisions_claimant_id_idx" ON "claim_revisions"("claimant_id");

-- CreateIndex
CREATE INDEX "claim_revisions_author_id_idx" ON "claim_revisions"("author_id");

-- CreateIndex
CREATE INDEX "claim_revisions_reviewer_id_idx" ON "claim_revisions"("reviewer_id");

-- CreateIndex
CREATE UNIQUE INDEX "proposed_appearances_appearance_id_key" ON "proposed_appearances"("appearance_id");

-- CreateIndex
CREATE INDEX "proposed_appearances_source_id_idx" ON "proposed_appearances"("source_id");

-- CreateIndex
CREATE INDEX "proposed_appearances_speaker_id_idx" ON "proposed_appearances"("speaker_id");

-- CreateIndex
CREATE UNIQUE INDEX "proposed_appearances_revision_id_source_id_start_end_key" ON "proposed_appearances"("revision_id", "source_id", "start", "end");

-- AddForeignKey
ALTER TABLE "claim_revisions" ADD CONSTRAINT "claim_revisions_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_revisions" ADD CONSTRAINT "claim_revisions_base_claimant_id_fkey" FOREIGN KEY ("base_claimant_id") REFERENCES "claimants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_revisions" ADD CONSTRAINT "claim_revisions_claimant_id_fkey" FOREIGN KEY ("claimant_id") REFERENCES "claimants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_revisions" ADD CONSTRAINT "claim_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_revisions" ADD CONSTRAINT "claim_revisions_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposed_appearances" ADD CONSTRAINT "proposed_appearances_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "claim_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposed_appearances" ADD CONSTRAINT "proposed_appearances_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposed_appearances" ADD CONSTRAINT "proposed_appearances_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "claimants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposed_appearances" ADD CONSTRAINT "proposed_appearances_appearance_id_fkey" FOREIGN KEY ("appearance_id") REFERENCES "appearances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Written by hand: what Prisma's schema language cannot say.
-- ---------------------------------------------------------------------------

-- One open revision per claim: a second editor's proposal waits until the
-- first is approved, rejected or withdrawn (the app turns the violation into
-- a sentence).
CREATE UNIQUE INDEX "claim_revisions_one_open_per_claim"
  ON "claim_revisions" ("claim_id") WHERE "state" = 'PROPOSED';

ALTER TABLE "claim_revisions"
  ADD CONSTRAINT "claim_revisions_note_not_blank" CHECK (length(btrim("note")) > 0),
  ADD CONSTRAINT "claim_revisions_summary_length" CHECK (char_length("summary") BETWEEN 1 AND 75),
  -- The second pair of eyes is never the author's.
  ADD CONSTRAINT "claim_revisions_reviewer_is_not_author" CHECK ("reviewer_id" IS NULL OR "reviewer_id" <> "author_id"),
  ADD CONSTRAINT "claim_revisions_closed_when_decided" CHECK (("state" = 'PROPOSED') = ("closed_at" IS NULL)),
  ADD CONSTRAINT "claim_revisions_decision_has_reviewer" CHECK ("state" NOT IN ('APPROVED', 'REJECTED') OR "reviewer_id" IS NOT NULL);

-- A closed revision is history (an approved one is public): it never changes
-- and no revision is ever deleted.
CREATE FUNCTION attest_protect_closed_claim_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'claim revision % cannot be deleted: withdraw it instead', OLD."id"
      USING ERRCODE = 'check_violation', HINT = 'attest:claim_revision_immutable';
  END IF;
  IF OLD."state" <> 'PROPOSED' THEN
    RAISE EXCEPTION 'claim revision % is closed (%) and cannot change', OLD."id", OLD."state"
      USING ERRCODE = 'check_violation', HINT = 'attest:claim_revision_immutable';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "claim_revisions_protect_closed"
  BEFORE UPDATE OR DELETE ON "claim_revisions"
  FOR EACH ROW EXECUTE FUNCTION attest_protect_closed_claim_revision();

-- A proposed appearance changes only while its revision is open.
CREATE FUNCTION attest_protect_proposed_appearance() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  revision_state text;
BEGIN
  SELECT r."state"::text INTO revision_state FROM "claim_revisions" r
   WHERE r."id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."revision_id" ELSE NEW."revision_id" END;
  IF revision_state IS DISTINCT FROM 'PROPOSED'
     OR (TG_OP = 'UPDATE' AND OLD."revision_id" <> NEW."revision_id") THEN
    RAISE EXCEPTION 'the appearances of a closed claim revision cannot change'
      USING ERRCODE = 'check_violation', HINT = 'attest:claim_revision_immutable';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "proposed_appearances_protect_closed"
  BEFORE INSERT OR UPDATE OR DELETE ON "proposed_appearances"
  FOR EACH ROW EXECUTE FUNCTION attest_protect_proposed_appearance();

-- A proposed quote is anchored exactly like an appearance (same columns, same check).
CREATE TRIGGER "proposed_appearances_check_quote_anchor"
  BEFORE INSERT OR UPDATE ON "proposed_appearances"
  FOR EACH ROW EXECUTE FUNCTION attest_check_quote_anchor();

-- A source quoted by an open proposal is frozen too: its offsets must still
-- point at the same words when the proposal is approved.
CREATE OR REPLACE FUNCTION attest_freeze_quoted_source_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."text" IS DISTINCT FROM OLD."text" OR NEW."sha256" IS DISTINCT FROM OLD."sha256")
     AND (EXISTS (SELECT 1 FROM "appearances" WHERE "source_id" = OLD."id")
          OR EXISTS (SELECT 1 FROM "evidence" WHERE "source_id" = OLD."id")
          OR EXISTS (SELECT 1 FROM "proposed_appearances" p JOIN "claim_revisions" r ON r."id" = p."revision_id"
                     WHERE p."source_id" = OLD."id" AND r."state" = 'PROPOSED')) THEN
    RAISE EXCEPTION 'source % is quoted: its archived text cannot change', OLD."id"
      USING ERRCODE = 'check_violation', HINT = 'attest:source_text_frozen';
  END IF;
  RETURN NEW;
END;
$$;
