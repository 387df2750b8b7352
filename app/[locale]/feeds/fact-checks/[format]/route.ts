import { factCheckFeedResponse } from '@/lib/feeds/fact-check-feed';

/** The latest published fact checks: /feeds/fact-checks/{rss,atom,json} (English: /en/feeds/…). */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/feeds/fact-checks/[format]'>) {
  const { locale, format } = await params;
  return factCheckFeedResponse({ kind: 'latest' }, locale, format);
}
