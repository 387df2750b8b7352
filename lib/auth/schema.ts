import { z } from 'zod';
import { message } from '../i18n/message';

export const signInFormSchema = z.object({
  email: z.email(message('signIn.validation.email')).max(320, message('signIn.validation.email')),
  password: z.string(message('signIn.validation.password')).min(1, message('signIn.validation.password')).max(200, message('signIn.errors.wrongCredentials')),
  callbackUrl: z.string().max(2000).optional(),
});

/** Where a sign-in goes when it was given nowhere (or nowhere safe) to go. */
export const DEFAULT_CALLBACK_PATH = '/dashboard';

// Stands in for the site's origin when the caller does not know it (the
// /login page): only a path on it can come out, never another host.
const PLACEHOLDER_ORIGIN = 'https://attest.invalid';

/**
 * A path on this site to send a signed-in user to, or /dashboard. The value
 * is read as a browser would read it as a link: tab, CR and LF removed
 * anywhere (the URL standard does, so "/\t/evil.example" is "//evil.example"),
 * surrounding spaces and controls removed, backslashes as slashes. It is kept
 * only if it then resolves to `origin` itself, and it comes back as the
 * resolved, percent-encoded path: no character in it can break a Location
 * header.
 */
export function safeCallbackPath(value: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  // Blank once the browser's stripping is done: it would resolve to the home page.
  if (typeof value !== 'string' || /^[\x00-\x20]*$/.test(value)) return DEFAULT_CALLBACK_PATH;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(value, base);
  } catch {
    return DEFAULT_CALLBACK_PATH;
  }
  if (target.origin !== base.origin) return DEFAULT_CALLBACK_PATH;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser
  // given it on its own would read as another host.
  if (!path.startsWith('/') || path.startsWith('//')) return DEFAULT_CALLBACK_PATH;
  return path;
}

/**
 * Auth.js's `redirect` callback: every URL it redirects to after signing in
 * or out (a `callbackUrl` form field or query parameter, a cookie) passes
 * here. `baseUrl` is the site's origin.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  return `${new URL(baseUrl).origin}${safeCallbackPath(url, baseUrl)}`;
}
