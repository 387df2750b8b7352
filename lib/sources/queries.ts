import { prisma } from '../db';
import { publicClaimWhere, publicSourceWhere } from '../claims/visibility';

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

/** An archived source that public content quotes or cites, or null. */
export async function findPublicSourceById(id: string): Promise<PublicSource | null> {
  const source = await prisma.source.findFirst({
    where: { AND: [{ id }, publicSourceWhere] },
    select: {
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
    quotes,
  };
}

/** Cheap existence check for the public source page (see proxy.ts). */
export async function isPublicSourceId(id: string): Promise<boolean> {
  return (await prisma.source.count({ where: { AND: [{ id }, publicSourceWhere] } })) > 0;
}
