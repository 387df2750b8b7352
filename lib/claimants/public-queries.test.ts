import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { claimantDirectoryPage, initialOf, sortClaimantDirectory } from './directory';
import { findPublicClaimantBySlug, isPublicClaimantSlug, listPublicClaimantDirectory, type PublicClaimantDirectoryEntry } from './public-queries';

// A claimant's public record: the scorecard counts the claimant's current
// published verdicts (of their listed claims) by rating, as the database has
// them; the directory lists every claimant with a public claim once.

let db: SeededDatabase;

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

/** The published verdicts of each claimant's published claims, by rating key, straight from the tables. */
async function publishedVerdictsByClaimant(): Promise<Map<string, Map<string, number>>> {
  const rows = await db.sql<{ slug: string; key: string; n: number }[]>`
    SELECT ct.slug, r.key, count(*)::int AS n
    FROM verdicts v
    JOIN claims c ON c.id = v.claim_id
    JOIN claimants ct ON ct.id = c.claimant_id
    JOIN ratings r ON r.id = v.rating_id
    WHERE v.state = 'PUBLISHED' AND c.status = 'PUBLISHED'
    GROUP BY ct.slug, r.key`;
  const byClaimant = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const counts = byClaimant.get(row.slug) ?? new Map<string, number>();
    counts.set(row.key, row.n);
    byClaimant.set(row.slug, counts);
  }
  return byClaimant;
}

async function publicClaimantSlugs(): Promise<string[]> {
  const rows = await db.sql<{ slug: string }[]>`
    SELECT DISTINCT ct.slug FROM claimants ct JOIN claims c ON c.claimant_id = ct.id
    WHERE c.status = 'PUBLISHED' OR (c.status = 'ARCHIVED' AND c.published_at IS NOT NULL) ORDER BY ct.slug`;
  return rows.map((row) => row.slug);
}

describe('a claimant’s scorecard', () => {
  test('for every public claimant, each rating’s count is the number of their current published verdicts with it', async () => {
    const expected = await publishedVerdictsByClaimant();
    const slugs = await publicClaimantSlugs();
    assert.ok(slugs.length >= 10, 'the seed has public claimants');
    for (const slug of slugs) {
      const claimant = await findPublicClaimantBySlug(slug);
      assert.ok(claimant, slug);
      const counts = expected.get(slug) ?? new Map<string, number>();
      const shown = new Map(claimant.scorecard.filter((row) => row.count > 0).map((row) => [row.key, row.count]));
      assert.deepEqual(shown, counts, slug);
      assert.equal(claimant.factCheckCount, [...counts.values()].reduce((a, b) => a + b, 0), slug);
    }
  });

  test('it lists the active scale in its order, zeros included, with labels and colours', async () => {
    const claimant = await findPublicClaimantBySlug('antony-blinken');
    assert.ok(claimant);
    const scale = await db.sql<{ key: string; colour: string; label_en: string }[]>`SELECT key, colour, label_en FROM ratings WHERE active ORDER BY position, key`;
    assert.deepEqual(claimant.scorecard.map((row) => row.key), scale.map((row) => row.key));
    assert.deepEqual(claimant.scorecard.map((row) => [row.colour, row.labels.en]), scale.map((row) => [row.colour, row.label_en]));
    assert.ok(claimant.scorecard.some((row) => row.count === 0));
    // His corrected claim counts under its current rating, not the one it was corrected from.
    assert.equal(claimant.scorecard.find((row) => row.key === 'unproven')?.count ?? 0, (await publishedVerdictsByClaimant()).get('antony-blinken')?.get('unproven') ?? 0);
  });

  test('archiving a claim takes its verdict out of the record; a retired rating still in use stays on the card', async () => {
    const before = await findPublicClaimantBySlug('kremlin');
    assert.ok(before && before.factCheckCount > 0);
    const [claim] = await db.sql<{ id: string; key: string }[]>`
      SELECT c.id, r.key FROM claims c JOIN claimants ct ON ct.id = c.claimant_id
      JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED' JOIN ratings r ON r.id = v.rating_id
      WHERE ct.slug = 'kremlin' AND c.status = 'PUBLISHED' LIMIT 1`;
    assert.ok(claim);
    await db.sql`UPDATE ratings SET active = false WHERE key = ${claim.key}`;
    const retired = await findPublicClaimantBySlug('kremlin');
    assert.equal(retired?.scorecard.find((row) => row.key === claim.key)?.count, before.scorecard.find((row) => row.key === claim.key)?.count);

    await db.sql`UPDATE claims SET status = 'ARCHIVED', archived_at = now() WHERE id = ${claim.id}`;
    const after = await findPublicClaimantBySlug('kremlin');
    assert.equal(after?.factCheckCount, before.factCheckCount - 1);
    const left = (await publishedVerdictsByClaimant()).get('kremlin') ?? new Map<string, number>();
    assert.deepEqual(new Map(after?.scorecard.filter((row) => row.count > 0).map((row) => [row.key, row.count])), left);
  });

  test('a claimant with no public claim has no public page', async () => {
    const [hidden] = await db.sql<{ slug: string }[]>`
      INSERT INTO claimants (id, slug, name, kind, updated_at) VALUES ('test_hidden', 'sans-affirmation', 'Sans affirmation', 'PERSON', now()) RETURNING slug`;
    assert.ok(hidden);
    assert.equal(await isPublicClaimantSlug(hidden.slug), false);
    assert.equal(await findPublicClaimantBySlug(hidden.slug), null);
    assert.equal(await isPublicClaimantSlug('kremlin'), true);
  });
});

describe('the claimants’ directory', () => {
  test('lists every claimant with a public claim once, with their number of published fact checks', async () => {
    const directory = await listPublicClaimantDirectory();
    assert.deepEqual(directory.map((entry) => entry.slug).sort(), await publicClaimantSlugs());
    const expected = await publishedVerdictsByClaimant();
    for (const entry of directory) {
      assert.equal(entry.factCheckCount, [...(expected.get(entry.slug)?.values() ?? [])].reduce((a, b) => a + b, 0), entry.slug);
    }
  });

  const entry = (name: string, slug = name.toLowerCase()): PublicClaimantDirectoryEntry => ({ slug, name, kind: 'PERSON', country: null, factCheckCount: 1 });

  test('sorts with the reader’s rules: accents and case folded, not the database’s C order', () => {
    const names = ['Zelensky', 'élysée', 'Elysée Palace', 'Antony Blinken', 'Émile', 'choe Son-hui', '10 Downing Street'];
    const sorted = sortClaimantDirectory(names.map((name) => entry(name)), 'fr').map((e) => e.name);
    assert.deepEqual(sorted, ['10 Downing Street', 'Antony Blinken', 'choe Son-hui', 'élysée', 'Elysée Palace', 'Émile', 'Zelensky']);
    assert.equal(initialOf('Émile', 'fr'), 'E');
    assert.equal(initialOf('10 Downing Street', 'en'), '#');
  });

  test('keyset pages visit every claimant once, grouped by initial, and a forged cursor starts over', () => {
    const entries = ['Ana', 'Ángel', 'Bea', 'Bruno', 'Carl', 'Chloé', 'Dan'].map((name, index) => entry(name, `c-${index}`));
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = claimantDirectoryPage(entries, { locale: 'en', after, limit: 3 });
      assert.equal(page.continued, after !== null);
      seen.push(...page.groups.flatMap((group) => group.claimants.map((claimant) => claimant.name)));
      after = page.nextAfter;
      pages += 1;
    } while (after !== null && pages < 10);
    assert.deepEqual(seen, ['Ana', 'Ángel', 'Bea', 'Bruno', 'Carl', 'Chloé', 'Dan']);
    assert.equal(pages, 3);
    const first = claimantDirectoryPage(entries, { locale: 'en', after: null, limit: 3 });
    assert.deepEqual(first.groups.map((group) => [group.initial, group.claimants.length]), [['A', 2], ['B', 1]]);
    assert.deepEqual(claimantDirectoryPage(entries, { locale: 'en', after: 'forged\u0000', limit: 3 }).groups, first.groups);
  });
});
