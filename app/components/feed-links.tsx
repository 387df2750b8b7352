import { useLocale, useTranslations } from 'next-intl';
import { feedContentTypes, feedFormats, type FeedScope, localizedFeedPath } from '@/lib/feeds/paths';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Visible links to the feeds that follow a page (its <head> names them too,
 * through publicPageMetadata's `feed`). Plain links: a feed is not a page.
 */
export function FeedLinks({ scope }: { scope: FeedScope }) {
  const t = useTranslations('feeds');
  const locale = useLocale() as Locale;
  return (
    <p className="small">
      {t('follow')}{' '}
      {feedFormats.map((format, index) => (
        <span key={format}>
          {index > 0 && ' · '}
          <a href={localizedFeedPath(scope, format, locale)} type={feedContentTypes[format]}>
            {t(`format.${format}`)}
          </a>
        </span>
      ))}
    </p>
  );
}
