-- Public search (issue 9). Each claim carries a stored, weighted tsvector
-- that the database keeps current: the summary (A), the claim as made and who
-- made it (B: the text, the claimant's name and aliases), and the current
-- published verdict's headline (C) and explanation (D). A verdict published,
-- superseded by a correction, or a claimant renamed rewrites the vectors it
-- touches, in the same transaction, whatever code made the change.
--
-- Typos are mended against search_words, the lexemes of published claims
-- (trigram index): attest_search_query() turns what a reader typed into a
-- tsquery in which each word also matches its close spellings ("Lavrof" →
-- lavrov, "Pyongyng" → pyongyang, "déployé" → deploi). The public search,
-- the read API and the dashboard all use it (lib/search/queries.ts,
-- lib/claims/dashboard-queries.ts): one search mechanism.

-- AlterTable
ALTER TABLE "claims" ADD COLUMN "search_vector" tsvector;

-- CreateTable
CREATE TABLE "search_words" (
    "word" TEXT NOT NULL,

    CONSTRAINT "search_words_pkey" PRIMARY KEY ("word")
);

-- 1. The vector of one claim, from its own columns (passed in, so that a
--    BEFORE trigger can use the row being written) and the tables around it.
--    If a claim ever had two published verdicts at once, the newest counts.
CREATE FUNCTION attest_claim_search_vector(claim_id text, summary text, claim_text text, claimant_id text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('attest_french'::regconfig, coalesce(summary, '')), 'A')
      || setweight(to_tsvector('attest_french'::regconfig, coalesce(claim_text, '') || ' ' || coalesce(
           (SELECT cl."name" || ' ' || array_to_string(cl."aliases", ' ') FROM "claimants" cl WHERE cl."id" = claimant_id), '')), 'B')
      || setweight(to_tsvector('attest_french'::regconfig, coalesce(v."headline", '')), 'C')
      || setweight(to_tsvector('attest_french'::regconfig, coalesce(v."explanation", '')), 'D')
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT p."headline", p."explanation" FROM "verdicts" p
    WHERE p."claim_id" = attest_claim_search_vector.claim_id AND p."state" = 'PUBLISHED'
    ORDER BY p."number" DESC LIMIT 1
  ) v ON true
$$;

-- 2. Written on every insert and on every update of what it is made of. The
--    column itself is in the list so that nothing can store another value:
--    the other triggers refresh a claim by setting it to NULL.
CREATE FUNCTION attest_claims_compute_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_vector" := attest_claim_search_vector(NEW."id", NEW."summary", NEW."text", NEW."claimant_id");
  RETURN NEW;
END;
$$;

CREATE TRIGGER "claims_compute_search_vector"
  BEFORE INSERT OR UPDATE OF "summary", "text", "claimant_id", "search_vector" ON "claims"
  FOR EACH ROW EXECUTE FUNCTION attest_claims_compute_search_vector();

-- 3. A verdict enters or leaves a claim's vector when it is published or
--    superseded (a correction does both, in one transaction).
CREATE FUNCTION attest_verdicts_refresh_claim_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "claims" SET "search_vector" = NULL WHERE "id" = OLD."claim_id";
  ELSE
    UPDATE "claims" SET "search_vector" = NULL WHERE "id" = NEW."claim_id";
    IF TG_OP = 'UPDATE' AND OLD."claim_id" IS DISTINCT FROM NEW."claim_id" THEN
      UPDATE "claims" SET "search_vector" = NULL WHERE "id" = OLD."claim_id";
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "verdicts_refresh_claim_search_on_insert"
  AFTER INSERT ON "verdicts"
  FOR EACH ROW WHEN (NEW."state" = 'PUBLISHED') EXECUTE FUNCTION attest_verdicts_refresh_claim_search();
CREATE TRIGGER "verdicts_refresh_claim_search_on_update"
  AFTER UPDATE ON "verdicts"
  FOR EACH ROW WHEN (OLD."state" = 'PUBLISHED' OR NEW."state" = 'PUBLISHED') EXECUTE FUNCTION attest_verdicts_refresh_claim_search();
CREATE TRIGGER "verdicts_refresh_claim_search_on_delete"
  AFTER DELETE ON "verdicts"
  FOR EACH ROW WHEN (OLD."state" = 'PUBLISHED') EXECUTE FUNCTION attest_verdicts_refresh_claim_search();

-- 4. A claimant's names are in the vectors of their claims.
CREATE FUNCTION attest_claimants_refresh_claim_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "claims" SET "search_vector" = NULL WHERE "claimant_id" = NEW."id";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "claimants_refresh_claim_search"
  AFTER UPDATE OF "name", "aliases" ON "claimants"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."aliases" IS DISTINCT FROM NEW."aliases")
  EXECUTE FUNCTION attest_claimants_refresh_claim_search();

-- 5. The words typos are mended against: every lexeme of a published claim
--    (3 to 60 characters, no digits: a number is never "corrected" into
--    another). Only published text, so that a correction never reveals a
--    draft's wording. Words are only added: one that no published claim uses
--    any more leads a search to no result, which costs nothing.
CREATE FUNCTION attest_claims_collect_search_words() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "search_words" ("word")
  SELECT lexeme FROM unnest(tsvector_to_array(NEW."search_vector")) AS lexeme
  WHERE length(lexeme) BETWEEN 3 AND 60 AND lexeme !~ '[0-9]'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "claims_collect_search_words_on_insert"
  AFTER INSERT ON "claims"
  FOR EACH ROW WHEN (NEW."status" = 'PUBLISHED') EXECUTE FUNCTION attest_claims_collect_search_words();
CREATE TRIGGER "claims_collect_search_words_on_update"
  AFTER UPDATE ON "claims"
  FOR EACH ROW WHEN (NEW."status" = 'PUBLISHED' AND (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."search_vector" IS DISTINCT FROM NEW."search_vector"))
  EXECUTE FUNCTION attest_claims_collect_search_words();

-- 6. What a reader typed, as a tsquery: every word must match (AND), each as
--    itself or a close spelling (OR). French stemming and accent folding
--    first (attest_french: "soldat" finds "soldats", "coree" "Corée"), then,
--    per lexeme:
--    - a known word also matches its near variants (similarity ≥ 0.5, same
--      first three letters, length within two), which mends stems French
--      inflection splits ("déployé" → deploy, "déploiement" → deploi,
--      "Corée" → core, "coréens" → coreen);
--    - an unknown word matches its 3 nearest known words at least half its
--      length (pg_trgm's default threshold 0.3: "Lavrof" → lavrov, but
--      "sanctons" not → "san"); with none, itself as a prefix (a fragment
--      of a word only drafts use yet, for the dashboard).
--    Numbers and one- or two-letter words only match themselves. At most 10
--    words; NULL when nothing searchable is left (only stop words).
CREATE FUNCTION attest_search_lexeme(lexeme text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  -- tsquery input quoting: quotes and backslashes doubled.
  SELECT ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')::tsquery
$$;

CREATE FUNCTION attest_search_query(typed text) RETURNS tsquery
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET pg_trgm.similarity_threshold = 0.3
AS $$
DECLARE
  lexeme text;
  known boolean;
  variant text;
  variants integer;
  term tsquery;
  result tsquery;
BEGIN
  FOR lexeme IN
    SELECT t.lexeme FROM unnest(to_tsvector('attest_french'::regconfig, coalesce(typed, ''))) AS t
    ORDER BY t.positions[1] LIMIT 10
  LOOP
    term := attest_search_lexeme(lexeme);
    -- A number means itself ("10" must not find 100 or 1000), and so does a
    -- word of one or two letters (too short to have close spellings).
    IF lexeme ~ '[0-9]' OR length(lexeme) < 3 THEN
      result := CASE WHEN result IS NULL THEN term ELSE result && term END;
      CONTINUE;
    END IF;
    known := EXISTS (SELECT 1 FROM "search_words" WHERE "word" = lexeme);
    variants := 0;
    FOR variant IN
      SELECT near."word" FROM (
        SELECT w."word", similarity(w."word", lexeme) AS score FROM "search_words" w
        WHERE w."word" % lexeme AND w."word" <> lexeme
        ORDER BY score DESC, w."word" LIMIT 5
      ) near
      WHERE (NOT known AND 2 * length(near."word") >= length(lexeme))
         OR (near.score >= 0.5 AND abs(length(near."word") - length(lexeme)) <= 2 AND left(near."word", 3) = left(lexeme, 3))
      ORDER BY near.score DESC, near."word" LIMIT 3
    LOOP
      term := term || attest_search_lexeme(variant);
      variants := variants + 1;
    END LOOP;
    -- Each alternative costs every match a little; a prefix only when nothing close is known.
    IF NOT known AND variants = 0 THEN
      term := term || (attest_search_lexeme(lexeme)::text || ':*')::tsquery;
    END IF;
    result := CASE WHEN result IS NULL THEN term ELSE result && term END;
  END LOOP;
  RETURN result;
END;
$$;

-- 7. Folded names for trigram matching of claimants ("Lavrof" ~ "Sergueï
--    Lavrov", aliases included). unaccent() is only STABLE (its dictionary
--    could change); naming the dictionary makes the fold safe to index.
CREATE FUNCTION attest_search_fold(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary, value))
$$;

CREATE FUNCTION attest_claimant_search_names(name text, aliases text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT public.attest_search_fold(coalesce(name, '') || ' ' || coalesce(array_to_string(aliases, ' '), ''))
$$;

-- Backfill: the trigger computes every vector (and collects the published words).
UPDATE "claims" SET "search_vector" = NULL;

-- The GIN indexes below are written through at once (fastupdate off): with
-- GIN's pending list, every search scans the entries added since the last
-- vacuum one by one (at 100,000 claims, 25 ms became 50 ms after a bulk
-- import). Claims, sources and their words are written seldom; searches are
-- the hot path.

-- CreateIndex
CREATE INDEX "claims_search_vector_idx" ON "claims" USING GIN ("search_vector") WITH (fastupdate = off);

-- The public search reads published claims only: its own index skips the
-- heap rows of drafts and claims in review (a fifth fewer rows to rank for a
-- common word). The full one serves the dashboard, which searches them all.
CREATE INDEX "claims_published_search_vector_idx" ON "claims" USING GIN ("search_vector")
  WITH (fastupdate = off) WHERE "status" = 'PUBLISHED';

-- CreateIndex
CREATE INDEX "search_words_word_idx" ON "search_words" USING GIN ("word" gin_trgm_ops) WITH (fastupdate = off);

CREATE INDEX "claimants_search_names_trgm_idx" ON "claimants"
  USING gin (attest_claimant_search_names("name", "aliases") gin_trgm_ops) WITH (fastupdate = off);

-- Quoted sources are found by title and publisher (the search's side results).
CREATE INDEX "sources_title_search_idx" ON "sources"
  USING gin (to_tsvector('attest_french'::regconfig, coalesce("title", '') || ' ' || coalesce("publisher", ''))) WITH (fastupdate = off);

-- The dashboard searched through this expression; it reads search_vector now.
DROP INDEX "claims_search_idx";
