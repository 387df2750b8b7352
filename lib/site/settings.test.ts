import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { siteOriginFromHeaders } from '../request/site-origin';
import { absoluteUrl, siteSettings } from './settings';

describe('siteSettings', () => {
  test('defaults: this server on localhost, published as Attest, credited by name', () => {
    const settings = siteSettings({ PORT: '3456' });
    assert.equal(settings.publicUrl, 'http://localhost:3456');
    assert.equal(settings.publicUrlConfigured, false);
    assert.equal(settings.publisherName, 'Attest');
    assert.equal(settings.publisherLogo, 'http://localhost:3456/icon.png');
    assert.equal(settings.verdictCredits, 'names');
    assert.equal(settings.verdictTeam, 'Attest');
  });

  test('ATTEST_PUBLIC_URL wins over the older PUBLIC_BASE_URL, without its trailing slash', () => {
    const settings = siteSettings({ ATTEST_PUBLIC_URL: 'https://faits.example.org/', PUBLIC_BASE_URL: 'https://old.example.org' });
    assert.equal(settings.publicUrl, 'https://faits.example.org');
    assert.equal(absoluteUrl('/claims/x', settings), 'https://faits.example.org/claims/x');
    assert.equal(siteSettings({ PUBLIC_BASE_URL: 'https://old.example.org' }).publicUrl, 'https://old.example.org');
  });

  test('a logo path is made absolute on the public site; an absolute logo is kept', () => {
    assert.equal(siteSettings({ ATTEST_PUBLIC_URL: 'https://f.example', ATTEST_PUBLISHER_LOGO: '/brand/logo.png' }).publisherLogo, 'https://f.example/brand/logo.png');
    assert.equal(siteSettings({ ATTEST_PUBLISHER_LOGO: 'https://cdn.example/logo.png' }).publisherLogo, 'https://cdn.example/logo.png');
  });

  test('a team credit names the team, or the publisher when none is set', () => {
    assert.equal(siteSettings({ ATTEST_VERDICT_CREDITS: 'team', ATTEST_VERDICT_TEAM: 'La cellule vérification' }).verdictTeam, 'La cellule vérification');
    assert.equal(siteSettings({ ATTEST_VERDICT_CREDITS: 'team', ATTEST_PUBLISHER_NAME: 'Le Quotidien' }).verdictTeam, 'Le Quotidien');
  });

  test('a setting that cannot work stops with a message naming it', () => {
    assert.throws(() => siteSettings({ ATTEST_PUBLIC_URL: 'factcheck.example.org' }), /ATTEST_PUBLIC_URL must be an absolute/);
    assert.throws(() => siteSettings({ ATTEST_VERDICT_CREDITS: 'everyone' }), /ATTEST_VERDICT_CREDITS/);
  });
});

describe('siteOriginFromHeaders', () => {
  test('the configured address, whatever the request says', () => {
    const headers = new Headers({ host: 'evil.example', 'x-forwarded-proto': 'https' });
    assert.equal(siteOriginFromHeaders(headers, { ATTEST_PUBLIC_URL: 'https://faits.example.org' }), 'https://faits.example.org');
  });

  test('unconfigured: the Host the request came to, never a forged X-Forwarded-Host', () => {
    const headers = new Headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' });
    assert.equal(siteOriginFromHeaders(headers, {}), 'http://127.0.0.1:3000');
    assert.equal(siteOriginFromHeaders(new Headers({ host: 'bad host/<x>' }), {}), 'http://localhost');
  });
});
