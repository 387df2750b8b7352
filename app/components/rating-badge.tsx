import { useLocale, useTranslations } from 'next-intl';
import { type Locale, localizedPath } from '@/lib/i18n/locales';
import { methodologyRatingPath } from '@/lib/methodology/paths';
import type { RatingDto } from '@/lib/ratings/labels';

type BadgeRating = Pick<RatingDto, 'labels' | 'colour'>;

type Props =
  /** On the public pages: the badge links to its entry in the methodology, which says what the rating means. */
  | { rating: BadgeRating & Pick<RatingDto, 'key'>; link?: true }
  /**
   * A plain badge: in the dashboard, on the methodology entry itself, and
   * wherever the badge sits inside another link (a link inside a link is
   * invalid HTML, which the browser splits apart).
   */
  | { rating: BadgeRating; link: false };

/**
 * A rating as a coloured badge, labelled in the interface language (the
 * public pages, the lists and the dashboard say the same word). Every colour
 * of the scale holds 4.5:1 against the white text (lib/ratings/contrast.ts).
 */
export function RatingBadge(props: Props) {
  if (props.link === false) return <PlainBadge rating={props.rating} />;
  return <LinkedBadge rating={props.rating} />;
}

function PlainBadge({ rating }: { rating: BadgeRating }) {
  const locale = useLocale() as Locale;
  return (
    <span className="rating" style={{ backgroundColor: rating.colour }}>
      {rating.labels[locale]}
    </span>
  );
}

function LinkedBadge({ rating }: { rating: BadgeRating & Pick<RatingDto, 'key'> }) {
  const locale = useLocale() as Locale;
  const t = useTranslations('methodology.scale');
  const label = rating.labels[locale];
  return (
    // A plain link, so that the browser follows the #fragment itself and the
    // entry gets :target (its outline). The visible text stays the label; the
    // accessible name says where the link goes.
    <a
      href={localizedPath(methodologyRatingPath(rating.key), locale)}
      className="rating"
      style={{ backgroundColor: rating.colour }}
      aria-label={t('badgeLink', { label })}
    >
      {label}
    </a>
  );
}
