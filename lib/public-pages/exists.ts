import { isPublicClaimSlug } from '../claims/queries';
import { isPublicSourceId } from '../sources/queries';

// Next.js 16 serves an empty <body> when a page calls notFound() in a
// production build (vercel/next.js#62228, #98295): without JavaScript a reader
// sees a blank page. Unmatched URLs do render not-found.tsx, so the proxy
// sends unknown claim and source URLs there instead.
//
// Only positive answers are remembered: a URL that was once public stays
// public (archiving keeps it readable, nothing is deleted), so a "yes" never
// goes stale, while a "no" must be asked again (the claim may be published
// a second later).
const KNOWN_PUBLIC_LIMIT = 20_000;
const knownPublic = new Set<string>();

const PUBLIC_PAGE = /^\/(claims|sources)\/([^/]+)\/?$/;

/** Returns false only for a claim or source page whose record is not public. */
export async function publicPageExists(pathname: string): Promise<boolean> {
  const match = PUBLIC_PAGE.exec(pathname);
  if (!match) return true;
  const [, kind, encoded] = match;
  if (!kind || !encoded) return true;
  let key: string;
  try {
    key = decodeURIComponent(encoded);
  } catch {
    return false;
  }
  const cacheKey = `${kind}:${key}`;
  if (knownPublic.has(cacheKey)) return true;
  const exists = kind === 'claims' ? await isPublicClaimSlug(key) : await isPublicSourceId(key);
  if (exists) {
    if (knownPublic.size >= KNOWN_PUBLIC_LIMIT) knownPublic.clear();
    knownPublic.add(cacheKey);
  }
  return exists;
}
