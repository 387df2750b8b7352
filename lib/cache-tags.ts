// Cache tags of the public read model. Mutations revalidate exactly the tags
// their change touches; the public pages and the read API are cached under them.
export const cacheTags = {
  /**
   * Every public listing of claims: the home page, the claimant, tag and
   * rating pages, the feeds, the claimants' directory and their scorecards
   * (counts of published verdicts), since any claim or verdict change can
   * move them.
   */
  claimList: 'claims',
  claim: (slug: string) => `claim:${slug}`,
  /** A claimant's own page: who they are (name, kind, country, aliases, description). */
  claimant: (slug: string) => `claimant:${slug}`,
  source: (id: string) => `source:${id}`,
  /** The rating scale as /methodology explains it: every change to a rating expires it. */
  ratingScale: 'rating-scale',
} as const;

/**
 * Safety net for writes made outside the app (a psql session, a re-seed):
 * cached public reads are refreshed at least this often.
 */
export const PUBLIC_CACHE_SECONDS = 300;

/** Every public cache entry a change to a claim can touch. */
export function publicTagsForClaim(slug: string, sourceIds: Iterable<string>): string[] {
  return [cacheTags.claimList, cacheTags.claim(slug), ...[...new Set(sourceIds)].map((id) => cacheTags.source(id))];
}
