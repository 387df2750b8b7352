import { expect, test } from './fixtures/test';

// The search over HTTP: GET /api/claims?q=… (Attest's read API) and
// GET /api/factcheck/claims:search (Google's Fact Check Tools Claim Search
// API shape), parsed against the documented shapes on the seeded corpus.

type Segment = { text: string; match: boolean };
type SearchItem = {
  slug: string;
  summary: string;
  text: string;
  language: string;
  claimant: { name: string; slug: string };
  rating: { key: string; label: string } | null;
  publishedAt: string;
  url: string;
  highlights?: { summary: Segment[]; text: Segment[] };
};

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A claims.search answer, checked against Google's FactCheckedClaimSearchResponse: only its fields, with their types. */
function expectClaimSearchResponse(body: unknown): { claims: { text: string; claimant: string; claimDate?: string; claimReview: Record<string, unknown>[] }[]; nextPageToken?: string } {
  expect(body).toEqual(expect.objectContaining({ claims: expect.any(Array) }));
  const response = body as { claims: unknown[]; nextPageToken?: unknown };
  expect(Object.keys(response).every((key) => key === 'claims' || key === 'nextPageToken')).toBe(true);
  if ('nextPageToken' in response) expect(typeof response.nextPageToken).toBe('string');
  for (const claim of response.claims as Record<string, unknown>[]) {
    expect(Object.keys(claim).every((key) => ['text', 'claimant', 'claimDate', 'claimReview'].includes(key))).toBe(true);
    expect(claim).toEqual(expect.objectContaining({ text: expect.any(String), claimant: expect.any(String), claimReview: expect.any(Array) }));
    if ('claimDate' in claim) expect(claim.claimDate).toMatch(isoTimestamp);
    for (const review of claim.claimReview as Record<string, unknown>[]) {
      expect(Object.keys(review).every((key) => ['publisher', 'url', 'title', 'reviewDate', 'textualRating', 'languageCode'].includes(key))).toBe(true);
      expect(review).toEqual(
        expect.objectContaining({
          publisher: { name: expect.any(String), site: expect.any(String) },
          url: expect.stringMatching(/^https?:\/\/[^/]+\/claims\//),
          title: expect.any(String),
          textualRating: expect.any(String),
          languageCode: expect.stringMatching(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/),
        }),
      );
      if ('reviewDate' in review) expect(review.reviewDate).toMatch(isoTimestamp);
    }
  }
  return body as ReturnType<typeof expectClaimSearchResponse>;
}

test.describe('GET /api/claims?q=', () => {
  test('searches as the page does: a typo finds the claim, the words matched are marked, pages follow nextCursor', async ({ request }) => {
    const response = await request.get('/api/claims?q=Pyongyng&limit=2');
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: SearchItem[]; nextCursor: string | null };
    expect(body.items).toHaveLength(2);
    expect(body.items[0]?.summary).toContain('Pyongyang');
    expect(body.items[0]?.highlights?.summary.filter((segment) => segment.match).map((segment) => segment.text)).toContain('Pyongyang');
    expect(body.items[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/claims\//);

    const seen = [...body.items];
    let cursor = body.nextCursor;
    for (let page = 0; cursor && page < 20; page++) {
      const next = (await (await request.get(`/api/claims?q=Pyongyng&limit=2&cursor=${cursor}`)).json()) as typeof body;
      seen.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(cursor).toBeNull();
    expect(new Set(seen.map((item) => item.slug)).size).toBe(seen.length);
    const whole = (await (await request.get('/api/claims?q=Pyongyng&limit=100')).json()) as typeof body;
    expect(seen.map((item) => item.slug)).toEqual(whole.items.map((item) => item.slug));
  });

  test('filters by rating, claimant and date, with or without text; unpublished claims never appear', async ({ request }) => {
    const rated = (await (await request.get('/api/claims?q=soldats&rating=mostly-false')).json()) as { items: SearchItem[] };
    expect(rated.items.length).toBeGreaterThan(0);
    expect(rated.items.every((item) => item.rating?.key === 'mostly-false')).toBe(true);

    const byBlinken = (await (await request.get('/api/claims?claimant=antony-blinken')).json()) as { items: SearchItem[] };
    expect(byBlinken.items.map((item) => item.slug)).toEqual(['blinken-8-000-soldats-deployes-koursk', 'blinken-10-000-soldats-nord-coreens-en-russie']);
    expect(byBlinken.items[0]?.highlights).toBeUndefined();

    const november = (await (await request.get('/api/claims?from=2024-11-01&to=2024-11-30')).json()) as { items: SearchItem[] };
    expect(november.items.map((item) => item.slug)).toEqual(['blinken-10-000-soldats-nord-coreens-en-russie']);

    const drafts = (await (await request.get('/api/claims?q=arsenal%20renforcer')).json()) as { items: SearchItem[] };
    expect(drafts.items).toEqual([]);
  });

  test('refuses a bad query with a 400 that names the parameter', async ({ request }) => {
    for (const [query, field] of [
      ['q=a%00b', 'q'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['q=soldats&cursor=not-a-cursor', 'cursor'],
      ['from=2024-13-01', 'from'],
      ['from=2024-12-02&to=2024-12-01', 'to'],
      ['rating=%3Cscript%3E', 'rating'],
    ] as const) {
      const response = await request.get(`/api/claims?${query}`);
      expect(response.status(), query).toBe(400);
      const body = (await response.json()) as { error: { code: string; details: Record<string, string[]> } };
      expect(body.error.code).toBe('BAD_REQUEST');
      expect(Object.keys(body.error.details), query).toContain(field);
    }
    // A listing cursor is not a search cursor.
    const listing = (await (await request.get('/api/claims?limit=1')).json()) as { nextCursor: string };
    expect((await request.get(`/api/claims?q=soldats&cursor=${listing.nextCursor}`)).status()).toBe(400);
  });
});

test.describe('GET /api/factcheck/claims:search', () => {
  test('answers in the Claim Search API’s shape, Attest as the publisher, page by page', async ({ request }) => {
    const response = await request.get('/api/factcheck/claims:search?query=Lavrof&languageCode=fr-FR&pageSize=1');
    expect(response.status()).toBe(200);
    const first = expectClaimSearchResponse(await response.json());
    expect(first.claims).toHaveLength(1);
    expect(first.claims[0]?.claimant).toBe('Sergueï Lavrov');
    expect(first.claims[0]?.claimReview[0]).toEqual(
      expect.objectContaining({ publisher: { name: 'Attest', site: '127.0.0.1' }, languageCode: 'fr', reviewDate: expect.any(String) }),
    );
    expect(first.nextPageToken).toEqual(expect.any(String));

    const second = expectClaimSearchResponse(
      await (await request.get(`/api/factcheck/claims:search?query=Lavrof&languageCode=fr-FR&pageSize=1&pageToken=${first.nextPageToken}`)).json(),
    );
    expect(second.claims).toHaveLength(1);
    expect(second.claims[0]?.text).not.toBe(first.claims[0]?.text);
  });

  test('languageCode, maxAgeDays and reviewPublisherSiteFilter filter as Google’s do', async ({ request }) => {
    const english = expectClaimSearchResponse(await (await request.get('/api/factcheck/claims:search?query=soldats&languageCode=en')).json());
    expect(english.claims).toEqual([]);
    // The seeded reviews are from 2024: none is a day old (fact checks other specs publish today may be).
    const recent = expectClaimSearchResponse(await (await request.get('/api/factcheck/claims:search?query=soldats&maxAgeDays=1')).json());
    const dayAgo = Date.now() - 24 * 3600 * 1000;
    for (const claim of recent.claims) {
      const dates = [claim.claimDate, ...claim.claimReview.map((review) => review.reviewDate)].filter((date): date is string => typeof date === 'string');
      const newest = Math.max(...dates.map((date) => Date.parse(date)));
      expect(newest, claim.text).toBeGreaterThanOrEqual(dayAgo);
    }
    const otherSite = expectClaimSearchResponse(await (await request.get('/api/factcheck/claims:search?reviewPublisherSiteFilter=nytimes.com')).json());
    expect(otherSite.claims).toEqual([]);
    // This site, without a query: its fact checks, newest first.
    const ours = expectClaimSearchResponse(await (await request.get('/api/factcheck/claims:search?reviewPublisherSiteFilter=127.0.0.1&pageSize=100')).json());
    expect(ours.claims.length).toBeGreaterThanOrEqual(12);
    expect(ours.nextPageToken).toBeUndefined();
  });

  test('refuses bad parameters with Google’s INVALID_ARGUMENT error', async ({ request }) => {
    for (const [query, field] of [
      ['', 'query'],
      ['query=x&pageSize=0', 'pageSize'],
      ['query=x&pageSize=abc', 'pageSize'],
      ['query=x&offset=10', 'offset'],
      ['query=x&maxAgeDays=-1', 'maxAgeDays'],
      ['query=x&languageCode=%3Cb%3E', 'languageCode'],
      ['query=x&pageToken=garbage', 'pageToken'],
      ['query=a%00b', 'query'],
    ] as const) {
      const response = await request.get(`/api/factcheck/claims:search?${query}`);
      expect(response.status(), query).toBe(400);
      const body = (await response.json()) as { error: { code: number; status: string; message: string; details: { fieldViolations: { field: string }[] }[] } };
      expect(body.error).toEqual(expect.objectContaining({ code: 400, status: 'INVALID_ARGUMENT', message: expect.any(String) }));
      expect(body.error.details[0]?.fieldViolations.map((violation) => violation.field), query).toContain(field);
    }
  });
});
