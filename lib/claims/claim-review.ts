import type { PublicClaimDetail } from './queries';

const BEST_RATING = 6;
const WORST_RATING = 1;

/**
 * schema.org ClaimReview for a public claim page, serialized for an inline
 * <script type="application/ld+json">: "<" is escaped so the text of a claim
 * can never close the script element.
 */
export function claimReviewJsonLd(claim: PublicClaimDetail): string {
  const verdict = claim.verdict;
  if (!verdict) return '{}';
  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim.summary,
    datePublished: verdict.publishedAt,
    author: { '@type': 'Organization', name: 'Attest' },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': claim.claimant.kind === 'PERSON' ? 'Person' : 'Organization', name: claim.claimant.name },
      ...(claim.claimedAt ? { datePublished: claim.claimedAt } : {}),
      text: claim.text,
    },
    reviewRating: {
      '@type': 'Rating',
      alternateName: verdict.rating.label,
      ...(verdict.rating.value !== null
        ? { ratingValue: verdict.rating.value, bestRating: BEST_RATING, worstRating: WORST_RATING }
        : {}),
    },
  };
  return JSON.stringify(review).replace(/</g, '\\u003c');
}
