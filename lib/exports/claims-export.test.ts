import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sliceCodePoints } from '../quotes/anchor';
import { sha256OfText } from '../sources/hash';
import { closeSeededDatabase, openSeededDatabase, type SeededDatabase } from '../testing/demo-actors';
import { claimExportStream } from './claims-export';
import { readExportedClaims } from './queries';
import { csvColumns, type ExportRecord } from './serialize';

// The research exports on the seeded corpus, read the way a researcher
// would: JSON Lines line by line, CSV with a CSV parser; every quote checked
// against the archived text by its offsets and the text's SHA-256.

let db: SeededDatabase;
const origin = 'https://factcheck.example.org';

before(async () => {
  db = await openSeededDatabase();
});
after(() => closeSeededDatabase(db));

async function download(format: 'csv' | 'jsonl', options: Partial<Parameters<typeof claimExportStream>[1]> = {}): Promise<string> {
  const bytes = await new Response(claimExportStream(format, { origin, batchSize: 3, ...options })).arrayBuffer();
  // Keeping the byte-order mark, which Response.text() would drop.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

async function jsonRecords(): Promise<ExportRecord[]> {
  const body = await download('jsonl');
  assert.ok(body.endsWith('\n'));
  return body
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ExportRecord);
}

async function publicSlugs(): Promise<string[]> {
  const rows = await db.sql<{ slug: string }[]>`
    SELECT slug FROM claims WHERE status = 'PUBLISHED' OR (status = 'ARCHIVED' AND published_at IS NOT NULL) ORDER BY slug`;
  return rows.map((row) => row.slug);
}

describe('GET /api/exports/claims.jsonl', () => {
  test('one line per public claim, nothing unpublished', async () => {
    const records = await jsonRecords();
    assert.deepEqual(records.map((record) => record.slug).sort(), await publicSlugs());
    const hidden = await db.sql<{ slug: string }[]>`SELECT slug FROM claims WHERE status IN ('DRAFT', 'IN_REVIEW')`;
    assert.ok(hidden.length > 0);
    for (const { slug } of hidden) assert.ok(!records.some((record) => record.slug === slug), `${slug} is not exported`);
    for (const record of records) assert.equal(record.url, `${origin}/claims/${record.slug}`);
  });

  test('every appearance points into its archived text: text[start, end) in code points is the quote, and the hash is the text’s', async () => {
    const records = await jsonRecords();
    const texts = new Map((await db.sql<{ id: string; text: string; sha256: string }[]>`SELECT id, text, sha256 FROM sources`).map((row) => [row.id, row]));
    let checked = 0;
    for (const record of records) {
      assert.ok(record.appearances.length > 0, `${record.slug} has appearances`);
      for (const appearance of record.appearances) {
        const source = texts.get(appearance.source.id) ?? assert.fail(`unknown source ${appearance.source.id}`);
        assert.equal(sliceCodePoints(source.text, appearance.start, appearance.end), appearance.exact);
        assert.equal(sliceCodePoints(source.text, appearance.start - [...appearance.prefix].length, appearance.start), appearance.prefix);
        assert.equal(sha256OfText(source.text), appearance.source.sha256);
        assert.equal(appearance.source.archiveUrl, `${origin}/sources/${appearance.source.id}`);
        assert.equal(appearance.source.apiUrl, `${origin}/api/sources/${appearance.source.id}`);
        assert.ok(['ASSERTS', 'REPORTS', 'DENIES'].includes(appearance.stance));
        assert.ok(appearance.speaker.name);
        checked++;
      }
    }
    assert.ok(checked >= 10, `${checked} quotes checked`);
  });

  test('the current verdict, and the corrections with the ratings before and after', async () => {
    const records = await jsonRecords();
    const [correction] = await db.sql<{ slug: string; note: string; from_key: string; to_key: string; published_at: Date }[]>`
      SELECT c.slug, k.note, f.key AS from_key, t.key AS to_key, k.published_at
      FROM corrections k JOIN claims c ON c.id = k.claim_id JOIN ratings f ON f.id = k.from_rating_id JOIN ratings t ON t.id = k.to_rating_id`;
    assert.ok(correction, 'the seed has a correction');
    const corrected = records.find((record) => record.slug === correction.slug) ?? assert.fail();
    assert.equal(corrected.corrections.length, 1);
    assert.deepEqual(
      { ...corrected.corrections[0], from: corrected.corrections[0]?.from.key, to: corrected.corrections[0]?.to.key },
      { publishedAt: correction.published_at.toISOString(), from: correction.from_key, to: correction.to_key, note: correction.note },
    );
    assert.equal(corrected.verdict?.rating.key, correction.to_key, 'the verdict is the current one');
    const [current] = await db.sql<{ headline: string; as_of: Date; label_fr: string; label_en: string; value: number | null }[]>`
      SELECT v.headline, v.as_of, r.label_fr, r.label_en, r.value FROM verdicts v JOIN claims c ON c.id = v.claim_id JOIN ratings r ON r.id = v.rating_id
      WHERE c.slug = ${correction.slug} AND v.state = 'PUBLISHED'`;
    assert.ok(current && corrected.verdict);
    assert.equal(corrected.verdict.headline, current.headline);
    assert.equal(corrected.verdict.asOf, current.as_of.toISOString().slice(0, 10));
    assert.deepEqual(corrected.verdict.rating.labels, { fr: current.label_fr, en: current.label_en });
    assert.equal(corrected.verdict.rating.value, current.value);
  });

  test('an archived claim stays in the export, marked as such', async () => {
    await db.sql`UPDATE claims SET status = 'ARCHIVED', archived_at = now(), archive_reason = 'test' WHERE slug = 'lavrov-accusations-trompeuses'`;
    const archived = (await jsonRecords()).find((record) => record.slug === 'lavrov-accusations-trompeuses');
    assert.equal(archived?.status, 'ARCHIVED');
    assert.ok(archived?.archivedAt);
    await db.sql`UPDATE claims SET status = 'PUBLISHED', archived_at = NULL, archive_reason = NULL WHERE slug = 'lavrov-accusations-trompeuses'`;
  });
});

describe('GET /api/exports/claims.csv', () => {
  test('one row per public claim under a header, with a byte-order mark and the lists as JSON, the same as JSON Lines', async () => {
    const body = await download('csv');
    assert.ok(body.startsWith('\uFEFFslug,url,status,'), 'BOM, then the header');
    assert.ok(body.includes('\r\n'), 'CRLF line ends');
    const rows = parse(body, { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0] ?? {}), [...csvColumns]);
    assert.deepEqual(rows.map((row) => row.slug).sort(), await publicSlugs());
    const records = new Map((await jsonRecords()).map((record) => [record.slug, record]));
    for (const row of rows) {
      const record = records.get(row.slug ?? '') ?? assert.fail();
      assert.equal(row.summary, record.summary, 'accents and « » survive');
      assert.equal(row.text, record.text);
      assert.deepEqual(JSON.parse(row.appearances ?? ''), record.appearances);
      assert.deepEqual(JSON.parse(row.corrections ?? ''), record.corrections);
      assert.deepEqual(JSON.parse(row.tags ?? ''), record.tags);
      assert.equal(row.appearance_count, String(record.appearances.length));
      assert.equal(row.rating_key, record.verdict?.rating.key ?? '');
      assert.equal(row.rating_label, record.verdict?.rating.label ?? '');
      assert.equal(row.verdict_headline, record.verdict?.headline ?? '');
    }
  });

  test('separator=semicolon for French Excel', async () => {
    const body = await download('csv', { separator: 'semicolon' });
    assert.ok(body.startsWith('\uFEFFslug;url;status;'));
    const rows = parse(body, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[];
    assert.deepEqual(rows.map((row) => row.slug).sort(), await publicSlugs());
  });
});

describe('streaming', () => {
  test('reads one batch at a time, and a client that goes away stops the reading', async () => {
    const calls: (string | null)[] = [];
    const read: typeof readExportedClaims = async (afterId, take) => {
      calls.push(afterId);
      return readExportedClaims(afterId, take);
    };
    const complete = await download('jsonl', { batchSize: 2, read });
    const batches = Math.ceil((await publicSlugs()).length / 2);
    assert.ok(calls.length >= batches && calls.length <= batches + 1, `${calls.length} reads for ${batches} batches`);
    assert.equal(complete.split('\n').filter(Boolean).length, (await publicSlugs()).length);

    calls.length = 0;
    const reader = claimExportStream('jsonl', { origin, batchSize: 2, read }).getReader();
    const first = await reader.read();
    assert.equal(first.done, false);
    await reader.cancel();
    const afterCancel = calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(afterCancel <= 2, `at most one batch read ahead (${afterCancel} reads)`);
    assert.equal(calls.length, afterCancel, 'no read after the client went away');
  });
});
