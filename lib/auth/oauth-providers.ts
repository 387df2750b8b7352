import type { Provider } from 'next-auth/providers';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';

// OAuth/OIDC sign-in is switched on by environment variables only. Attest is
// invite-only: these providers sign in an existing, active user whose email
// matches (see the signIn callback in lib/auth/index.ts); they never create one.
/** Auth.js's own name for an OIDC provider left unnamed; the sign-in page says it in the user's language. */
const DEFAULT_OIDC_NAME = 'Single sign-on';

export function oauthProvidersFromEnv(env: NodeJS.ProcessEnv = process.env): Provider[] {
  const providers: Provider[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    providers.push({
      id: 'oidc',
      name: env.AUTH_OIDC_NAME ?? DEFAULT_OIDC_NAME,
      type: 'oidc',
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
    });
  }
  return providers;
}

/** The sign-in page's buttons; `name` null: an OIDC provider without AUTH_OIDC_NAME ("Single sign-on" in the catalogue). */
export function oauthProviderButtons(env: NodeJS.ProcessEnv = process.env): { id: string; name: string | null }[] {
  return oauthProvidersFromEnv(env).map((provider) => {
    const resolved = typeof provider === 'function' ? provider() : provider;
    return { id: resolved.id, name: resolved.id === 'oidc' && !env.AUTH_OIDC_NAME ? null : resolved.name };
  });
}
