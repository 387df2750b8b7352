import { contentSecurityPolicy, PUBLIC_SCRIPT_POLICY, type PolicyOptions } from './content-security-policy';

export type Header = { key: string; value: string };

/**
 * Browser features no Attest page uses, switched off for the page and any
 * frame in it. Only features Chromium knows: an unknown name makes it log an
 * error on every page.
 */
const DISABLED_FEATURES = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

export const PERMISSIONS_POLICY = DISABLED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/** A year; subdomains too, so a dashboard served from its own subdomain is covered. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Sent with every response, whatever its route. */
export function baselineSecurityHeaders(options: PolicyOptions = {}): Header[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(PUBLIC_SCRIPT_POLICY, options) },
    { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    // Old browsers that ignore CSP's frame-ancestors.
    { key: 'X-Frame-Options', value: 'DENY' },
  ];
}

/**
 * Whether the browser reached us over HTTPS: the request URL says so (Next.js
 * builds it from the socket, or from X-Forwarded-Proto), or the reverse proxy
 * in front says so in X-Forwarded-Proto. HSTS sent over plain HTTP is ignored
 * by browsers, and sent from a development machine it would pin localhost to
 * HTTPS, so it goes out only then.
 */
export function isServedOverHttps(url: URL, headers: Headers): boolean {
  return url.protocol === 'https:' || headers.get('x-forwarded-proto') === 'https';
}
