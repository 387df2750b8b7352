import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/site/settings';

// Search engines may read every reader's page (a reader's private dispute
// follow-up and the contest form carry noindex instead of a Disallow, so that
// a crawler that finds one reads the noindex). The newsroom and the API stay
// out: the API's JSON, the Fact Check Tools answers and the exports are for
// programs, which do not need robots.txt's leave to call them, and the
// public pages already carry the same content as ClaimReview. Feeds live at
// /feeds/… and stay open.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/dashboard', '/login', '/api/'] },
    // Absolute, as the protocol asks: the site's public address (ATTEST_PUBLIC_URL), read when the server runs.
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
