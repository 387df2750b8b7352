-- Claim matching (issue 11): while an editor types a claim, the claims that
-- may be the same one are found by trigram similarity of the claim text and
-- the summary, accents and case folded (attest_search_fold, from
-- 20261201120100_search_vector), next to the full-text search_vector, the
-- same claimant and the appearances of the same passage
-- (lib/claim-matching/queries.ts; scripts/bench-claim-matching.ts times it).
--
-- These are expression indexes (GIN, gin_trgm_ops on attest_search_fold(…)),
-- which Prisma's schema language cannot declare: they live here only, like
-- claimants_search_names_trgm_idx, and the schema-drift test ignores them.
-- Written through at once (fastupdate off), as the search indexes: claims are
-- written seldom and matched at every pause in the typing.
--
-- The text is indexed by its first 300 characters. A claim is a sentence or
-- two (the seed's longest is 188 characters); a pasted paragraph compared
-- whole would make every comparison, and the index's candidate list (a long
-- text shares a common trigram with nearly every claim), grow with it.

CREATE INDEX "claims_text_fold_trgm_idx" ON "claims"
  USING gin (attest_search_fold(left("text", 300)) gin_trgm_ops) WITH (fastupdate = off);

CREATE INDEX "claims_summary_fold_trgm_idx" ON "claims"
  USING gin (attest_search_fold("summary") gin_trgm_ops) WITH (fastupdate = off);

-- The claims whose folded text or summary is trigram-similar to what was
-- typed (both folded by the caller; '' for none), most similar first, at most
-- `lim` of each. pg_trgm's `%` reads its threshold from a setting: 0.45 here
-- (a function's SET clause scopes it to this call), not the default 0.3, at
-- which a French sentence shares enough common trigrams ("les", " de ",
-- "ent") with a fifth of 100,000 claims that checking them all costs a
-- quarter of a second (scripts/bench-claim-matching.ts). Looser rewordings
-- are found through the full-text search and the same claimant.
CREATE FUNCTION attest_trigram_similar_claims(typed_text text, typed_summary text, published_only boolean, lim integer)
RETURNS TABLE (claim_id text)
LANGUAGE sql STABLE PARALLEL SAFE
SET pg_trgm.similarity_threshold = 0.45
AS $$
  (SELECT c."id" FROM "claims" c
   WHERE typed_text <> '' AND attest_search_fold(left(c."text", 300)) % typed_text
     AND (NOT published_only OR c."status" = 'PUBLISHED')
   ORDER BY similarity(attest_search_fold(left(c."text", 300)), typed_text) DESC, c."id" LIMIT lim)
  UNION
  (SELECT c."id" FROM "claims" c
   WHERE typed_summary <> '' AND attest_search_fold(c."summary") % typed_summary
     AND (NOT published_only OR c."status" = 'PUBLISHED')
   ORDER BY similarity(attest_search_fold(c."summary"), typed_summary) DESC, c."id" LIMIT lim)
$$;
