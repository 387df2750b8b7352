import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { RatingBadge } from '@/app/components/rating-badge';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { pickMessages } from '@/lib/i18n/client-messages';
import type { Locale } from '@/lib/i18n/locales';
import { ratingLabel } from '@/lib/ratings/labels';
import { listRatingScale } from '@/lib/ratings/queries';
import { DeleteRatingForm, MoveRatingForm } from './rating-controls';
import { RatingForm } from './rating-form';

const PATH = '/dashboard/ratings';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ratingsAdmin');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ deleted?: string }> };

/** The rating scale (admins): labels, descriptions, value, colour, order and active flag of every rating. */
export default async function RatingScalePage({ searchParams }: Props) {
  const { actor, allowed } = await requirePageActor('rating.manage', PATH);
  if (!allowed) return <NotAllowed />;
  const [scale, t, locale, messages, { deleted }] = await Promise.all([
    listRatingScale(actor),
    getTranslations('ratingsAdmin'),
    getLocale() as Promise<Locale>,
    getMessages(),
    searchParams,
  ]);

  return (
    <NextIntlClientProvider messages={pickMessages(messages, ['ratingsAdmin.form', 'ratingsAdmin.item'])}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {deleted === '1' && (
        <p className="form-success" role="status">
          {t('done.deleted')}
        </p>
      )}

      <section aria-labelledby="scale-heading">
        <h2 id="scale-heading">{t('scale.heading', { count: scale.length })}</h2>
        {scale.length === 0 && <p>{t('scale.empty')}</p>}
        <ol className="plain-list rating-scale">
          {scale.map((rating, index) => {
            const label = ratingLabel(rating, locale);
            const headingId = `rating-${rating.id}-heading`;
            return (
              <li key={rating.id}>
                <section aria-labelledby={headingId} className="rating-item">
                  <h3>
                    {/* The section is named by the label alone, without the "Inactive" tag. */}
                    <span id={headingId}>
                      <RatingBadge rating={{ labels: { fr: rating.labelFr, en: rating.labelEn }, colour: rating.colour }} link={false} />
                    </span>
                    {!rating.active && <span className="status-tag">{t('item.inactive')}</span>}
                  </h3>
                  <dl className="rating-facts">
                    <div>
                      <dt>{t('item.labelFr')}</dt>
                      <dd lang="fr">{rating.labelFr}</dd>
                    </div>
                    <div>
                      <dt>{t('item.labelEn')}</dt>
                      <dd lang="en">{rating.labelEn}</dd>
                    </div>
                    <div>
                      <dt>{t('item.key')}</dt>
                      <dd>
                        <code>{rating.key}</code>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('item.value')}</dt>
                      <dd>{rating.value ?? t('item.noValue')}</dd>
                    </div>
                    <div>
                      <dt>{t('item.used')}</dt>
                      <dd>{t('item.usage', { count: rating.verdictCount })}</dd>
                    </div>
                  </dl>
                  <MoveRatingForm rating={rating} label={label} first={index === 0} last={index === scale.length - 1} />
                  <RatingForm rating={rating} idPrefix={`rating-${rating.id}`} previewLabel={label} summary={t('item.edit', { name: label })} />
                  {rating.verdictCount === 0 ? (
                    <DeleteRatingForm rating={rating} label={label} />
                  ) : (
                    <p className="small muted">{t('item.cannotDelete')}</p>
                  )}
                </section>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="new-rating-heading">
        <h2 id="new-rating-heading">{t('create.heading')}</h2>
        <RatingForm idPrefix="new-rating" previewLabel={t('form.previewSample')} />
      </section>
    </NextIntlClientProvider>
  );
}
