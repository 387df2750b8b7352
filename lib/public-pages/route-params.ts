/**
 * A page's dynamic segment as the address names it. Next.js 16 hands a page
 * component its segment still percent-encoded (/tags/%C3%89tats-Unis arrives
 * as "%C3%89tats-Unis", seen in production builds under both /… and /en/…),
 * while generateMetadata and route handlers may get it decoded
 * ("États-Unis"): decode it when it decodes. That is safe for what such a
 * segment holds: a decoded value has no "%XX" escape left (a tag with a
 * literal "%41" would be the one casualty), and a "%" not followed by two hex
 * digits stays as it is.
 */
export function pageParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
