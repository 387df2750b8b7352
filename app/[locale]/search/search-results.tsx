import { getTranslations } from 'next-intl/server';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { type Locale, localizedPath } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import type { PublicSearchAnswer } from '@/lib/search/cache';
import { HighlightedSegments } from './highlighted-segments';

/** The claimant pages (issue 9 §2) live at /claimants/{slug}. */
function claimantPath(slug: string): string {
  return `/claimants/${encodeURIComponent(slug)}`;
}

/** Published claims found, best match first, then the claimants and quoted sources that match. */
export async function SearchResults({
  locale,
  query,
  answer,
  filtered,
  morePath,
}: {
  locale: Locale;
  query: string;
  answer: PublicSearchAnswer;
  filtered: boolean;
  /** The address of the next page, if there is one. */
  morePath: string | null;
}) {
  const t = await getTranslations('search');
  const { page, claimants, sources } = answer;
  return (
    <>
      <section aria-labelledby="search-results-heading">
        <h2 id="search-results-heading">{t('results.heading', { query })}</h2>
        {!answer.searchable ? (
          <p className="search-none">{t('results.nothingToSearch', { query })}</p>
        ) : page.items.length === 0 ? (
          <div className="search-none">
            <p>{t(filtered ? 'results.noneFiltered' : 'results.none', { query })}</p>
            <p>
              {filtered
                ? t.rich('results.suggestionFiltered', {
                    link: (chunks) => <a href={`${localizedPath('/search', locale)}?${new URLSearchParams({ q: query })}`}>{chunks}</a>,
                  })
                : t('results.suggestion')}
            </p>
          </div>
        ) : (
          <ol className="plain-list claim-list search-results">
            {page.items.map((item) => (
              <li key={item.slug}>
                <h3 lang={item.language}>
                  <Link href={item.path}>{item.highlights ? <HighlightedSegments segments={item.highlights.summary} /> : item.summary}</Link>
                </h3>
                <p className="small">
                  {item.rating && <RatingBadge rating={item.rating} />} <span className="muted">{item.claimant.name}</span> ·{' '}
                  <span className="muted">{t.rich('results.published', { date: () => <FormattedDate value={item.publishedAt} /> })}</span>
                </p>
                <p className="search-snippet" lang={item.language}>
                  {item.highlights ? <HighlightedSegments segments={item.highlights.text} /> : item.text}
                </p>
              </li>
            ))}
          </ol>
        )}
        {morePath && (
          <p className="pager">
            <a href={morePath}>{t('results.more')}</a>
          </p>
        )}
      </section>
      {claimants.length > 0 && (
        <section aria-labelledby="search-claimants-heading">
          <h2 id="search-claimants-heading">{t('claimants.heading')}</h2>
          <ul className="plain-list search-side">
            {claimants.map((claimant) => (
              <li key={claimant.slug}>
                <Link href={claimantPath(claimant.slug)} prefetch={false}>
                  {claimant.name}
                </Link>{' '}
                <span className="muted small">{t('claimants.count', { count: claimant.publishedClaims })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {sources.length > 0 && (
        <section aria-labelledby="search-sources-heading">
          <h2 id="search-sources-heading">{t('sources.heading')}</h2>
          <ul className="plain-list search-side">
            {sources.map((source) => (
              <li key={source.id}>
                <Link href={source.path} lang={source.title ? source.language : undefined}>
                  {source.title ?? t('sources.untitled')}
                </Link>
                {(source.publisher || source.publishedAt) && (
                  <span className="muted small">
                    {' '}
                    {source.publisher && <span lang={source.language}>{source.publisher}</span>}
                    {source.publisher && source.publishedAt && ' · '}
                    {source.publishedAt && t.rich('sources.published', { date: () => <FormattedDate value={source.publishedAt ?? ''} /> })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
