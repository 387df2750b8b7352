import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FormattedDate } from '@/app/components/formatted-date';
import { HighlightedText } from '@/app/components/highlighted-text';
import { getPublicSource } from '@/lib/sources/cache';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const source = await getPublicSource((await params).id);
  return { title: source ? (source.title ?? 'Archived source') : 'Source not found' };
}

export default async function SourcePage({ params }: Props) {
  const source = await getPublicSource((await params).id);
  if (!source) notFound();

  return (
    <article>
      <p className="muted">Archived source</p>
      <h1 lang={source.language}>{source.title ?? 'Untitled article'}</h1>
      <dl className="meta">
        <dt>Publisher</dt>
        <dd>{source.publisher ?? 'Not stated in the article'}</dd>
        <dt>Author</dt>
        <dd>{source.author ?? 'Not stated in the article'}</dd>
        <dt>Published</dt>
        <dd>{source.publishedAt ? <FormattedDate value={source.publishedAt} /> : 'Not stated in the article'}</dd>
        <dt>Original address</dt>
        <dd>{source.url ? <a href={source.url} rel="nofollow noopener noreferrer">{source.url}</a> : 'None recorded'}</dd>
        <dt>Archived</dt>
        <dd>
          <FormattedDate value={source.retrievedAt} withTime />
        </dd>
        <dt>SHA-256 of the text</dt>
        <dd className="hash">{source.sha256}</dd>
      </dl>
      <p className="small muted">
        Quote offsets count Unicode characters from the start of the text below; the text’s UTF-8 bytes hash to the SHA-256 above.
        The same text is available as JSON at <Link href={`/api/sources/${source.id}`}>/api/sources/{source.id}</Link>.
      </p>

      <h2 id="text-heading">Archived text</h2>
      <p className="small">Highlighted passages are quoted by published fact checks.</p>
      <HighlightedText
        text={source.text}
        language={source.language}
        quotes={source.quotes.map((quote) => ({ id: quote.id, start: quote.start, end: quote.end, label: quote.claim.summary }))}
        labelledBy="text-heading"
      />

      {source.quotes.length > 0 && (
        <section aria-labelledby="quotes-heading">
          <h2 id="quotes-heading">Quoted passages</h2>
          <ol className="quote-list">
            {source.quotes.map((quote) => (
              <li key={quote.id}>
                <blockquote lang={source.language}>« {quote.exact} »</blockquote>
                <p className="small">
                  Characters {quote.start}–{quote.end} · {quote.kind === 'appearance' ? 'where the claim was said' : 'cited as evidence'} in{' '}
                  <Link href={`/claims/${quote.claim.slug}`}>{quote.claim.summary}</Link> ·{' '}
                  <a href={`#quote-${quote.id}`}>Show in text</a>
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
