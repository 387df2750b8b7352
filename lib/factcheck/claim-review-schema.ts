import { z } from 'zod';

// ClaimReview as Google's fact-check structured data documentation describes
// it (https://developers.google.com/search/docs/appearance/structured-data/factcheck),
// with schema.org's types (https://schema.org/ClaimReview, /Claim, /Rating),
// written from the documentation rather than from lib/claims/claim-review.ts,
// so that the tests check the builder against what consumers read:
//
//   ClaimReview  url (required)            URL of the fact check's page, on its site
//                claimReviewed (required)  Text
//                reviewRating (required)   Rating
//                author (recommended)      Organization: name, url, logo
//                datePublished (rec.)      Date or DateTime
//                itemReviewed (rec.)       Claim
//   Claim        author (rec.)             Person or Organization, with name (sameAs: URLs)
//                datePublished (rec.)      Date or DateTime
//                appearance (rec.)         URL or CreativeWork, one or more
//                firstAppearance (rec.)    URL or CreativeWork
//   Rating       alternateName (required)  Text: the truthfulness rating as a reader reads it
//                ratingValue, bestRating, worstRating (rec.)  numbers: worstRating ≥ 1,
//                bestRating > worstRating, ratingValue between them
//
// Attest promises more than the minimum: everything recommended is required
// here, except what a claim may not have (its date, its appearances' dates,
// the numbers of a rating outside the truth scale).
//
// It checks what Attest publishes, for the tests and for anyone validating an
// export: its messages speak to developers, in English, and never reach a reader.

const absoluteHttpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

const isoDateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be an ISO 8601 date or date-time' });

/** A BCP 47 language tag such as "fr" or "en-GB". */
const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag');

const text = z.string().trim().min(1, 'must not be empty');

const organization = z.object({ '@type': z.literal('Organization'), name: text });

const creativeWork = z.object({
  '@type': z.literal('CreativeWork'),
  url: absoluteHttpUrl,
  sameAs: absoluteHttpUrl.optional(),
  headline: text.optional(),
  publisher: organization.optional(),
  datePublished: isoDateOrDateTime.optional(),
});

/** schema.org allows a URL or a CreativeWork; Google reads the URL of either. */
const appearance = z.union([absoluteHttpUrl, creativeWork]);

const claimAuthor = z.object({
  '@type': z.enum(['Person', 'Organization']),
  name: text,
  sameAs: z.union([absoluteHttpUrl, z.array(absoluteHttpUrl).min(1)]).optional(),
});

export const claimReviewRatingSchema = z
  .object({
    '@type': z.literal('Rating'),
    alternateName: text,
    name: text.optional(),
    ratingValue: z.number().optional(),
    bestRating: z.number().optional(),
    worstRating: z.number().optional(),
  })
  .superRefine((rating, ctx) => {
    const numbers = [rating.ratingValue, rating.bestRating, rating.worstRating];
    const given = numbers.filter((value) => value !== undefined).length;
    if (given === 0) return;
    if (given !== 3 || rating.ratingValue === undefined || rating.bestRating === undefined || rating.worstRating === undefined) {
      ctx.addIssue({ code: 'custom', message: 'ratingValue, bestRating and worstRating go together' });
      return;
    }
    if (rating.worstRating < 1) ctx.addIssue({ code: 'custom', path: ['worstRating'], message: 'must be 1 or more' });
    if (rating.bestRating <= rating.worstRating) ctx.addIssue({ code: 'custom', path: ['bestRating'], message: 'must be greater than worstRating' });
    if (rating.ratingValue < rating.worstRating || rating.ratingValue > rating.bestRating) {
      ctx.addIssue({ code: 'custom', path: ['ratingValue'], message: 'must lie between worstRating and bestRating' });
    }
  });

export const claimReviewSchema = z
  .object({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('ClaimReview'),
    url: absoluteHttpUrl,
    claimReviewed: text,
    inLanguage: languageTag,
    datePublished: isoDateOrDateTime,
    dateModified: isoDateOrDateTime.optional(),
    author: organization.extend({ url: absoluteHttpUrl, logo: absoluteHttpUrl }),
    itemReviewed: z.object({
      '@type': z.literal('Claim'),
      author: claimAuthor,
      datePublished: isoDateOrDateTime.optional(),
      appearance: z.union([appearance, z.array(appearance)]),
      firstAppearance: appearance.optional(),
    }),
    reviewRating: claimReviewRatingSchema,
  })
  .superRefine((review, ctx) => {
    // The review's url is its page (Fact Check Tools accepts no other than the page's, plus an anchor): on the publisher's site.
    if (URL.canParse(review.url) && URL.canParse(review.author.url) && new URL(review.url).host !== new URL(review.author.url).host) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'must be on the publisher’s site (author.url)' });
    }
  });

export type ValidClaimReview = z.infer<typeof claimReviewSchema>;
