/**
 * The site's own address for links that leave the page (the reader's
 * follow-up link, on screen and by email): PUBLIC_BASE_URL when the
 * newsroom set it — in production it should, since a client chooses the Host
 * header it sends — else the host the request came to.
 */
export function siteOriginFromHeaders(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const configured = env.PUBLIC_BASE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || 'localhost';
  const protocol = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${protocol}://${/^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/i.test(host) ? host : 'localhost'}`;
}
