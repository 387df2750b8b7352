import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { findUserForSignIn } from '../users/queries';
import { authConfig } from './config';
import { oauthProvidersFromEnv } from './oauth-providers';
import { verifyPasswordOrDummy } from './password';
import { clientIp, isSignInThrottled, recordSignInOutcome, signInThrottleKeys } from './throttle';

/** Too many failures for this account or address; the sign-in form explains. */
export class SignInThrottled extends CredentialsSignin {
  code = 'throttled';
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
        const keys = signInThrottleKeys(parsed.data.email, clientIp(request.headers));
        if (await isSignInThrottled(keys)) throw new SignInThrottled();

        const user = await findUserForSignIn(parsed.data.email);
        const passwordMatches = await verifyPasswordOrDummy(parsed.data.password, user?.passwordHash ?? null);
        const succeeded = !!user && user.active && passwordMatches;
        await recordSignInOutcome(keys, succeeded);
        if (!succeeded || !user) return null;
        return { id: user.id, name: user.name, email: user.email, role: user.role };
      },
    }),
    ...oauthProvidersFromEnv(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account }) {
      if (!account || account.provider === 'credentials') return true;
      // OAuth/OIDC: only an existing, active Attest account with this email.
      const existing = user.email ? await findUserForSignIn(user.email) : null;
      return !!existing?.active;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const attestUser = account.provider === 'credentials' ? user : user.email ? await findUserForSignIn(user.email) : null;
        if (attestUser?.id) {
          token.uid = attestUser.id;
          token.role = 'role' in attestUser ? (attestUser.role as typeof token.role) : undefined;
        }
      }
      return token;
    },
  },
});
