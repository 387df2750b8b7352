import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { getPublicClaim } from '@/lib/claims/cache';
import { claimReviewJsonLd } from '@/lib/claims/claim-review';
import { appearanceStanceLabel, describeClaimChange, evidenceStanceLabel, relationLabel } from '@/lib/claims/labels';
import { renderMarkdown } from '@/lib/markdown/render';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await getPublicClaim((await params).slug);
  if (!claim) return { title: 'Claim not found' };
  return {
    title: claim.summary,
    description: claim.verdict ? `${claim.verdict.rating.label}: ${claim.verdict.headline}` : claim.text,
  };
}

export default async function ClaimPage({ params }: Props) {
  const claim = await getPublicClaim((await params).slug);
  if (!claim) notFound();
  const { verdict } = claim;

  return (
    <article lang={claim.language === 'en' ? undefined : claim.language}>
      {verdict && (
        <script
          type="application/ld+json"
          // JSON-LD must be inline; the serializer escapes "<" so no tag can break out.
          dangerouslySetInnerHTML={{ __html: claimReviewJsonLd(claim) }}
        />
      )}
      {claim.archived && (
        <div className="banner" role="note" lang="en">
          <strong>This fact check is archived</strong> (<FormattedDate value={claim.archived.at} />)
          {claim.archived.reason ? `: ${claim.archived.reason}` : '.'} It is kept here unchanged so that links to it keep working.
        </div>
      )}
      <p className="muted" lang="en">
        Claim by <strong lang={claim.language}>{claim.claimant.name}</strong>
        {claim.claimedAt && (
          <>
            {' '}
            on <FormattedDate value={claim.claimedAt} />
          </>
        )}
      </p>
      <h1>{claim.summary}</h1>
      <blockquote className="claim-text">{claim.text}</blockquote>

      <section aria-labelledby="verdict-heading" lang="en">
        <h2 id="verdict-heading">Verdict</h2>
        {verdict ? (
          <div className="verdict">
            <p>
              <RatingBadge rating={verdict.rating} />{' '}
              <span className="muted small">
                As of <FormattedDate value={verdict.asOf} /> · published <FormattedDate value={verdict.publishedAt} withTime /> · version{' '}
                {verdict.number}
              </span>
            </p>
            <p className="verdict-headline" lang={claim.language}>
              {verdict.headline}
            </p>
            <div lang={claim.language} dangerouslySetInnerHTML={{ __html: renderMarkdown(verdict.explanation) }} />
            <h3>Evidence</h3>
            <ul className="quote-list">
              {verdict.evidence.map((evidence, index) => (
                <li key={index}>
                  <strong>{evidenceStanceLabel[evidence.stance]}</strong>
                  {evidence.note && <span lang={claim.language}> — {evidence.note}</span>}
                  {evidence.quote && <blockquote lang={claim.language}>« {evidence.quote.exact} »</blockquote>}
                  <p className="small">
                    {evidence.quotePath ? (
                      <Link href={evidence.quotePath}>Read this passage in “{evidence.sourceTitle ?? 'the archived source'}”</Link>
                    ) : (
                      <Link href={`/sources/${evidence.sourceId}`}>Read the archived source “{evidence.sourceTitle ?? 'untitled'}”</Link>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p>This claim has no published verdict.</p>
        )}
      </section>

      <section aria-labelledby="appearances-heading" lang="en">
        <h2 id="appearances-heading">Where it was said</h2>
        <ul className="quote-list">
          {claim.appearances.map((appearance) => (
            <li key={appearance.id}>
              <blockquote lang={claim.language}>« {appearance.quote.exact} »</blockquote>
              <p className="small">
                {appearance.source.title ? <span lang={claim.language}>“{appearance.source.title}”</span> : 'An untitled article'}
                {appearance.source.publisher && <>, {appearance.source.publisher}</>}
                {appearance.source.publishedAt && (
                  <>
                    , <FormattedDate value={appearance.source.publishedAt} />
                  </>
                )}{' '}
                {appearanceStanceLabel[appearance.stance]}, quoting {appearance.speaker.name}.{' '}
                <Link href={appearance.quotePath}>See the quote in the archived source</Link>
              </p>
            </li>
          ))}
        </ul>
      </section>

      {claim.relations.length > 0 && (
        <section aria-labelledby="relations-heading" lang="en">
          <h2 id="relations-heading">Related claims</h2>
          <ul className="plain-list">
            {claim.relations.map((relation) => (
              <li key={`${relation.direction}-${relation.type}-${relation.claim.slug}`}>
                {relationLabel(relation.type, relation.direction)}:{' '}
                <Link href={`/claims/${relation.claim.slug}`} lang={claim.language}>
                  {relation.claim.summary}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {claim.history.length > 0 && (
        <section aria-labelledby="history-heading" lang="en">
          <h2 id="history-heading">Earlier verdicts and corrections</h2>
          <ol className="quote-list">
            {claim.history.map((earlier) => (
              <li key={earlier.number}>
                <p>
                  Version {earlier.number}: <RatingBadge rating={earlier.rating} />{' '}
                  <span className="muted small">
                    as of <FormattedDate value={earlier.asOf} />, published <FormattedDate value={earlier.publishedAt} withTime />
                  </span>
                </p>
                <p lang={claim.language}>{earlier.headline}</p>
                {earlier.correction && (
                  <p>
                    <strong>Correction</strong> (<FormattedDate value={earlier.correction.publishedAt} withTime />, now rated{' '}
                    {earlier.correction.toRating.label}): <span lang={claim.language}>{earlier.correction.note}</span>
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {claim.changes.length > 0 && (
        <section aria-labelledby="changes-heading" lang="en">
          <h2 id="changes-heading">Changes to this fact check</h2>
          <p className="muted small">Each change to what this page says about the claim was approved by a second editor.</p>
          <ol className="quote-list">
            {claim.changes.map((change, index) => (
              <li key={`${change.publishedAt}-${index}`}>
                <p>
                  <FormattedDate value={change.publishedAt} withTime />: {describeClaimChange(change.changed, change.quotesAdded)}
                </p>
                <p lang={claim.language}>{change.note}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
