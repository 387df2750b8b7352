import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import {
  findMatchingClaimants,
  findMatchingSources,
  type HighlightSegment,
  parseHighlights,
  prepareSearch,
  type PublicSearchResult,
  searchPublishedClaims,
} from './queries';
import { type SearchCursor, type SearchFilters, searchFormSchema } from './schema';

// The public search on the seeded corpus, against real PostgreSQL: what a
// reader types (accents, inflections, typos) finds the claim they mean;
// nothing unpublished is ever found; the stored vector follows the
// verdicts (database triggers); keyset pages visit each result once.

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

const NO_FILTERS: SearchFilters = { rating: null, claimant: null, from: null, to: null };

async function search(text: string, filters: Partial<SearchFilters> = {}, limit = 50, after: SearchCursor | null = null) {
  const { tsquery } = await prepareSearch(text);
  if (tsquery === null) return { items: [] as PublicSearchResult[], nextCursor: null };
  return searchPublishedClaims({ tsquery, filters: { ...NO_FILTERS, ...filters }, limit, after });
}

async function slugsFound(text: string, filters: Partial<SearchFilters> = {}): Promise<string[]> {
  return (await search(text, filters)).items.map((item) => item.slug);
}

const joined = (segments: HighlightSegment[]) => segments.map((segment) => segment.text).join('');
const matchedWords = (segments: HighlightSegment[]) => segments.filter((segment) => segment.match).map((segment) => segment.text);

describe('what a reader types finds the claim they mean', () => {
  test('a misspelled name: "Lavrof" finds Lavrov’s claims, and Lavrov among the claimants', async () => {
    const found = await slugsFound('Lavrof');
    assert.ok(found.includes('lavrov-accusations-trompeuses'), found.join(', '));
    assert.ok(found.includes('lavrov-contacts-tres-etroits-entre-militaires'));
    const claimants = await findMatchingClaimants('Lavrof');
    assert.equal(claimants[0]?.slug, 'sergei-lavrov');
  });

  test('a misspelled place: "Pyongyng" finds Pyongyang’s claims, first the one that names it in its summary', async () => {
    const found = await slugsFound('Pyongyng');
    assert.ok(found.includes('pyongyang-rumeurs-sans-fondement'), found.join(', '));
    const summaries = (await search('Pyongyng')).items.slice(0, 3).map((item) => item.summary);
    assert.ok(summaries.some((summary) => summary.includes('Pyongyang')), summaries.join(' | '));
  });

  test('accents folded: "coree" finds "Corée"', async () => {
    const { items } = await search('coree');
    assert.ok(items.length > 0);
    assert.ok(items.some((item) => /Corée/.test(`${item.summary} ${item.text}`)));
    assert.ok(items.map((item) => item.slug).includes('coree-du-sud-millions-de-munitions'));
  });

  test('stems: "soldat" finds "soldats", highlighted in the summary', async () => {
    const { items } = await search('soldat');
    const blinken = items.find((item) => item.slug === 'blinken-10-000-soldats-nord-coreens-en-russie');
    assert.ok(blinken?.highlights, 'the claim with "soldats" in its summary is found');
    assert.deepEqual(matchedWords(blinken.highlights.summary), ['soldats']);
    assert.equal(joined(blinken.highlights.summary), blinken.summary, 'the segments are the whole summary');
  });

  test('inflections whose stems differ: "déployé" finds "déploiement"', async () => {
    const { items } = await search('déployé');
    const lavrov = items.find((item) => item.slug === 'lavrov-accusations-trompeuses');
    assert.ok(lavrov?.highlights, items.map((item) => item.slug).join(', '));
    assert.deepEqual(matchedWords(lavrov.highlights.summary), ['déploiement']);
  });

  test('a claimant’s alias finds their claims: "Pyongyang" finds the North Korean government’s', async () => {
    const found = await slugsFound('Pyongyang', { claimant: 'gouvernement-nord-coreen' });
    assert.ok(found.includes('pyongyang-rumeurs-sans-fondement'));
  });

  test('the summary weighs more than the explanation: a word in a summary ranks that claim first', async () => {
    const { items } = await search('munitions');
    assert.equal(items[0]?.slug, 'coree-du-sud-millions-de-munitions');
  });

  test('quoted sources are found by title, public ones only', async () => {
    const { tsquery } = await prepareSearch('arsenal nucléaire');
    assert.ok(tsquery);
    const sources = await findMatchingSources(tsquery);
    assert.ok(sources.some((source) => source.title?.includes('renforcer son arsenal nucléaire')));

    await db.sql`
      INSERT INTO sources (id, title, language, retrieved_at, raw_text, text, sha256, updated_at)
      VALUES ('unquoted-source', 'Un arsenal nucléaire jamais cité', 'fr', now(), 'x', 'x', encode(sha256('x'::bytea), 'hex'), now())`;
    const again = await findMatchingSources(tsquery);
    assert.ok(!again.some((source) => source.id === 'unquoted-source'), 'a source no public claim quotes stays out');
  });

  test('only stop words or punctuation leave nothing to search', async () => {
    assert.equal((await prepareSearch('de la')).tsquery, null);
    assert.equal((await prepareSearch('?!…')).tsquery, null);
  });
});

describe('nothing unpublished is found', () => {
  test('claims in draft or in review are never found, by their own words or any', async () => {
    assert.deepEqual(await slugsFound('renforcer arsenal'), [], 'the draft about the arsenal');
    assert.deepEqual(await slugsFound('défense aérienne'), [], 'the claim in review');
    const statuses = await db.sql<{ status: string }[]>`SELECT status FROM claims WHERE slug IN ${db.sql(await slugsFound('Russie'))}`;
    assert.ok(statuses.length > 0 && statuses.every((row) => row.status === 'PUBLISHED'));
  });

  test('a claim is found once published, and no longer once archived', async () => {
    await db.sql`UPDATE claims SET status = 'PUBLISHED', published_at = now() WHERE slug = 'shin-won-sik-russie-defense-aerienne'`;
    assert.ok((await slugsFound('défense aérienne')).includes('shin-won-sik-russie-defense-aerienne'));
    await db.sql`UPDATE claims SET status = 'ARCHIVED', archived_at = now() WHERE slug = 'shin-won-sik-russie-defense-aerienne'`;
    assert.deepEqual(await slugsFound('défense aérienne'), []);
  });

  test('a draft’s words never mend a typo: the word list holds published words only', async () => {
    const [draftWord] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM search_words WHERE word = 'croitr'`;
    assert.equal(draftWord?.n, 0, '"croître" is only in a draft');
  });
});

describe('the stored vector follows the database', () => {
  test('a verdict correction: the new headline is found, the superseded one no longer', async () => {
    const [claim] = await db.sql<{ id: string; verdict_id: string; rating_id: string; author_id: string; number: number }[]>`
      SELECT c.id, v.id AS verdict_id, v.rating_id, v.author_id, v.number FROM claims c
      JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED'
      WHERE c.slug = 'kiev-50-000-soldats-koursk'`;
    assert.ok(claim);
    const [oldHeadline] = await db.sql<{ headline: string }[]>`SELECT headline FROM verdicts WHERE id = ${claim.verdict_id}`;
    assert.ok(oldHeadline);
    // As a correction does it: the published verdict is superseded, its successor published, in one transaction.
    await db.sql.begin(async (sql) => {
      await sql`UPDATE verdicts SET state = 'SUPERSEDED', superseded_at = now() WHERE id = ${claim.verdict_id}`;
      await sql`
        INSERT INTO verdicts (id, claim_id, number, rating_id, headline, explanation, as_of, author_id, state, published_at, supersedes_id, correction_note, updated_at)
        VALUES ('correction-verdict', ${claim.id}, ${claim.number + 1}, ${claim.rating_id}, 'Un recoupement hélicoïdal confirme le chiffre.',
                'Explication corrigée.', current_date, ${claim.author_id}, 'PUBLISHED', now(), ${claim.verdict_id}, 'Correction de test.', now())`;
    });
    const found = await search('hélicoïdal');
    assert.deepEqual(found.items.map((item) => item.slug), ['kiev-50-000-soldats-koursk']);
    assert.equal(found.items[0]?.verdict?.headline, 'Un recoupement hélicoïdal confirme le chiffre.');
    // Words of the superseded headline that the claim has nowhere else no longer find it.
    const [{ matches } = { matches: true }] = await db.sql<{ matches: boolean }[]>`
      SELECT search_vector @@ plainto_tsquery('attest_french', ${oldHeadline.headline}) AS matches FROM claims WHERE id = ${claim.id}`;
    assert.equal(matches, false);
  });

  test('an edited summary and a claimant’s new alias are searchable at once', async () => {
    await db.sql`UPDATE claims SET summary = 'Kiev : 50 000 soldats massés, selon un communiqué xylophonique' WHERE slug = 'kiev-50-000-soldats-koursk'`;
    assert.deepEqual(await slugsFound('xylophonique'), ['kiev-50-000-soldats-koursk']);
    await db.sql`UPDATE claimants SET aliases = aliases || ARRAY['Quetzalcoatl'] WHERE slug = 'gouvernement-ukrainien'`;
    assert.ok((await slugsFound('Quetzalcoatl')).includes('kiev-50-000-soldats-koursk'));
    assert.equal((await findMatchingClaimants('Quetzalcoatl'))[0]?.slug, 'gouvernement-ukrainien');
  });
});

describe('filters and pages', () => {
  test('rating, claimant and publication dates narrow the results', async () => {
    const all = await search('soldats');
    const byRating = await search('soldats', { rating: 'mostly-true' });
    assert.ok(byRating.items.length > 0 && byRating.items.length < all.items.length);
    assert.ok(byRating.items.every((item) => item.rating?.key === 'mostly-true'));

    const byClaimant = await search('soldats', { claimant: 'antony-blinken' });
    assert.ok(byClaimant.items.length > 0 && byClaimant.items.every((item) => item.claimant.slug === 'antony-blinken'));

    const november = await search('soldats', { from: '2024-11-01', to: '2024-11-02' });
    assert.deepEqual(november.items.map((item) => item.slug), ['blinken-10-000-soldats-nord-coreens-en-russie'], '"to" includes its day');
    assert.deepEqual((await search('soldats', { from: '2024-11-03', to: '2024-12-05' })).items, []);
    assert.deepEqual((await search('soldats', { claimant: 'no-such-claimant' })).items, []);
  });

  test('only fact checks when asked (the Fact Check Tools answers): a published claim without a published verdict is left out', async () => {
    const claimant = await db.prisma.claimant.findFirstOrThrow({ select: { id: true } });
    await db.prisma.claim.create({
      data: {
        slug: 'sans-verdict-hydravions',
        text: 'Une déclaration sur les hydravions, sans verdict.',
        summary: 'Déclaration sur les hydravions',
        language: 'fr',
        claimantId: claimant.id,
        status: 'PUBLISHED',
        publishedAt: new Date(Date.UTC(2024, 11, 10, 12)),
      },
    });
    assert.deepEqual(await slugsFound('hydravions'), ['sans-verdict-hydravions']);
    assert.deepEqual(await slugsFound('hydravions', { reviewedOnly: true }), []);
    assert.ok((await slugsFound('Lavrof', { reviewedOnly: true })).includes('lavrov-accusations-trompeuses'));
  });

  test('keyset pages visit every result once, best first, ties included', async () => {
    const claimant = await db.prisma.claimant.findFirstOrThrow({ select: { id: true } });
    for (let i = 0; i < 13; i++) {
      await db.prisma.claim.create({
        data: {
          slug: `egalite-${i}`,
          text: 'Une déclaration identique sur les sous-marins.',
          summary: 'Déclaration identique sur les sous-marins',
          language: 'fr',
          claimantId: claimant.id,
          status: 'PUBLISHED',
          publishedAt: new Date(Date.UTC(2024, 11, 10, 12)),
        },
      });
    }
    const whole = await search('sous-marins');
    assert.ok(whole.items.length >= 13 && whole.nextCursor === null);
    const walked: PublicSearchResult[] = [];
    let cursor: SearchCursor | null = null;
    for (let page = 0; page < 50; page++) {
      const result = await search('sous-marins', {}, 4, cursor);
      walked.push(...result.items);
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    assert.deepEqual(walked.map((item) => item.slug), whole.items.map((item) => item.slug));
    assert.equal(new Set(walked.map((item) => item.slug)).size, walked.length);
  });

  test('without text, filters list published claims newest first, in pages', async () => {
    const first = await searchPublishedClaims({ tsquery: null, filters: { ...NO_FILTERS, claimant: 'antony-blinken' }, limit: 1, after: null });
    assert.equal(first.items.length, 1);
    assert.ok(first.nextCursor);
    const second = await searchPublishedClaims({ tsquery: null, filters: { ...NO_FILTERS, claimant: 'antony-blinken' }, limit: 5, after: first.nextCursor });
    const slugs = [...first.items, ...second.items].map((item) => item.slug);
    assert.deepEqual(slugs, ['blinken-8-000-soldats-deployes-koursk', 'blinken-10-000-soldats-nord-coreens-en-russie']);
    assert.equal(second.nextCursor, null);
  });
});

describe('hostile input', () => {
  test('control characters and oversized queries are refused before any query runs', () => {
    const nul = searchFormSchema.safeParse({ q: 'Lavrov\u0000' });
    assert.equal(nul.success, false);
    assert.match(nul.error?.issues[0]?.message ?? '', /validation\.text\.controlCharacters/);
    const long = searchFormSchema.safeParse({ q: 'a'.repeat(201) });
    assert.match(long.error?.issues[0]?.message ?? '', /search\.errors\.queryTooLong/);
    assert.equal(searchFormSchema.parse({ q: '   ' }).q, null, 'an empty query shows the form only');
    assert.equal(searchFormSchema.safeParse({ q: 'x', from: '2024-02-30' }).success, false);
    assert.equal(searchFormSchema.safeParse({ q: 'x', from: '2024-12-02', to: '2024-12-01' }).success, false);
  });

  test('tsquery syntax, quotes and backslashes typed are words, not operators', async () => {
    for (const typed of ["O'Brien & | ! <-> :*", 'a\\b\\', "'; DROP TABLE claims; --", '"soldats" -Kremlin OR (Koursk']) {
      await search(typed);
    }
    assert.ok((await search('soldats:* & !')).items.length > 0);
  });

  test('markers in a claim’s own text cannot fake a highlight', async () => {
    await db.sql`UPDATE claims SET text = ${'Texte \uE000piégé\uE001 sur les soldats.'} WHERE slug = 'kiev-50-000-soldats-koursk'`;
    const item = (await search('soldats')).items.find((result) => result.slug === 'kiev-50-000-soldats-koursk');
    assert.ok(item?.highlights);
    assert.deepEqual(matchedWords(item.highlights.text), ['soldats']);
    assert.deepEqual(parseHighlights('a\uE000b\uE001c\uE000d'), [
      { text: 'a', match: false },
      { text: 'b', match: true },
      { text: 'c', match: false },
      { text: 'd', match: true },
    ]);
  });
});
