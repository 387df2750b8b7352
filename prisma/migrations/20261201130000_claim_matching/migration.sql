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

-- The claims whose folded text (summary) is trigram-similar to what was
-- typed, folded by the caller, most similar first, at most `lim`. pg_trgm's
-- `%` reads its threshold from a setting, which a function's SET clause
-- scopes to the call: 0.6 for the text, 0.45 for the summary, not the
-- default 0.3. The index only narrows the claims down to those sharing
-- enough trigrams; each is then compared whole (about 10 µs), and a French
-- sentence shares common trigrams ("les", " de ", "ent") with so many claims
-- that at 0.3 checking them costs a quarter of a second at 100,000 claims,
-- at 0.45 still 190 ms for a sentence of common words (scripts/
-- bench-claim-matching.ts). Rewordings below these bars are found by the
-- full-text search and the same claimant (lib/claim-matching/queries.ts).
-- At most `examined` matches are ranked: in an archive of claims written to
-- one pattern (the benchmark's), a claim matches thousands of others, and the
-- same claimant's are found apart.
CREATE FUNCTION attest_claims_with_similar_text(typed text, published_only boolean, lim integer, examined integer)
RETURNS TABLE (claim_id text)
LANGUAGE sql STABLE PARALLEL SAFE
SET pg_trgm.similarity_threshold = 0.6
AS $$
  SELECT m."id" FROM (
    SELECT c."id", attest_search_fold(left(c."text", 300)) AS folded FROM "claims" c
    WHERE typed <> '' AND attest_search_fold(left(c."text", 300)) % typed
      AND (NOT published_only OR c."status" = 'PUBLISHED')
    LIMIT examined
  ) m
  ORDER BY similarity(m.folded, typed) DESC, m."id" LIMIT lim
$$;

CREATE FUNCTION attest_claims_with_similar_summary(typed text, published_only boolean, lim integer, examined integer)
RETURNS TABLE (claim_id text)
LANGUAGE sql STABLE PARALLEL SAFE
SET pg_trgm.similarity_threshold = 0.45
AS $$
  SELECT m."id" FROM (
    SELECT c."id", attest_search_fold(c."summary") AS folded FROM "claims" c
    WHERE typed <> '' AND attest_search_fold(c."summary") % typed
      AND (NOT published_only OR c."status" = 'PUBLISHED')
    LIMIT examined
  ) m
  ORDER BY similarity(m.folded, typed) DESC, m."id" LIMIT lim
$$;

-- The figures a claim states, in order, for the near-duplicate check: "12 000
-- soldats" is a different claim from "10 000 soldats" although the texts are
-- 0.92 similar. Digits grouped by spaces (also no-break and narrow no-break),
-- points or commas (one character between digits) are one figure: "10 000"
-- (any space) and "10000" agree; "en 2024, 10 000" is two.
CREATE FUNCTION attest_claim_figures(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(found.figure[1] ORDER BY found.position), '{}')
  FROM regexp_matches(regexp_replace(value, '([0-9])[\s.,\u00a0\u202f](?=[0-9])', '\1', 'g'), '([0-9]+)', 'g') WITH ORDINALITY AS found(figure, position)
$$;
