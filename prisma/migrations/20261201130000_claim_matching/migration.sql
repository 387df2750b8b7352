-- Claim matching (issue 11): while an editor types a claim, the claims that
-- may be the same one are found by trigram similarity of the claim text and
-- the summary, accents and case folded (attest_search_fold, from
-- 20261201120100_search_vector), next to the full-text search_vector and the
-- appearances of the same passage (lib/claim-matching/queries.ts).
--
-- These are expression indexes (GIN, gin_trgm_ops on attest_search_fold(…)),
-- which Prisma's schema language cannot declare: they live here only, like
-- claimants_search_names_trgm_idx, and the schema-drift test ignores them.
-- Without them the % operator compares the typed text with every claim
-- (scripts/bench-claim-matching.ts prints both). Written through at once
-- (fastupdate off), as the search indexes: claims are written seldom and
-- matched on every keystroke pause.

CREATE INDEX "claims_text_fold_trgm_idx" ON "claims"
  USING gin (attest_search_fold("text") gin_trgm_ops) WITH (fastupdate = off);

CREATE INDEX "claims_summary_fold_trgm_idx" ON "claims"
  USING gin (attest_search_fold("summary") gin_trgm_ops) WITH (fastupdate = off);
