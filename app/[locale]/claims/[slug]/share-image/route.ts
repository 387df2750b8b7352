import { getTranslations } from 'next-intl/server';
import { ImageResponse } from 'next/og';
import { notFound } from '@/lib/api/responses';
import { getPublicClaim } from '@/lib/claims/cache';
import { isLocale } from '@/lib/i18n/locales';
import { SHARE_IMAGE_CACHE_CONTROL, SHARE_IMAGE_SIZE } from '@/lib/seo/share-image';
import { renderableText, shareImageFonts } from '@/lib/seo/share-image-fonts';
import { siteSettings } from '@/lib/site/settings';
import { shareCard } from './share-card';

// The claim page's og:image and twitter:image (lib/seo/share-image.ts): the
// claimant, the claim's summary and the rating badge, in the page's language.

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/claims/[slug]/share-image'>) {
  const { locale, slug } = await params;
  const claim = isLocale(locale) ? await getPublicClaim(slug) : null;
  if (!claim || !isLocale(locale)) return notFound(`Claim "${slug}"`);
  const [t, { fonts, coverage }] = await Promise.all([getTranslations({ locale, namespace: 'seo.shareImage' }), shareImageFonts()]);
  const drawable = (text: string) => renderableText(text, coverage);
  const rating = claim.verdict?.rating;
  const card = shareCard({
    publisher: drawable(siteSettings().publisherName),
    kicker: drawable(t('kicker')),
    claimBy: drawable(t('claimBy', { name: claim.claimant.name })),
    summary: drawable(claim.summary),
    verdictLabel: drawable(t('verdict')),
    rating: rating ? { label: drawable(rating.labels[locale]), colour: rating.colour } : null,
    noVerdict: drawable(t('noVerdict')),
  });
  return new ImageResponse(card, { ...SHARE_IMAGE_SIZE, fonts, headers: { 'Cache-Control': SHARE_IMAGE_CACHE_CONTROL } });
}
