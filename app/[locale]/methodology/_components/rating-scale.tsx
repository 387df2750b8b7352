import { useLocale, useTranslations } from 'next-intl';
import { RatingBadge } from '@/app/components/rating-badge';
import type { Locale } from '@/lib/i18n/locales';
import type { PublicScaleRating } from '@/lib/methodology/queries';
import { ratingAnchorId } from '@/lib/methodology/paths';

/**
 * The rating scale, one entry per rating at the stable anchor
 * #rating-{key} that every public rating badge links to.
 */
export function RatingScale({ scale }: { scale: PublicScaleRating[] }) {
  const t = useTranslations('methodology.scale');
  const locale = useLocale() as Locale;
  const values = scale.flatMap((rating) => (rating.value === null ? [] : [rating.value]));
  const best = values.length > 0 ? Math.max(...values) : null;
  const worst = values.length > 0 ? Math.min(...values) : null;

  if (scale.length === 0) return <p>{t('empty')}</p>;
  return (
    <>
      {best !== null && worst !== null && <p>{t('valueIntro', { worst, best })}</p>}
      <ol className="plain-list scale-list">
        {scale.map((rating) => (
          <li key={rating.key} id={ratingAnchorId(rating.key)} className="scale-entry">
            <h3>
              {/* The entry itself: a plain badge, not a link to where the reader already is. */}
              <RatingBadge rating={rating} link={false} />
            </h3>
            <p>{rating.descriptions[locale]}</p>
            <dl className="meta">
              <dt>{t('valueTerm')}</dt>
              <dd>{rating.value !== null && best !== null ? t('value', { value: rating.value, best }) : t('noValue')}</dd>
              <dt>{t('colourTerm')}</dt>
              <dd>
                <span className="swatch" style={{ backgroundColor: rating.colour }} aria-hidden="true" /> <code>{rating.colour}</code>
              </dd>
            </dl>
            {!rating.active && <p className="muted small">{t('retired')}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
