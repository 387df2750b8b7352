import { z } from 'zod';
import { claimListCursorParam } from '../claims/schema';
import { intField } from '../validation/fields';

// GET /api/factcheck/pages: its query, and the shape of its answer as Google
// documents the Fact Check Tools Read/Write API's pages.list response
// (https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/pages/list),
// which the tests hold the answer to.

/** pageSize defaults to 10, as in Google's API; pageToken is the nextPageToken of the page before. */
export const factCheckPagesQuerySchema = z.object({
  pageSize: intField({ min: 1, max: 100 }).default(10),
  pageToken: claimListCursorParam,
});
export type FactCheckPagesQuery = z.infer<typeof factCheckPagesQuerySchema>;

const absoluteHttpUrl = z.url({ protocol: /^https?$/ });
const isoDateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const text = z.string().trim().min(1);

export const claimReviewMarkupSchema = z.object({
  url: absoluteHttpUrl,
  claimReviewed: text,
  claimDate: isoDateOrDateTime.optional(),
  claimLocation: text.optional(),
  claimFirstAppearance: absoluteHttpUrl.optional(),
  claimAppearances: z.array(absoluteHttpUrl),
  claimAuthor: z.object({
    name: text,
    jobTitle: text.optional(),
    imageUrl: absoluteHttpUrl.optional(),
    sameAs: absoluteHttpUrl.optional(),
  }),
  rating: z
    .object({
      textualRating: text,
      ratingValue: z.int().optional(),
      bestRating: z.int().optional(),
      worstRating: z.int().min(1).optional(),
      imageUrl: absoluteHttpUrl.optional(),
    })
    .refine(
      ({ ratingValue, bestRating, worstRating }) =>
        ratingValue === undefined
          ? bestRating === undefined && worstRating === undefined
          : bestRating !== undefined && worstRating !== undefined && worstRating < bestRating && worstRating <= ratingValue && ratingValue <= bestRating,
      'ratingValue lies between worstRating and bestRating, all three given together',
    ),
});

export const claimReviewMarkupPageSchema = z.object({
  pageUrl: absoluteHttpUrl,
  publishDate: isoDateOrDateTime,
  claimReviewAuthor: z.object({ name: text, imageUrl: absoluteHttpUrl.optional() }),
  claimReviewMarkups: z.array(claimReviewMarkupSchema).min(1),
});

export const listClaimReviewMarkupPagesResponseSchema = z.object({
  claimReviewMarkupPages: z.array(claimReviewMarkupPageSchema),
  /** Absent on the last page ("an empty value means no more results"). */
  nextPageToken: z.string().min(1).optional(),
});
export type ListClaimReviewMarkupPagesResponse = z.infer<typeof listClaimReviewMarkupPagesResponseSchema>;
