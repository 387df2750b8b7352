import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baselineSecurityHeaders, isServedOverHttps, PERMISSIONS_POLICY } from './headers';

test('every response says nosniff, denies framing, trims the referrer and carries a CSP', () => {
  const headers = new Map(baselineSecurityHeaders().map(({ key, value }) => [key, value]));
  assert.equal(headers.get('X-Content-Type-Options'), 'nosniff');
  assert.equal(headers.get('X-Frame-Options'), 'DENY');
  assert.equal(headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin');
  assert.match(headers.get('Content-Security-Policy') ?? '', /frame-ancestors 'none'/);
  assert.equal(headers.get('Permissions-Policy'), PERMISSIONS_POLICY);
});

test('camera, microphone, geolocation and payment are off', () => {
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment']) {
    assert.ok(PERMISSIONS_POLICY.split(', ').includes(`${feature}=()`), feature);
  }
});

test('HTTPS is recognised from the request URL or the reverse proxy’s X-Forwarded-Proto', () => {
  const plain = new URL('http://attest.example/claims/x');
  const secure = new URL('https://attest.example/claims/x');
  assert.equal(isServedOverHttps(secure, new Headers()), true);
  assert.equal(isServedOverHttps(plain, new Headers({ 'x-forwarded-proto': 'https' })), true);
  assert.equal(isServedOverHttps(plain, new Headers()), false);
  assert.equal(isServedOverHttps(plain, new Headers({ 'x-forwarded-proto': 'http' })), false);
});
