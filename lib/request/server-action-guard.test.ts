import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NextRequest } from 'next/server';
import nextConfig from '../../next.config';
import { SERVER_ACTION_ALLOWED_ORIGINS, SERVER_ACTION_BODY_LIMIT_BYTES, refuseServerActionPost } from './server-action-guard';

// The guard answers before Next.js, so it must refuse exactly what Next's own
// action handler would: the same size limit and the same allowed origins.

test('uses next.config.ts’s server-action body limit and allowed origins', () => {
  const serverActions = nextConfig.experimental?.serverActions;
  const limit = String(serverActions?.bodySizeLimit ?? '1mb');
  const match = /^(\d+)mb$/i.exec(limit);
  assert.ok(match?.[1], `bodySizeLimit "${limit}" is written in mb`);
  assert.equal(SERVER_ACTION_BODY_LIMIT_BYTES, Number(match[1]) * 1024 * 1024);
  assert.deepEqual([...SERVER_ACTION_ALLOWED_ORIGINS], serverActions?.allowedOrigins ?? []);
});

function actionPost(headers: Record<string, string>) {
  return new NextRequest('http://127.0.0.1:3102/dashboard/claims/new', {
    method: 'POST',
    headers: { host: '127.0.0.1:3102', 'next-action': '60abc', 'content-type': 'multipart/form-data; boundary=x', ...headers },
  });
}

test('refuses a body over the limit with a 413, and a foreign or unreadable Origin with a 403', async () => {
  const tooLarge = refuseServerActionPost(actionPost({ 'content-length': String(SERVER_ACTION_BODY_LIMIT_BYTES + 1), origin: 'http://127.0.0.1:3102' }));
  assert.equal(tooLarge?.status, 413);
  assert.match((await tooLarge?.text()) ?? '', /larger than 5 MB/);
  for (const origin of ['https://evil.example', 'http://127.0.0.1:3103', 'not a url']) {
    const foreign = refuseServerActionPost(actionPost({ 'content-length': '10', origin }));
    assert.equal(foreign?.status, 403, origin);
    assert.match((await foreign?.text()) ?? '', /sent from another site/);
  }
  assert.equal(refuseServerActionPost(actionPost({}))?.status, 411, 'no Content-Length');
});

test('lets through what Next accepts, and everything that is not an action post', () => {
  assert.equal(refuseServerActionPost(actionPost({ 'content-length': String(SERVER_ACTION_BODY_LIMIT_BYTES), origin: 'http://127.0.0.1:3102' })), null);
  assert.equal(refuseServerActionPost(actionPost({ 'content-length': '10' })), null, 'no Origin: a handcrafted request, as Next allows');
  assert.equal(refuseServerActionPost(actionPost({ 'content-length': '10', origin: 'https://attest.example', 'x-forwarded-host': 'attest.example' })), null);
  const page = new NextRequest('http://127.0.0.1:3102/claims/x', { headers: { origin: 'https://evil.example' } });
  assert.equal(refuseServerActionPost(page), null);
});
