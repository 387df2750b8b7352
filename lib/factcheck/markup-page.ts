import type { ClaimReview, ClaimReviewAppearance } from '../claims/claim-review';

// Google Fact Check Tools' Read/Write API format (ClaimReviewMarkupPage,
// https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/pages),
// written from the ClaimReview the claim page carries: Google documents each
// field of this format as corresponding to one of ClaimReview, so the two
// can only disagree where this file says so. Output-only fields (name,
// versionId) are left to Google.

export type ClaimReviewMarkupPage = {
  pageUrl: string;
  /** ClaimReview.datePublished */
  publishDate: string;
  claimReviewAuthor: { name: string; imageUrl?: string };
  claimReviewMarkups: ClaimReviewMarkup[];
};

export type ClaimReviewMarkup = {
  url: string;
  claimReviewed: string;
  /** ClaimReview.itemReviewed.datePublished */
  claimDate?: string;
  /** Every other work the claim appears in (appearance.url), the first appearance left out. */
  claimAppearances: string[];
  /** ClaimReview.itemReviewed.firstAppearance.url */
  claimFirstAppearance?: string;
  claimAuthor: { name: string; jobTitle?: string; imageUrl?: string; sameAs?: string };
  rating: { textualRating: string; ratingValue?: number; bestRating?: number; worstRating?: number; imageUrl?: string };
};

/** One fact check page, with its one review. */
export function claimReviewMarkupPage(review: ClaimReview): ClaimReviewMarkupPage {
  const claim = review.itemReviewed;
  const first = claim.firstAppearance ? primaryLink(claim.firstAppearance) : undefined;
  const appearances = [...new Set(claim.appearance.flatMap(links))].filter((link) => link !== first);
  const rating = review.reviewRating;
  const sameAs = identifyingLink(claim.author.sameAs ?? []);
  return {
    pageUrl: review.url,
    publishDate: review.datePublished,
    claimReviewAuthor: { name: review.author.name, imageUrl: review.author.logo },
    claimReviewMarkups: [
      {
        url: review.url,
        claimReviewed: review.claimReviewed,
        ...(claim.datePublished ? { claimDate: claim.datePublished } : {}),
        claimAppearances: appearances,
        ...(first ? { claimFirstAppearance: first } : {}),
        claimAuthor: { name: claim.author.name, ...(sameAs ? { sameAs } : {}) },
        rating: {
          textualRating: rating.alternateName,
          ...(rating.ratingValue !== undefined
            ? { ratingValue: rating.ratingValue, bestRating: rating.bestRating, worstRating: rating.worstRating }
            : {}),
        },
      },
    ],
  };
}

/**
 * Where a work is: the original article when its address is known (that is
 * where the claim first appeared), else Attest's archived copy.
 */
function primaryLink(work: ClaimReviewAppearance): string {
  return work.sameAs ?? work.url;
}

/** Both addresses of a work: the original first, then the archived copy. */
function links(work: ClaimReviewAppearance): string[] {
  return work.sameAs ? [work.sameAs, work.url] : [work.url];
}

/** This format takes one sameAs: the Wikidata item when there is one (it identifies across languages), else the first. */
function identifyingLink(sameAs: readonly string[]): string | undefined {
  return sameAs.find((url) => new URL(url).hostname.endsWith('wikidata.org')) ?? sameAs[0];
}
