import type { Metadata } from 'next';
import { PageGone } from '@/app/[locale]/_components/page-gone';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { FormattedDate } from '@/app/components/formatted-date';
import { HighlightedText } from '@/app/components/highlighted-text';
import { claimPath } from '@/lib/claims/queries';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { sourcePath } from '@/lib/public-pages/paths';
import { publicPageMetadata } from '@/lib/seo/metadata';
import { goneMetadata } from '@/app/[locale]/_components/gone-metadata';
import { getPublicSource } from '@/lib/sources/cache';

// Served from Next's cache (ISR): see app/[locale]/layout.tsx.
export const dynamic = 'force-static';
export const revalidate = 300;

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: 'sourcePage' });
  const source = await getPublicSource(id);
  if (!source) return goneMetadata(locale, sourcePath(id));
  const seo = await getTranslations({ locale, namespace: 'seo.description' });
  return publicPageMetadata({
    locale,
    path: sourcePath(source.id),
    title: source.title ?? t('metaTitleUntitled'),
    description: source.publisher ? seo('source', { publisher: source.publisher }) : seo('sourceUnattributed'),
  });
}

export default async function SourcePage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const source = await getPublicSource(id);
  const t = await getTranslations('sourcePage');
  if (!source) return <PageGone />;
  const notStated = <span className="muted">{t('meta.notStated')}</span>;
  const apiPath = `/api/sources/${encodeURIComponent(source.id)}`;

  return (
    <article>
      <p className="muted">{t('kicker')}</p>
      <h1 lang={source.title ? source.language : undefined}>{source.title ?? t('untitled')}</h1>
      <dl className="meta">
        <dt>{t('meta.publisher')}</dt>
        <dd lang={source.publisher ? source.language : undefined}>{source.publisher ?? notStated}</dd>
        <dt>{t('meta.author')}</dt>
        <dd lang={source.author ? source.language : undefined}>{source.author ?? notStated}</dd>
        <dt>{t('meta.published')}</dt>
        <dd>{source.publishedAt ? <FormattedDate value={source.publishedAt} /> : notStated}</dd>
        <dt>{t('meta.url')}</dt>
        <dd>
          {source.url ? (
            <a href={source.url} rel="nofollow noopener noreferrer">
              {source.url}
            </a>
          ) : (
            <span className="muted">{t('meta.noUrl')}</span>
          )}
        </dd>
        <dt>{t('meta.retrieved')}</dt>
        <dd>
          <FormattedDate value={source.retrievedAt} withTime />
        </dd>
        <dt>{t('meta.sha256')}</dt>
        <dd className="hash">{source.sha256}</dd>
      </dl>
      <p className="small muted">
        {/* The read API has one address in every language: a plain link, never prefixed. */}
        {t.rich('offsets', { path: apiPath, link: (chunks) => <a href={apiPath}>{chunks}</a> })}
      </p>

      <h2 id="text-heading">{t('text.heading')}</h2>
      <p className="small">{t('text.intro')}</p>
      <HighlightedText
        text={source.text}
        language={source.language}
        quotes={source.quotes.map((quote) => ({ id: quote.id, start: quote.start, end: quote.end, label: quote.claim.summary }))}
        labelledBy="text-heading"
      />

      {source.quotes.length > 0 && (
        <section aria-labelledby="quotes-heading">
          <h2 id="quotes-heading">{t('quotes.heading')}</h2>
          <ol className="quote-list">
            {source.quotes.map((quote) => (
              <li key={quote.id}>
                <blockquote lang={source.language}>«&nbsp;{quote.exact}&nbsp;»</blockquote>
                <p className="small">
                  {t.rich(quote.kind === 'appearance' ? 'quotes.appearance' : 'quotes.evidence', {
                    start: quote.start,
                    end: quote.end,
                    summary: quote.claim.summary,
                    link: (chunks) => <Link href={claimPath(quote.claim.slug)}>{chunks}</Link>,
                  })}{' '}
                  · <a href={`#quote-${quote.id}`}>{t('quotes.showInText')}</a>
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
