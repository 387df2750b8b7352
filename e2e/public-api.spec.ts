import { expect, test } from './fixtures/test';
import { sql } from './fixtures/database';

type ListItem = { slug: string; publishedAt: string; url: string; rating: { key: string; label: string; value: number | null } | null };

test.describe('public read API', () => {
  test('lists published claims newest first, page by page, without repeating one', async ({ request }) => {
    const seen: ListItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await request.get(`/api/claims?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { items: ListItem[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(4);
      seen.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 20);

    expect(seen.length).toBeGreaterThanOrEqual(12);
    expect(new Set(seen.map((item) => item.slug)).size).toBe(seen.length);
    const times = seen.map((item) => Date.parse(item.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(seen.map((item) => item.slug)).not.toContain('choe-son-hui-renforcer-arsenal-nucleaire');
    const first = seen[0];
    expect(first?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/claims\//);
    expect(first?.rating).toEqual(expect.objectContaining({ key: expect.any(String), label: expect.any(String) }));
  });

  test('returns one claim with its verdict, evidence, appearances, relations and history', async ({ request }) => {
    const response = await request.get('/api/claims/blinken-10-000-soldats-nord-coreens-en-russie');
    expect(response.status()).toBe(200);
    const claim = await response.json();
    expect(claim.claimant).toEqual(expect.objectContaining({ name: 'Antony Blinken', slug: 'antony-blinken' }));
    expect(claim.verdict.rating).toEqual(expect.objectContaining({ key: 'mostly-true', label: 'Plutôt vrai', value: 5 }));
    expect(claim.verdict.evidence.length).toBeGreaterThan(0);
    expect(claim.verdict.evidence[0].quote).toEqual(
      expect.objectContaining({ exact: expect.any(String), prefix: expect.any(String), suffix: expect.any(String), start: expect.any(Number), end: expect.any(Number) }),
    );
    expect(claim.appearances).toHaveLength(3);
    expect(claim.history).toHaveLength(1);
    expect(claim.history[0].rating.key).toBe('unproven');
    expect(claim.history[0].correction.note).toContain('Invérifiable');
    expect(claim.relations).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'CONTRADICTS', claim: expect.objectContaining({ slug: 'kremlin-soldats-nord-coreens-fausses-nouvelles' }) })]),
    );
  });

  test('every appearance quote can be checked against the archived source text by its offsets', async ({ request }) => {
    const claim = await (await request.get('/api/claims/kremlin-soldats-nord-coreens-fausses-nouvelles')).json();
    for (const appearance of claim.appearances) {
      const source = await (await request.get(`/api/sources/${appearance.source.id}`)).json();
      const { exact, prefix, suffix, start, end } = appearance.quote;
      const characters = Array.from(source.text as string);
      expect(characters.slice(start, end).join('')).toBe(exact);
      expect(characters.slice(start - Array.from(prefix as string).length, start).join('')).toBe(prefix);
      expect(characters.slice(end, end + Array.from(suffix as string).length).join('')).toBe(suffix);
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  test('drafts, claims in review and unknown ids are 404 with a JSON error', async ({ request }) => {
    // The slugs must name claims that exist in those states, or the 404s prove nothing.
    const unpublished = await sql`SELECT slug, status FROM claims WHERE slug IN ('choe-son-hui-renforcer-arsenal-nucleaire', 'blinken-troupes-pas-encore-au-combat') ORDER BY slug`;
    expect(unpublished.map((claim) => [claim.slug, claim.status])).toEqual([
      ['blinken-troupes-pas-encore-au-combat', 'IN_REVIEW'],
      ['choe-son-hui-renforcer-arsenal-nucleaire', 'DRAFT'],
    ]);
    for (const path of [
      '/api/claims/choe-son-hui-renforcer-arsenal-nucleaire',
      '/api/claims/blinken-troupes-pas-encore-au-combat',
      '/api/claims/no-such-claim',
      '/api/sources/no-such-source',
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect((await response.json()).error.code).toBe('NOT_FOUND');
    }
  });

  test('a bad cursor or limit gets a 400 that says what is wrong', async ({ request }) => {
    const badCursor = await request.get('/api/claims?cursor=not-a-cursor');
    expect(badCursor.status()).toBe(400);
    expect((await badCursor.json()).error.message).toContain('cursor');
    const badLimit = await request.get('/api/claims?limit=1000');
    expect(badLimit.status()).toBe(400);
    expect((await badLimit.json()).error.message).toContain('limit');
  });
});
