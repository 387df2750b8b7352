import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { getPublishedClaimPage } from '@/lib/claims/cache';
import { decodeClaimListCursor, encodeClaimListCursor } from '@/lib/claims/schema';

const PAGE_SIZE = 20;

export default async function HomePage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const page = await getPublishedClaimPage(PAGE_SIZE, after ? decodeClaimListCursor(after) : null);

  return (
    <>
      <h1>Fact checks</h1>
      <p className="muted">The newest published verdicts first. Every quote links to its archived source.</p>
      {page.items.length === 0 ? (
        <p>No fact check is published yet.</p>
      ) : (
        <ol className="plain-list claim-list">
          {page.items.map((claim) => (
            <li key={claim.slug}>
              <h2 lang={claim.language}>
                <Link href={claim.path}>{claim.summary}</Link>
              </h2>
              <p className="small">
                {claim.rating && <RatingBadge rating={claim.rating} />} <span className="muted">{claim.claimant.name}</span> ·{' '}
                <span className="muted">
                  published <FormattedDate value={claim.publishedAt} />
                </span>
              </p>
            </li>
          ))}
        </ol>
      )}
      {page.nextCursor && (
        <p>
          <Link href={`/?after=${encodeClaimListCursor(page.nextCursor)}`}>Older fact checks</Link>
        </p>
      )}
    </>
  );
}
