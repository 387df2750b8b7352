import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getFormatter, getMessages, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { HighlightedText } from '@/app/components/highlighted-text';
import { NotAllowed, RecordNotFound } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { claimStatusLabelKey } from '@/lib/claims/labels';
import { pickMessages } from '@/lib/i18n/client-messages';
import { can } from '@/lib/permissions';
import { metadataFormValues } from '@/lib/sources/form-values';
import { listSourceQuoteSuggestions } from '@/lib/quote-suggestions/queries';
import { findDashboardSource } from '@/lib/sources/queries';
import { SourceMetadataForm } from './metadata-form';
import { SuggestedQuotes } from './suggested-quotes';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('sourcesDashboard.source');
  return { title: t('metaTitle') };
}

export default async function DashboardSourcePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { actor, allowed } = await requirePageActor('dashboard.read', `/dashboard/sources/${encodeURIComponent(id)}`);
  if (!allowed) return <NotAllowed />;
  const source = await findDashboardSource(actor, id);
  if (!source) return <RecordNotFound kind="source" />;
  const { saved } = await searchParams;
  const suggested = await listSourceQuoteSuggestions(actor, source.id);
  const t = await getTranslations('sourcesDashboard.source');
  const tLabels = await getTranslations();
  const format = await getFormatter();
  const messages = await getMessages();
  const notStated = t('notStated');

  return (
    <article>
      <p className="muted">
        <Link href="/dashboard/sources">{t('breadcrumbList')}</Link> › {t('breadcrumb')}
      </p>
      {saved === '1' && (
        <p className="form-success" role="status">
          {t('created')}
        </p>
      )}
      <h1 lang={source.title ? source.language : undefined}>{source.title ?? t('untitled')}</h1>
      <dl className="meta">
        <dt>{t('publisher')}</dt>
        <dd>{source.publisher ?? notStated}</dd>
        <dt>{t('author')}</dt>
        <dd>{source.author ?? notStated}</dd>
        <dt>{t('publishedOn')}</dt>
        <dd>{source.publishedAt ? <FormattedDate value={source.publishedAt} /> : notStated}</dd>
        <dt>{t('language')}</dt>
        <dd>{source.language}</dd>
        <dt>{t('url')}</dt>
        <dd>{source.url ? <a href={source.url} rel="nofollow noopener noreferrer">{source.url}</a> : t('noUrl')}</dd>
        <dt>{t('archivedAt')}</dt>
        <dd>
          {source.createdBy
            ? t.rich('archivedBy', { date: () => <FormattedDate value={source.retrievedAt} withTime />, name: source.createdBy })
            : <FormattedDate value={source.retrievedAt} withTime />}
        </dd>
        <dt>{t('sha256')}</dt>
        <dd className="hash">{source.sha256}</dd>
      </dl>
      <p className="small muted">{t('textFrozen')}</p>

      {can(actor, 'source.update') && (
        <section aria-labelledby="metadata-heading">
          <h2 id="metadata-heading">{t('editMetadata')}</h2>
          <p className="small muted">{t('editMetadataHint')}</p>
          <NextIntlClientProvider messages={pickMessages(messages, ['sourcesDashboard.metadata', 'sourcesDashboard.fields'])}>
            <SourceMetadataForm source={{ id: source.id, version: source.version, ...metadataFormValues({ ...source, publishedOn: source.publishedAt }) }} />
          </NextIntlClientProvider>
        </section>
      )}

      {suggested && <SuggestedQuotes actor={actor} sourceId={source.id} language={suggested.language} suggestions={suggested.suggestions} />}

      <h2 id="text-heading">{t('text')}</h2>
      <p className="small">{t('textHint')}</p>
      <HighlightedText
        text={source.text}
        language={source.language}
        quotes={source.quotes.map((quote) => ({ id: quote.id, start: quote.start, end: quote.end, label: quote.claim.summary }))}
        labelledBy="text-heading"
      />

      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">{t('quotes', { count: source.quotes.length })}</h2>
        {source.quotes.length === 0 ? (
          <p>{t('noQuotes')}</p>
        ) : (
          <ol className="quote-list">
            {source.quotes.map((quote) => (
              <li key={quote.id}>
                <blockquote lang={source.language}>« {quote.exact} »</blockquote>
                <p className="small">
                  {quote.verdict ? t('quoteRole.evidence', { number: quote.verdict.number, state: quote.verdict.state }) : t('quoteRole.appearance')} ·{' '}
                  {t('claim')}{' '}
                  <Link href={`/dashboard/claims/${encodeURIComponent(quote.claim.id)}`} lang={quote.claim.language}>
                    {quote.claim.summary}
                  </Link>{' '}
                  · {t('status', { status: tLabels(claimStatusLabelKey(quote.claim.status)) })} ·{' '}
                  {t('characters', { start: format.number(quote.start), end: format.number(quote.end) })} · <a href={`#quote-${quote.id}`}>{t('showInText')}</a>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
