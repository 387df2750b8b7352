-- Full-text search over claims, quotes and source texts, French-aware and
-- accent-folding ("coreens" finds "coréens"), plus trigram indexes for fuzzy
-- matching of names ("Koursk" ~ "Kursk"). Works on PostgreSQL 15 and on the
-- embedded PGlite (PostgreSQL 17), whose contrib builds ship these extensions.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- french_stem after unaccent: words are folded first, then stemmed.
CREATE TEXT SEARCH CONFIGURATION attest_french (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION attest_french
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- to_tsvector(regconfig, text) is immutable when the configuration is named,
-- so these expression indexes are used by queries written the same way
-- (see lib/search/queries.ts).
CREATE INDEX "claims_search_idx" ON "claims"
  USING gin (to_tsvector('attest_french'::regconfig, "summary" || ' ' || "text"));

CREATE INDEX "appearances_search_idx" ON "appearances"
  USING gin (to_tsvector('attest_french'::regconfig, "exact"));

CREATE INDEX "sources_search_idx" ON "sources"
  USING gin (to_tsvector('attest_french'::regconfig, coalesce("title", '') || ' ' || "text"));

CREATE INDEX "claims_summary_trgm_idx" ON "claims" USING gin (lower("summary") gin_trgm_ops);
CREATE INDEX "claimants_name_trgm_idx" ON "claimants" USING gin (lower("name") gin_trgm_ops);
