import type { Metadata } from 'next';
import { PageGone } from '@/app/[locale]/_components/page-gone';
import { ReaderChallenges } from '@/app/components/disputes/reader-challenges';
import { getPublicChallenges } from '@/lib/disputes/cache';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { getRelatedFactChecks } from '@/lib/claim-matching/cache';
import { getPublicClaim } from '@/lib/claims/cache';
import { publicClaimReviewJsonLd } from '@/lib/claims/claim-review-cache';
import { appearanceStanceLabelKey, evidenceStanceLabelKey, relationLabelKey } from '@/lib/claims/labels';
import { claimPath } from '@/lib/claims/queries';
import { type Locale, localizedPath } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { renderMarkdown } from '@/lib/markdown/render';
import { publicPageMetadata } from '@/lib/seo/metadata';
import { goneMetadata } from '@/app/[locale]/_components/gone-metadata';
import { claimShareImagePath, SHARE_IMAGE_SIZE } from '@/lib/seo/share-image';
import { claimantPath } from '@/lib/public-pages/paths';
import { TagLinks } from '@/app/components/claim-list';
import { describeClaimChange } from './change-description';
import { VerdictCreditsLine } from './verdict-credits';

// Served from Next's cache (ISR): see app/[locale]/layout.tsx.
export const dynamic = 'force-static';
export const revalidate = 300;

type Props = { params: Promise<{ locale: Locale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const t = await getTranslations({ locale, namespace: 'claimPage' });
  const claim = await getPublicClaim(slug);
  if (!claim) return goneMetadata(locale, claimPath(slug));
  const seo = await getTranslations({ locale, namespace: 'seo.shareImage' });
  const { verdict } = claim;
  const rating = verdict?.rating.labels[locale];
  const about = { claimant: claim.claimant.name, summary: claim.summary };
  // ISO dates: the latest sorts last.
  const modified = [verdict?.publishedAt, claim.changes[0]?.publishedAt].filter((date) => !!date).sort().at(-1) ?? null;
  return publicPageMetadata({
    locale,
    path: claimPath(claim.slug),
    title: claim.summary,
    description: verdict && rating ? t('metaDescription', { rating, headline: verdict.headline }) : claim.text,
    type: 'article',
    image: {
      url: claimShareImagePath(claim, locale),
      alt: rating ? seo('alt', { ...about, rating }) : seo('altNoVerdict', about),
      ...SHARE_IMAGE_SIZE,
    },
    article: { publishedTime: claim.publishedAt, modifiedTime: modified },
  });
}

/**
 * A link to a quote in its archived source. A plain link, not a client-side
 * navigation: the browser then follows the #fragment itself, which is what
 * sets :target, the highlight of the quote the reader came for
 * (app/globals.css, "the quote a reader followed").
 */
function QuoteLink({ path, locale, children }: { path: string; locale: Locale; children: ReactNode }) {
  return <a href={localizedPath(path, locale)}>{children}</a>;
}

export default async function ClaimPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const claim = await getPublicClaim(slug);
  // Unknown or unpublished: the not-found answer, with a 404 (PageGone), cached like the page.
  if (!claim) return <PageGone />;
  const t = await getTranslations('claimPage');
  const labels = await getTranslations();
  const format = await getFormatter();
  const { verdict } = claim;
  const content = claim.language;
  const [challenges, related] = await Promise.all([getPublicChallenges(slug), getRelatedFactChecks(slug)]);

  return (
    <article>
      {verdict && (
        <script
          type="application/ld+json"
          // JSON-LD must be inline; the serializer escapes "<" so no tag can break out.
          dangerouslySetInnerHTML={{ __html: await publicClaimReviewJsonLd(claim, locale) }}
        />
      )}
      {claim.archived && (
        <div className="banner" role="note">
          {t.rich(claim.archived.reason ? 'archived.withReason' : 'archived.withoutReason', {
            strong: (chunks) => <strong>{chunks}</strong>,
            date: () => <FormattedDate value={claim.archived?.at ?? ''} />,
            reason: claim.archived.reason ?? '',
          })}
        </div>
      )}
      <p className="muted">
        {t.rich(claim.claimedAt ? 'claimByOn' : 'claimBy', {
          claimant: (chunks) => (
            <strong lang={content}>
              <Link href={claimantPath(claim.claimant.slug)}>{chunks}</Link>
            </strong>
          ),
          name: claim.claimant.name,
          date: () => <FormattedDate value={claim.claimedAt ?? ''} />,
        })}
      </p>
      <h1 lang={content}>{claim.summary}</h1>
      <blockquote className="claim-text" lang={content}>
        {claim.text}
      </blockquote>
      <TagLinks tags={claim.tags} />

      <section aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">{t('verdict.heading')}</h2>
        {verdict ? (
          <div className="verdict">
            <p>
              <RatingBadge rating={verdict.rating} />{' '}
              <span className="muted small">
                {t.rich('verdict.meta', {
                  asOf: () => <FormattedDate value={verdict.asOf} />,
                  publishedAt: () => <FormattedDate value={verdict.publishedAt} withTime />,
                  number: verdict.number,
                })}
              </span>
            </p>
            <VerdictCreditsLine credits={verdict.credits} />
            <p className="verdict-headline" lang={content}>
              {verdict.headline}
            </p>
            <div lang={content} dangerouslySetInnerHTML={{ __html: renderMarkdown(verdict.explanation) }} />
            <h3>{t('evidence.heading')}</h3>
            <ul className="quote-list">
              {verdict.evidence.map((evidence, index) => (
                <li key={index}>
                  <strong>{labels(evidenceStanceLabelKey(evidence.stance))}</strong>
                  {evidence.note && <span lang={content}> — {evidence.note}</span>}
                  {evidence.quote && <blockquote lang={content}>«&nbsp;{evidence.quote.exact}&nbsp;»</blockquote>}
                  <p className="small">
                    {evidence.quotePath ? (
                      <QuoteLink path={evidence.quotePath} locale={locale}>
                        {evidence.sourceTitle ? t('evidence.readPassage', { title: evidence.sourceTitle }) : t('evidence.readPassageUntitled')}
                      </QuoteLink>
                    ) : (
                      <Link href={`/sources/${encodeURIComponent(evidence.sourceId)}`}>
                        {evidence.sourceTitle ? t('evidence.readSource', { title: evidence.sourceTitle }) : t('evidence.readSourceUntitled')}
                      </Link>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p>{t('verdict.none')}</p>
        )}
      </section>

      {challenges && (
        <ReaderChallenges challenges={challenges} claimSlug={claim.slug} locale={locale} contestable={claim.status === 'PUBLISHED' && !!claim.verdict} />
      )}

      <section aria-labelledby="appearances-heading">
        <h2 id="appearances-heading">{t('appearances.heading')}</h2>
        <ul className="quote-list">
          {claim.appearances.map((appearance) => (
            <li key={appearance.id}>
              <blockquote lang={content}>«&nbsp;{appearance.quote.exact}&nbsp;»</blockquote>
              <p className="small">
                {t.rich('appearances.line', {
                  source: () => (
                    <>
                      {appearance.source.title ? (
                        <span lang={content}>{t('appearances.title', { title: appearance.source.title })}</span>
                      ) : (
                        t('appearances.untitled')
                      )}
                      {appearance.source.publisher && <>, {appearance.source.publisher}</>}
                      {appearance.source.publishedAt && (
                        <>
                          , <FormattedDate value={appearance.source.publishedAt} />
                        </>
                      )}
                    </>
                  ),
                  stance: labels(appearanceStanceLabelKey(appearance.stance)),
                  speaker: appearance.speaker.name,
                })}{' '}
                <QuoteLink path={appearance.quotePath} locale={locale}>
                  {t('appearances.seeQuote')}
                </QuoteLink>
              </p>
            </li>
          ))}
        </ul>
      </section>

      {claim.relations.length > 0 && (
        <section aria-labelledby="relations-heading">
          <h2 id="relations-heading">{t('relations.heading')}</h2>
          <ul className="plain-list">
            {claim.relations.map((relation) => (
              <li key={`${relation.direction}-${relation.type}-${relation.claim.slug}`}>
                {t.rich('relations.item', {
                  relation: labels(relationLabelKey(relation.type, relation.direction)),
                  summary: relation.claim.summary,
                  link: (chunks) => (
                    <Link href={claimPath(relation.claim.slug)} lang={content}>
                      {chunks}
                    </Link>
                  ),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}

      {related.length > 0 && (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">{t('related.heading')}</h2>
          <p className="muted small">{t('related.intro')}</p>
          <ul className="plain-list">
            {related.map((other) => (
              <li key={other.slug}>
                <Link href={other.path} lang={other.language}>
                  {other.summary}
                </Link>{' '}
                <span className="muted small">
                  <Link href={claimantPath(other.claimant.slug)} lang={other.language}>
                    {other.claimant.name}
                  </Link>
                </span>{' '}
                {other.rating && <RatingBadge rating={other.rating} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      {claim.history.length > 0 && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t('history.heading')}</h2>
          <ol className="quote-list">
            {claim.history.map((earlier) => (
              <li key={earlier.number}>
                <p>
                  {t.rich('history.version', {
                    number: earlier.number,
                    rating: () => <RatingBadge rating={earlier.rating} />,
                    meta: (chunks) => <span className="muted small">{chunks}</span>,
                    asOf: () => <FormattedDate value={earlier.asOf} />,
                    publishedAt: () => <FormattedDate value={earlier.publishedAt} withTime />,
                  })}
                </p>
                <p lang={content}>{earlier.headline}</p>
                <VerdictCreditsLine credits={earlier.credits} />
                {earlier.correction && (
                  <p>
                    {t.rich('history.correction', {
                      strong: (chunks) => <strong>{chunks}</strong>,
                      date: () => <FormattedDate value={earlier.correction?.publishedAt ?? ''} withTime />,
                      rating: earlier.correction.toRating.labels[locale],
                      note: () => <span lang={content}>{earlier.correction?.note}</span>,
                    })}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {claim.changes.length > 0 && (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">{t('changes.heading')}</h2>
          <p className="muted small">{t('changes.intro')}</p>
          <ol className="quote-list">
            {claim.changes.map((change, index) => (
              <li key={`${change.publishedAt}-${index}`}>
                <p>
                  {t.rich('changes.item', {
                    date: () => <FormattedDate value={change.publishedAt} withTime />,
                    description: describeClaimChange(labels, format, locale, change.changed, change.quotesAdded),
                  })}
                </p>
                <p lang={content}>{change.note}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
