import { claimPath } from '../claims/queries';
import { publicClaimWhere } from '../claims/visibility';
import { prisma, Prisma } from '../db';
import type { Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { toRatingDto, type RatingDto } from '../ratings/labels';
import type { ClaimMatchRequest } from './schema';

// Claims that may be the one an editor is typing (issue 11), and, on a public
// claim page, the published claims like it ("Related fact checks"). One
// query, four ways in, each through an index (scripts/bench-claim-matching.ts
// times it at 100,000 claims):
//
//  (a) trigram similarity of the folded text (its first 300 characters) and
//      summary: attest_search_fold (accents, case), the public search's, and
//      attest_claims_with_similar_text / _summary (pg_trgm's `%` at 0.6 and
//      0.45, through claims_text_fold_trgm_idx and
//      claims_summary_fold_trgm_idx; migration 20261201130000_claim_matching
//      says why not the default 0.3).
//  (b) full text: the claims' stored search_vector against the typed words,
//      each word as attest_search_query() spells it (itself and its close
//      spellings) — the public search's one mechanism. Not its AND of every
//      word: a claim typed in other words shares only some of them with the
//      one already logged ("dix mille militaires nord-coréens sont arrivés
//      en Russie" / "10 000 soldats nord-coréens sont entrés en Russie").
//      Nor a plain OR: one word as common as "Russie" would make every claim
//      a candidate to rank. A claim must share at least two of the typed
//      words, one of them not common (fullTextQueriesSql).
//  (c) the same claimant: the one picked, or the claimants whose name or
//      alias is close to the typed name (claimants_search_names_trgm_idx),
//      with a lower text-similarity bar (0.2), since the same speaker saying
//      nearly the same words is the duplicate this is for.
//  (d) the same passage: an appearance in the same source overlapping the
//      passage the new claim quotes (appearances_source_id_idx).
//
// Score (for the order only): the best trigram similarity (text or summary,
// 0–1), plus half the full-text rank normalised to 0–1 (ts_rank_cd,
// rank/(rank+1): shared words count, but less than shared wording),
// plus 0.15 for the same claimant and 0.5 for the same passage — two claims
// quoting the same words of the same article are the strongest sign there is.

export type ClaimMatchReason = 'TEXT' | 'SUMMARY' | 'SAME_CLAIMANT' | 'SAME_PASSAGE';

export type ClaimMatchStatus = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';

export type ClaimMatch = {
  id: string;
  slug: string;
  summary: string;
  text: string;
  language: string;
  status: ClaimMatchStatus;
  claimant: { id: string; name: string };
  /** The current published verdict's rating (what RatingBadge shows), null before one is published. */
  rating: RatingDto | null;
  score: number;
  reasons: ClaimMatchReason[];
  /** Text nearly identical and same claimant: saving asks for a confirmation. */
  nearDuplicate: boolean;
};

/**
 * Folded texts at least this similar (pg_trgm similarity, 0–1), by the same
 * claimant and stating the same figures (attest_claim_figures: "12 000" is not
 * "10 000"), are "the same claim": saving asks first. The seed's most similar
 * two claims of one claimant are 0.34 apart; "sont entrés" / "seraient
 * entrés" is 0.85, "10 000 soldats" / "des soldats" 0.80.
 */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;
/** The lower trigram bar for claims of the same claimant. */
const SAME_CLAIMANT_SIMILARITY = 0.2;
/**
 * Only the start of a long pasted text is compared by trigrams, as the index
 * holds it (claims_text_fold_trgm_idx: the first 300 characters): a claim is
 * a sentence or two, and a trigram comparison's cost grows with the length.
 */
const MATCHED_TEXT_LENGTH = 300;
/** The start of the text whose words the full-text part reads (it keeps the first MATCHED_WORDS of them). */
const FULL_TEXT_LENGTH = 2000;
/** The typed words the full-text part uses, in typing order (attest_search_query's own limit). */
const MATCHED_WORDS = 10;
/** Candidates kept from each way in before scoring. */
const BRANCH_LIMIT = 50;
/** Trigram matches ranked at most (the migration says why). */
const TRIGRAM_EXAMINED = 100;
/** Claimants taken as "the typed claimant" when a name was typed. */
const TYPED_CLAIMANT_LIMIT = 3;
export const CLAIM_MATCH_LIMIT = 5;

type Passage = { sourceId: string; start: number; end: number };

export type MatchInput = {
  text: string;
  summary: string;
  claimantIds: string[];
  claimantName: string;
  passages: Passage[];
  excludeClaimId: string;
  /** Public reads: published claims only, decided inside every way in (before any limit). */
  publishedOnly: boolean;
  limit: number;
};

type MatchRow = {
  id: string;
  slug: string;
  summary: string;
  text: string;
  language: string;
  status: ClaimMatchStatus;
  claimant_id: string;
  claimant_name: string;
  claimant_slug: string;
  rating_key: string | null;
  rating_label_fr: string | null;
  rating_label_en: string | null;
  rating_value: number | null;
  rating_colour: string | null;
  score: number;
  text_similar: boolean;
  summary_similar: boolean;
  full_text: boolean;
  same_claimant: boolean;
  same_passage: boolean;
  near_duplicate: boolean;
};

/**
 * A word in more claims than this (PostgreSQL's statistics of search_vector:
 * its frequency among the most common elements, times the table's row
 * estimate) is common: a pair of two common words could match thousands of
 * claims to rank. In a small archive no word is.
 */
const COMMON_WORD_CLAIMS = 1000;

/**
 * The full-text queries of (b), from the first MATCHED_WORDS typed words,
 * each as attest_search_query() spells it (itself or its close spellings):
 * `query`, which a claim must match, is the OR of the pairs of them in which
 * at least one word is not common (COMMON_WORD_CLAIMS, read from the
 * column's most_common_elems: ANALYZE keeps them), or the one word when only
 * one was typed and it is not common; `ranking`, which orders the matches, is
 * the OR of the words (ts_rank_cd's cost grows with the query's size). A
 * rare word bounds the rows a pair can match; two common ones ("nord",
 * "coréens") would match a third of the archive. NULL when nothing
 * searchable was typed.
 */
function fullTextQueriesSql(typed: string): Prisma.Sql {
  return Prisma.sql`
    words AS (
      SELECT w.lexeme, row_number() OVER (ORDER BY w.positions[1], w.lexeme) AS n
      FROM unnest(to_tsvector('attest_french'::regconfig, ${typed})) AS w
      ORDER BY w.positions[1], w.lexeme LIMIT ${MATCHED_WORDS}
    ),
    common_words AS (
      SELECT m.word FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS m(word, frequency)
      WHERE s.schemaname = current_schema() AND s.tablename = 'claims' AND s.attname = 'search_vector'
        AND m.frequency * (SELECT greatest(t.reltuples, 0) FROM pg_class t WHERE t.oid = 'claims'::regclass) > ${COMMON_WORD_CLAIMS}
    ),
    -- A common word is known: its close spellings are not looked up (attest_search_query would, for typos).
    terms AS (
      SELECT t.n, CASE WHEN t.rare THEN attest_search_query(t.lexeme)::text ELSE attest_search_lexeme(t.lexeme)::text END AS q, t.rare
      FROM (SELECT words.n, words.lexeme, NOT EXISTS (SELECT 1 FROM common_words cw WHERE cw.word = words.lexeme) AS rare FROM words) t
    ),
    full_text AS (
      SELECT CASE
               WHEN (SELECT count(*) FROM terms) = 1 THEN (SELECT q FROM terms WHERE rare)::tsquery
               ELSE (SELECT string_agg('(' || a.q || ') & (' || b.q || ')', ' | ') FROM terms a JOIN terms b ON a.n < b.n WHERE a.rare OR b.rare)::tsquery
             END AS query,
             (SELECT string_agg('(' || q || ')', ' | ') FROM terms)::tsquery AS ranking
    ),`;
}

/** The other claim a save would be refused for, named to the editor ("Save anyway"). */
export type NearDuplicate = { id: string; slug: string; summary: string; language: string };

/**
 * "Nearly identical", the one definition the panel's badge and the save-time
 * check share (so that the badge says what saving will ask): claim `c`'s
 * whole text, folded, is the typed one, or at least NEAR_DUPLICATE_SIMILARITY
 * similar with the same figures ("12 000 soldats" is another claim than
 * "10 000 soldats", 0.92 similar).
 */
function nearlySameTextSql(typedText: string): Prisma.Sql {
  return Prisma.sql`(attest_search_fold(c."text") = attest_search_fold(${typedText})
    OR (similarity(attest_search_fold(c."text"), attest_search_fold(${typedText})) >= ${NEAR_DUPLICATE_SIMILARITY}
        AND attest_claim_figures(c."text") = attest_claim_figures(${typedText})))`;
}

/** Claim `c` is not the one edited, nor already linked to it (the editor knows those; '' = a new claim). */
function otherThanEditedSql(editedClaimId: string): Prisma.Sql {
  return Prisma.sql`c."id" <> ${editedClaimId}
    AND NOT EXISTS (SELECT 1 FROM "claim_relations" r
                    WHERE (r."from_claim_id" = ${editedClaimId} AND r."to_claim_id" = c."id")
                       OR (r."to_claim_id" = ${editedClaimId} AND r."from_claim_id" = c."id"))`;
}

/** The one statement of the matching (exported for scripts/bench-claim-matching.ts, which explains it). */
export function claimMatchSql(input: MatchInput): Prisma.Sql {
  const text = input.text.slice(0, MATCHED_TEXT_LENGTH);
  const summary = input.summary;
  const published = input.publishedOnly ? Prisma.sql`c."status" = 'PUBLISHED'` : Prisma.sql`true`;
  const typedWords = `${summary} ${input.text.slice(0, FULL_TEXT_LENGTH)}`.trim();
  const sourceIds = input.passages.map((passage) => passage.sourceId);
  const starts = input.passages.map((passage) => passage.start);
  const ends = input.passages.map((passage) => passage.end);
  return Prisma.sql`
    WITH ${fullTextQueriesSql(typedWords)}
    typed AS (
      SELECT attest_search_fold(${text}) AS text, attest_search_fold(${summary}) AS summary, full_text.query, full_text.ranking
      FROM full_text
    ),
    claimant_ids AS (
      SELECT unnest(${input.claimantIds}::text[]) AS id
      UNION
      (SELECT cl."id" FROM "claimants" cl, (SELECT attest_search_fold(${input.claimantName}) AS folded) named
       WHERE named.folded <> '' AND named.folded <% attest_claimant_search_names(cl."name", cl."aliases")
       ORDER BY word_similarity(named.folded, attest_claimant_search_names(cl."name", cl."aliases")) DESC, cl."id"
       LIMIT ${TYPED_CLAIMANT_LIMIT})
    ),
    passages AS (
      SELECT * FROM unnest(${sourceIds}::text[], ${starts}::int[], ${ends}::int[]) AS p("source_id", "start", "end")
    ),
    candidates AS (
      SELECT trigram.claim_id AS "id" FROM typed, attest_claims_with_similar_text(typed.text, ${input.publishedOnly}, ${BRANCH_LIMIT}, ${TRIGRAM_EXAMINED}) trigram
      UNION
      SELECT trigram.claim_id AS "id" FROM typed, attest_claims_with_similar_summary(typed.summary, ${input.publishedOnly}, ${BRANCH_LIMIT}, ${TRIGRAM_EXAMINED}) trigram
      UNION
      (SELECT c."id" FROM "claims" c, typed
       WHERE c."search_vector" @@ typed.query AND ${published}
       ORDER BY ts_rank_cd(c."search_vector", typed.ranking, 32) DESC LIMIT ${BRANCH_LIMIT})
      UNION
      (SELECT c."id" FROM "claims" c, typed
       WHERE c."claimant_id" IN (SELECT id FROM claimant_ids) AND ${published}
         AND ((typed.text <> '' AND similarity(attest_search_fold(left(c."text", ${MATCHED_TEXT_LENGTH})), typed.text) >= ${SAME_CLAIMANT_SIMILARITY})
           OR (typed.summary <> '' AND similarity(attest_search_fold(c."summary"), typed.summary) >= ${SAME_CLAIMANT_SIMILARITY}))
       LIMIT ${BRANCH_LIMIT})
      UNION
      (SELECT DISTINCT a."claim_id" FROM "appearances" a JOIN passages p ON p."source_id" = a."source_id"
       JOIN "claims" c ON c."id" = a."claim_id"
       WHERE a."start" < p."end" AND a."end" > p."start" AND ${published}
       LIMIT ${BRANCH_LIMIT})
    ),
    scored AS (
      SELECT c."id",
             CASE WHEN typed.text <> '' THEN similarity(attest_search_fold(left(c."text", ${MATCHED_TEXT_LENGTH})), typed.text) ELSE 0 END AS text_similarity,
             CASE WHEN typed.summary <> '' THEN similarity(attest_search_fold(c."summary"), typed.summary) ELSE 0 END AS summary_similarity,
             coalesce(c."search_vector" @@ typed.query, false) AS full_text,
             CASE WHEN c."search_vector" @@ typed.query THEN ts_rank_cd(c."search_vector", typed.ranking, 32) ELSE 0 END AS rank,
             c."claimant_id" IN (SELECT id FROM claimant_ids) AS same_claimant,
             EXISTS (SELECT 1 FROM "appearances" a JOIN passages p ON p."source_id" = a."source_id"
                     WHERE a."claim_id" = c."id" AND a."start" < p."end" AND a."end" > p."start") AS same_passage,
             ${nearlySameTextSql(input.text)} AS nearly_same_text
      FROM candidates JOIN "claims" c ON c."id" = candidates."id", typed
      WHERE ${otherThanEditedSql(input.excludeClaimId)}
    ),
    top AS (
      SELECT s.*, greatest(s.text_similarity, s.summary_similarity) + 0.5 * s.rank
               + CASE WHEN s.same_claimant THEN 0.15 ELSE 0 END + CASE WHEN s.same_passage THEN 0.5 ELSE 0 END AS score
      FROM scored s
      ORDER BY score DESC, s."id" LIMIT ${input.limit}
    )
    SELECT c."id", c."slug", c."summary", c."text", c."language", c."status"::text AS "status",
           cl."id" AS "claimant_id", cl."name" AS "claimant_name", cl."slug" AS "claimant_slug",
           r."key" AS "rating_key", r."label_fr" AS "rating_label_fr", r."label_en" AS "rating_label_en",
           r."value" AS "rating_value", r."colour" AS "rating_colour",
           top.score::float8 AS "score",
           top.text_similarity >= 0.3 AS "text_similar",
           top.summary_similarity >= 0.3 AS "summary_similar",
           top.full_text, top.same_claimant, top.same_passage,
           top.same_claimant AND top.nearly_same_text AS "near_duplicate"
    FROM top JOIN "claims" c ON c."id" = top."id"
    JOIN "claimants" cl ON cl."id" = c."claimant_id"
    LEFT JOIN LATERAL (
      SELECT p."rating_id" FROM "verdicts" p
      WHERE p."claim_id" = c."id" AND p."state" = 'PUBLISHED'
      ORDER BY p."number" DESC LIMIT 1
    ) v ON true
    LEFT JOIN "ratings" r ON r."id" = v."rating_id"
    ORDER BY top.score DESC, c."id"`;
}

function runMatch(client: Pick<Tx, '$queryRaw'>, input: MatchInput): Promise<MatchRow[]> {
  return client.$queryRaw<MatchRow[]>(claimMatchSql(input));
}

function ratingOf(row: MatchRow): RatingDto | null {
  return row.rating_key !== null && row.rating_label_fr !== null && row.rating_label_en !== null && row.rating_colour !== null
    ? toRatingDto({ key: row.rating_key, labelFr: row.rating_label_fr, labelEn: row.rating_label_en, value: row.rating_value, colour: row.rating_colour }, row.language)
    : null;
}

function reasonsOf(row: MatchRow): ClaimMatchReason[] {
  const reasons: ClaimMatchReason[] = [];
  if (row.text_similar || row.full_text) reasons.push('TEXT');
  if (row.summary_similar) reasons.push('SUMMARY');
  if (row.same_claimant) reasons.push('SAME_CLAIMANT');
  if (row.same_passage) reasons.push('SAME_PASSAGE');
  return reasons;
}

function toClaimMatch(row: MatchRow): ClaimMatch {
  return {
    id: row.id,
    slug: row.slug,
    summary: row.summary,
    text: row.text,
    language: row.language,
    status: row.status,
    claimant: { id: row.claimant_id, name: row.claimant_name },
    rating: ratingOf(row),
    score: Math.round(row.score * 1000) / 1000,
    reasons: reasonsOf(row),
    nearDuplicate: row.near_duplicate,
  };
}

/**
 * The claims that may be the one the editor is typing, best first: drafts
 * and claims in review included (the newsroom's own work is what gets logged
 * twice), the edited claim and those already linked to it excluded.
 */
export async function findClaimMatches(actor: Actor, request: ClaimMatchRequest, limit = CLAIM_MATCH_LIMIT): Promise<ClaimMatch[]> {
  assertCan(actor, 'dashboard.read');
  if (request.text === '' && request.summary === '' && !request.passage) return [];
  return (await runMatch(prisma, matchInputOfRequest(request, limit))).map(toClaimMatch);
}

/** What the editor's form asks, as the matching statement takes it (a picked claimant wins over the typed name). */
export function matchInputOfRequest(request: ClaimMatchRequest, limit: number): MatchInput {
  return {
    text: request.text,
    summary: request.summary,
    claimantIds: request.claimantId ? [request.claimantId] : [],
    claimantName: request.claimantId ? '' : request.claimant,
    passages: request.passage ? [request.passage] : [],
    excludeClaimId: request.excludeClaimId,
    publishedOnly: false,
    limit,
  };
}

/**
 * The claims like an existing one, for its editor's "Possible duplicates":
 * its own text, summary, claimant and passages matched, itself and the claims
 * already linked to it left out.
 */
export async function findMatchesOfClaim(actor: Actor, claimId: string, limit = CLAIM_MATCH_LIMIT): Promise<ClaimMatch[]> {
  assertCan(actor, 'dashboard.read');
  const input = await matchInputOfClaim({ id: claimId }, false, limit);
  return input ? (await runMatch(prisma, input)).map(toClaimMatch) : [];
}

async function matchInputOfClaim(where: { id: string } | { slug: string }, publishedOnly: boolean, limit: number): Promise<MatchInput | null> {
  const claim = await prisma.claim.findFirst({
    // The public block reads a public claim only: a draft's wording is never matched on its behalf.
    where: publishedOnly ? { AND: [where, publicClaimWhere] } : where,
    select: { id: true, text: true, summary: true, claimantId: true, appearances: { select: { sourceId: true, start: true, end: true } } },
  });
  if (!claim) return null;
  return {
    text: claim.text,
    summary: claim.summary,
    claimantIds: [claim.claimantId],
    claimantName: '',
    passages: claim.appearances,
    excludeClaimId: claim.id,
    publishedOnly,
    limit,
  };
}

/**
 * For the save-time confirmation, inside the createClaim/updateClaim
 * transaction: another claim of the same claimant, not already linked to the
 * edited one, whose text is nearly the same (nearlySameTextSql, as the
 * panel's badge), the most similar first. The claimant's claims through
 * claims_claimant_id_idx, compared one by one: a claimant has hundreds of
 * claims, not a hundred thousand.
 */
export async function findNearDuplicateClaim(
  tx: Pick<Tx, '$queryRaw'>,
  input: { text: string; claimantId: string; excludeClaimId?: string },
): Promise<NearDuplicate | null> {
  if (input.claimantId === '' || input.text.trim() === '') return null;
  const rows = await tx.$queryRaw<NearDuplicate[]>(Prisma.sql`
    SELECT c."id", c."slug", c."summary", c."language" FROM "claims" c
    WHERE c."claimant_id" = ${input.claimantId} AND ${otherThanEditedSql(input.excludeClaimId ?? '')} AND ${nearlySameTextSql(input.text)}
    ORDER BY similarity(attest_search_fold(c."text"), attest_search_fold(${input.text})) DESC, c."id"
    LIMIT 1`);
  return rows[0] ?? null;
}

export type RelatedFactCheck = {
  slug: string;
  summary: string;
  language: string;
  claimant: { name: string; slug: string };
  rating: RatingDto | null;
  path: string;
};

/**
 * Public: the published claims like this one (by slug, as the page knows it), for its page's "Related fact
 * checks" — the same matching, published claims only (decided in every way
 * in, so a draft can neither appear nor push a published claim out), the
 * claims it is already linked to left out (the page lists those above).
 * Cached by lib/claim-matching/cache.ts.
 */
export async function findRelatedFactChecks(slug: string, limit = CLAIM_MATCH_LIMIT): Promise<RelatedFactCheck[]> {
  const input = await matchInputOfClaim({ slug }, true, limit);
  if (!input) return [];
  return (await runMatch(prisma, input)).map((row) => ({
    slug: row.slug,
    summary: row.summary,
    language: row.language,
    claimant: { name: row.claimant_name, slug: row.claimant_slug },
    rating: ratingOf(row),
    path: claimPath(row.slug),
  }));
}
