import type { NextAuthConfig } from 'next-auth';
import type { Role } from '../generated/prisma/enums';

// The part of the Auth.js configuration that the proxy can load: no
// providers, no database. The proxy only checks that a session cookie exists;
// every action and non-public read re-checks the actor against the database
// (lib/auth/index.ts re-reads the user, and their session epoch, on every
// read of the session).

declare module 'next-auth' {
  interface Session {
    user: { id: string; role: Role; name: string; email: string; sessionEpoch: number };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The user's session epoch when the token was issued; see users.session_epoch. */
    epoch?: number;
  }
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

export const authConfig = {
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      if (token.role) session.user.role = token.role;
      if (token.epoch !== undefined) session.user.sessionEpoch = token.epoch;
      return session;
    },
  },
} satisfies NextAuthConfig;
