import { prisma } from '../db';
import { claimPath, isoDate } from '../claims/queries';
import { publicClaimWhere } from '../claims/visibility';
import { sourcePath } from '../public-pages/paths';
import { type RatingDto, ratingSelect, toRatingDto } from '../ratings/labels';

// The research exports (GET /api/exports/claims.csv and .jsonl): every public
// claim — published, or archived after publication, with its status — with
// its current verdict, where it appears (the quote's offsets into the
// archived text, and that text's SHA-256) and its corrections. Read by keyset
// on the claim id, a batch at a time (lib/streaming/keyset-stream.ts).

export type ExportedRating = Pick<RatingDto, 'key' | 'label' | 'labels' | 'value'>;

export type ExportedClaim = {
  /** The keyset key; not exported. */
  id: string;
  slug: string;
  /** Unprefixed path of the claim page; the serializer makes it absolute. */
  path: string;
  status: 'PUBLISHED' | 'ARCHIVED';
  language: string;
  claimant: { name: string; slug: string };
  summary: string;
  text: string;
  claimedAt: string | null;
  publishedAt: string | null;
  archivedAt: string | null;
  tags: string[];
  verdict: { rating: ExportedRating; headline: string; asOf: string | null; publishedAt: string | null } | null;
  appearances: {
    source: { id: string; path: string; url: string | null; title: string | null; sha256: string };
    /** Unicode code points into the source's archived text: [start, end). */
    start: number;
    end: number;
    exact: string;
    prefix: string;
    suffix: string;
    stance: 'ASSERTS' | 'REPORTS' | 'DENIES';
    speaker: { name: string; slug: string };
  }[];
  corrections: { publishedAt: string; from: ExportedRating; to: ExportedRating; note: string }[];
};

function exportedRating(rating: Parameters<typeof toRatingDto>[0], language: string): ExportedRating {
  const { key, label, labels, value } = toRatingDto(rating, language);
  return { key, label, labels, value };
}

export async function readExportedClaims(afterId: string | null, take: number): Promise<ExportedClaim[]> {
  const rows = await prisma.claim.findMany({
    where: { AND: [publicClaimWhere, afterId === null ? {} : { id: { gt: afterId } }] },
    orderBy: { id: 'asc' },
    take,
    select: {
      id: true,
      slug: true,
      status: true,
      language: true,
      summary: true,
      text: true,
      claimedAt: true,
      publishedAt: true,
      archivedAt: true,
      tags: true,
      claimant: { select: { name: true, slug: true } },
      verdicts: {
        where: { state: 'PUBLISHED' },
        select: { headline: true, asOf: true, publishedAt: true, rating: { select: ratingSelect } },
      },
      appearances: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          start: true,
          end: true,
          exact: true,
          prefix: true,
          suffix: true,
          stance: true,
          source: { select: { id: true, url: true, title: true, sha256: true } },
          speaker: { select: { name: true, slug: true } },
        },
      },
      corrections: {
        orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
        select: { publishedAt: true, note: true, fromRating: { select: ratingSelect }, toRating: { select: ratingSelect } },
      },
    },
  });
  return rows.flatMap((row) => {
    // publicClaimWhere admits only these two; the check narrows the type.
    if (row.status !== 'PUBLISHED' && row.status !== 'ARCHIVED') return [];
    const verdict = row.verdicts[0];
    return [
      {
        id: row.id,
        slug: row.slug,
        path: claimPath(row.slug),
        status: row.status,
        language: row.language,
        claimant: row.claimant,
        summary: row.summary,
        text: row.text,
        claimedAt: isoDate(row.claimedAt),
        publishedAt: row.publishedAt?.toISOString() ?? null,
        archivedAt: row.status === 'ARCHIVED' ? (row.archivedAt?.toISOString() ?? null) : null,
        tags: row.tags,
        verdict: verdict
          ? {
              rating: exportedRating(verdict.rating, row.language),
              headline: verdict.headline,
              asOf: isoDate(verdict.asOf),
              publishedAt: verdict.publishedAt?.toISOString() ?? null,
            }
          : null,
        appearances: row.appearances.map(({ source, ...appearance }) => ({
          ...appearance,
          source: { ...source, path: sourcePath(source.id) },
        })),
        corrections: row.corrections.map((correction) => ({
          publishedAt: correction.publishedAt.toISOString(),
          from: exportedRating(correction.fromRating, row.language),
          to: exportedRating(correction.toRating, row.language),
          note: correction.note,
        })),
      },
    ];
  });
}
