import { prisma } from '../db';
import { claimPath } from '../claims/queries';
import { listedClaimWhere, publicClaimWhere, publicSourceWhere } from '../claims/visibility';
import { claimantPath, sourcePath } from '../public-pages/paths';
import type { SitemapSection } from './plan';

// What the sitemap lists, with each page's lastmod: the latest change a
// reader can see on it. Rows are read by keyset on their id, a batch at a
// time (lib/streaming/keyset-stream.ts).
//
// Archived claims are listed too: archiving keeps a published fact check
// readable at its URL, with a banner (lib/claims/visibility.ts), so it stays
// a page search engines should know — and the banner is a change (lastmod).

export type SitemapRecord = {
  /** The keyset key: the row's id (a static page's path). */
  key: string;
  /** Unprefixed path of the page, e.g. /claims/some-slug. */
  path: string;
  lastModified: Date | null;
};

export type RecordSection = Exclude<SitemapSection, 'pages'>;

/** Reader-facing pages that are not records; their lastmod follows what they list. */
const STATIC_PAGES = ['/', '/claimants', '/corrections', '/methodology'] as const;

const publicClaimantWhere = { claims: { some: publicClaimWhere } };
const publishedVerdictStates: ('PUBLISHED' | 'SUPERSEDED')[] = ['PUBLISHED', 'SUPERSEDED'];

function latest(...dates: (Date | null | undefined)[]): Date | null {
  let result: Date | null = null;
  for (const date of dates) if (date && (!result || date > result)) result = date;
  return result;
}

function after(key: string | null) {
  return key === null ? {} : { id: { gt: key } };
}

export async function countSitemapRecords(section: SitemapSection): Promise<number> {
  switch (section) {
    case 'pages':
      return STATIC_PAGES.length;
    case 'claims':
      return prisma.claim.count({ where: publicClaimWhere });
    case 'claimants':
      return prisma.claimant.count({ where: publicClaimantWhere });
    case 'sources':
      return prisma.source.count({ where: publicSourceWhere });
  }
}

/**
 * The key of the record at `position` (0-based, in id order), where a file
 * of a split sitemap starts. A positional skip, run once per sitemap file
 * (crawlers fetch each about daily); the file's rows are then read by keyset.
 */
export async function sitemapKeyAt(section: RecordSection, position: number): Promise<string | null> {
  const query = { orderBy: { id: 'asc' as const }, skip: position, take: 1, select: { id: true } };
  const rows =
    section === 'claims'
      ? await prisma.claim.findMany({ where: publicClaimWhere, ...query })
      : section === 'claimants'
        ? await prisma.claimant.findMany({ where: publicClaimantWhere, ...query })
        : await prisma.source.findMany({ where: publicSourceWhere, ...query });
  return rows[0]?.id ?? null;
}

export function readSitemapRecords(section: RecordSection, afterKey: string | null, take: number): Promise<SitemapRecord[]> {
  switch (section) {
    case 'claims':
      return readClaims(afterKey, take);
    case 'claimants':
      return readClaimants(afterKey, take);
    case 'sources':
      return readSources(afterKey, take);
  }
}

/** A claim page changes when it is published, when a verdict is published (a correction), when a revision is approved, when it is archived. */
async function readClaims(afterKey: string | null, take: number): Promise<SitemapRecord[]> {
  const rows = await prisma.claim.findMany({
    where: { AND: [publicClaimWhere, after(afterKey)] },
    orderBy: { id: 'asc' },
    take,
    select: {
      id: true,
      slug: true,
      publishedAt: true,
      archivedAt: true,
      verdicts: { where: { state: { in: publishedVerdictStates } }, orderBy: { publishedAt: 'desc' }, take: 1, select: { publishedAt: true } },
      corrections: { orderBy: { publishedAt: 'desc' }, take: 1, select: { publishedAt: true } },
      revisions: { where: { state: 'APPROVED' }, orderBy: { closedAt: 'desc' }, take: 1, select: { closedAt: true } },
    },
  });
  return rows.map((row) => ({
    key: row.id,
    path: claimPath(row.slug),
    lastModified: latest(row.publishedAt, row.archivedAt, row.verdicts[0]?.publishedAt, row.corrections[0]?.publishedAt, row.revisions[0]?.closedAt),
  }));
}

/**
 * A claimant page shows who they are and their public claims with their
 * ratings: it changes with the claimant's record, and with each of their
 * claims' publication, archiving, correction or approved revision (a
 * revision that moves a claim changes both claimants' pages).
 */
async function readClaimants(afterKey: string | null, take: number): Promise<SitemapRecord[]> {
  const claimants = await prisma.claimant.findMany({
    where: { AND: [publicClaimantWhere, after(afterKey)] },
    orderBy: { id: 'asc' },
    take,
    select: { id: true, slug: true, updatedAt: true },
  });
  const ids = claimants.map((claimant) => claimant.id);
  if (ids.length === 0) return [];
  const [claims, corrections, revisions] = await Promise.all([
    prisma.claim.groupBy({
      by: ['claimantId'],
      where: { AND: [publicClaimWhere, { claimantId: { in: ids } }] },
      _max: { publishedAt: true, archivedAt: true },
    }),
    prisma.correction.findMany({
      where: { claim: { AND: [publicClaimWhere, { claimantId: { in: ids } }] } },
      select: { publishedAt: true, claim: { select: { claimantId: true } } },
    }),
    prisma.claimRevision.findMany({
      where: { state: 'APPROVED', claim: publicClaimWhere, OR: [{ claimantId: { in: ids } }, { baseClaimantId: { in: ids } }] },
      select: { closedAt: true, claimantId: true, baseClaimantId: true },
    }),
  ]);
  const changed = new Map<string, Date | null>();
  const note = (claimantId: string, date: Date | null | undefined) => changed.set(claimantId, latest(changed.get(claimantId), date));
  for (const row of claims) note(row.claimantId, latest(row._max.publishedAt, row._max.archivedAt));
  for (const row of corrections) note(row.claim.claimantId, row.publishedAt);
  for (const row of revisions) {
    note(row.claimantId, row.closedAt);
    note(row.baseClaimantId, row.closedAt);
  }
  return claimants.map((claimant) => ({
    key: claimant.id,
    path: claimantPath(claimant.slug),
    lastModified: latest(claimant.updatedAt, changed.get(claimant.id)),
  }));
}

/**
 * A source page shows the archived text (which never changes once quoted),
 * its metadata (editors may correct it) and the public quotes pointing into
 * it: a quote appears when its claim is published (or, added later, when its
 * revision is approved), an evidence quote when its verdict is published and
 * leaves when that verdict is superseded.
 */
async function readSources(afterKey: string | null, take: number): Promise<SitemapRecord[]> {
  const rows = await prisma.source.findMany({
    where: { AND: [publicSourceWhere, after(afterKey)] },
    orderBy: { id: 'asc' },
    take,
    select: {
      id: true,
      updatedAt: true,
      appearances: { where: { claim: publicClaimWhere }, select: { createdAt: true, claim: { select: { publishedAt: true } } } },
      evidence: {
        where: { verdict: { state: { in: publishedVerdictStates }, claim: publicClaimWhere } },
        select: { verdict: { select: { publishedAt: true, supersededAt: true } } },
      },
    },
  });
  return rows.map((row) => ({
    key: row.id,
    path: sourcePath(row.id),
    lastModified: latest(
      row.updatedAt,
      ...row.appearances.map((appearance) => latest(appearance.createdAt, appearance.claim.publishedAt)),
      ...row.evidence.flatMap((evidence) => [evidence.verdict.publishedAt, evidence.verdict.supersededAt]),
    ),
  }));
}

/** The static pages, each with the latest change among what it lists (none known for the methodology: no lastmod). */
export async function readStaticPages(): Promise<SitemapRecord[]> {
  const [listed, anyPublic, correction] = await Promise.all([
    prisma.claim.aggregate({ where: listedClaimWhere, _max: { publishedAt: true } }),
    prisma.claim.aggregate({ where: publicClaimWhere, _max: { publishedAt: true, archivedAt: true } }),
    prisma.correction.aggregate({ where: { claim: publicClaimWhere }, _max: { publishedAt: true } }),
  ]);
  const latestCorrection = correction._max.publishedAt;
  const lastModified: Record<(typeof STATIC_PAGES)[number], Date | null> = {
    '/': latest(listed._max.publishedAt, latestCorrection),
    '/claimants': latest(anyPublic._max.publishedAt, anyPublic._max.archivedAt, latestCorrection),
    '/corrections': latestCorrection,
    '/methodology': null,
  };
  return STATIC_PAGES.map((path) => ({ key: path, path, lastModified: lastModified[path] }));
}
