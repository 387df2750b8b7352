import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeCallbackPath, safeRedirectUrl } from './schema';

// Where a signed-in editor is sent after signing in. A browser strips tab, CR
// and LF from a URL and reads a backslash as a slash, so a value that starts
// with one slash can still name another host once it is followed.

describe('safeCallbackPath', () => {
  const hostile = [
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/\t\\evil.example',
    'https://evil.example/dashboard',
    'HTTPS://evil.example',
    'http:evil.example',
    'https:/\\evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//attest.invalid@evil.example',
    '/.//evil.example',
    '/./\t/evil.example',
  ];
  for (const value of hostile) {
    test(`${JSON.stringify(value)} falls back to /dashboard`, () => {
      assert.equal(safeCallbackPath(value), '/dashboard');
    });
  }

  test('nothing, or not a string, falls back to /dashboard', () => {
    for (const value of [undefined, null, '', '\n', ' \t\r\n', ['/dashboard/claims', '//evil.example']]) {
      assert.equal(safeCallbackPath(value), '/dashboard', JSON.stringify(value));
    }
  });

  const kept: [string, string][] = [
    ['/dashboard/claims', '/dashboard/claims'],
    ['/dashboard/claims?status=DRAFT&q=Kim#list', '/dashboard/claims?status=DRAFT&q=Kim#list'],
    ['/dashboard/claims/abc', '/dashboard/claims/abc'],
    // What a browser would request anyway: control characters removed, the rest encoded.
    ['/dash\r\nboard', '/dashboard'],
    ['/dashboard/claims?q=a b', '/dashboard/claims?q=a%20b'],
    ['/dashboard/../claims', '/claims'],
    ['/dashboard\\claims', '/dashboard/claims'],
    ['/\u0000/evil.example', '/%00/evil.example'],
  ];
  for (const [value, expected] of kept) {
    test(`${JSON.stringify(value)} is kept as ${expected}`, () => assert.equal(safeCallbackPath(value), expected));
  }

  test('an absolute URL on the site’s own origin is kept as its path', () => {
    assert.equal(safeCallbackPath('https://attest.example/dashboard/users?x=1', 'https://attest.example'), '/dashboard/users?x=1');
    assert.equal(safeCallbackPath('https://attest.example.evil.example/dashboard', 'https://attest.example'), '/dashboard');
    assert.equal(safeCallbackPath('http://attest.example/dashboard', 'https://attest.example'), '/dashboard', 'another scheme is another origin');
  });

  test('the result never carries a character that cannot go into a Location header', () => {
    for (const value of [...hostile, ...kept.map(([input]) => input), '/dashboard\u2028x', '/é']) {
      assert.match(safeCallbackPath(value), /^\/(?![/\\])[\x21-\x7e]*$/, JSON.stringify(value));
    }
  });
});

describe('safeRedirectUrl (the Auth.js redirect callback)', () => {
  const baseUrl = 'http://127.0.0.1:3000';
  test('keeps same-origin targets, absolute or not, and sends the rest to the dashboard', () => {
    assert.equal(safeRedirectUrl('/dashboard/claims', baseUrl), `${baseUrl}/dashboard/claims`);
    assert.equal(safeRedirectUrl(`${baseUrl}/dashboard/users`, baseUrl), `${baseUrl}/dashboard/users`);
    assert.equal(safeRedirectUrl('/\t/evil.example', baseUrl), `${baseUrl}/dashboard`);
    assert.equal(safeRedirectUrl('https://evil.example/', baseUrl), `${baseUrl}/dashboard`);
    assert.equal(safeRedirectUrl('/login', baseUrl), `${baseUrl}/login`, 'signing out lands on the sign-in page');
  });
});
