import { factCheckFeedResponse } from '@/lib/feeds/fact-check-feed';

/** One claimant's published fact checks: /feeds/claimants/{slug}/{rss,atom,json}. */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/feeds/claimants/[slug]/[format]'>) {
  const { locale, slug, format } = await params;
  return factCheckFeedResponse({ kind: 'claimant', slug }, locale, format);
}
