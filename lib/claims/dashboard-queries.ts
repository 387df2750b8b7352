import { escapeLike } from '../claimants/queries';
import { prisma, Prisma } from '../db';
import type { Locale } from '../i18n/locales';
import { assertCan, type Actor } from '../permissions';
import { ratingLabel, ratingSelect, toRatingDto, type RatingDto } from '../ratings/labels';
import { claimPath, isoDate, type PublicQuote, quoteSelect } from './queries';
import {
  type ClaimStatusValue,
  claimStatuses,
  type DashboardClaimCursor,
  type DashboardClaimFilters,
  type DashboardClaimSort,
  decodeDashboardClaimCursor,
  encodeDashboardClaimCursor,
} from './schema';
import { hasBeenPublished, isPublicClaim } from './visibility';

// ---------------------------------------------------------------------------
// Dashboard reads (claims list and claim editor). Not public: each one checks
// that the actor may read the dashboard.
// ---------------------------------------------------------------------------

export type DashboardClaimListItem = {
  id: string;
  slug: string;
  summary: string;
  language: string;
  status: ClaimStatusValue;
  claimant: { id: string; name: string };
  /** Of the current verdict: the published one if any, else the latest. */
  rating: RatingDto | null;
  verdictState: string | null;
  tags: string[];
  claimedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type DashboardClaimPage = { items: DashboardClaimListItem[]; nextCursor: string | null };

export const DASHBOARD_CLAIMS_PAGE_SIZE = 25;

/** One row per claim of the page, ordered and cut by the keyset before anything is joined. */
type DashboardClaimRow = {
  id: string;
  slug: string;
  summary: string;
  language: string;
  status: ClaimStatusValue;
  tags: string[];
  claimed_at: string | null;
  created_at: Date;
  updated_at: Date;
  sort_key: string | null;
  claimant_id: string;
  claimant_name: string;
  rating_key: string | null;
  rating_label_fr: string | null;
  rating_label_en: string | null;
  rating_value: number | null;
  rating_colour: string | null;
  verdict_state: string | null;
};

/**
 * Claims whose current verdict (the published one if any, else the latest)
 * has this rating. Written as a set of ids, read from the verdicts' rating
 * index, rather than a per-claim subquery: the planner can then join it.
 */
function claimIdsCurrentlyRated(ratingKey: string): Prisma.Sql {
  return Prisma.sql`
    SELECT v."claim_id" FROM "verdicts" v JOIN "ratings" r ON r."id" = v."rating_id"
    WHERE r."key" = ${ratingKey}
      AND (v."state" = 'PUBLISHED'
           OR (NOT EXISTS (SELECT 1 FROM "verdicts" p WHERE p."claim_id" = v."claim_id" AND p."state" = 'PUBLISHED')
               AND v."number" = (SELECT max(m."number") FROM "verdicts" m WHERE m."claim_id" = v."claim_id")))`;
}

/**
 * The claims matching free text, with the columns the other filters and the
 * sorts read: the public search's match (the stored claims.search_vector and
 * attest_search_query(): French stemming, accents folded, typos mended —
 * "coreens" finds "coréens", "Lavrof" Lavrov; see lib/search/queries.ts),
 * whatever the claim's status; plus a substring match on the summary
 * (trigram index) for fragments that are not whole words ("Déclaration de
 * te"). A UNION of two index scans, which an OR would not be. The tsquery
 * is an InitPlan (a sub-SELECT): computed once, never once per row.
 */
function claimsMatchingText(text: string): Prisma.Sql {
  const columns = Prisma.sql`s."id", s."status", s."claimant_id", s."tags", s."created_at", s."updated_at", s."claimed_at"`;
  return Prisma.sql`
    SELECT ${columns} FROM "claims" s
    WHERE s."search_vector" @@ (SELECT attest_search_query(${text}))
    UNION
    SELECT ${columns} FROM "claims" s WHERE lower(s."summary") LIKE lower(${`%${escapeLike(text)}%`})`;
}

function filterConditions(filters: DashboardClaimFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.claimant) conditions.push(Prisma.sql`c."claimant_id" = ${filters.claimant}`);
  // @> uses the GIN index on tags; = ANY() would not.
  if (filters.tag) conditions.push(Prisma.sql`c."tags" @> ARRAY[${filters.tag}]::text[]`);
  if (filters.rating) conditions.push(Prisma.sql`c."id" IN (${claimIdsCurrentlyRated(filters.rating)})`);
  return conditions;
}

type SortSpec = {
  /** The sort key as text, exactly as the cursor carries it. */
  keyText: Prisma.Sql;
  orderBy: Prisma.Sql;
  /** Order inside one keyset run, when it differs from the page order. */
  runOrderBy?: Prisma.Sql;
  /**
   * The rows after the cursor, as runs that an index can each read in order
   * (each run is a list of conditions); the runs are merged. Every condition
   * bounds the sort key from one side so that the index scan starts at the
   * cursor instead of filtering its way there.
   */
  runsAfter: (cursor: DashboardClaimCursor | null) => Prisma.Sql[][];
};

// Ties on the sort key are broken by id, so that every claim is on exactly one page.
const sortSpecs: Record<DashboardClaimSort, SortSpec> = {
  updated: {
    keyText: Prisma.sql`to_char(c."updated_at", 'YYYY-MM-DD"T"HH24:MI:SS.MS')`,
    // id ascending inside a timestamp: the order of the (status, updated_at DESC, id) index.
    orderBy: Prisma.sql`c."updated_at" DESC, c."id" ASC`,
    runsAfter: (cursor) => [
      cursor
        ? [Prisma.sql`c."updated_at" <= ${cursor.key}::timestamp`, Prisma.sql`(c."updated_at" < ${cursor.key}::timestamp OR c."id" > ${cursor.id})`]
        : [],
    ],
  },
  created: {
    keyText: Prisma.sql`to_char(c."created_at", 'YYYY-MM-DD"T"HH24:MI:SS.MS')`,
    orderBy: Prisma.sql`c."created_at" DESC, c."id" DESC`,
    runsAfter: (cursor) => [
      cursor
        ? [Prisma.sql`c."created_at" <= ${cursor.key}::timestamp`, Prisma.sql`(c."created_at" < ${cursor.key}::timestamp OR c."id" < ${cursor.id})`]
        : [],
    ],
  },
  claimed: {
    keyText: Prisma.sql`to_char(c."claimed_at", 'YYYY-MM-DD')`,
    // Claims without a date come last: the dated run, then the undated one.
    orderBy: Prisma.sql`c."claimed_at" DESC NULLS LAST, c."id" DESC`,
    // Inside one run NULLS LAST changes nothing (the run is all dated or all
    // undated), and the plain order is the one the (claimed_at DESC, id DESC)
    // index delivers.
    runOrderBy: Prisma.sql`c."claimed_at" DESC, c."id" DESC`,
    runsAfter: (cursor) => {
      const dated = Prisma.sql`c."claimed_at" IS NOT NULL`;
      const undated = Prisma.sql`c."claimed_at" IS NULL`;
      if (!cursor) return [[dated], [undated]];
      if (cursor.key === null) return [[undated, Prisma.sql`c."id" < ${cursor.id}`]];
      return [
        [dated, Prisma.sql`c."claimed_at" <= ${cursor.key}::date`, Prisma.sql`(c."claimed_at" < ${cursor.key}::date OR c."id" < ${cursor.id})`],
        [undated],
      ];
    },
  },
};

/**
 * The newsroom's claims list: filtered, sorted, keyset-paginated (the cursor
 * is the last row's sort key and id; no OFFSET, so page 400 costs what page 1
 * costs). Without a status filter, "recently updated" reads each status
 * through its (status, updated_at, id) index and merges the four short runs.
 * scripts/bench-claims-list.ts times it on 100,000 claims.
 */
export async function listDashboardClaims(
  actor: Actor,
  filters: DashboardClaimFilters,
  limit = DASHBOARD_CLAIMS_PAGE_SIZE,
): Promise<DashboardClaimPage> {
  assertCan(actor, 'dashboard.read');
  const spec = sortSpecs[filters.sort];
  const decoded = filters.cursor ? decodeDashboardClaimCursor(filters.cursor) : null;
  const cursor = decoded?.sort === filters.sort ? decoded : null;
  const conditions = filterConditions(filters);
  const take = limit + 1;

  // Free text first narrows the claims to the rows it matches; the other
  // filters and the keyset then apply to those.
  // (A CTE: PostgreSQL computes it once even when two runs read it.)
  const from = filters.q ? Prisma.sql`"matching" c` : Prisma.sql`"claims" c`;
  const matching = filters.q ? Prisma.sql`"matching" AS (${claimsMatchingText(filters.q)}),` : Prisma.empty;
  const statusIs = (status: ClaimStatusValue) => Prisma.sql`c."status" = CAST(${status} AS "ClaimStatus")`;
  // One run per status only pays when the (status, updated_at, id) index can
  // deliver the order; free text starts from the set of rows it matches.
  const mergeStatuses = filters.sort === 'updated' && !filters.q;
  const statusRuns: Prisma.Sql[][] = mergeStatuses
    ? (filters.status ? [filters.status] : claimStatuses).map((status) => [statusIs(status)])
    : [filters.status ? [statusIs(filters.status)] : []];
  const branches = spec.runsAfter(cursor).flatMap((run) =>
    statusRuns.map((statusRun) => {
      const all = [...statusRun, ...run, ...conditions];
      const where = all.length > 0 ? Prisma.sql`WHERE ${Prisma.join(all, ' AND ')}` : Prisma.empty;
      return Prisma.sql`(SELECT c."id" FROM ${from} ${where} ORDER BY ${spec.runOrderBy ?? spec.orderBy} LIMIT ${take})`;
    }),
  );
  const pageIds = Prisma.join(branches, ' UNION ALL ');

  const rows = await prisma.$queryRaw<DashboardClaimRow[]>(Prisma.sql`
    WITH ${matching} page AS (
      SELECT c."id" FROM "claims" c WHERE c."id" IN (${pageIds})
      ORDER BY ${spec.orderBy} LIMIT ${take}
    )
    SELECT c."id", c."slug", c."summary", c."language", c."status"::text AS "status", c."tags",
           to_char(c."claimed_at", 'YYYY-MM-DD') AS "claimed_at", c."created_at", c."updated_at",
           ${spec.keyText} AS "sort_key",
           cl."id" AS "claimant_id", cl."name" AS "claimant_name",
           cv."key" AS "rating_key", cv."label_fr" AS "rating_label_fr", cv."label_en" AS "rating_label_en",
           cv."value" AS "rating_value", cv."colour" AS "rating_colour", cv."state" AS "verdict_state"
    FROM page JOIN "claims" c ON c."id" = page."id"
    JOIN "claimants" cl ON cl."id" = c."claimant_id"
    LEFT JOIN LATERAL (
      SELECT r."key", r."label_fr", r."label_en", r."value", r."colour", v."state"::text AS "state"
      FROM "verdicts" v JOIN "ratings" r ON r."id" = v."rating_id"
      WHERE v."claim_id" = c."id"
      ORDER BY (v."state" = 'PUBLISHED') DESC, v."number" DESC
      LIMIT 1
    ) cv ON true
    ORDER BY ${spec.orderBy}`);

  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((row) => ({
      id: row.id,
      slug: row.slug,
      summary: row.summary,
      language: row.language,
      status: row.status,
      claimant: { id: row.claimant_id, name: row.claimant_name },
      rating:
        row.rating_key !== null && row.rating_label_fr !== null && row.rating_label_en !== null && row.rating_colour !== null
          ? toRatingDto(
              { key: row.rating_key, labelFr: row.rating_label_fr, labelEn: row.rating_label_en, value: row.rating_value, colour: row.rating_colour },
              'en',
            )
          : null,
      verdictState: row.verdict_state,
      tags: row.tags,
      claimedAt: row.claimed_at,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    })),
    nextCursor:
      rows.length > limit && last ? encodeDashboardClaimCursor({ sort: filters.sort, key: last.sort_key, id: last.id }) : null,
  };
}

/** A quote as the claim editor lists it: an appearance, or one a revision proposes. */
export type EditorQuote = {
  id: string;
  source: { id: string; title: string | null; publisher: string | null };
  speaker: { id: string; name: string };
  stance: 'ASSERTS' | 'REPORTS' | 'DENIES';
  quote: PublicQuote;
};

/** Selects an EditorQuote's columns from appearances or proposed appearances, in the order they were added. */
export const editorQuotesArgs = {
  orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
  select: {
    id: true,
    stance: true,
    ...quoteSelect,
    source: { select: { id: true, title: true, publisher: true } },
    speaker: { select: { id: true, name: true } },
  },
};

type EditorQuoteRow = Omit<EditorQuote, 'quote'> & PublicQuote;

export function toEditorQuote(row: EditorQuoteRow): EditorQuote {
  return {
    id: row.id,
    source: row.source,
    speaker: row.speaker,
    stance: row.stance,
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end },
  };
}

export type ClaimForEditor = {
  id: string;
  slug: string;
  text: string;
  summary: string;
  language: string;
  status: ClaimStatusValue;
  claimedAt: string | null;
  tags: string[];
  version: number;
  publishedAt: string | null;
  archivedAt: string | null;
  archiveReason: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  claimant: { id: string; name: string };
  /** Public claims have a reader page at publicPath. */
  publicPath: string | null;
  /** Readers have seen it: what it tells them changes only through a reviewed revision. */
  hasBeenPublished: boolean;
  appearances: EditorQuote[];
  relations: {
    id: string;
    type: string;
    direction: 'outgoing' | 'incoming';
    note: string | null;
    claim: { id: string; slug: string; summary: string; status: ClaimStatusValue };
  }[];
  verdicts: { id: string; number: number; state: string; rating: RatingDto; headline: string; updatedAt: string }[];
};

/** Everything the claim editor shows, or null when the claim does not exist. */
export async function findClaimForEditor(actor: Actor, id: string): Promise<ClaimForEditor | null> {
  assertCan(actor, 'dashboard.read');
  const claim = await prisma.claim.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      text: true,
      summary: true,
      language: true,
      status: true,
      claimedAt: true,
      tags: true,
      version: true,
      publishedAt: true,
      archivedAt: true,
      archiveReason: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      updatedBy: { select: { name: true } },
      claimant: { select: { id: true, name: true } },
      appearances: editorQuotesArgs,
      relationsFrom: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, type: true, note: true, toClaim: { select: { id: true, slug: true, summary: true, status: true } } },
      },
      relationsTo: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, type: true, note: true, fromClaim: { select: { id: true, slug: true, summary: true, status: true } } },
      },
      verdicts: {
        orderBy: { number: 'desc' },
        select: { id: true, number: true, state: true, headline: true, updatedAt: true, rating: { select: ratingSelect } },
      },
    },
  });
  if (!claim) return null;
  return {
    id: claim.id,
    slug: claim.slug,
    text: claim.text,
    summary: claim.summary,
    language: claim.language,
    status: claim.status,
    claimedAt: isoDate(claim.claimedAt),
    tags: claim.tags,
    version: claim.version,
    publishedAt: claim.publishedAt?.toISOString() ?? null,
    archivedAt: claim.archivedAt?.toISOString() ?? null,
    archiveReason: claim.archiveReason,
    createdAt: claim.createdAt.toISOString(),
    updatedAt: claim.updatedAt.toISOString(),
    createdBy: claim.createdBy?.name ?? null,
    updatedBy: claim.updatedBy?.name ?? null,
    claimant: claim.claimant,
    publicPath: isPublicClaim(claim) ? claimPath(claim.slug) : null,
    hasBeenPublished: hasBeenPublished(claim),
    appearances: claim.appearances.map(toEditorQuote),
    relations: [
      ...claim.relationsFrom.map((r) => ({ id: r.id, type: r.type, direction: 'outgoing' as const, note: r.note, claim: r.toClaim })),
      ...claim.relationsTo.map((r) => ({ id: r.id, type: r.type, direction: 'incoming' as const, note: r.note, claim: r.fromClaim })),
    ],
    verdicts: claim.verdicts.map((v) => ({
      id: v.id,
      number: v.number,
      state: v.state,
      rating: toRatingDto(v.rating, 'en'),
      headline: v.headline,
      updatedAt: v.updatedAt.toISOString(),
    })),
  };
}

export type SourceOption = { id: string; title: string | null; publisher: string | null; publishedAt: string | null };

/** Archived sources an appearance can quote, newest first. */
export async function listSourceOptions(actor: Actor): Promise<SourceOption[]> {
  assertCan(actor, 'dashboard.read');
  const rows = await prisma.source.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, title: true, publisher: true, publishedAt: true },
  });
  return rows.map((row) => ({ ...row, publishedAt: isoDate(row.publishedAt) }));
}

/** `language`: the text's BCP 47 tag, for its `lang` and for a claim created from one of its quotes. */
export type SourceForQuoting = SourceOption & { url: string | null; language: string; text: string };

/** A source's archived text, shown beside the appearance form so that the editor can select the passage. */
export async function findSourceForQuoting(actor: Actor, id: string): Promise<SourceForQuoting | null> {
  assertCan(actor, 'dashboard.read');
  const row = await prisma.source.findUnique({
    where: { id },
    select: { id: true, title: true, publisher: true, publishedAt: true, url: true, language: true, text: true },
  });
  return row ? { ...row, publishedAt: isoDate(row.publishedAt) } : null;
}

/** The rating scale, for the claims list's filter, labelled in the interface language. */
export async function listRatingOptions(actor: Actor, locale: Locale): Promise<{ key: string; label: string }[]> {
  assertCan(actor, 'dashboard.read');
  const rows = await prisma.rating.findMany({ orderBy: [{ position: 'asc' }, { key: 'asc' }], select: { key: true, labelEn: true, labelFr: true } });
  return rows.map((row) => ({ key: row.key, label: ratingLabel(row, locale) }));
}

/** Recently updated claims, offered as suggestions when linking a claim to another. */
export async function listRelationCandidates(actor: Actor, exceptId: string, limit = 50): Promise<{ slug: string; summary: string }[]> {
  assertCan(actor, 'dashboard.read');
  return prisma.claim.findMany({
    where: { id: { not: exceptId } },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: limit,
    select: { slug: true, summary: true },
  });
}
