import { prisma } from '../db';
import { publicClaimWhere, publicSourceWhere } from '../claims/visibility';
import { assertCan, type Actor } from '../permissions';

export type PublicSourceQuote = {
  /** Appearance or Evidence id: the page anchor is `quote-<id>`. */
  id: string;
  kind: 'appearance' | 'evidence';
  start: number;
  end: number;
  exact: string;
  claim: { slug: string; summary: string };
};

export type PublicSource = {
  id: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
  language: string;
  publishedAt: string | null;
  retrievedAt: string;
  text: string;
  sha256: string;
  /** The public quotes that point into this source, in text order. */
  quotes: PublicSourceQuote[];
};

/** The archived document's own fields, the same for readers and for the newsroom. */
const archivedSourceSelect = {
  id: true,
  title: true,
  publisher: true,
  author: true,
  url: true,
  language: true,
  publishedAt: true,
  retrievedAt: true,
  text: true,
  sha256: true,
} as const;

type ArchivedSourceRow = {
  id: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
  language: string;
  publishedAt: Date | null;
  retrievedAt: Date;
  text: string;
  sha256: string;
};

function toArchivedSource(source: ArchivedSourceRow): Omit<PublicSource, 'quotes'> {
  return {
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    author: source.author,
    url: source.url,
    language: source.language,
    publishedAt: source.publishedAt ? source.publishedAt.toISOString().slice(0, 10) : null,
    retrievedAt: source.retrievedAt.toISOString(),
    text: source.text,
    sha256: source.sha256,
  };
}

/** An archived source that public content quotes or cites, or null. */
export async function findPublicSourceById(id: string): Promise<PublicSource | null> {
  const source = await prisma.source.findFirst({
    where: { AND: [{ id }, publicSourceWhere] },
    select: {
      ...archivedSourceSelect,
      appearances: {
        where: { claim: publicClaimWhere },
        select: { id: true, start: true, end: true, exact: true, claim: { select: { slug: true, summary: true } } },
      },
      evidence: {
        where: { verdict: { state: 'PUBLISHED', claim: publicClaimWhere }, start: { not: null } },
        select: {
          id: true,
          start: true,
          end: true,
          exact: true,
          verdict: { select: { claim: { select: { slug: true, summary: true } } } },
        },
      },
    },
  });
  if (!source) return null;

  const quotes: PublicSourceQuote[] = [
    ...source.appearances.map((a) => ({ id: a.id, kind: 'appearance' as const, start: a.start, end: a.end, exact: a.exact, claim: a.claim })),
    ...source.evidence.flatMap((e) =>
      e.start !== null && e.end !== null && e.exact !== null
        ? [{ id: e.id, kind: 'evidence' as const, start: e.start, end: e.end, exact: e.exact, claim: e.verdict.claim }]
        : [],
    ),
  ].sort((a, b) => a.start - b.start || a.end - b.end);

  return { ...toArchivedSource(source), quotes };
}

/** Cheap existence check for the public source page (see proxy.ts). */
export async function isPublicSourceId(id: string): Promise<boolean> {
  return (await prisma.source.count({ where: { AND: [{ id }, publicSourceWhere] } })) > 0;
}

// ---------------------------------------------------------------------------
// Dashboard reads: every source, whatever quotes it, for signed-in staff.

export type SourceDuplicate = { id: string; title: string | null; matchedBy: 'url' | 'text' };

/**
 * The archived source holding this article (same hash of the cleaned text, or
 * same address), if any. Asked while creating a source, so it needs 'source.create'.
 */
export async function findSourceDuplicate(actor: Actor, { sha256, url }: { sha256: string; url: string | null }): Promise<SourceDuplicate | null> {
  assertCan(actor, 'source.create');
  const existing = await prisma.source.findFirst({
    where: { OR: [{ sha256 }, ...(url ? [{ url }] : [])] },
    orderBy: { createdAt: 'asc' },
    select: { id: true, title: true, sha256: true },
  });
  if (!existing) return null;
  return { id: existing.id, title: existing.title, matchedBy: existing.sha256 === sha256 ? 'text' : 'url' };
}

export type DashboardSourceListItem = {
  id: string;
  title: string | null;
  /** The first words of the text, for sources without a title. */
  opening: string | null;
  /** BCP 47 tag of the title and text. */
  language: string;
  publisher: string | null;
  publishedAt: string | null;
  retrievedAt: string;
  quoteCount: number;
};

export const DASHBOARD_SOURCE_LIST_LIMIT = 200;
const OPENING_LENGTH = 120;

/** The archive, newest first, with how many quotes point into each source. */
export async function listDashboardSources(actor: Actor): Promise<{ items: DashboardSourceListItem[]; total: number }> {
  assertCan(actor, 'dashboard.read');
  const [rows, total] = await Promise.all([
    prisma.source.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: DASHBOARD_SOURCE_LIST_LIMIT,
      select: {
        id: true,
        title: true,
        language: true,
        publisher: true,
        publishedAt: true,
        retrievedAt: true,
        _count: { select: { appearances: true, evidence: { where: { start: { not: null } } } } },
      },
    }),
    prisma.source.count(),
  ]);
  // Texts run to hundreds of thousands of characters: read only the opening, and only where a title is missing.
  const untitledIds = rows.filter((row) => !row.title).map((row) => row.id);
  const openings = new Map<string, string>();
  if (untitledIds.length > 0) {
    const heads = await prisma.$queryRaw<{ id: string; head: string }[]>`
      SELECT "id", left("text", ${OPENING_LENGTH}) AS "head" FROM "sources" WHERE "id" = ANY(${untitledIds})`;
    for (const { id, head } of heads) openings.set(id, firstWords(head));
  }
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      opening: openings.get(row.id) ?? null,
      language: row.language,
      publisher: row.publisher,
      publishedAt: row.publishedAt ? row.publishedAt.toISOString().slice(0, 10) : null,
      retrievedAt: row.retrievedAt.toISOString(),
      quoteCount: row._count.appearances + row._count.evidence,
    })),
  };
}

function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}

export type DashboardSourceQuote = {
  /** Appearance or Evidence id: the page anchor is `quote-<id>`. */
  id: string;
  kind: 'appearance' | 'evidence';
  start: number;
  end: number;
  exact: string;
  claim: { id: string; slug: string; summary: string; language: string; status: 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED' };
  /** For evidence: the verdict that cites the passage. */
  verdict: { number: number; state: 'DRAFT' | 'SUBMITTED' | 'PUBLISHED' | 'SUPERSEDED' } | null;
};

export type DashboardSource = Omit<PublicSource, 'quotes'> & {
  /** Optimistic lock carried by the metadata form. */
  version: number;
  createdAt: string;
  createdBy: string | null;
  /** Every quote pointing into the text, drafts included, in text order. */
  quotes: DashboardSourceQuote[];
};

/** One source as the newsroom sees it, with every quote of every claim; null when it does not exist. */
export async function findDashboardSource(actor: Actor, id: string): Promise<DashboardSource | null> {
  assertCan(actor, 'dashboard.read');
  const claimSelect = { select: { id: true, slug: true, summary: true, language: true, status: true } } as const;
  const source = await prisma.source.findUnique({
    where: { id },
    select: {
      ...archivedSourceSelect,
      version: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      appearances: { select: { id: true, start: true, end: true, exact: true, claim: claimSelect } },
      evidence: {
        where: { start: { not: null } },
        select: { id: true, start: true, end: true, exact: true, verdict: { select: { number: true, state: true, claim: claimSelect } } },
      },
    },
  });
  if (!source) return null;

  const quotes: DashboardSourceQuote[] = [
    ...source.appearances.map((a) => ({ id: a.id, kind: 'appearance' as const, start: a.start, end: a.end, exact: a.exact, claim: a.claim, verdict: null })),
    ...source.evidence.flatMap((e) =>
      e.start !== null && e.end !== null && e.exact !== null
        ? [{
            id: e.id,
            kind: 'evidence' as const,
            start: e.start,
            end: e.end,
            exact: e.exact,
            claim: e.verdict.claim,
            verdict: { number: e.verdict.number, state: e.verdict.state },
          }]
        : [],
    ),
  ].sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));

  return {
    ...toArchivedSource(source),
    version: source.version,
    createdAt: source.createdAt.toISOString(),
    createdBy: source.createdBy?.name ?? null,
    quotes,
  };
}
