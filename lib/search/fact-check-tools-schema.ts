import { z } from 'zod';
import { decodeSearchCursor } from '../claims/schema';
import { message } from '../i18n/message';
import { intField, optionalIntField, optionalText, singleLineText } from '../validation/fields';
import { cursorParameter, searchTextField } from './fields';

// The query of GET /api/factcheck/claims:search, named as Google's Fact Check
// Tools Claim Search API names it (v1alpha1 claims.search), so that a tool
// written for it can ask Attest unchanged. Parameters Google's clients add
// (key, fields, prettyPrint, $.xgafv…) are ignored.

export const FACT_CHECK_TOOLS_PAGE_SIZE = 10;

/** "en-US", "sr-Latn": its primary language subtag, lower-cased, which is all Attest (like Google) matches on. */
const languageCodeField = optionalText(
  singleLineText({ max: 35 }).pipe(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, message('search.errors.languageCodeInvalid'))),
).transform((value) => (value === null ? null : (value.split('-')[0] ?? value).toLowerCase()));

/** "nytimes.com", or a URL of the site: its host name, lower-cased, without "www.". */
const siteField = optionalText(singleLineText({ max: 300 })).transform((value, ctx) => {
  if (value === null) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`).hostname.toLowerCase();
    if (host !== '') return host.replace(/^www\./, '');
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: message('search.errors.siteInvalid') });
  return z.NEVER;
});

export const factCheckClaimSearchSchema = z
  .object({
    query: searchTextField,
    languageCode: languageCodeField,
    reviewPublisherSiteFilter: siteField,
    maxAgeDays: optionalIntField({ min: 1, max: 36_500 }),
    pageSize: intField({ min: 1, max: 100 }).default(FACT_CHECK_TOOLS_PAGE_SIZE),
    pageToken: cursorParameter,
    // Google's offset paginates by OFFSET, which Attest never does on a big table: only 0 (the first page) is accepted.
    offset: optionalIntField({ min: 0, max: 0, message: message('search.errors.offsetUnsupported') }),
  })
  .superRefine((value, ctx) => {
    if (value.query === null && value.reviewPublisherSiteFilter === null) {
      ctx.addIssue({ code: 'custom', path: ['query'], message: message('search.errors.queryRequired') });
    }
  })
  .transform(({ pageToken, ...rest }, ctx) => {
    const after = pageToken === null ? null : decodeSearchCursor(pageToken, rest.query !== null);
    if (pageToken !== null && after === null) {
      ctx.addIssue({ code: 'custom', path: ['pageToken'], message: message('search.errors.pageTokenInvalid') });
      return z.NEVER;
    }
    return { ...rest, after };
  });
export type FactCheckClaimSearchQuery = z.infer<typeof factCheckClaimSearchSchema>;
