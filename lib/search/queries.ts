import { claimPath, isoDate } from '../claims/queries';
import { listedClaimWhere, publicSourceWhere } from '../claims/visibility';
import { prisma, Prisma } from '../db';
import { ratingSelect, toRatingDto, type RatingDto, type RatingLabels } from '../ratings/labels';
import type { SearchCursor, SearchFilters } from './schema';

// The public search: published claims ranked against the stored, weighted
// claims.search_vector (summary > claim text and claimant > verdict headline
// > explanation), with typos mended by attest_search_query() in the database
// (prisma/migrations/20261201120100_search_vector). Side results: claimants
// by name or alias (trigram), quoted sources by title and publisher.
// scripts/bench-search.ts times it at 100,000 claims.
//
// "Published" is listedClaimWhere (lib/claims/visibility.ts): status
// PUBLISHED. The SQL below writes that condition as c."status" = 'PUBLISHED'
// because it must sit next to the index condition; archived claims stay
// reachable by URL but are not listed, here as in every listing.

/** A run of a highlighted text: a word the search matched, or the text between. */
export type HighlightSegment = { text: string; match: boolean };

export type PublicSearchResult = {
  slug: string;
  summary: string;
  text: string;
  language: string;
  claimant: { name: string; slug: string };
  rating: RatingDto | null;
  publishedAt: string;
  claimedAt: string | null;
  /** The current published verdict. */
  verdict: { headline: string; publishedAt: string } | null;
  /** The summary and a snippet of the claim text with the matching words marked; null without search text. */
  highlights: { summary: HighlightSegment[]; text: HighlightSegment[] } | null;
  path: string;
};

export type PublicSearchPage = { items: PublicSearchResult[]; nextCursor: SearchCursor | null };

/** What was typed, as the database will match it. */
export type PreparedSearch = {
  /** The tsquery text; null when nothing searchable was typed (only stop words, punctuation). */
  tsquery: string | null;
  /** The one word searched, when the search is a single word published claims use: the only searches worth caching. */
  singleKnownWord: string | null;
};

// Private-use characters mark the matches in ts_headline's answer; the text
// is stripped of them first, so a marker can only be one the database put.
// The answer is split into segments (parseHighlights) and React escapes
// every segment: no markup ever comes from the database.
const MATCH_START = '\uE000';
const MATCH_END = '\uE001';
const MARKERS_SQL = Prisma.sql`chr(57344) || chr(57345)`;
const HIGHLIGHT_ALL = Prisma.sql`'HighlightAll=true, StartSel="' || chr(57344) || '", StopSel="' || chr(57345) || '"'`;
const FRAGMENTS = Prisma.sql`'MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … ", StartSel="' || chr(57344) || '", StopSel="' || chr(57345) || '"'`;
/** Claim texts up to this length are shown whole; longer ones as fragments around the matches. */
const WHOLE_TEXT_LENGTH = 280;

export function parseHighlights(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    if (start === -1) {
      segments.push({ text: rest, match: false });
      break;
    }
    if (start > 0) segments.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MATCH_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    const word = rest.slice(start + 1, stop);
    if (word) segments.push({ text: word, match: true });
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  return segments;
}

/** One round trip: the tsquery (attest_search_query) and whether it is a single known word. */
export async function prepareSearch(text: string): Promise<PreparedSearch> {
  const [row] = await prisma.$queryRaw<{ tsquery: string | null; single_known_word: string | null }[]>(Prisma.sql`
    SELECT attest_search_query(${text})::text AS "tsquery",
           (SELECT CASE WHEN count(*) = 1 AND bool_and(EXISTS (SELECT 1 FROM "search_words" w WHERE w."word" = t.lexeme)) THEN min(t.lexeme) END
            FROM unnest(to_tsvector('attest_french'::regconfig, ${text})) AS t) AS "single_known_word"`);
  return { tsquery: row?.tsquery || null, singleKnownWord: row?.single_known_word ?? null };
}

function filterConditions(filters: SearchFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`c."status" = 'PUBLISHED'`];
  if (filters.claimant) conditions.push(Prisma.sql`c."claimant_id" = (SELECT cl."id" FROM "claimants" cl WHERE cl."slug" = ${filters.claimant})`);
  if (filters.rating) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "verdicts" v JOIN "ratings" r ON r."id" = v."rating_id"
      WHERE v."claim_id" = c."id" AND v."state" = 'PUBLISHED' AND r."key" = ${filters.rating})`);
  }
  // Calendar days in UTC, as the pages show dates; `to` includes its whole day.
  if (filters.from) conditions.push(Prisma.sql`c."published_at" >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`c."published_at" < ${filters.to}::date + 1`);
  if (filters.language) conditions.push(Prisma.sql`lower(split_part(c."language", '-', 1)) = ${filters.language.toLowerCase()}`);
  if (filters.reviewedOnly) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "verdicts" v WHERE v."claim_id" = c."id" AND v."state" = 'PUBLISHED')`);
  }
  if (filters.reviewedOrClaimedSince) {
    conditions.push(Prisma.sql`GREATEST(c."claimed_at"::timestamp,
      (SELECT max(v."published_at") FROM "verdicts" v WHERE v."claim_id" = c."id" AND v."state" = 'PUBLISHED')) >= ${filters.reviewedOrClaimedSince.toISOString()}::timestamp`);
  }
  return conditions;
}

type SearchRow = {
  id: string;
  rank: number;
  slug: string;
  summary: string;
  text: string;
  language: string;
  published_at: Date | null;
  claimed_at: string | null;
  claimant_name: string;
  claimant_slug: string;
  headline: string | null;
  verdict_published_at: Date | null;
  rating_key: string | null;
  rating_label_fr: string | null;
  rating_label_en: string | null;
  rating_value: number | null;
  rating_colour: string | null;
  summary_marked: string | null;
  text_marked: string | null;
};

/**
 * One page of published claims: with a tsquery (prepareSearch), best match
 * first (ts_rank_cd over the weights), keyset on (rank, id); without one,
 * newest first, keyset on (publishedAt, id). Filters apply to both.
 */
export async function searchPublishedClaims({
  tsquery,
  filters,
  limit,
  after,
}: {
  /** Null: no text, every published claim the filters keep. */
  tsquery: string | null;
  filters: SearchFilters;
  limit: number;
  after: SearchCursor | null;
}): Promise<PublicSearchPage> {
  const take = limit + 1;
  const conditions = filterConditions(filters);
  let page: Prisma.Sql;
  let order: Prisma.Sql;
  if (tsquery !== null) {
    const query = Prisma.sql`${tsquery}::tsquery`;
    const keyset = after && 'rank' in after ? Prisma.sql`WHERE (m."rank", m."id") < (${after.rank}::real, ${after.id})` : Prisma.empty;
    // The rank is computed for every match (the GIN index finds them), then
    // the top of the page is kept: PostgreSQL's top-N sort, no OFFSET.
    page = Prisma.sql`
      SELECT m."id", m."rank" FROM (
        SELECT c."id", ts_rank_cd(c."search_vector", ${query}) AS "rank" FROM "claims" c
        WHERE c."search_vector" @@ ${query} AND ${Prisma.join(conditions, ' AND ')}
      ) m ${keyset}
      ORDER BY m."rank" DESC, m."id" DESC LIMIT ${take}`;
    order = Prisma.sql`page."rank" DESC, page."id" DESC`;
  } else {
    if (after && 'publishedAt' in after) {
      conditions.push(Prisma.sql`(c."published_at", c."id") < (${after.publishedAt}::timestamp, ${after.id})`);
    }
    page = Prisma.sql`
      SELECT c."id", 0::real AS "rank" FROM "claims" c WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY c."published_at" DESC, c."id" DESC LIMIT ${take}`;
    order = Prisma.sql`c."published_at" DESC, c."id" DESC`;
  }
  const highlights =
    tsquery === null
      ? Prisma.sql`NULL::text AS "summary_marked", NULL::text AS "text_marked"`
      : Prisma.sql`
          ts_headline('attest_french'::regconfig, translate(c."summary", ${MARKERS_SQL}, ''), ${tsquery}::tsquery, ${HIGHLIGHT_ALL}) AS "summary_marked",
          ts_headline('attest_french'::regconfig, translate(c."text", ${MARKERS_SQL}, ''), ${tsquery}::tsquery,
                      CASE WHEN char_length(c."text") <= ${WHOLE_TEXT_LENGTH} THEN ${HIGHLIGHT_ALL} ELSE ${FRAGMENTS} END) AS "text_marked"`;

  const rows = await prisma.$queryRaw<SearchRow[]>(Prisma.sql`
    WITH page AS (${page})
    SELECT c."id", page."rank", c."slug", c."summary", c."text", c."language", c."published_at",
           to_char(c."claimed_at", 'YYYY-MM-DD') AS "claimed_at",
           cl."name" AS "claimant_name", cl."slug" AS "claimant_slug",
           v."headline", v."published_at" AS "verdict_published_at",
           r."key" AS "rating_key", r."label_fr" AS "rating_label_fr", r."label_en" AS "rating_label_en",
           r."value" AS "rating_value", r."colour" AS "rating_colour",
           ${highlights}
    FROM page
    JOIN "claims" c ON c."id" = page."id"
    JOIN "claimants" cl ON cl."id" = c."claimant_id"
    LEFT JOIN LATERAL (
      SELECT p."headline", p."published_at", p."rating_id" FROM "verdicts" p
      WHERE p."claim_id" = c."id" AND p."state" = 'PUBLISHED'
      ORDER BY p."number" DESC LIMIT 1
    ) v ON true
    LEFT JOIN "ratings" r ON r."id" = v."rating_id"
    ORDER BY ${order}`);

  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  let nextCursor: SearchCursor | null = null;
  if (rows.length > limit && last) {
    nextCursor = tsquery !== null ? { rank: last.rank, id: last.id } : { publishedAt: (last.published_at ?? new Date(0)).toISOString(), id: last.id };
  }
  return { items: pageRows.map(toSearchResult), nextCursor };
}

function toSearchResult(row: SearchRow): PublicSearchResult {
  const rating =
    row.rating_key !== null && row.rating_label_fr !== null && row.rating_label_en !== null && row.rating_colour !== null
      ? toRatingDto({ key: row.rating_key, labelFr: row.rating_label_fr, labelEn: row.rating_label_en, value: row.rating_value, colour: row.rating_colour }, row.language)
      : null;
  return {
    slug: row.slug,
    summary: row.summary,
    text: row.text,
    language: row.language,
    claimant: { name: row.claimant_name, slug: row.claimant_slug },
    rating,
    publishedAt: (row.published_at ?? new Date(0)).toISOString(),
    claimedAt: row.claimed_at,
    verdict: row.headline !== null ? { headline: row.headline, publishedAt: row.verdict_published_at?.toISOString() ?? '' } : null,
    highlights:
      row.summary_marked !== null && row.text_marked !== null
        ? { summary: parseHighlights(row.summary_marked), text: parseHighlights(row.text_marked) }
        : null,
    path: claimPath(row.slug),
  };
}

export type SearchClaimantMatch = { slug: string; name: string; aliases: string[]; publishedClaims: number };

/**
 * Claimants of published claims whose name or an alias is close to what was
 * typed ("Lavrof" → Sergueï Lavrov): pg_trgm's word similarity on the folded
 * names, through claimants_search_names_trgm_idx.
 */
export async function findMatchingClaimants(text: string, limit = 5): Promise<SearchClaimantMatch[]> {
  const rows = await prisma.$queryRaw<{ slug: string; name: string; aliases: string[]; published_claims: number }[]>(Prisma.sql`
    WITH typed AS (SELECT attest_search_fold(${text}) AS folded)
    SELECT cl."slug", cl."name", cl."aliases", count(*)::int AS "published_claims"
    FROM typed, "claimants" cl JOIN "claims" c ON c."claimant_id" = cl."id" AND c."status" = 'PUBLISHED'
    WHERE typed.folded <% attest_claimant_search_names(cl."name", cl."aliases")
    GROUP BY cl."id", typed.folded
    ORDER BY word_similarity(typed.folded, attest_claimant_search_names(cl."name", cl."aliases")) DESC, cl."name", cl."id"
    LIMIT ${limit}`);
  return rows.map((row) => ({ slug: row.slug, name: row.name, aliases: row.aliases, publishedClaims: row.published_claims }));
}

export type SearchSourceMatch = { id: string; title: string | null; publisher: string | null; language: string; publishedAt: string | null; path: string };

/** How many title matches are checked for being public before giving up on more side results. */
const SOURCE_CANDIDATES = 200;

/**
 * Quoted sources whose title or publisher matches the search. Candidates
 * come from sources_title_search_idx, newest first; publicSourceWhere then
 * keeps the public ones, so "public" is decided in one place.
 */
export async function findMatchingSources(tsquery: string, limit = 5): Promise<SearchSourceMatch[]> {
  const candidates = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT s."id" FROM "sources" s
    WHERE to_tsvector('attest_french'::regconfig, coalesce(s."title", '') || ' ' || coalesce(s."publisher", '')) @@ ${tsquery}::tsquery
    ORDER BY s."published_at" DESC NULLS LAST, s."id" DESC
    LIMIT ${SOURCE_CANDIDATES}`);
  if (candidates.length === 0) return [];
  const ids = candidates.map((row) => row.id);
  const sources = await prisma.source.findMany({
    where: { AND: [{ id: { in: ids } }, publicSourceWhere] },
    select: { id: true, title: true, publisher: true, language: true, publishedAt: true },
  });
  const position = new Map(ids.map((id, index) => [id, index]));
  return sources
    .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
    .slice(0, limit)
    .map((source) => ({ ...source, publishedAt: isoDate(source.publishedAt), path: `/sources/${encodeURIComponent(source.id)}` }));
}

export type SearchFilterOptions = {
  ratings: { key: string; labels: RatingLabels }[];
  claimants: { slug: string; name: string }[];
};

/** The filters' choices: the active ratings, in scale order, and the claimants of published claims. */
export async function listSearchFilterOptions(): Promise<SearchFilterOptions> {
  const [ratings, claimants] = await Promise.all([
    prisma.rating.findMany({ where: { active: true }, orderBy: [{ position: 'asc' }, { key: 'asc' }], select: ratingSelect }),
    prisma.claimant.findMany({ where: { claims: { some: listedClaimWhere } }, orderBy: [{ name: 'asc' }, { slug: 'asc' }], select: { slug: true, name: true } }),
  ]);
  return { ratings: ratings.map((rating) => ({ key: rating.key, labels: toRatingDto(rating, 'fr').labels })), claimants };
}
