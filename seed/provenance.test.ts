import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyAnchor } from '../lib/quotes/anchor';
import { sha256OfText } from '../lib/sources/hash';
import { createTestDatabase, type TestDatabase } from '../lib/testing/test-database';
import { seedDatabase } from './seed-database';

// Attest's promise, checked against the seeded database: every quote is
// verifiable by its offsets, every hash matches, every published claim rests
// on evidence — and the database itself refuses to break those rules.

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await db?.drop();
});

async function expectRefusal(statement: Promise<unknown>, hint: RegExp) {
  await assert.rejects(statement, (error: unknown) => {
    const text = error instanceof Error ? `${error.message} ${(error as { hint?: string }).hint ?? ''}` : String(error);
    assert.match(text, hint);
    return true;
  });
}

describe('the seeded archive', () => {
  test('every appearance quote is exactly the source text at its offsets, with matching prefix and suffix', async () => {
    const rows = await db.prisma.appearance.findMany({ include: { source: { select: { text: true } } } });
    assert.ok(rows.length >= 15, `expected the curated appearances, found ${rows.length}`);
    for (const row of rows) {
      assert.equal(verifyAnchor(row.source.text, row), null, `appearance ${row.id} "${row.exact}"`);
      assert.equal(row.source.text.slice(row.start, row.end), row.exact, 'the seed corpus has no astral characters, so UTF-16 and code points agree');
    }
  });

  test('every evidence quote is exactly the source text at its offsets', async () => {
    const rows = await db.prisma.evidence.findMany({ where: { start: { not: null } }, include: { source: { select: { text: true } } } });
    assert.ok(rows.length > 10);
    for (const row of rows) {
      const { exact, prefix, suffix, start, end } = row;
      assert.ok(exact !== null && prefix !== null && suffix !== null && start !== null && end !== null);
      assert.equal(verifyAnchor(row.source.text, { exact, prefix, suffix, start, end }), null, `evidence ${row.id} "${exact}"`);
    }
  });

  test('every source hash is the SHA-256 of its archived text', async () => {
    const sources = await db.prisma.source.findMany();
    assert.equal(sources.length, 5);
    for (const source of sources) assert.equal(source.sha256, sha256OfText(source.text), source.title ?? source.id);
  });

  test('every published claim has an appearance and a published verdict with evidence', async () => {
    const claims = await db.prisma.claim.findMany({
      where: { status: 'PUBLISHED' },
      include: { appearances: true, verdicts: { where: { state: 'PUBLISHED' }, include: { evidence: true } } },
    });
    assert.ok(claims.length >= 10);
    for (const claim of claims) {
      assert.ok(claim.appearances.length >= 1, `${claim.slug} has no appearance`);
      assert.equal(claim.verdicts.length, 1, `${claim.slug} needs exactly one published verdict`);
      assert.ok((claim.verdicts[0]?.evidence.length ?? 0) >= 1, `${claim.slug}'s verdict cites no evidence`);
      assert.ok(claim.verdicts[0]?.reviewerId && claim.verdicts[0].reviewerId !== claim.verdicts[0].authorId, `${claim.slug} was not approved by a second editor`);
    }
  });

  test('the curated corpus covers what the newsroom asked for', async () => {
    const claims = await db.prisma.claim.findMany({ include: { appearances: true } });
    assert.ok(claims.length >= 15);
    assert.ok(new Set(claims.map((c) => c.claimantId)).size >= 8);
    const statuses = new Set(claims.map((c) => c.status));
    assert.ok(statuses.has('DRAFT') && statuses.has('IN_REVIEW') && statuses.has('PUBLISHED'));

    const tenThousand = claims.find((c) => c.slug === 'blinken-10-000-soldats-nord-coreens-en-russie');
    assert.equal(new Set(tenThousand?.appearances.map((a) => a.sourceId)).size, 3, 'the 10,000-soldiers figure is quoted from three articles');

    const contradicted = async (slug: string) =>
      (await db.prisma.claimRelation.findMany({ where: { fromClaim: { slug }, type: 'CONTRADICTS' }, include: { toClaim: true } })).map(
        (r) => r.toClaim.slug,
      );
    for (const denial of ['kremlin-soldats-nord-coreens-fausses-nouvelles', 'pyongyang-rumeurs-sans-fondement']) {
      const targets = await contradicted(denial);
      assert.ok(targets.includes('rutte-unites-nord-coreennes-koursk'), `${denial} contradicts NATO`);
      assert.ok(targets.includes('blinken-10-000-soldats-nord-coreens-en-russie'), `${denial} contradicts the US`);
    }
  });

  test('a superseded verdict left a public correction', async () => {
    const corrections = await db.prisma.correction.findMany({ include: { fromVerdict: true, toVerdict: true, fromRating: true, toRating: true } });
    assert.ok(corrections.length >= 1);
    for (const correction of corrections) {
      assert.equal(correction.fromVerdict.state, 'SUPERSEDED');
      assert.equal(correction.toVerdict.state, 'PUBLISHED');
      assert.equal(correction.toVerdict.supersedesId, correction.fromVerdictId);
    }
  });

  test('metadata comes from the articles and nothing is invented', async () => {
    const sources = await db.prisma.source.findMany();
    assert.ok(sources.every((s) => s.url === null), 'the corpus has no URLs');
    const afrique = sources.find((s) => s.author === 'Gaëlle Villeneuve');
    assert.equal(afrique?.publisher, 'Afrique Première Tv');
    assert.equal(sources.filter((s) => s.publisher !== null).length, 1);
    assert.ok(sources.every((s) => s.language === 'fr'));
    assert.ok(sources.every((s) => !/Laisser un commentaire|Your email address|A lire aussi|Leave a Comment/i.test(s.text)));
  });

  test('seeding again changes nothing', async () => {
    const snapshot = async () =>
      db.sql`
        SELECT (SELECT count(*) FROM claims) AS claims, (SELECT count(*) FROM appearances) AS appearances,
               (SELECT count(*) FROM verdicts) AS verdicts, (SELECT count(*) FROM evidence) AS evidence,
               (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM audit_events) AS audit,
               (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM claim_relations) AS relations,
               (SELECT max(updated_at) FROM claims) AS claims_updated, (SELECT max(updated_at) FROM verdicts) AS verdicts_updated,
               (SELECT max(updated_at) FROM sources) AS sources_updated`;
    const before = await snapshot();
    const report = await seedDatabase(db.prisma, { demoUsers: true });
    assert.deepEqual(report.created, {});
    assert.deepEqual(await snapshot(), before);
  });
});

describe('the database refuses to break provenance', () => {
  test('a quoted source’s text cannot change', async () => {
    const [quoted] = await db.sql`SELECT s.id FROM sources s WHERE EXISTS (SELECT 1 FROM appearances a WHERE a.source_id = s.id) LIMIT 1`;
    assert.ok(quoted);
    const text = 'Texte réécrit.';
    await expectRefusal(
      db.sql`UPDATE sources SET text = ${text}, sha256 = encode(sha256(convert_to(${text}::text, 'UTF8')), 'hex') WHERE id = ${quoted.id}`,
      /cannot change|source_text_frozen/,
    );
    await expectRefusal(db.prisma.source.update({ where: { id: quoted.id }, data: { text, sha256: sha256OfText(text) } }), /cannot change|source_text_frozen/);
  });

  test('an unquoted source can still be corrected, and its hash must follow', async () => {
    const text = 'Un article sans citation.';
    const source = await db.prisma.source.create({
      data: { language: 'fr', retrievedAt: new Date(), rawText: text, text, sha256: sha256OfText(text) },
    });
    const corrected = 'Un article corrigé sans citation.';
    await db.prisma.source.update({ where: { id: source.id }, data: { text: corrected, sha256: sha256OfText(corrected) } });
    await expectRefusal(db.prisma.source.update({ where: { id: source.id }, data: { text: 'autre chose' } }), /sha256_matches_text/);
  });

  test('a quote anchor that does not match the text is refused', async () => {
    const [appearance] = await db.sql`SELECT * FROM appearances LIMIT 1`;
    assert.ok(appearance);
    await expectRefusal(db.sql`UPDATE appearances SET start = start + 1, "end" = "end" + 1 WHERE id = ${appearance.id}`, /does not match|quote_anchor_mismatch/);
    await expectRefusal(db.sql`UPDATE appearances SET exact = 'autre chose' WHERE id = ${appearance.id}`, /does not match|quote_anchor_mismatch/);
    await expectRefusal(db.sql`UPDATE appearances SET prefix = 'xx' || prefix WHERE id = ${appearance.id}`, /does not match|quote_anchor_mismatch/);
    await expectRefusal(db.sql`UPDATE appearances SET "end" = 100000 WHERE id = ${appearance.id}`, /outside the source text|quote_anchor_mismatch/);
  });

  test('a published verdict cannot be edited, deleted or given new evidence', async () => {
    const [published] = await db.sql`SELECT id, source_id FROM verdicts v JOIN LATERAL (SELECT source_id FROM evidence e WHERE e.verdict_id = v.id LIMIT 1) e ON true WHERE state = 'PUBLISHED' LIMIT 1`;
    assert.ok(published);
    await expectRefusal(db.sql`UPDATE verdicts SET headline = 'Réécrit' WHERE id = ${published.id}`, /verdict_immutable|publish a new version/);
    await expectRefusal(db.sql`DELETE FROM verdicts WHERE id = ${published.id}`, /verdict_immutable|cannot be deleted/);
    await expectRefusal(
      db.sql`INSERT INTO evidence (id, verdict_id, source_id, stance) VALUES ('ev-test', ${published.id}, ${published.source_id}, 'CONTEXT')`,
      /verdict_immutable|cannot change/,
    );
    await expectRefusal(db.sql`DELETE FROM evidence WHERE verdict_id = ${published.id}`, /verdict_immutable|cannot change/);
  });

  test('a claim cannot have two published verdicts', async () => {
    const [claim] = await db.sql`SELECT claim_id, rating_id, author_id FROM verdicts WHERE state = 'PUBLISHED' LIMIT 1`;
    assert.ok(claim);
    await expectRefusal(
      db.sql`INSERT INTO verdicts (id, claim_id, number, rating_id, headline, explanation, as_of, author_id, state, updated_at)
             VALUES ('v-test', ${claim.claim_id}, 99, ${claim.rating_id}, 'h', 'e', '2024-12-01', ${claim.author_id}, 'PUBLISHED', now())`,
      /verdicts_one_published_per_claim|duplicate key/,
    );
  });

  test('the audit trail is append-only', async () => {
    await expectRefusal(db.sql`UPDATE audit_events SET action = 'forged'`, /append-only/);
    await expectRefusal(db.sql`DELETE FROM audit_events`, /append-only/);
  });
});
