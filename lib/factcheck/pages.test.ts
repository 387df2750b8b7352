import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { claimReview } from '../claims/claim-review';
import { findRatingScaleBounds } from '../claims/claim-review-queries';
import { findPublicClaimBySlug, listPublishedClaims } from '../claims/queries';
import { siteSettings } from '../site/settings';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { inEnglish } from '../testing/messages';
import { claimReviewMarkupPage } from './markup-page';
import { type FactCheckReads, listClaimReviewMarkupPages } from './pages';
import { factCheckPagesQuerySchema, listClaimReviewMarkupPagesResponseSchema } from './pages-schema';

// GET /api/factcheck/pages without its caches: every published fact check
// exactly once, page by page, in the documented ClaimReviewMarkupPage shape,
// written from the same ClaimReview as the claim page; nothing unpublished.

let db: SeededDatabase;

const reads: FactCheckReads = {
  claimPage: (limit, after) => listPublishedClaims({ limit, after }),
  claim: findPublicClaimBySlug,
  scale: findRatingScaleBounds,
};

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

/** Every page, following nextPageToken as a client of Google's API does. */
async function exportAll(pageSize: number) {
  const pages = [];
  let pageToken: string | undefined;
  for (let request = 0; request < 100; request++) {
    const answer = await listClaimReviewMarkupPages(reads, factCheckPagesQuerySchema.parse({ pageSize: String(pageSize), pageToken }));
    const parsed = listClaimReviewMarkupPagesResponseSchema.safeParse(answer);
    assert.ok(parsed.success, parsed.error?.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; '));
    assert.ok(answer.claimReviewMarkupPages.length <= pageSize);
    pages.push(...answer.claimReviewMarkupPages);
    if (!answer.nextPageToken) return pages;
    pageToken = answer.nextPageToken;
  }
  return assert.fail('the export does not end');
}

const slugOf = (pageUrl: string) => decodeURIComponent(new URL(pageUrl).pathname.replace(/^\/claims\//, ''));

describe('GET /api/factcheck/pages', () => {
  test('exports every published fact check once, newest first, each as the claim page’s ClaimReview says', async () => {
    const published = await db.sql<{ slug: string }[]>`
      SELECT c.slug FROM claims c
      WHERE c.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.state = 'PUBLISHED')
      ORDER BY c.published_at DESC, c.id DESC`;
    const exported = await exportAll(4);
    assert.deepEqual(exported.map((page) => slugOf(page.pageUrl)), published.map((row) => row.slug));

    const scale = await findRatingScaleBounds();
    for (const page of exported) {
      const claim = (await findPublicClaimBySlug(slugOf(page.pageUrl))) ?? assert.fail();
      const review = claimReview(claim, { locale: 'fr', scale }) ?? assert.fail();
      assert.deepEqual(page, claimReviewMarkupPage(review), 'one mapping for both formats');
      const [markup] = page.claimReviewMarkups;
      assert.equal(markup?.claimReviewed, claim.text);
      assert.equal(markup?.rating.textualRating, review.reviewRating.alternateName);
      assert.equal(page.claimReviewAuthor.name, siteSettings().publisherName);
      assert.equal(page.claimReviewAuthor.imageUrl, siteSettings().publisherLogo);
      // Every appearance is listed once, the first one as claimFirstAppearance.
      assert.equal((markup?.claimAppearances.length ?? 0) + (markup?.claimFirstAppearance ? 1 : 0), claim.appearances.length);
    }
    const rutte = exported.find((page) => slugOf(page.pageUrl) === 'rutte-unites-nord-coreennes-koursk');
    assert.deepEqual(rutte?.claimReviewMarkups[0]?.claimAuthor, { name: 'Mark Rutte', sameAs: 'https://www.wikidata.org/wiki/Q57792' });
    assert.deepEqual(
      [rutte?.claimReviewMarkups[0]?.rating.bestRating, rutte?.claimReviewMarkups[0]?.rating.worstRating],
      [6, 1],
    );
  });

  test('drafts, claims in review and archived claims are never exported', async () => {
    const [archived] = await db.sql<{ slug: string }[]>`
      UPDATE claims SET status = 'ARCHIVED', archived_at = now(), archive_reason = 'Doublon'
      WHERE slug = 'lavrov-accusations-trompeuses' RETURNING slug`;
    assert.ok(archived);
    const hidden = await db.sql<{ slug: string }[]>`SELECT slug FROM claims WHERE status <> 'PUBLISHED'`;
    assert.ok(hidden.length >= 4, 'the seed has drafts and claims in review');
    const exported = new Set((await exportAll(100)).map((page) => slugOf(page.pageUrl)));
    for (const { slug } of hidden) assert.ok(!exported.has(slug), `${slug} is not published`);
    await db.sql`UPDATE claims SET status = 'PUBLISHED', archived_at = NULL, archive_reason = NULL WHERE slug = ${archived.slug}`;
  });

  test('the last page has no nextPageToken; bad paging parameters are refused with a message', async () => {
    const all = await listClaimReviewMarkupPages(reads, factCheckPagesQuerySchema.parse({ pageSize: '100' }));
    assert.equal(all.nextPageToken, undefined);
    assert.equal(factCheckPagesQuerySchema.parse({}).pageSize, 10, 'Google’s default');
    for (const query of [{ pageSize: '0' }, { pageSize: '101' }, { pageSize: 'ten' }, { pageToken: 'not-a-token' }, { pageToken: 'x'.repeat(600) }]) {
      const parsed = factCheckPagesQuerySchema.safeParse(query);
      assert.equal(parsed.success, false, JSON.stringify(query));
      assert.ok(parsed.error?.issues.every((issue) => inEnglish(issue.message) !== '' && !inEnglish(issue.message).startsWith('@i18n')));
    }
  });
});
