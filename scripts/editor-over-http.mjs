// An editor and a reader of a running Attest, over plain HTTP, for the
// cluster test (scripts/cluster.integration.mjs) and the benchmark
// (scripts/bench-public.mjs): sign in and "Approve and publish" through one
// instance's real server actions, so that its commit → updateTag → Varnish
// purge path runs as it does for a browser; read a claim page's verdict.
// Loaded through tsx (it uses the seed's TypeScript factories).

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVerdict } from '../seed/factories/claims.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const demo = JSON.parse(fs.readFileSync(path.join(ROOT, 'seed', 'factories', 'demo-accounts.json'), 'utf8'));
/** A demo editor who did not write the arranged verdicts, so may review them. */
export const REVIEWER = { email: demo.accounts.editor.email, password: demo.password };
const SEED_AUTHOR_EMAIL = 'seed-author@attest.local';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let manifest;

/** The id of a server action of the build. */
function serverActionId(file, name) {
  manifest ??= JSON.parse(fs.readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8'));
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === file && entry.exportedName === name) return id;
  }
  throw new Error(`${file}#${name} is not in the build's server-reference manifest`);
}

/**
 * Calls a (previousState, formData) action on the page at `route` as React does: the form's fields
 * under "_1_", then the root "0" referring to them. Resolves { status,
 * redirectedTo, cookies }.
 */
async function callAction(baseUrl, route, id, fields, cookie = '') {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
  body.append('0', '[null,"$K1"]');
  // Multipart-encoded as fetch would, but sent on a connection of its own:
  // a POST must not go out on a pooled keep-alive connection the server may
  // be closing (after a load test, it is), and may not be retried.
  const encoded = new Response(body);
  const payload = Buffer.from(await encoded.arrayBuffer());
  const response = await new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}${route}`, {
      method: 'POST',
      agent: false,
      headers: { 'Next-Action': id, Accept: 'text/x-component', Origin: baseUrl, Cookie: cookie, 'Content-Type': encoded.headers.get('content-type'), 'Content-Length': payload.length },
    });
    request.once('response', (incoming) => {
      incoming.resume();
      incoming.once('end', () => resolve(incoming));
    });
    request.once('error', reject);
    request.end(payload);
  });
  const cookies = [response.headers['set-cookie'] ?? []].flat().map((line) => line.split(';')[0]);
  return { status: response.statusCode, redirectedTo: response.headers['x-action-redirect'] ?? null, cookies };
}

/** Signs in through the sign-in form's action on one instance; resolves the Cookie header of the session. */
export async function signIn(baseUrl, { email, password }) {
  const result = await callAction(baseUrl, '/login', serverActionId('lib/auth/actions.ts', 'signInAction'), { email, password });
  const session = result.cookies.find((pair) => /session-token=/.test(pair));
  assert.ok(session, `signing in as ${email} on ${baseUrl} set no session cookie (status ${result.status}, redirect ${result.redirectedTo})`);
  return result.cookies.join('; ');
}

/** "Approve and publish" on one instance, as the signed-in reviewer. */
export async function approve(baseUrl, cookie, verdict) {
  const id = serverActionId('lib/verdicts/actions.ts', 'approveVerdictAction');
  const result = await callAction(baseUrl, `/dashboard/review/${encodeURIComponent(verdict.id)}`, id, { verdictId: verdict.id, version: String(verdict.version) }, cookie);
  assert.match(result.redirectedTo ?? '', /done=published/, `approving ${verdict.id} did not publish (status ${result.status}, redirect ${result.redirectedTo})`);
}

/**
 * A published claim with a published verdict, and a submitted correction of
 * it by the seed's author (so the demo editor may review it), with a headline
 * of its own to look for on the page.
 */
export async function arrangeCorrection(prisma, sql, claimSlug) {
  const [claim] = await sql`
    SELECT c.id, c.slug, v.headline, a.source_id FROM claims c
    JOIN verdicts v ON v.claim_id = c.id AND v.state = 'PUBLISHED'
    JOIN appearances a ON a.claim_id = c.id
    WHERE c.status = 'PUBLISHED' ${claimSlug ? sql`AND c.slug = ${claimSlug}` : sql``}
    ORDER BY c.slug LIMIT 1`;
  assert.ok(claim, 'the seeded database has no published claim with a published verdict');
  const [author] = await sql`SELECT id FROM users WHERE email = ${SEED_AUTHOR_EMAIL}`;
  assert.ok(author, `the seeded database has no ${SEED_AUTHOR_EMAIL}`);
  const verdict = await createVerdict(prisma, { claimId: claim.id, authorId: author.id, state: 'SUBMITTED', evidenceSourceId: claim.source_id, correctionNote: 'Correction publiée par le test du cluster.' });
  const headline = `Verdict du cluster ${crypto.randomBytes(4).toString('hex')}`;
  await sql`UPDATE verdicts SET headline = ${headline} WHERE id = ${verdict.id}`;
  const [{ version }] = await sql`SELECT version FROM verdicts WHERE id = ${verdict.id}`;
  return { claimPath: `/claims/${claim.slug}`, oldHeadline: claim.headline, newHeadline: headline, verdict: { id: verdict.id, version } };
}

/** The claim page's current verdict headline (earlier verdicts are listed too, under another class). */
export async function currentHeadline(url) {
  // A keep-alive connection the server closed while idle fails once; a GET may be retried.
  const response = await fetch(url).catch(() => fetch(url));
  const html = await response.text();
  assert.equal(response.status, 200, `GET ${url}: ${response.status}`);
  const match = html.match(/class="verdict-headline"[^>]*>([^<]*)</);
  assert.ok(match, `GET ${url}: no current verdict on the page`);
  return {
    headline: match[1],
    cache: response.headers.get('x-cache'),
    stale: response.headers.get('x-cache-stale') === '1',
    age: Number(response.headers.get('age') ?? 0),
    // What Next's cache said when the page was rendered (HIT, STALE, MISS): where an old page came from.
    nextCache: response.headers.get('x-nextjs-cache'),
  };
}

/**
 * Polls fn until it resolves true; resolves the milliseconds that took.
 * Throws, with describeLast(), if that was not within deadlineMs (a slow
 * answer that comes true after the deadline counts as late).
 */
export async function pollUntil(fn, deadlineMs, describeLast) {
  const started = performance.now();
  for (;;) {
    const done = (await fn()) === true;
    const elapsed = performance.now() - started;
    if (elapsed > deadlineMs) throw new assert.AssertionError({ message: `not within ${deadlineMs} ms (${done ? 'only' : 'still not'} after ${Math.round(elapsed)} ms): ${describeLast()}` });
    if (done) return elapsed;
    await sleep(25);
  }
}
