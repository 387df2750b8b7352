import { siteSettings } from '../site/settings';

/**
 * The site's own address for links that leave the page (API answers, the
 * reader's follow-up link on screen and by email): ATTEST_PUBLIC_URL when the
 * newsroom set it — in production it should, since a client chooses the Host
 * header it sends — else the host the request came to.
 */
export function siteOriginFromHeaders(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const settings = siteSettings(env);
  if (settings.publicUrlConfigured) return settings.publicUrl;
  // Not X-Forwarded-Host: any client can send it, and a follow-up link
  // emailed to someone else must not point at the sender's site.
  const host = headers.get('host') || 'localhost';
  const protocol = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${protocol}://${/^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/i.test(host) ? host : 'localhost'}`;
}
