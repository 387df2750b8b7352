import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { z } from 'zod';
import { localeFromAcceptLanguage } from '../i18n/locales';
import { clientAddressFromHeaders } from '../request/client-address';
import { endUserSessions, rememberBrowserLocale } from '../users/mutations';
import { findActiveActor, findUserForSignIn } from '../users/queries';
import { authConfig } from './config';
import { oauthProvidersFromEnv } from './oauth-providers';
import { safeRedirectUrl } from './schema';
import { signInWithPassword } from './sign-in';
import type { SignInLock } from './throttle';

/** Too many failures for this account or address; the sign-in form says which, and for how long. */
export class SignInThrottled extends CredentialsSignin {
  code = 'throttled';
  constructor(readonly lock: SignInLock) {
    super();
  }
}

const credentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
});

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      // Throttling lives here, not in the form's action, so that posting to
      // /api/auth/callback/credentials directly is throttled too.
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const outcome = await signInWithPassword(parsed.data, clientAddressFromHeaders(request.headers));
        if (outcome.status === 'throttled') throw new SignInThrottled(outcome.lock);
        return outcome.status === 'signed-in' ? outcome.user : null;
      },
    }),
    ...oauthProvidersFromEnv(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // Every redirect after signing in or out: only to this site.
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    async signIn({ user, account }) {
      if (!account || account.provider === 'credentials') return true;
      // OAuth/OIDC: only an existing, active Attest account with this email.
      const existing = user.email ? await findUserForSignIn(user.email) : null;
      return !!existing?.active;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        // Signing in: the token names the user and the session epoch it was issued in.
        const attestUser = user.email ? await findUserForSignIn(user.email) : null;
        if (!attestUser?.active) return null;
        // The first sign-in of an account without a dashboard language: the browser's.
        if (attestUser.locale === null) {
          const browserLocale = localeFromAcceptLanguage((await headers()).get('accept-language'));
          if (browserLocale) await rememberBrowserLocale(attestUser.id, browserLocale);
        }
        return { ...token, uid: attestUser.id, role: attestUser.role, epoch: attestUser.sessionEpoch };
      }
      // Every later read of the session (auth(), /api/auth/session): the user
      // must still be active, and the token from their current epoch. A null
      // token is no session, and Auth.js clears the cookie where it can.
      if (!token.uid || token.epoch === undefined) return null;
      const actor = await findActiveActor(token.uid, token.epoch);
      if (!actor) return null;
      return { ...token, role: actor.role, name: actor.name, email: actor.email };
    },
  },
  events: {
    // Signing out ends the session for good, not only in this browser: the
    // epoch moves on, and a copy of the cookie taken before is refused.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      if (token?.uid && token.epoch !== undefined) await endUserSessions(token.uid, token.epoch);
    },
  },
});
