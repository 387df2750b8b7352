import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { oauthProviderButtons } from './oauth-providers';

/** An environment holding only these variables. */
const envWith = (variables: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...variables });

describe('single sign-on buttons', () => {
  test('only the configured providers; an unnamed OIDC provider is named by the sign-in page, in the user’s language', () => {
    assert.deepEqual(oauthProviderButtons(envWith()), []);
    const oidc = { AUTH_OIDC_ISSUER: 'https://sso.example.org', AUTH_OIDC_ID: 'attest', AUTH_OIDC_SECRET: 'secret' };
    assert.deepEqual(oauthProviderButtons(envWith({ ...oidc, AUTH_GITHUB_ID: 'id', AUTH_GITHUB_SECRET: 'secret' })), [
      { id: 'github', name: 'GitHub' },
      { id: 'oidc', name: null },
    ]);
    assert.deepEqual(oauthProviderButtons(envWith({ ...oidc, AUTH_OIDC_NAME: 'Newsroom SSO' })), [{ id: 'oidc', name: 'Newsroom SSO' }]);
  });
});
