-- Provenance guards. These rules are Attest's promise, so the database keeps
-- them whatever code (app, seed, a psql session) writes the rows.
-- Offsets count characters (Unicode code points), as PostgreSQL's substr() does
-- on a UTF-8 database and as the W3C TextPositionSelector specifies.

-- 1. A source's sha256 is the hash of its text.
ALTER TABLE "sources"
  ADD CONSTRAINT "sources_sha256_matches_text"
  CHECK ("sha256" = encode(sha256(convert_to("text", 'UTF8')), 'hex'));

ALTER TABLE "sources"
  ADD CONSTRAINT "sources_url_is_http"
  CHECK ("url" IS NULL OR "url" ~* '^https?://[^\s/]+');

ALTER TABLE "sources"
  ADD CONSTRAINT "sources_text_not_blank"
  CHECK (length(btrim("text")) > 0);

-- 2. Once a quote points into a source, its text (and so its hash) is frozen.
CREATE FUNCTION attest_freeze_quoted_source_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."text" IS DISTINCT FROM OLD."text" OR NEW."sha256" IS DISTINCT FROM OLD."sha256")
     AND (EXISTS (SELECT 1 FROM "appearances" WHERE "source_id" = OLD."id")
          OR EXISTS (SELECT 1 FROM "evidence" WHERE "source_id" = OLD."id")) THEN
    RAISE EXCEPTION 'source % is quoted: its archived text cannot change', OLD."id"
      USING ERRCODE = 'check_violation', HINT = 'attest:source_text_frozen';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "sources_freeze_quoted_text"
  BEFORE UPDATE OF "text", "sha256" ON "sources"
  FOR EACH ROW EXECUTE FUNCTION attest_freeze_quoted_source_text();

-- 3. Every quote anchor (Appearance, and Evidence when it quotes) must match
--    the source text: exact == text[start:end], prefix ends at start, suffix
--    begins at end.
CREATE FUNCTION attest_check_quote_anchor() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  source_text text;
BEGIN
  IF NEW."exact" IS NULL AND NEW."start" IS NULL AND NEW."end" IS NULL
     AND NEW."prefix" IS NULL AND NEW."suffix" IS NULL THEN
    RETURN NEW; -- evidence without a quote
  END IF;
  IF NEW."exact" IS NULL OR NEW."start" IS NULL OR NEW."end" IS NULL
     OR NEW."prefix" IS NULL OR NEW."suffix" IS NULL THEN
    RAISE EXCEPTION 'a quote anchor needs exact, prefix, suffix, start and end together'
      USING ERRCODE = 'check_violation', HINT = 'attest:quote_anchor_incomplete';
  END IF;

  SELECT s."text" INTO source_text FROM "sources" s WHERE s."id" = NEW."source_id";
  IF source_text IS NULL THEN
    RETURN NEW; -- the foreign key reports the missing source
  END IF;

  IF NEW."start" < 0 OR NEW."end" <= NEW."start" OR NEW."end" > length(source_text) THEN
    RAISE EXCEPTION 'quote offsets [%, %) are outside the source text (length %)',
      NEW."start", NEW."end", length(source_text)
      USING ERRCODE = 'check_violation', HINT = 'attest:quote_anchor_mismatch';
  END IF;
  IF substr(source_text, NEW."start" + 1, NEW."end" - NEW."start") <> NEW."exact"
     OR right(left(source_text, NEW."start"), length(NEW."prefix")) <> NEW."prefix"
     OR length(NEW."prefix") > NEW."start"
     OR left(substr(source_text, NEW."end" + 1), length(NEW."suffix")) <> NEW."suffix"
     OR length(NEW."suffix") > length(source_text) - NEW."end" THEN
    RAISE EXCEPTION 'quote anchor does not match the source text at [%, %)', NEW."start", NEW."end"
      USING ERRCODE = 'check_violation', HINT = 'attest:quote_anchor_mismatch';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "appearances_check_quote_anchor"
  BEFORE INSERT OR UPDATE ON "appearances"
  FOR EACH ROW EXECUTE FUNCTION attest_check_quote_anchor();

CREATE TRIGGER "evidence_check_quote_anchor"
  BEFORE INSERT OR UPDATE ON "evidence"
  FOR EACH ROW EXECUTE FUNCTION attest_check_quote_anchor();

-- 4. Verdicts are append-only once published: the only change a PUBLISHED
--    verdict accepts is becoming SUPERSEDED; nothing published is deleted.
CREATE FUNCTION attest_protect_published_verdict() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."state" IN ('PUBLISHED', 'SUPERSEDED') THEN
      RAISE EXCEPTION 'verdict % was published and cannot be deleted', OLD."id"
        USING ERRCODE = 'check_violation', HINT = 'attest:verdict_immutable';
    END IF;
    RETURN OLD;
  END IF;

  IF OLD."state" = 'SUPERSEDED' THEN
    RAISE EXCEPTION 'verdict % is superseded and cannot change', OLD."id"
      USING ERRCODE = 'check_violation', HINT = 'attest:verdict_immutable';
  END IF;
  IF OLD."state" = 'PUBLISHED' AND (
       NEW."state" <> 'SUPERSEDED'
       OR NEW."rating_id" IS DISTINCT FROM OLD."rating_id"
       OR NEW."headline" IS DISTINCT FROM OLD."headline"
       OR NEW."explanation" IS DISTINCT FROM OLD."explanation"
       OR NEW."as_of" IS DISTINCT FROM OLD."as_of"
       OR NEW."claim_id" IS DISTINCT FROM OLD."claim_id"
       OR NEW."number" IS DISTINCT FROM OLD."number"
       OR NEW."author_id" IS DISTINCT FROM OLD."author_id"
       OR NEW."reviewer_id" IS DISTINCT FROM OLD."reviewer_id"
       OR NEW."published_at" IS DISTINCT FROM OLD."published_at"
       OR NEW."correction_note" IS DISTINCT FROM OLD."correction_note"
       OR NEW."supersedes_id" IS DISTINCT FROM OLD."supersedes_id") THEN
    RAISE EXCEPTION 'verdict % is published: publish a new version instead of editing it', OLD."id"
      USING ERRCODE = 'check_violation', HINT = 'attest:verdict_immutable';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "verdicts_protect_published"
  BEFORE UPDATE OR DELETE ON "verdicts"
  FOR EACH ROW EXECUTE FUNCTION attest_protect_published_verdict();

-- A published verdict's evidence is part of what was published.
CREATE FUNCTION attest_protect_published_evidence() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  verdict_state text;
BEGIN
  SELECT v."state"::text INTO verdict_state FROM "verdicts" v
   WHERE v."id" = CASE WHEN TG_OP = 'DELETE' THEN OLD."verdict_id" ELSE NEW."verdict_id" END;
  IF verdict_state IN ('PUBLISHED', 'SUPERSEDED') THEN
    RAISE EXCEPTION 'the evidence of a published verdict cannot change'
      USING ERRCODE = 'check_violation', HINT = 'attest:verdict_immutable';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."verdict_id" <> NEW."verdict_id" THEN
    SELECT v."state"::text INTO verdict_state FROM "verdicts" v WHERE v."id" = OLD."verdict_id";
    IF verdict_state IN ('PUBLISHED', 'SUPERSEDED') THEN
      RAISE EXCEPTION 'the evidence of a published verdict cannot change'
        USING ERRCODE = 'check_violation', HINT = 'attest:verdict_immutable';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "evidence_protect_published"
  BEFORE INSERT OR UPDATE OR DELETE ON "evidence"
  FOR EACH ROW EXECUTE FUNCTION attest_protect_published_evidence();

-- At most one published verdict per claim.
CREATE UNIQUE INDEX "verdicts_one_published_per_claim"
  ON "verdicts" ("claim_id") WHERE "state" = 'PUBLISHED';

ALTER TABLE "claims"
  ADD CONSTRAINT "claims_summary_length" CHECK (char_length("summary") BETWEEN 1 AND 75);

ALTER TABLE "claim_relations"
  ADD CONSTRAINT "claim_relations_not_self" CHECK ("from_claim_id" <> "to_claim_id");

ALTER TABLE "corrections"
  ADD CONSTRAINT "corrections_note_not_blank" CHECK (length(btrim("note")) > 0);

-- 5. The audit trail is append-only.
CREATE FUNCTION attest_refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only'
    USING ERRCODE = 'check_violation', HINT = 'attest:audit_append_only';
END;
$$;

CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION attest_refuse_audit_change();
