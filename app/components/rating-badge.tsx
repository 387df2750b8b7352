import { useLocale } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import type { RatingDto } from '@/lib/ratings/labels';

/**
 * A rating as a coloured badge, labelled in the interface language (the
 * public pages, the lists and the dashboard say the same word). Every colour
 * of the scale holds 4.5:1 against the white text (lib/ratings/contrast.ts).
 */
export function RatingBadge({ rating }: { rating: Pick<RatingDto, 'labels' | 'colour'> }) {
  const locale = useLocale() as Locale;
  return (
    <span className="rating" style={{ backgroundColor: rating.colour }}>
      {rating.labels[locale]}
    </span>
  );
}
