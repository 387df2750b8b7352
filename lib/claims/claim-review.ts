import { type Locale, localizedPath } from '../i18n/locales';
import { absoluteUrl, type SiteSettings, siteSettings } from '../site/settings';
import type { RatingScaleBounds } from './claim-review-queries';
import { claimPath, type PublicClaimDetail } from './queries';

// A public fact check as schema.org ClaimReview, the way Google's fact-check
// structured data documentation asks for it
// (https://developers.google.com/search/docs/appearance/structured-data/factcheck).
// This is the one mapping from a claim to its review: the claim page inlines
// it as JSON-LD, and the Fact Check Tools export (lib/factcheck/) is written
// from it, field by field as Google documents the correspondence.
// lib/factcheck/claim-review-schema.ts checks the result against the documentation.

type Thing<Type extends string> = { '@type': Type };

export type ClaimReviewOrganization = Thing<'Organization'> & { name: string };

/** Who made the claim. */
export type ClaimReviewClaimAuthor = Thing<'Person' | 'Organization'> & { name: string; sameAs?: string[] };

/** One work the claim appears in: its archived copy on Attest, the original when known. */
export type ClaimReviewAppearance = Thing<'CreativeWork'> & {
  /** The archived source on Attest, at the quote (always there, checkable by its hash). */
  url: string;
  /** The original article's address, when it is known. */
  sameAs?: string;
  headline?: string;
  publisher?: ClaimReviewOrganization;
  /** "YYYY-MM-DD" */
  datePublished?: string;
};

export type ClaimReviewRating = Thing<'Rating'> & {
  /** The rating as a reader reads it, in the review's language: always there, numeric or not. */
  alternateName: string;
  name: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
};

export type ClaimReview = Thing<'ClaimReview'> & {
  '@context': 'https://schema.org';
  /** The fact check's page, absolute. */
  url: string;
  /** The claim as it was made, not the summary nor the verdict's headline. */
  claimReviewed: string;
  headline: string;
  inLanguage: string;
  /** When the fact check was first published (ISO date-time). */
  datePublished: string;
  /** The last correction or approved change, when there was one. */
  dateModified?: string;
  author: ClaimReviewOrganization & { url: string; logo: string };
  itemReviewed: Thing<'Claim'> & {
    author: ClaimReviewClaimAuthor;
    /** When the claim was made ("YYYY-MM-DD"), when known. */
    datePublished?: string;
    appearance: ClaimReviewAppearance[];
    firstAppearance?: ClaimReviewAppearance;
  };
  reviewRating: ClaimReviewRating;
};

export type ClaimReviewContext = {
  /** The interface language of the page the review is read on: its URL. */
  locale: Locale;
  /** The truth scale's ends (lib/claims/claim-review-queries.ts); null when no rating has a value. */
  scale: RatingScaleBounds | null;
  settings?: SiteSettings;
};

type PublicAppearance = PublicClaimDetail['appearances'][number];

/** The review of a public claim's current verdict; null while it has none. */
export function claimReview(claim: PublicClaimDetail, context: ClaimReviewContext): ClaimReview | null {
  const { verdict } = claim;
  if (!verdict) return null;
  const settings = context.settings ?? siteSettings();
  const pageUrl = (path: string) => absoluteUrl(localizedPath(path, context.locale), settings);
  const appearances = claim.appearances.map((appearance) => appearanceWork(appearance, pageUrl));
  const first = firstAppearanceIndex(claim.appearances);
  const published = claim.publishedAt ?? verdict.publishedAt;
  const modified = latest([verdict.publishedAt, ...claim.changes.map((change) => change.publishedAt)]);

  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: pageUrl(claimPath(claim.slug)),
    claimReviewed: claim.text,
    headline: verdict.headline,
    inLanguage: claim.language,
    datePublished: published,
    ...(modified && modified > published ? { dateModified: modified } : {}),
    author: { '@type': 'Organization', name: settings.publisherName, url: settings.publicUrl, logo: settings.publisherLogo },
    itemReviewed: {
      '@type': 'Claim',
      author: {
        '@type': claim.claimant.kind === 'PERSON' ? 'Person' : 'Organization',
        name: claim.claimant.name,
        ...(claim.claimant.sameAs.length > 0 ? { sameAs: claim.claimant.sameAs } : {}),
      },
      ...(claim.claimedAt ? { datePublished: claim.claimedAt } : {}),
      appearance: appearances,
      ...(first !== null && appearances[first] ? { firstAppearance: appearances[first] } : {}),
    },
    reviewRating: reviewRating(verdict.rating, context.scale),
  };
}

/**
 * The review as the inline <script type="application/ld+json"> of the claim
 * page ("{}" while the claim has no verdict). "<" is escaped, so the text of
 * a claim can never close the script element.
 */
export function claimReviewJsonLd(claim: PublicClaimDetail, context: ClaimReviewContext): string {
  return JSON.stringify(claimReview(claim, context) ?? {}).replace(/</g, '\\u003c');
}

function appearanceWork(appearance: PublicAppearance, pageUrl: (path: string) => string): ClaimReviewAppearance {
  const { source } = appearance;
  return {
    '@type': 'CreativeWork',
    url: pageUrl(appearance.quotePath),
    ...(source.url ? { sameAs: source.url } : {}),
    ...(source.title ? { headline: source.title } : {}),
    ...(source.publisher ? { publisher: { '@type': 'Organization', name: source.publisher } } : {}),
    ...(source.publishedAt ? { datePublished: source.publishedAt } : {}),
  };
}

/** The earliest dated appearance (the first recorded among equals), else the first recorded. */
function firstAppearanceIndex(appearances: readonly PublicAppearance[]): number | null {
  if (appearances.length === 0) return null;
  let first = 0;
  appearances.forEach((appearance, index) => {
    const date = appearance.source.publishedAt;
    const best = appearances[first]?.source.publishedAt ?? null;
    if (date !== null && (best === null || date < best)) first = index;
  });
  return first;
}

/**
 * alternateName always; the numbers only for a rating on the truth scale
 * (value not null), and only when the scale has two distinct ends, as
 * Google requires bestRating > worstRating.
 */
function reviewRating(rating: { label: string; value: number | null }, scale: RatingScaleBounds | null): ClaimReviewRating {
  const named: ClaimReviewRating = { '@type': 'Rating', alternateName: rating.label, name: rating.label };
  if (rating.value === null || scale === null || scale.best <= scale.worst) return named;
  return { ...named, ratingValue: rating.value, bestRating: scale.best, worstRating: scale.worst };
}

/** The latest of ISO timestamps (they compare as strings), ignoring blanks. */
function latest(values: string[]): string | null {
  return values.filter((value) => value !== '').reduce<string | null>((max, value) => (max === null || value > max ? value : max), null);
}
