import type { SiteSettings } from '../site/settings';
import type { PublicSearchResult } from './queries';

// Google's Fact Check Tools Claim Search API response (v1alpha1
// FactCheckedClaimSearchResponse), from the public search's results. Google's
// JSON leaves out empty fields: so does this (claimDate when the claim has
// no date, reviewDate without a published verdict, nextPageToken on the last
// page). `claims` is always there, empty when nothing matched.

export type FactCheckToolsClaimReview = {
  publisher: { name: string; site: string };
  url: string;
  title: string;
  reviewDate?: string;
  textualRating?: string;
  languageCode: string;
};

export type FactCheckToolsClaim = {
  text: string;
  claimant: string;
  claimDate?: string;
  claimReview: FactCheckToolsClaimReview[];
};

export type FactCheckToolsSearchResponse = { claims: FactCheckToolsClaim[]; nextPageToken?: string };

/** The publisher as claims.search names it: the newsroom's name and its site's host. */
export function factCheckPublisher(settings: SiteSettings, origin: string): { name: string; site: string } {
  return { name: settings.publisherName, site: new URL(origin).hostname.replace(/^www\./, '') };
}

/** Whether reviewPublisherSiteFilter names this site: the same host, or a domain it is part of. */
export function isPublisherSite(filter: string, site: string): boolean {
  return site === filter || site.endsWith(`.${filter}`);
}

export function toFactCheckToolsClaim(item: PublicSearchResult, publisher: { name: string; site: string }, origin: string): FactCheckToolsClaim {
  const review: FactCheckToolsClaimReview = {
    publisher,
    url: `${origin}${item.path}`,
    title: item.summary,
    ...(item.verdict?.publishedAt ? { reviewDate: item.verdict.publishedAt } : {}),
    ...(item.rating ? { textualRating: item.rating.label } : {}),
    languageCode: item.language,
  };
  return {
    text: item.text,
    claimant: item.claimant.name,
    ...(item.claimedAt ? { claimDate: `${item.claimedAt}T00:00:00Z` } : {}),
    claimReview: [review],
  };
}
