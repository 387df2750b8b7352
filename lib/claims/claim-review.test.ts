import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { siteSettings } from '../site/settings';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { claimReview, claimReviewJsonLd } from './claim-review';
import { findRatingScaleBounds } from './claim-review-queries';
import { claimReviewSchema } from '../factcheck/claim-review-schema';
import { findPublicClaimBySlug, type PublicClaimDetail } from './queries';

// The ClaimReview of every seeded public claim, checked against the schema
// written from Google's documentation (claim-review-schema.ts), and what a
// reader of the markup relies on: the claim as made, who made it, where it
// appeared, the rating on the database's scale, the publisher from settings.

let db: SeededDatabase;
let publicSlugs: string[];

const newsroom = siteSettings({
  ATTEST_PUBLIC_URL: 'https://factcheck.example.org/',
  ATTEST_PUBLISHER_NAME: 'Le Vérificateur',
  ATTEST_PUBLISHER_LOGO: '/images/logo.png',
});

before(async () => {
  db = await openSeededDatabase();
  const rows = await db.sql<{ slug: string }[]>`
    SELECT c.slug FROM claims c
    WHERE (c.status = 'PUBLISHED' OR (c.status = 'ARCHIVED' AND c.published_at IS NOT NULL))
      AND EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.state = 'PUBLISHED')
    ORDER BY c.slug`;
  publicSlugs = rows.map((row) => row.slug);
});
after(() => closeSeededDatabase(db));

async function publicClaim(slug: string): Promise<PublicClaimDetail> {
  return (await findPublicClaimBySlug(slug)) ?? assert.fail(`${slug} should be public`);
}

describe('ClaimReview', () => {
  test('every seeded public fact check has a review that validates, naming the claim as made', async () => {
    assert.ok(publicSlugs.length >= 12, 'the seed publishes a dozen fact checks');
    const scale = await findRatingScaleBounds();
    assert.deepEqual(scale, { best: 6, worst: 1 }, 'the seeded scale runs from 1 (false) to 6 (true)');
    for (const slug of publicSlugs) {
      const claim = await publicClaim(slug);
      const review = claimReview(claim, { locale: 'fr', scale, settings: newsroom });
      const parsed = claimReviewSchema.safeParse(review);
      assert.ok(parsed.success, `${slug}: ${parsed.error?.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
      assert.equal(review?.claimReviewed, claim.text, `${slug}: the claim as made`);
      assert.notEqual(review?.claimReviewed, claim.summary);
      assert.equal(review?.url, `https://factcheck.example.org/claims/${slug}`);
      assert.equal(review?.inLanguage, 'fr');
      assert.equal(review?.reviewRating.alternateName, claim.verdict?.rating.label);
      assert.equal(review?.reviewRating.ratingValue, claim.verdict?.rating.value ?? undefined);
      assert.equal(review?.itemReviewed.appearance.length, claim.appearances.length);
      // Every appearance points at its archived quote on the newsroom's site.
      for (const work of review?.itemReviewed.appearance ?? []) assert.match(work.url, /^https:\/\/factcheck\.example\.org\/sources\/[^/#]+#quote-/);
    }
  });

  test('the publisher comes from the settings, the claimant with its kind and sameAs', async () => {
    const review = claimReview(await publicClaim('rutte-unites-nord-coreennes-koursk'), { locale: 'fr', scale: { best: 6, worst: 1 }, settings: newsroom });
    assert.deepEqual(review?.author, {
      '@type': 'Organization',
      name: 'Le Vérificateur',
      url: 'https://factcheck.example.org',
      logo: 'https://factcheck.example.org/images/logo.png',
    });
    assert.deepEqual(review?.itemReviewed.author, {
      '@type': 'Person',
      name: 'Mark Rutte',
      sameAs: ['https://www.wikidata.org/wiki/Q57792', 'https://en.wikipedia.org/wiki/Mark_Rutte'],
    });
    const kremlin = claimReview(await publicClaim('kremlin-soldats-nord-coreens-fausses-nouvelles'), { locale: 'fr', scale: null, settings: newsroom });
    assert.deepEqual(kremlin?.itemReviewed.author, { '@type': 'Organization', name: 'Kremlin' }, 'no sameAs where none is known');
  });

  test('a corrected fact check keeps its first publication date and is dated modified by the correction', async () => {
    const claim = await publicClaim('blinken-10-000-soldats-nord-coreens-en-russie');
    const review = claimReview(claim, { locale: 'en', scale: { best: 6, worst: 1 }, settings: newsroom });
    assert.equal(claim.history.length, 1, 'the seeded correction');
    assert.equal(review?.datePublished, claim.history[0]?.publishedAt);
    assert.equal(review?.dateModified, claim.verdict?.publishedAt);
    assert.equal(review?.itemReviewed.datePublished, '2024-10-31');
    assert.equal(review?.url, `https://factcheck.example.org/en/claims/${claim.slug}`, 'the page it is read on, in English');
    assert.equal(review?.inLanguage, 'fr', 'the review is in the claim’s language, whatever the interface');
    assert.equal(review?.reviewRating.alternateName, 'Plutôt vrai');
  });

  test('appearances carry the original address, publisher and date when known; the first appearance is the earliest', async () => {
    const claim = await publicClaim('kremlin-soldats-nord-coreens-fausses-nouvelles');
    const [, second] = claim.appearances;
    assert.ok(second, 'three appearances');
    await db.prisma.source.update({ where: { id: second.source.id }, data: { url: 'https://www.example.com/article-original', publishedAt: new Date('2024-10-01') } });
    const review = claimReview(await publicClaim(claim.slug), { locale: 'fr', scale: null, settings: newsroom });
    const original = review?.itemReviewed.appearance.find((work) => work.sameAs === 'https://www.example.com/article-original');
    assert.ok(original, 'the original URL is the archived copy’s sameAs');
    assert.equal(original.datePublished, '2024-10-01');
    assert.equal(review?.itemReviewed.firstAppearance?.url, original.url, 'dated before the other sources');
    assert.ok(claimReviewSchema.safeParse(review).success);
  });

  test('best and worst come from the scale in the database; a rating off the scale keeps its name only', async () => {
    await db.sql`UPDATE ratings SET value = NULL WHERE key = 'true'`;
    const scale = await findRatingScaleBounds();
    assert.deepEqual(scale, { best: 5, worst: 1 });
    const [rated] = await db.sql<{ slug: string }[]>`
      SELECT c.slug FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED' JOIN ratings r ON r.id = v.rating_id
      WHERE c.status = 'PUBLISHED' AND r.key = 'mostly-true' LIMIT 1`;
    const slug = rated?.slug ?? assert.fail('a claim rated mostly true');
    const mostlyTrue = claimReview(await publicClaim(slug), { locale: 'fr', scale, settings: newsroom });
    assert.deepEqual(mostlyTrue?.reviewRating, { '@type': 'Rating', alternateName: 'Plutôt vrai', name: 'Plutôt vrai', ratingValue: 5, bestRating: 5, worstRating: 1 });

    const claim = await publicClaim(slug);
    const offScale = { ...claim, verdict: claim.verdict && { ...claim.verdict, rating: { ...claim.verdict.rating, label: 'Invérifiable', value: null } } };
    const review = claimReview(offScale, { locale: 'fr', scale, settings: newsroom });
    assert.deepEqual(review?.reviewRating, { '@type': 'Rating', alternateName: 'Invérifiable', name: 'Invérifiable' });
    assert.ok(claimReviewSchema.safeParse(review).success);
    await db.sql`UPDATE ratings SET value = 6 WHERE key = 'true'`;
  });

  test('the inline script cannot be closed by the text of a claim', async () => {
    const claim = await publicClaim('lavrov-accusations-trompeuses');
    const hostile = { ...claim, text: 'Fin </script><script>alert(1)</script> <!-- du texte' };
    const json = claimReviewJsonLd(hostile, { locale: 'fr', scale: null, settings: newsroom });
    assert.ok(!json.includes('<'), 'no "<" left');
    assert.equal((JSON.parse(json) as { claimReviewed: string }).claimReviewed, hostile.text, 'and it still reads as the claim');
    assert.equal(claimReviewJsonLd({ ...claim, verdict: null }, { locale: 'fr', scale: null }), '{}');
  });

  test('the schema refuses what Google would: relative URLs, no alternateName, a value off the bounds, another site', async () => {
    const review = claimReview(await publicClaim('lavrov-accusations-trompeuses'), { locale: 'fr', scale: { best: 6, worst: 1 }, settings: newsroom });
    assert.ok(review);
    const refused = (changed: object, path: string) => {
      const result = claimReviewSchema.safeParse({ ...review, ...changed });
      assert.equal(result.success, false, `${path} should be refused`);
      assert.ok(result.error?.issues.some((issue) => issue.path.join('.').startsWith(path)), `${path}: ${JSON.stringify(result.error?.issues)}`);
    };
    refused({ url: '/claims/x' }, 'url');
    refused({ url: 'https://elsewhere.example.net/claims/x' }, 'url');
    refused({ claimReviewed: ' ' }, 'claimReviewed');
    refused({ datePublished: '6 décembre 2024' }, 'datePublished');
    refused({ inLanguage: 'French' }, 'inLanguage');
    refused({ reviewRating: { '@type': 'Rating', name: 'Faux' } }, 'reviewRating.alternateName');
    refused({ reviewRating: { ...review.reviewRating, ratingValue: 7 } }, 'reviewRating.ratingValue');
    refused({ reviewRating: { ...review.reviewRating, worstRating: 0 } }, 'reviewRating.worstRating');
    refused({ reviewRating: { ...review.reviewRating, bestRating: undefined } }, 'reviewRating');
    refused({ author: { ...review.author, logo: 'logo.png' } }, 'author.logo');
    refused({ itemReviewed: { ...review.itemReviewed, author: { '@type': 'Thing', name: 'X' } } }, 'itemReviewed.author');
  });
});
