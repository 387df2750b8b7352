import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { HighlightedText } from '@/app/components/highlighted-text';
import { requirePageActor } from '@/lib/auth/require';
import { findDashboardSource, type DashboardSourceQuote } from '@/lib/sources/queries';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export const metadata: Metadata = { title: 'Source' };

const claimStatusLabel: Record<DashboardSourceQuote['claim']['status'], string> = {
  DRAFT: 'Draft',
  IN_REVIEW: 'In review',
  PUBLISHED: 'Published',
  ARCHIVED: 'Archived',
};

const verdictStateLabel: Record<NonNullable<DashboardSourceQuote['verdict']>['state'], string> = {
  DRAFT: 'draft',
  SUBMITTED: 'submitted for review',
  PUBLISHED: 'published',
  SUPERSEDED: 'superseded',
};

function quoteRole(quote: DashboardSourceQuote): string {
  if (!quote.verdict) return 'Where the claim was said';
  return `Evidence in verdict ${quote.verdict.number} (${verdictStateLabel[quote.verdict.state]})`;
}

export default async function DashboardSourcePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { actor, allowed } = await requirePageActor('dashboard.read', `/dashboard/sources/${encodeURIComponent(id)}`);
  if (!allowed) return <p>Your role does not allow this.</p>;
  const source = await findDashboardSource(actor, id);
  if (!source) {
    return (
      <>
        <h1>Source not found</h1>
        <p>
          No source has this address. <Link href="/dashboard/sources">Back to the sources</Link>
        </p>
      </>
    );
  }
  const { saved } = await searchParams;

  return (
    <article>
      <p className="muted">
        <Link href="/dashboard/sources">Sources</Link> › Archived source
      </p>
      {saved === '1' && (
        <p className="form-success" role="status">
          The source is archived. Quotes can now point into its text.
        </p>
      )}
      <h1 lang={source.title ? source.language : undefined}>{source.title ?? 'Untitled article'}</h1>
      <dl className="meta">
        <dt>Publisher</dt>
        <dd>{source.publisher ?? 'Not stated'}</dd>
        <dt>Author</dt>
        <dd>{source.author ?? 'Not stated'}</dd>
        <dt>Published on</dt>
        <dd>{source.publishedAt ? <FormattedDate value={source.publishedAt} /> : 'Not stated'}</dd>
        <dt>Language</dt>
        <dd>{source.language}</dd>
        <dt>URL</dt>
        <dd>{source.url ? <a href={source.url} rel="nofollow noopener noreferrer">{source.url}</a> : 'None recorded'}</dd>
        <dt>Archived at</dt>
        <dd>
          <FormattedDate value={source.retrievedAt} withTime />
          {source.createdBy && <> by {source.createdBy}</>}
        </dd>
        <dt>SHA-256 of the text</dt>
        <dd className="hash">{source.sha256}</dd>
      </dl>
      <p className="small muted">
        The archived text cannot change once a quote points into it. Quote offsets count Unicode characters from the start of the text
        below.
      </p>

      <h2 id="text-heading">Archived text</h2>
      <p className="small">Highlighted passages are quoted by a claim or a verdict, drafts included.</p>
      <HighlightedText
        text={source.text}
        language={source.language}
        quotes={source.quotes.map((quote) => ({ id: quote.id, start: quote.start, end: quote.end, label: quote.claim.summary }))}
        labelledBy="text-heading"
      />

      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">Quotes pointing into this source ({source.quotes.length})</h2>
        {source.quotes.length === 0 ? (
          <p>No claim or verdict quotes this source yet.</p>
        ) : (
          <ol className="quote-list">
            {source.quotes.map((quote) => (
              <li key={quote.id}>
                <blockquote lang={source.language}>« {quote.exact} »</blockquote>
                <p className="small">
                  {quoteRole(quote)} · Claim{' '}
                  <Link href={`/dashboard/claims/${encodeURIComponent(quote.claim.id)}`} lang="fr">
                    {quote.claim.summary}
                  </Link>{' '}
                  · Status: {claimStatusLabel[quote.claim.status]} · Characters {quote.start}–{quote.end} ·{' '}
                  <a href={`#quote-${quote.id}`}>Show in text</a>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
